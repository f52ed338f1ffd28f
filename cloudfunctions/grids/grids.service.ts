import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { gridsActions } from '../../src/shared/actions/grids';
import { gridOfBuilding, normalizeBuilding } from '../../src/shared/domain/grid';
import { authorize, can, ensureSameCommunity, type Target } from '../_core/authorize';
import { loadCaller, type Caller } from '../_core/caller';
import { clock } from '../_core/clock';
import { AppError } from '../_core/errors';
import type { Identity } from '../_core/identity';
import { addHistory } from '../_core/member-history';
import { findMember, type MemberDoc } from '../_core/member-record';
import { wechat } from '../_core/ports/wechat';
import type { CallContext } from '../_core/router';
import { claimId, pairId, toGridView, toPairView, toPersonRef, toRosterRow, type GridDoc } from './grids.model';
import * as q from './grids.queries';

type A = typeof gridsActions;
type In<K extends keyof A> = ActionParsed<A[K]>;
type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;

/** A committee caller of its own 居民区 (grids.manage). */
function ensureManager(caller: Caller): { communityId: string } {
  authorize(caller, 'grids.manage', { communityId: caller.communityId });
  return { communityId: caller.communityId! };
}

/** A live record of the caller's 居民区, or NOT_FOUND (deleted accounts and other 居民区 alike). */
function sameCommunityMember(caller: Caller, doc: MemberDoc | null): MemberDoc {
  return ensureSameCommunity(caller, doc && !doc.deletedAt ? doc : null);
}

/** Names residents will read must pass the platform's content check. */
async function ensurePublishable(identity: Identity, text: string): Promise<void> {
  if (!text) return;
  const { pass } = await wechat().checkText({ openid: identity.openid, content: text });
  if (!pass) throw new AppError('COMMON.CONTENT_REJECTED');
}

async function gridView(grid: GridDoc) {
  return toGridView(grid, await q.peopleByIds(grid.leaderMemberId ? [grid.leaderMemberId] : []));
}

/** Round trips: 3 (caller; grids and chief in parallel; leaders' names). */
export async function overview(_input: In<'overview'>, { identity }: CallContext): Out<'overview'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'grids.view', { communityId: caller.communityId });
  const communityId = caller.communityId!;
  const [grids, chief] = await Promise.all([q.listGrids(communityId), q.findChief(communityId)]);
  const people = await q.peopleByIds([
    ...grids.flatMap((g) => (g.leaderMemberId ? [g.leaderMemberId] : [])),
    ...(chief ? [chief.memberId] : []),
  ]);
  return {
    grids: grids.map((g) => toGridView(g, people)),
    chief: chief ? toPersonRef(people.get(chief.memberId)) : null,
  };
}

/**
 * Round trips: 2 (caller; the page with colours joined). Scope comes from the caller's record: a leader replaced a
 * moment ago loses the grid as soon as their record does (grids.service assignLeader).
 */
export async function roster(input: In<'roster'>, { identity }: CallContext): Out<'roster'> {
  const caller = await loadCaller(identity);
  const committee = can(caller, 'grids.viewRoster', { communityId: caller.communityId });
  const gridId = input.gridId ?? (committee ? undefined : caller.gridIds[0]);
  if (!gridId) {
    if (committee) throw new AppError('COMMON.INVALID_INPUT', { gridId: '请选择微格' });
    throw new AppError('COMMON.FORBIDDEN');
  }
  const target: Target = { communityId: caller.communityId, gridId };
  authorize(caller, 'grids.viewRoster', target);
  const withColours = can(caller, 'grids.viewColour', target);
  const viewer = committee ? 'committee' : 'leader';
  // The query is bounded by the caller's own 居民区, so a grid id from elsewhere answers an empty page.
  const { rows, hasMore } = await q.rosterPage(caller.communityId!, gridId, input.building, input.page, withColours);
  return { gridId, items: rows.map((row) => toRosterRow(row, viewer, withColours)), page: input.page, hasMore };
}

/**
 * Round trips: 2 (caller and resident in parallel). The number goes straight to the dialer, for those who may read
 * the resident's grid roster: its leader and the committee.
 */
export async function residentPhone(input: In<'residentPhone'>, { identity }: CallContext): Out<'residentPhone'> {
  const [caller, person] = await Promise.all([loadCaller(identity), findMember(input.memberId)]);
  const resident = sameCommunityMember(caller, person);
  if (!resident.gridId) authorize(caller, 'grids.viewRoster', { communityId: resident.communityId });
  else authorize(caller, 'grids.viewRoster', { communityId: resident.communityId, gridId: resident.gridId });
  if (!resident.phone) throw new AppError('GRIDS.NO_PHONE');
  return { phone: resident.phone };
}

