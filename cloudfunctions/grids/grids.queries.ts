import { COLLECTIONS } from '../_core/collections';
import { command, getDb, insertOnce } from '../_core/db';
import {
  claimId,
  type BuildingClaimDoc,
  type ChiefDoc,
  type ColourDoc,
  type GridDoc,
  type PairDoc,
  type PersonDoc,
  type RosterMemberDoc,
} from './grids.model';
import { PAGE_FETCH, pageStart, toPage } from '../_core/paging';
import type { MemberDoc } from '../_core/member-record';
import { inTransaction } from '../_core/transaction';

/** Each function here is one database round trip, except where its comment says otherwise. */

const grids = () => getDb().collection(COLLECTIONS.grids);
const members = () => getDb().collection(COLLECTIONS.members);
const claims = () => getDb().collection(COLLECTIONS.gridBuildings);
const pairs = () => getDb().collection(COLLECTIONS.buildingPairs);
const first = <T>(res: { data?: unknown[] }): T | null => (res.data?.[0] as T | undefined) ?? null;

export async function findGrid(id: string): Promise<GridDoc | null> {
  return first<GridDoc>(await grids().doc(id).get());
}

/** A 居民区 has a handful of grids (长风: 197 over 27 居民区); 100 is far above any. */
export async function listGrids(communityId: string): Promise<GridDoc[]> {
  const res = await grids().where({ communityId }).orderBy('order', 'asc').orderBy('_id', 'asc').limit(100).get();
  return res.data as GridDoc[];
}

/** The grid a building of a 居民区 belongs to, from its claim (what a member record's `gridId` follows). */
export async function findGridIdOfBuilding(communityId: string, building: string): Promise<string | null> {
  return first<BuildingClaimDoc>(await claims().doc(claimId(communityId, building)).get())?.gridId ?? null;
}

export const insertGrid = (doc: GridDoc) => insertOnce(COLLECTIONS.grids, doc);

export async function renameGrid(id: string, name: string, now: Date): Promise<void> {
  await grids().doc(id).update({ name, updatedAt: now });
}

/** A building change guarded on the version read: false when another change came first. */
export async function updateBuildingsIf(
  grid: GridDoc,
  buildings: string[],
  change: { added: string[]; removed: string[] },
  now: Date,
): Promise<boolean> {
  const _ = command();
  const res = await grids()
    .where({ _id: grid._id, version: grid.version })
    .update({ buildings: _.set(buildings), lastChange: _.set(change), version: _.inc(1), updatedAt: now });
  return res.updated === 1;
}

/**
 * Claims `building` for `gridId` (1 round trip; 2 when it is claimed already). Answers whether the grid holds it
 * and whether this call made the claim (so a failed change can release exactly what it took).
 */
export async function claimBuilding(
  communityId: string,
  building: string,
  gridId: string,
): Promise<{ held: boolean; inserted: boolean }> {
  const _id = claimId(communityId, building);
  if (await insertOnce(COLLECTIONS.gridBuildings, { _id, communityId, building, gridId })) return { held: true, inserted: true };
  const existing = first<BuildingClaimDoc>(await claims().doc(_id).get());
  return { held: existing?.gridId === gridId, inserted: false };
}

/** Releases the claims `gridId` holds on these buildings (never another grid's). */
export async function releaseBuildings(communityId: string, buildings: string[], gridId: string): Promise<void> {
  if (buildings.length === 0) return;
  const _ = command();
  await claims()
    .where({ _id: _.in(buildings.map((b) => claimId(communityId, b))), gridId })
    .remove();
}

/** Residents of the buildings get the grid; those of buildings it gave up lose it (2 round trips, in parallel). */
export async function moveResidents(communityId: string, gridId: string, added: string[], removed: string[], now: Date): Promise<void> {
  const _ = command();
  await Promise.all([
    added.length ? members().where({ communityId, building: _.in(added) }).update({ gridId, updatedAt: now }) : null,
    removed.length
      ? members().where({ communityId, gridId, building: _.in(removed) }).update({ gridId: null, updatedAt: now })
      : null,
  ]);
}

/** Compare-and-set of a grid's leader: false when the leader is no longer `from`. */
export async function setLeaderIf(gridId: string, from: string | null, to: string | null, now: Date): Promise<boolean> {
  const res = await grids().where({ _id: gridId, leaderMemberId: from }).update({ leaderMemberId: to, updatedAt: now });
  return res.updated === 1;
}

/**
 * Sets the grid's leader to `to` in one transaction with everything that follows from it: the old leader loses the
 * grid from `leadsGridIds` (and the grid_leader role when they lead nothing else), the new one gains both, and each
 * gets a history line. Nothing changes when `to` already leads it. Answers the grid as it now is, or null when it is gone.
 */
