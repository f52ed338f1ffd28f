import { callCloud } from '@/services/cloud';
import type { InputOf } from '@shared/catalogue';
import type { AnswerInput } from '@shared/domain/survey';

type Change = { surveyId: string; version: number };
export type SurveyListFilters = NonNullable<InputOf<'surveys', 'list'>['filters']>;

/** The surveys function's actions, as the pages use them. */
export const surveysApi = {
  list: (page: number, filters: SurveyListFilters = {}) => callCloud('surveys', 'list', { page, filters }),
  get: (surveyId: string) => callCloud('surveys', 'get', { surveyId }),
  create: (input: InputOf<'surveys', 'create'>) => callCloud('surveys', 'create', input),
  update: (input: InputOf<'surveys', 'update'>) => callCloud('surveys', 'update', input),
  publish: (change: Change) => callCloud('surveys', 'publish', change),
  close: (change: Change) => callCloud('surveys', 'close', change),
  answer: (surveyId: string, answer: AnswerInput) => callCloud('surveys', 'answer', { surveyId, answer }),
  results: (surveyId: string) => callCloud('surveys', 'results', { surveyId }),
  exportCsv: (surveyId: string) => callCloud('surveys', 'exportCsv', { surveyId }),
  /** The 居民区's grids, for a grid audience. */
  grids: () => callCloud('grids', 'overview', {}),
  /** The 居民区's councils (with their chairs now), for a council audience. */
  councils: () => callCloud('councils', 'list', { page: 1 }),
};
