import { callCloud, CloudCallError } from '@/services/cloud';
import { ERRORS } from '@shared/errors';
import type { InputOf } from '@shared/catalogue';

/** The members function's actions, as the pages use them. */
export const membersApi = {
  me: () => callCloud('members', 'me', {}),
  listCommunities: () => callCloud('members', 'listCommunities', {}),
  chooseCommunity: (communityId: string) => callCloud('members', 'chooseCommunity', { communityId }),
  updateProfile: (input: InputOf<'members', 'updateProfile'>) => callCloud('members', 'updateProfile', input),
  apply: (motivation: string) => callCloud('members', 'apply', { motivation }),
  listApplications: (input: InputOf<'members', 'listApplications'>) =>
    callCloud('members', 'listApplications', input),
  review: (input: InputOf<'members', 'review'>) => callCloud('members', 'review', input),
};

/** The Chinese message to show for any failure (a bug is never shown as-is). */
export function errorText(err: unknown): string {
  if (err instanceof CloudCallError) return err.message;
  return ERRORS['COMMON.INTERNAL'];
}

export function errorCode(err: unknown): string | undefined {
  return err instanceof CloudCallError ? err.code : undefined;
}

/**
 * Field messages of a form error, keyed by the top-level field (`skills.2` -> `skills`); the first
 * message of a field wins.
 */
export function fieldErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof CloudCallError) || !err.fields) return out;
  for (const [path, message] of Object.entries(err.fields)) {
    const key = path.split(/[.[]/)[0] ?? path;
    if (!(key in out)) out[key] = message;
  }
  return out;
}
