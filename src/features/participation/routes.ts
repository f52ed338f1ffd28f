/** Where the 居民议事 and 治理项目 pages live. */
const PKG = '/packages/participation/pages';
export const PARTICIPATION_PAGES = {
  proposals: `${PKG}/proposals/index`,
  propose: `${PKG}/propose/index`,
  projects: `${PKG}/projects/index`,
  settings: `${PKG}/settings/index`,
  /** The 街道's list of every project of every 居民区. */
  street: `${PKG}/street/index`,
  /** 新建项目, or 编辑项目 with an id (the committee). */
  editProject: (id?: string) => (id ? `${PKG}/edit/index?id=${encodeURIComponent(id)}` : `${PKG}/edit/index`),
  proposal: (id: string) => `${PKG}/proposal/index?id=${encodeURIComponent(id)}`,
  project: (id: string) => `${PKG}/project/index?id=${encodeURIComponent(id)}`,
  answer: (id: string) => `${PKG}/answer/index?id=${encodeURIComponent(id)}`,
};
