import { callCloud } from '@/services/cloud';
import type { InputOf } from '@shared/catalogue';

/** The events function's actions, as the pages use them. */
export const eventsApi = {
  list: (page: number) => callCloud('events', 'list', { page }),
  get: (eventId: string) => callCloud('events', 'get', { eventId }),
  mine: (page: number) => callCloud('events', 'mine', { page }),
  create: (input: InputOf<'events', 'create'>) => callCloud('events', 'create', input),
  update: (input: InputOf<'events', 'update'>) => callCloud('events', 'update', input),
  cancel: (eventId: string, reason: string) => callCloud('events', 'cancel', { eventId, reason }),
  duplicate: (eventId: string, startAt: string, requestId: string) => callCloud('events', 'duplicate', { eventId, startAt, requestId }),
  signUp: (eventId: string, roleKey: string) => callCloud('events', 'signUp', { eventId, roleKey }),
  cancelSignup: (eventId: string) => callCloud('events', 'cancelSignup', { eventId }),
  signUpFor: (eventId: string, roleKey: string, forMemberId: string) => callCloud('events', 'signUp', { eventId, roleKey, forMemberId }),
  cancelSignupFor: (eventId: string, forMemberId: string) => callCloud('events', 'cancelSignup', { eventId, forMemberId }),
  /** The 居民区's grids (the grids function), to choose whose residents to list. */
  grids: () => callCloud('grids', 'overview', {}),
  /** One grid's residents (the grids function's roster), to sign one up on their behalf. */
  gridResidents: (gridId: string, page: number) => callCloud('grids', 'roster', { gridId, page }),
  /** The 居民区's councils (the councils function), for a sub-council audience. */
  councils: () => callCloud('councils', 'list', { page: 1 }),
  signups: (eventId: string, page: number) => callCloud('events', 'signups', { eventId, page }),
  suggest: (eventId: string, roleKey: string) => callCloud('events', 'suggest', { eventId, roleKey }),
  invite: (eventId: string, roleKey: string, memberIds: string[]) => callCloud('events', 'invite', { eventId, roleKey, memberIds }),
  invitations: () => callCloud('events', 'invitations', {}),
};

export const EVENT_PAGES = {
  list: '/packages/events/pages/list/index',
  mine: '/packages/events/pages/mine/index',
  detail: (id: string) => `/packages/events/pages/detail/index?id=${encodeURIComponent(id)}`,
  edit: (id?: string) => (id ? `/packages/events/pages/edit/index?id=${encodeURIComponent(id)}` : '/packages/events/pages/edit/index'),
};

export { newRequestId } from '@/services/request-id';
