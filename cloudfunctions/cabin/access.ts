import { authorize, can, ensureSameCommunity, type Target } from '../_core/authorize';
import type { Caller } from '../_core/caller';
import { AppError } from '../_core/errors';
import type { CabinDoc } from './cabin.model';
import * as q from './cabin.queries';

/**
 * Who may do what in a cabin. Keepers and duty volunteers are named on the cabin (data, like an event's scanners):
 * a named member is the `self` of `cabin.manage` / `cabin.desk`, the committee reaches the whole 居民区.
 */
function staffTarget(caller: Caller, cabin: CabinDoc, named: readonly string[]): Target {
  return { communityId: cabin.communityId, memberId: named.includes(caller.memberId) ? caller.memberId : null };
}

export function canManage(caller: Caller, cabin: CabinDoc): boolean {
  return can(caller, 'cabin.manage', staffTarget(caller, cabin, cabin.keeperIds));
}

export function canDesk(caller: Caller, cabin: CabinDoc): boolean {
  return can(caller, 'cabin.desk', staffTarget(caller, cabin, [...cabin.keeperIds, ...cabin.volunteerIds]));
}

export function canSetup(caller: Caller, cabin: Pick<CabinDoc, 'communityId'>): boolean {
  return can(caller, 'cabin.setup', { communityId: cabin.communityId });
}

export function ensureManage(caller: Caller, cabin: CabinDoc): void {
  if (!canManage(caller, cabin)) throw new AppError('COMMON.FORBIDDEN');
}

export function ensureDesk(caller: Caller, cabin: CabinDoc): void {
  if (!canDesk(caller, cabin)) throw new AppError('COMMON.FORBIDDEN');
}

/** The caller may borrow, hold, take and donate for themself. */
export function ensureBorrower(caller: Caller): void {
  authorize(caller, 'cabin.borrow', { communityId: caller.communityId, memberId: caller.memberId });
}

/** A cabin of the caller's 居民区 they may view (one round trip); another 居民区's answers like a missing one. */
export async function viewableCabin(caller: Caller, cabinId: string): Promise<CabinDoc> {
  authorize(caller, 'cabin.view', { communityId: caller.communityId });
  return ensureSameCommunity(caller, await q.findCabin(cabinId));
}

/** A record of the caller's own (a hold, a loan, an offer): anyone else's answers like a missing one. */
export function ensureOwn<T extends { communityId?: string | null; memberId: string }>(caller: Caller, record: T | null): T {
  const own = ensureSameCommunity(caller, record);
  if (own.memberId !== caller.memberId) throw new AppError('COMMON.NOT_FOUND');
  return own;
}
