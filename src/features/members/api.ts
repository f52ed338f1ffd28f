import { callCloud, CloudCallError } from '@/services/cloud';
import type { InputOf } from '@shared/catalogue';
import { PRIVACY_VERSION } from '@shared/privacy';

export interface ChildDraft {
  name: string;
  birthYear: number | null;
  guardianConsent: boolean;
}

/** The members function's actions, as the pages use them. */
export const membersApi = {
  me: () => callCloud('members', 'me', {}),
  /** 首页's "what matters today": counts for each role of the caller (the home function). */
  today: () => callCloud('home', 'today', {}),
  listCommunities: () => callCloud('members', 'listCommunities', {}),
  chooseCommunity: (communityId: string) => callCloud('members', 'chooseCommunity', { communityId }),
  /** Accepts the privacy text this app shows (an outdated app is told PRIVACY_OUTDATED). */
  acceptPrivacy: () => callCloud('members', 'acceptPrivacy', { version: PRIVACY_VERSION }),
  updateProfile: (input: InputOf<'members', 'updateProfile'>) => callCloud('members', 'updateProfile', input),
  apply: (motivation: string) => callCloud('members', 'apply', { motivation }),
  listApplications: (input: InputOf<'members', 'listApplications'>) =>
    callCloud('members', 'listApplications', input),
  review: (input: InputOf<'members', 'review'>) => callCloud('members', 'review', input),
  myData: () => callCloud('members', 'myData', {}),
  /** The page asks the resident to type 注销 before calling this. */
  deleteAccount: () => callCloud('members', 'deleteAccount', { confirm: '注销' }),
  listChildren: () => callCloud('members', 'listChildren', {}),
  /** The form as filled in; the function checks it (year chosen, consent ticked) and names the field that is not. */
  addChild: (draft: ChildDraft) => callCloud('members', 'addChild', draft as InputOf<'members', 'addChild'>),
  removeChild: (childId: string) => callCloud('members', 'removeChild', { childId }),
  createForResident: (input: InputOf<'members', 'createForResident'>) => callCloud('members', 'createForResident', input),
  listProxyLog: (input: InputOf<'members', 'listProxyLog'>) => callCloud('members', 'listProxyLog', input),
  memberDetail: (memberId: string) => callCloud('members', 'memberDetail', { memberId }),
  setRole: (input: InputOf<'members', 'setRole'>) => callCloud('members', 'setRole', input),
};

export function errorCode(err: unknown): string | undefined {
  return err instanceof CloudCallError ? err.code : undefined;
}

/** The function wants the current privacy text accepted first (the page should lead to it). */
export function needsConsent(err: unknown): boolean {
  const code = errorCode(err);
  return code === 'MEMBERS.CONSENT_REQUIRED' || code === 'MEMBERS.PRIVACY_OUTDATED';
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
