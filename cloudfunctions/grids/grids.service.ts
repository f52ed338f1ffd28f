import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { gridsActions } from '../../src/shared/actions/grids';
import { gridOfBuilding, normalizeBuilding } from '../../src/shared/domain/grid';
import { authorize, can, ensureSameCommunity, type Target } from '../_core/authorize';
import { loadCaller, type Caller } from '../_core/caller';
import { clock } from '../_core/clock';
import { AppError } from '../_core/errors';
import type { Identity } from '../_core/identity';
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
 *
 * A chain of idempotent steps: claims (insert-once), the guarded grid write, which records the change it made
 * (`lastChange`), then the releases and the residents' moves. A retry after a crash past the grid write finds the
 * grid with the wanted buildings and completes the recorded change's releases and moves (they used to be lost, and
 * the version bumped twice: found by the crash matrix).
 */
export async function setBuildings(input: In<'setBuildings'>, { identity }: CallContext): Out<'setBuildings'> {
  const [caller, found] = await Promise.all([loadCaller(identity), q.findGrid(input.gridId)]);
  const { communityId } = ensureManager(caller);
  const grid = ensureSameCommunity(caller, found);
  const next = input.buildings;
  const now = clock().now();
  // The grid already has exactly these buildings: a retry (or a repeat) completes the residents' moves and the
  // releases of the change that made it so (recorded on the grid with it), which are idempotent, and bumps nothing.
  if (sameBuildings(grid.buildings, next)) {
    const last = grid.lastChange ?? { added: [], removed: [] };
    await Promise.all([
      q.releaseBuildings(communityId, last.removed, grid._id),
      q.moveResidents(communityId, grid._id, last.added, last.removed, now),
    ]);
    return { grid: await gridView(grid) };
  }
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
  if (!(await q.updateBuildingsIf(grid, next, { added, removed }, now))) {
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
 * Round trips: 4 + 2 per member record touched + history (about 10: caller, grid and new leader in parallel; the
 * transaction; the leader's name). One transaction (inTransaction) sets the grid's leader, moves `leadsGridIds` and the
 * grid_leader role from the old leader to the new, and writes both history lines. Why: as separate writes, a call that
 * died after the grid's compare-and-set left the old leader with the role, and its retry, finding the grid already
 * changed, neither cleaned the old leader's record nor wrote the history (found by the crash matrix). Racing
 * assignments conflict on the grid and are retried one after the other, each leaving records that match the grid.
 */
export async function assignLeader(input: In<'assignLeader'>, { identity }: CallContext): Out<'assignLeader'> {
  const [caller, found, person] = await Promise.all([
    loadCaller(identity),
    q.findGrid(input.gridId),
    input.memberId ? findMember(input.memberId) : Promise.resolve(null),
  ]);
  ensureManager(caller);
  const grid = ensureSameCommunity(caller, found);
  const to = input.memberId;
  if (to) sameCommunityMember(caller, person);
  const now = clock().now();
  const updated = await q.changeLeader(grid._id, to, caller.memberId, now);
  if (!updated) throw new AppError('COMMON.NOT_FOUND');
  return { grid: await gridView(updated) };
}

function sameBuildings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
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
