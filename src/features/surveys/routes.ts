/** Where the survey pages live. The survey-closed message opens `results` with `?id=`. */
const PKG = '/packages/surveys/pages';
export const SURVEY_PAGES = {
  list: `${PKG}/list/index`,
  manage: `${PKG}/manage/index`,
  create: `${PKG}/edit/index`,
  edit: (id: string) => `${PKG}/edit/index?id=${encodeURIComponent(id)}`,
  answer: (id: string) => `${PKG}/answer/index?id=${encodeURIComponent(id)}`,
  results: (id: string) => `${PKG}/results/index?id=${encodeURIComponent(id)}`,
};
