import { callCloud } from '@/services/cloud';
import type { InputOf } from '@shared/catalogue';

type Change = { reportId: string; version: number; requestId: string };
export type ListFilters = NonNullable<InputOf<'reports', 'list'>['filters']>;

/** The reports function's actions, as the pages use them. */
export const reportsApi = {
  settings: () => callCloud('reports', 'settings', {}),
  saveSettings: (input: InputOf<'reports', 'saveSettings'>) => callCloud('reports', 'saveSettings', input),
  similar: (input: InputOf<'reports', 'similar'>) => callCloud('reports', 'similar', input),
  file: (input: InputOf<'reports', 'file'>) => callCloud('reports', 'file', input),
  join: (reportId: string) => callCloud('reports', 'join', { reportId }),
  mine: (page: number) => callCloud('reports', 'mine', { page }),
  get: (reportId: string) => callCloud('reports', 'get', { reportId }),
  queue: (page: number) => callCloud('reports', 'queue', { page }),
  list: (page: number, filters: ListFilters) => callCloud('reports', 'list', { page, filters }),
  accept: (change: Change, message: string) => callCloud('reports', 'accept', { ...change, message }),
  handOver: (change: Change, to: InputOf<'reports', 'handOver'>['to'], reason: string) => callCloud('reports', 'handOver', { ...change, to, reason }),
  handOverTargets: (reportId: string) => callCloud('reports', 'handOverTargets', { reportId }),
  wait: (change: Change, reason: string) => callCloud('reports', 'wait', { ...change, reason }),
  resume: (change: Change) => callCloud('reports', 'resume', change),
  visit: (input: InputOf<'reports', 'visit'>) => callCloud('reports', 'visit', input),
  helpers: (reportId: string) => callCloud('reports', 'helpers', { reportId }),
  resolve: (change: Change, summary: string, photos: string[]) => callCloud('reports', 'resolve', { ...change, summary, photos }),
  confirm: (change: Change, answer: { solved: boolean; stars?: number; comment?: string }) => callCloud('reports', 'confirm', { ...change, ...answer }),
  merge: (change: Change, intoId: string) => callCloud('reports', 'merge', { ...change, intoId }),
  figures: (month: string) => callCloud('reports', 'figures', { month }),
  exportCsv: (month: string) => callCloud('reports', 'exportCsv', { month }),
  street: (month: string) => callCloud('reports', 'street', { month }),
  /** The 居民区's grids and their buildings (any resident may see them): the places to pick from. */
  grids: () => callCloud('grids', 'overview', {}),
  /** The 居民区's councils, for a category a sub-council takes after the grid. */
  councils: () => callCloud('councils', 'list', { page: 1 }),
  /** One grid's residents, for a grid leader filing for one of them. */
  gridResidents: (gridId: string, page: number) => callCloud('grids', 'roster', { gridId, page }),
};

const PKG = '/packages/reports/pages';
export const REPORT_PAGES = {
  new: `${PKG}/new/index`,
  mine: `${PKG}/mine/index`,
  queue: `${PKG}/queue/index`,
  admin: `${PKG}/admin/index`,
  settings: `${PKG}/settings/index`,
  detail: (id: string) => `${PKG}/detail/index?id=${encodeURIComponent(id)}`,
};

export { newRequestId } from '@/services/request-id';
