import { createHash } from 'crypto';
import { authorize, ensureSameCommunity } from '../_core/authorize';
import { loadCaller, type Caller } from '../_core/caller';
import { withChairs } from '../_core/council-chairs';
import { AppError } from '../_core/errors';
import type { Identity } from '../_core/identity';
import type { ProposalDoc } from './participation.model';
import * as q from './participation.queries';

/** A resident of a 居民区 (every action but the street's starts here). One round trip. */
export async function residentCaller(identity: Identity): Promise<Caller> {
  const caller = await loadCaller(identity);
  authorize(caller, 'proposals.take', { communityId: caller.communityId, memberId: caller.memberId });
  return caller;
}

/**
 * A resident with a profile (a name on their record), as members require before one speaks in the 居民区: only
 * they write, support and comment.
 */
export function ensureProfile(caller: Caller): void {
  if (!caller.record?.name?.trim()) throw new AppError('COMMON.FORBIDDEN');
}

/** Adds council_chair when the caller chairs a council of the 居民区 now: one round trip (two when in a rotation). */
export async function withCouncilChairs(caller: Caller): Promise<Caller> {
  return withChairs(caller, await q.findCouncils(caller.communityId!));
}

/** A proposal of the caller's 居民区; another's answers as missing. One round trip. */
export async function sameCommunityProposal(caller: Caller, id: string): Promise<ProposalDoc> {
  return ensureSameCommunity(caller, await q.findProposal(id));
}

/** Deterministic from who writes and the form's request id, so a retry finds what it wrote. */
export function idOf(prefix: string, memberId: string, requestId: string): string {
  return `${prefix}-${createHash('sha256').update(`${memberId}\n${requestId}`).digest('hex').slice(0, 24)}`;
}
