import { callCloud, CloudCallError } from '@/services/cloud';
import type { InputOf } from '@shared/catalogue';

/** The councils function's actions, as the pages use them. */
export const councilsApi = {
  list: (input: InputOf<'councils', 'list'>) => callCloud('councils', 'list', input),
  detail: (councilId: string) => callCloud('councils', 'detail', { councilId }),
  members: (councilId: string, page: number) => callCloud('councils', 'members', { councilId, page }),
  join: (councilId: string) => callCloud('councils', 'join', { councilId }),
  leave: (councilId: string) => callCloud('councils', 'leave', { councilId }),
  create: (name: string, requestId: string) => callCloud('councils', 'create', { name, requestId }),
  rename: (councilId: string, name: string) => callCloud('councils', 'rename', { councilId, name }),
  retire: (councilId: string) => callCloud('councils', 'retire', { councilId }),
  restore: (councilId: string) => callCloud('councils', 'restore', { councilId }),
  setPositions: (input: InputOf<'councils', 'setPositions'>) => callCloud('councils', 'setPositions', input),
  setRotation: (input: InputOf<'councils', 'setRotation'>) => callCloud('councils', 'setRotation', input),
  skip: (input: InputOf<'councils', 'skip'>) => callCloud('councils', 'skip', input),
  swap: (input: InputOf<'councils', 'swap'>) => callCloud('councils', 'swap', input),
};

/** The first field message of a form error, by top-level field (`order.2` -> `order`). */
export function fieldError(err: unknown, field: string): string | null {
  if (!(err instanceof CloudCallError) || !err.fields) return null;
  const hit = Object.entries(err.fields).find(([path]) => path === field || path.startsWith(`${field}.`));
  return hit?.[1] ?? null;
}

export { newRequestId } from '@/services/request-id';