export async function changeLeader(gridId: string, to: string | null, by: string, now: Date): Promise<GridDoc | null> {
  const _ = command();
  return inTransaction(async (tx) => {
    const ref = tx.collection(COLLECTIONS.grids).doc(gridId);
    const grid = (await ref.get()).data as GridDoc | null;
    if (!grid) return null;
    const from = grid.leaderMemberId ?? null;
    if (from === to) return grid;
    await ref.update({ leaderMemberId: to, updatedAt: now });
    const line = (memberId: string, kind: 'role_granted' | 'role_revoked') =>
      tx
        .collection(COLLECTIONS.memberHistory)
        .doc(`${memberId}-${kind}-grid_leader-${gridId}-${now.getTime()}`)
        .set({ communityId: grid.communityId, memberId, kind, role: 'grid_leader', at: now, by, note: grid.name });
    if (from) {
      const old = tx.collection(COLLECTIONS.members).doc(from);
      const doc = (await old.get()).data as MemberDoc | null;
      if (doc) {
        const leads = (doc.leadsGridIds ?? []).filter((g) => g !== gridId);
        await old.update({ leadsGridIds: _.set(leads), ...(leads.length === 0 ? { roles: _.pull('grid_leader') } : {}), updatedAt: now });
        await line(from, 'role_revoked');
      }
    }
    if (to) {
      await tx.collection(COLLECTIONS.members).doc(to).update({ leadsGridIds: _.addToSet(gridId), roles: _.addToSet('grid_leader'), updatedAt: now });
      await line(to, 'role_granted');
    }
    return { ...grid, leaderMemberId: to };
  });
}

export async function findChief(communityId: string): Promise<ChiefDoc | null> {
  return first<ChiefDoc>(await getDb().collection(COLLECTIONS.gridChiefs).doc(communityId).get());
}

export async function setChief(doc: ChiefDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await getDb().collection(COLLECTIONS.gridChiefs).doc(_id).set(rest);
}

export async function removeChief(communityId: string): Promise<void> {
  await getDb().collection(COLLECTIONS.gridChiefs).doc(communityId).remove();
}

export async function setColour(doc: ColourDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await getDb().collection(COLLECTIONS.memberColours).doc(_id).set(rest);
}

export async function removeColour(memberId: string): Promise<void> {
  await getDb().collection(COLLECTIONS.memberColours).doc(memberId).remove();
}

/** Names and buildings of these members, for leaders, the chief and pairs. */
export async function peopleByIds(ids: readonly string[]): Promise<Map<string, PersonDoc>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const _ = command();
  const res = await members()
    .where({ _id: _.in(unique) })
    .field({ name: true, building: true })
    .limit(1000)
    .get();
  return new Map((res.data as PersonDoc[]).map((d) => [d._id, d]));
}

/**
 * One page of a grid's residents, by building and room, with each one's colour joined in the same round trip
 * when `withColours` (the join runs after paging, so it touches 21 colour documents at most).
 */
export async function rosterPage(
  communityId: string,
  gridId: string,
  building: string | undefined,
  page: number,
  withColours: boolean,
): Promise<{ rows: RosterMemberDoc[]; hasMore: boolean }> {
  const _ = command();
  let query = members()
    .aggregate()
    .match({ communityId, gridId, ...(building ? { building } : {}), deletedAt: _.exists(false) })
    .sort({ building: 1, room: 1, _id: 1 })
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .project({ name: 1, building: 1, room: 1, phone: 1, skills: 1, visibility: 1, application: { status: 1 } });
  if (withColours) {
    query = query.lookup({ from: COLLECTIONS.memberColours, localField: '_id', foreignField: '_id', as: 'colour' });
  }
  const res = await query.end();
  return toPage(res.data as RosterMemberDoc[]);
}

export async function listPairs(communityId: string): Promise<PairDoc[]> {
  const res = await pairs().where({ communityId }).orderBy('building', 'asc').limit(1000).get();
  return res.data as PairDoc[];
}

export async function findPair(id: string): Promise<PairDoc | null> {
  return first<PairDoc>(await pairs().doc(id).get());
}

export const insertPair = (doc: PairDoc) => insertOnce(COLLECTIONS.buildingPairs, doc);

/** Sets one half of a pair unless the other half is the same person: false when it is. */
export async function setPairHalfIf(
  id: string,
  field: 'groupLeaderMemberId' | 'partnerMemberId',
  memberId: string,
  now: Date,
): Promise<boolean> {
  const _ = command();
  const other = field === 'groupLeaderMemberId' ? 'partnerMemberId' : 'groupLeaderMemberId';
  const res = await pairs()
    .where({ _id: id, [other]: _.neq(memberId) })
    .update({ [field]: memberId, updatedAt: now });
  return res.updated === 1;
}

export async function removePair(communityId: string, id: string): Promise<boolean> {
  const res = await pairs().where({ _id: id, communityId }).remove();
  return res.deleted === 1;
}