/** Round trips: 2-3, plus the content check. A retried create answers the grid it made. */
export async function createGrid(input: In<'createGrid'>, { identity }: CallContext): Out<'createGrid'> {
  const caller = await loadCaller(identity);
  const { communityId } = ensureManager(caller);
  await ensurePublishable(identity, input.name);
  const now = clock().now();
  const doc: GridDoc = {
    _id: `${communityId}-${input.requestId}`,
    communityId,
    name: input.name,
    buildings: [],
    order: now.getTime(),
    leaderMemberId: null,
    version: 0,
  };
  if (await q.insertGrid(doc)) return { grid: toGridView(doc, new Map()) };
  return { grid: await gridView(ensureSameCommunity(caller, await q.findGrid(doc._id))) };
}

/** Round trips: 3 (caller and grid in parallel; the update; the leader's name), plus the content check. */
export async function renameGrid(input: In<'renameGrid'>, { identity }: CallContext): Out<'renameGrid'> {
  const [caller, found] = await Promise.all([loadCaller(identity), q.findGrid(input.gridId)]);
  ensureManager(caller);
  const grid = ensureSameCommunity(caller, found);
  await ensurePublishable(identity, input.name);
  await q.renameGrid(grid._id, input.name, clock().now());
  return { grid: await gridView({ ...grid, name: input.name }) };
}

/**
 * Round trips: 5-6 (caller and grid; claims of new buildings in parallel; the guarded grid write; releases and
 * residents' gridId in parallel; the leader's name), plus the content check. A building already claimed by another
 * grid refuses the whole change; two changes of one grid at once: one wins, the other answers GRIDS.CHANGED and
 * leaves no claim behind.
 */
export async function setBuildings(input: In<'setBuildings'>, { identity }: CallContext): Out<'setBuildings'> {
  const [caller, found] = await Promise.all([loadCaller(identity), q.findGrid(input.gridId)]);
  const { communityId } = ensureManager(caller);
  const grid = ensureSameCommunity(caller, found);
  const next = input.buildings;
  const added = next.filter((b) => !grid.buildings.includes(b));
  const removed = grid.buildings.filter((b) => !next.includes(b));
  await ensurePublishable(identity, added.join('\n'));

  const claims = await Promise.all(added.map((b) => q.claimBuilding(communityId, b, grid._id)));
  const inserted = added.filter((_b, i) => claims[i]!.inserted);
  const taken = added.filter((_b, i) => !claims[i]!.held);
  if (taken.length > 0) {
    await q.releaseBuildings(communityId, inserted, grid._id);
    throw new AppError('GRIDS.BUILDING_TAKEN', { buildings: `${taken.join('、')}已在别的微格` });
  }
  const now = clock().now();
  if (!(await q.updateBuildingsIf(grid, next, now))) {
    await q.releaseBuildings(communityId, inserted, grid._id);
    throw new AppError('GRIDS.CHANGED');
  }
  await Promise.all([
    q.releaseBuildings(communityId, removed, grid._id),
    q.moveResidents(communityId, grid._id, added, removed, now),
  ]);
  return { grid: await gridView({ ...grid, buildings: next }) };
}

/**
 * Brings each person's `leadsGridIds` in line with the grid's leader as last seen, then reads the grid again; a
 * leader changed meanwhile means another round. Every writer of the leader runs this for the people its change
 * touched, so whichever write lands last agrees with the grid.
 */
async function syncLeadership(gridId: string, people: (string | null)[], leader: string | null, now: Date): Promise<void> {
  const touched = [...new Set(people.filter((p): p is string => !!p))];
  let expected = leader;
  for (let round = 0; round < 5; round += 1) {
    await Promise.all(
      touched.map((p) => (p === expected ? q.addLeadership(p, gridId, now) : q.removeLeadership(p, gridId, now))),
    );
    const seen = (await q.findGrid(gridId))?.leaderMemberId ?? null;
    if (seen === expected) return;
    expected = seen;
  }
  throw new AppError('GRIDS.CHANGED');
}

/** The roles a member held show in their history: the leader handing over and the one taking the grid. */
async function recordLeadershipChange(grid: GridDoc, from: string | null, to: string | null, by: string, now: Date): Promise<void> {
  const entry = (memberId: string, kind: 'role_granted' | 'role_revoked') =>
    addHistory({
      _id: `${memberId}-${kind}-grid_leader-${grid._id}-${now.getTime()}`,
      communityId: grid.communityId,
      memberId,
      kind,
      role: 'grid_leader',
      at: now,
      by,
      note: grid.name,
    });
  await Promise.all([from ? entry(from, 'role_revoked') : null, to ? entry(to, 'role_granted') : null]);
}

/**
 * Round trips: 7 usually (caller, grid and new leader in parallel; the compare-and-set; both records, in parallel,
 * 2 deep; the check read; the history entries, in parallel; the leader's name). The grid's `leaderMemberId` is set by compare-and-set, so racing
 * assignments apply one after the other, and each leaves the member records matching the grid.
 */
