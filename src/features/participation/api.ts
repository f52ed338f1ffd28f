import { callCloud } from '@/services/cloud';
import type { InputOf } from '@shared/catalogue';

export type ProposalFilters = Omit<InputOf<'participation', 'proposals'>, 'page'>;
export type ProjectFilters = Omit<InputOf<'participation', 'projects'>, 'page'>;
export type StreetProjectFilters = Omit<InputOf<'participation', 'streetProjects'>, 'page'>;

/** The participation function's actions, as the pages use them. */
export const participationApi = {
  settings: () => callCloud('participation', 'settings', {}),
  saveSettings: (input: InputOf<'participation', 'saveSettings'>) => callCloud('participation', 'saveSettings', input),
  propose: (input: InputOf<'participation', 'propose'>) => callCloud('participation', 'propose', input),
  proposals: (page: number, filters: ProposalFilters) => callCloud('participation', 'proposals', { page, ...filters }),
  proposal: (proposalId: string) => callCloud('participation', 'proposal', { proposalId }),
  support: (proposalId: string) => callCloud('participation', 'support', { proposalId }),
  withdraw: (proposalId: string) => callCloud('participation', 'withdraw', { proposalId }),
  comments: (proposalId: string, page: number) => callCloud('participation', 'comments', { proposalId, page }),
  comment: (input: InputOf<'participation', 'comment'>) => callCloud('participation', 'comment', input),
  hideComment: (commentId: string, reason: string) => callCloud('participation', 'hideComment', { commentId, reason }),
  answer: (input: InputOf<'participation', 'answer'>) => callCloud('participation', 'answer', input),
  createProject: (input: InputOf<'participation', 'createProject'>) => callCloud('participation', 'createProject', input),
  editProject: (input: InputOf<'participation', 'editProject'>) => callCloud('participation', 'editProject', input),
  progress: (input: InputOf<'participation', 'progress'>) => callCloud('participation', 'progress', input),
  projects: (page: number, filters: ProjectFilters) => callCloud('participation', 'projects', { page, ...filters }),
  project: (projectId: string) => callCloud('participation', 'project', { projectId }),
  timeline: (projectId: string, page: number) => callCloud('participation', 'timeline', { projectId, page }),
  follow: (projectId: string, on: boolean) => callCloud('participation', 'follow', { projectId, on }),
  streetProjects: (page: number, filters: StreetProjectFilters) => callCloud('participation', 'streetProjects', { page, ...filters }),
  /** The 居民区's upcoming events (the events function), to link a project's volunteer drives. */
  events: () => callCloud('events', 'list', { page: 1 }),
  /** One event, for the title of a linked one no longer upcoming. */
  event: (eventId: string) => callCloud('events', 'get', { eventId }),
  /** The 居民区's councils, for the sub-council a category routes to. */
  councils: () => callCloud('councils', 'list', { page: 1 }),
};
