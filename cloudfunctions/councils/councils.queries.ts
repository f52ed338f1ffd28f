import { COLLECTIONS } from '../_core/collections';
import { command, getDb, insertOnce } from '../_core/db';
import type { CouncilDoc, PersonDoc } from './councils.model';
import { PAGE_FETCH, pageStart, toPage } from '../_core/paging';

export { findPeople } from '../_core/council-chairs';

/** Each function here is one database round trip. */

const councils = () => getDb().collection(COLLECTIONS.councils);
const members = () => getDb().collection(COLLECTIONS.members);

/** A 居民区 has at most this many councils (COUNCILS.TOO_MANY), so reading them all is one bounded read. */
export const MAX_COUNCILS = 30;

/** Members of a council: live accounts whose record lists it. */
const inCouncil = (communityId: string, councilId: string) => ({
  communityId,
  councilIds: councilId,
  deletedAt: command().exists(false),
});

export async function findCouncil(id: string): Promise<CouncilDoc | null> {
  const res = await councils().doc(id).get();
  return (res.data?.[0] as CouncilDoc | undefined) ?? null;
}

/** One page of a 居民区's councils in their order; one extra row tells whether more follow. */
export async function listCouncilsPage(
  communityId: string,
  includeRetired: boolean,
  page: number,
): Promise<{ rows: CouncilDoc[]; hasMore: boolean }> {
  const res = await councils()
    .where(includeRetired ? { communityId } : { communityId, active: true })
    .orderBy('order', 'asc')
    .orderBy('_id', 'asc')
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .get();
  return toPage(res.data as CouncilDoc[]);
}

/** Every council of a 居民区, retired ones too (for names and order when adding or renaming). */
export async function listAllCouncils(communityId: string): Promise<CouncilDoc[]> {
  const res = await councils().where({ communityId }).limit(MAX_COUNCILS + 10).get();
  return res.data as CouncilDoc[];
}

/** Members per council, for several councils at once (one aggregate). */
export async function countMembersByCouncil(communityId: string, councilIds: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (councilIds.length === 0) return counts;
  const _ = command();
  const res = await members()
    .aggregate()
    .match({ communityId, councilIds: _.in(councilIds), deletedAt: _.exists(false) })
    .project({ councilIds: true })
    .unwind('$councilIds')
    .match({ councilIds: _.in(councilIds) })
    .group({ _id: '$councilIds', n: _.aggregate.sum(1) })
    .end();
  for (const row of res.data as { _id: string; n: number }[]) counts.set(row._id, row.n);
  return counts;
}

export async function countCouncilMembers(communityId: string, councilId: string): Promise<number> {
  const res = await members().where(inCouncil(communityId, councilId)).count();
  return res.total as number;
}

/** One page of a council's members by name. */
export async function listCouncilMembersPage(
  communityId: string,
  councilId: string,
  page: number,
): Promise<{ rows: (PersonDoc & { building: string })[]; hasMore: boolean }> {
  const res = await members()
    .where(inCouncil(communityId, councilId))
    .field({ _id: true, name: true, building: true, communityId: true, councilIds: true })
    .orderBy('name', 'asc')
    .orderBy('_id', 'asc')
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .get();
  return toPage(res.data as (PersonDoc & { building: string })[]);
}

/** Inserts under a deterministic `_id`; false when a retried or racing call inserted it first. */
export async function insertCouncil(doc: CouncilDoc): Promise<boolean> {
  return insertOnce(COLLECTIONS.councils, doc);
}

/** A conditional update of one council: the write happens only while `guard` holds. Answers whether it did. */
export async function updateCouncilIf(id: string, guard: Record<string, unknown>, patch: Record<string, unknown>): Promise<boolean> {
  const res = await councils()
    .where({ _id: id, ...guard })
    .update(patch);
  return res.updated === 1;
}

/**
 * Adds or removes one council on a member's own record with `_.addToSet` / `_.pull`, so a retry or ten racing
 * joins leave it there once. `guard` is matched with the `_id`.
 */
export async function updateMemberCouncils(
  memberId: string,
  guard: Record<string, unknown>,
  change: 'add' | 'remove',
  councilId: string,
  now: Date,
): Promise<boolean> {
  const _ = command();
  const res = await members()
    .where({ _id: memberId, ...guard })
    .update({ councilIds: change === 'add' ? _.addToSet(councilId) : _.pull(councilId), updatedAt: now });
  return res.updated === 1;
}
