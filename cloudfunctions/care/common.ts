import { createHash } from 'crypto';
import { formatShanghai } from '../../src/shared/time';
import { authorize } from '../_core/authorize';
import { loadCaller, type Caller } from '../_core/caller';
import { AppError } from '../_core/errors';
import type { Identity } from '../_core/identity';
import type { ElderDoc } from './care.model';
import * as q from './care.queries';
import { maySee, standingOf, type Standing } from './care.views';

/** A resident of a 居民区 (every care action starts here). One round trip. */
export async function residentCaller(identity: Identity): Promise<Caller> {
  const caller = await loadCaller(identity);
  if (!caller.communityId) throw new AppError('COMMON.FORBIDDEN');
  return caller;
}

/** Staff of the 居民区 (committee or a grid leader): the listing actions' gate. */
export function ensureStaff(caller: Caller): void {
  authorize(caller, 'care.manage', { communityId: caller.communityId, gridId: caller.gridIds[0] ?? null });
}

/** The grids a staff caller's lists cover: null (all) for the committee, else the grids they lead. */
export const gridScope = (caller: Caller): string[] | null => (caller.roles.includes('committee') ? null : caller.gridIds);

/** Today in Shanghai (YYYY-MM-DD): visit days are Shanghai days. */
export const shanghaiDay = (at: Date) => formatShanghai(at, 'YYYY-MM-DD');

/** A deterministic id from who asked and the form's request id, so a retried create finds what it made. */
export function idOf(prefix: string, memberId: string, requestId: string): string {
  return `${prefix}-${createHash('sha256').update(`${memberId}\n${requestId}`).digest('hex').slice(0, 24)}`;
}

/**
 * An elder the caller may see (staff of their grid, the committee, or a volunteer of an open pairing), with how they
 * stand; another 居民区's, a removed one or one the caller has nothing to do with answers as missing.
 * Round trips: 1, side by side with the caller when `caller` is a promise.
 */
export async function visibleElder(caller: Caller, elderId: string): Promise<{ elder: ElderDoc; standing: Standing }> {
  const elder = await q.findElder(elderId);
  return checkVisible(caller, elder);
}

export function checkVisible(caller: Caller, elder: ElderDoc | null): { elder: ElderDoc; standing: Standing } {
  if (!elder || elder.removedAt || !caller.communityId || elder.communityId !== caller.communityId) throw new AppError('COMMON.NOT_FOUND');
  const standing = standingOf(caller, elder);
  if (!maySee(standing)) throw new AppError('COMMON.NOT_FOUND');
  return { elder, standing };
}

/** Grid id -> name for the 居民区 (one read). */
export async function gridNames(communityId: string): Promise<Map<string, string>> {
  return new Map((await q.gridsOf(communityId)).map((g) => [g._id, g.name]));
}

export const nameOfGrid = (names: Map<string, string>, id: string | null) => (id ? (names.get(id) ?? '') : '未划入微格');