export async function assignLeader(input: In<'assignLeader'>, { identity }: CallContext): Out<'assignLeader'> {
  const [caller, found, person] = await Promise.all([
    loadCaller(identity),
    q.findGrid(input.gridId),
    input.memberId ? findMember(input.memberId) : Promise.resolve(null),
  ]);
  ensureManager(caller);
  let grid = ensureSameCommunity(caller, found);
  const to = input.memberId;
  if (to) sameCommunityMember(caller, person);
  const now = clock().now();
  let from = grid.leaderMemberId ?? null;
  let changed = false;
  for (let attempt = 0; from !== to; attempt += 1) {
    if (await q.setLeaderIf(grid._id, from, to, now)) {
      changed = true;
      break;
    }
    if (attempt === 2) throw new AppError('GRIDS.CHANGED');
    grid = ensureSameCommunity(caller, await q.findGrid(grid._id));
    from = grid.leaderMemberId ?? null;
  }
  // Also when nothing changed: a retry after a failure half-way finishes the records.
  await syncLeadership(grid._id, [from, to], to, now);
  if (changed) await recordLeadershipChange(grid, from, to, caller.memberId, now);
  return { grid: await gridView({ ...grid, leaderMemberId: to }) };
}

/** Round trips: 2 (caller and person in parallel; the write). */
export async function setChief(input: In<'setChief'>, { identity }: CallContext): Out<'setChief'> {
  const [caller, person] = await Promise.all([
    loadCaller(identity),
    input.memberId ? findMember(input.memberId) : Promise.resolve(null),
  ]);
  const { communityId } = ensureManager(caller);
  if (!input.memberId) {
    await q.removeChief(communityId);
    return { chief: null };
  }
  const chief = sameCommunityMember(caller, person);
  await q.setChief({ _id: communityId, communityId, memberId: chief._id, since: clock().now(), by: caller.memberId });
  return { chief: toPersonRef(chief) };
}

/** Round trips: 2 (caller and resident in parallel; the write). */
export async function setColour(input: In<'setColour'>, { identity }: CallContext): Out<'setColour'> {
  const [caller, person] = await Promise.all([loadCaller(identity), findMember(input.memberId)]);
  authorize(caller, 'grids.setColour', { communityId: caller.communityId });
  const resident = sameCommunityMember(caller, person);
  if (input.colour) {
    await q.setColour({
      _id: resident._id,
      memberId: resident._id,
      communityId: resident.communityId!,
      colour: input.colour,
      setBy: caller.memberId,
      setAt: clock().now(),
    });
  } else {
    await q.removeColour(resident._id);
  }
  return { memberId: resident._id, colour: input.colour };
}

/** Round trips: 3 (caller; pairs and grids in parallel; names). */
export async function listPairs(_input: In<'listPairs'>, { identity }: CallContext): Out<'listPairs'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'grids.view', { communityId: caller.communityId });
  const communityId = caller.communityId!;
  const [pairs, grids] = await Promise.all([q.listPairs(communityId), q.listGrids(communityId)]);
  const people = await q.peopleByIds(
    pairs.flatMap((p) => [p.groupLeaderMemberId, p.partnerMemberId]).filter((id): id is string => !!id),
  );
  return { items: pairs.map((p) => toPairView(p, gridOfBuilding(grids, p.building), people)) };
}

/**
 * Round trips: 4-6 (caller and resident; the building's grid; the pair written, inserted or guarded; the pair and
 * names read back). The two halves of a pair are never one person, even when two changes race.
 */
export async function setPairMember(input: In<'setPairMember'>, { identity }: CallContext): Out<'setPairMember'> {
  const [caller, person] = await Promise.all([loadCaller(identity), findMember(input.memberId)]);
  const { communityId } = ensureManager(caller);
  const resident = sameCommunityMember(caller, person);
  if (input.role === 'partner' && resident.application.status !== 'approved') throw new AppError('GRIDS.NOT_MEMBER');
  const building = normalizeBuilding(resident.building);
  const gridId = building ? await q.findGridIdOfBuilding(communityId, building) : null;
  if (!gridId) throw new AppError('GRIDS.BUILDING_OUTSIDE_GRIDS');

  const id = pairId(communityId, building);
  const field = input.role === 'groupLeader' ? 'groupLeaderMemberId' : 'partnerMemberId';
  const now = clock().now();
  const fresh = {
    _id: id,
    communityId,
    building,
    groupLeaderMemberId: null,
    partnerMemberId: null,
    [field]: resident._id,
    updatedAt: now,
  };
  if (!(await q.insertPair(fresh)) && !(await q.setPairHalfIf(id, field, resident._id, now))) {
    // Not matched: the other half is this person (a retry setting the same person matches, as the service counts).
    const current = await q.findPair(id);
    if (current?.[field] !== resident._id) throw new AppError('GRIDS.SAME_PERSON');
  }
  const pair = (await q.findPair(id))!;
  const people = await q.peopleByIds([pair.groupLeaderMemberId, pair.partnerMemberId].filter((x): x is string => !!x));
  return { pair: toPairView(pair, gridId, people) };
}

/** Round trips: 2. */
export async function clearPair(input: In<'clearPair'>, { identity }: CallContext): Out<'clearPair'> {
  const caller = await loadCaller(identity);
  const { communityId } = ensureManager(caller);
  return { cleared: await q.removePair(communityId, claimId(communityId, input.building)) };
}
