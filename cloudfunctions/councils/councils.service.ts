import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { councilsActions, RotationChangeResult } from '../../src/shared/actions/councils';
import { skipKey, swapKey, termAt, termIndexAt, termsBetween, type RotationChange } from '../../src/shared/rules/rotation';
import { authorize, can, ensureSameCommunity, type Target } from '../_core/authorize';
import { findMember } from '../_core/member-record';
import { loadCaller, type Caller } from '../_core/caller';
import { clock } from '../_core/clock';
import { ensurePublishable } from '../_core/content-check';
import { command } from '../_core/db';
import { AppError } from '../_core/errors';
import type { Identity } from '../_core/identity';
import type { CallContext } from '../_core/router';
import * as m from './councils.model';
import * as q from './councils.queries';

type A = typeof councilsActions;
type In<K extends keyof A> = ActionParsed<A[K]>;
type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;

const targetOf = (council: m.CouncilDoc): Target => ({ communityId: council.communityId, councilId: council._id });
const brief = (c: m.CouncilDoc) => ({ council: { id: c._id, name: c.name, active: c.active } });
const joinedBy = (caller: Caller, councilId: string) => (caller.record?.councilIds ?? []).includes(councilId);

/** A council found by an id the caller sent: one from another 居民区 answers like a missing one. */
async function councilOf(caller: Caller, councilId: string): Promise<m.CouncilDoc> {
  return ensureSameCommunity(caller, await q.findCouncil(councilId));
}

/** The caller with `council_chair` of this council when the rotation rule says they chair it at `now`. */
function asChairOf(caller: Caller, council: m.CouncilDoc, people: m.People, now: Date): Caller {
  const { current } = m.chairsNow(council, people, now);
  if (current?.chairId !== caller.memberId) return caller;
  return { ...caller, roles: [...caller.roles, 'council_chair'], chairCouncilIds: [council._id] };
}

/** Round trips: 4 (the caller; a page of councils; then the people in their rotations and the member counts, side by side). */
export async function list(input: In<'list'>, { identity }: CallContext): Out<'list'> {
  const caller = await loadCaller(identity);
  authorize(caller, input.includeRetired ? 'councils.manage' : 'councils.view', { communityId: caller.communityId });
  const communityId = caller.communityId!;
  const { rows, hasMore } = await q.listCouncilsPage(communityId, input.includeRetired, input.page);
  const orderIds = [...new Set(rows.flatMap((c) => c.rotation?.order ?? []))];
  const [people, counts] = await Promise.all([
    q.findPeople(orderIds),
    q.countMembersByCouncil(
      communityId,
      rows.map((c) => c._id),
    ),
  ]);
  const now = clock().now();
  return {
    items: rows.map((c) => m.toSummary(c, people, counts.get(c._id) ?? 0, joinedBy(caller, c._id), now)),
    page: input.page,
    hasMore,
    now: now.toISOString(),
    canJoin: can(caller, 'councils.join', { memberId: caller.memberId }),
  };
}

/**
 * Round trips: 4 (the caller; the council; its people and its member count side by side). Whether the caller
 * chairs it now costs no extra trip: the people in its rotation are read for the page anyway.
 */
export async function detail(input: In<'detail'>, { identity }: CallContext): Out<'detail'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'councils.view', { communityId: caller.communityId });
  const council = await councilOf(caller, input.councilId);
  const [people, memberCount] = await Promise.all([
    q.findPeople(m.peopleIdsOf(council)),
    q.countCouncilMembers(council.communityId, council._id),
  ]);
  const now = clock().now();
  const who = asChairOf(caller, council, people, now);
  const target = targetOf(council);
  return {
    council: m.toDetail(council, people, memberCount, joinedBy(caller, council._id)),
    can: {
      viewMembers: can(who, 'councils.viewMembers', target),
      manage: can(who, 'councils.manage', target),
      changeRotation: council.active && can(who, 'councils.changeRotation', target),
      join: council.active && can(who, 'councils.join', { memberId: caller.memberId }),
    },
    now: now.toISOString(),
  };
}

/**
 * Round trips: 3 for the committee; 4 for anyone else, because knowing whether the caller chairs this council now
 * takes reading the people in its rotation order (the rotation rule skips those who left).
 */
export async function members(input: In<'members'>, { identity }: CallContext): Out<'members'> {
  const caller = await loadCaller(identity);
  const council = await councilOf(caller, input.councilId);
  const target = targetOf(council);
  let who = caller;
  if (!can(caller, 'councils.viewMembers', target)) {
    who = asChairOf(caller, council, await q.findPeople(council.rotation?.order ?? []), clock().now());
  }
  authorize(who, 'councils.viewMembers', target);
  const { rows, hasMore } = await q.listCouncilMembersPage(council.communityId, council._id, input.page);
  const positions = council.positions ?? [];
  return {
    items: rows.map((r) => ({
      memberId: r._id,
      name: r.name,
      building: r.building ?? '',
      titles: positions.filter((p) => p.memberId === r._id).map((p) => p.title),
    })),
    page: input.page,
    hasMore,
  };
}

/**
 * Round trips: 3. `_.addToSet` makes a retry or ten racing joins one join; the write is guarded on the caller
 * still being an approved member with a live account in the council's 居民区. (A council retired between the read
 * and the write may still take this one join: retiring never removes members either.)
 */
export async function join(input: In<'join'>, { identity }: CallContext): Out<'join'> {
  const caller = await loadCaller(identity);
  if (!caller.roles.includes('member')) throw new AppError('COUNCILS.MEMBERS_ONLY');
  authorize(caller, 'councils.join', { memberId: caller.memberId });
  const council = await councilOf(caller, input.councilId);
  if (!council.active) throw new AppError('COUNCILS.RETIRED');
  const guard = { communityId: council.communityId, 'application.status': 'approved', deletedAt: command().exists(false) };
  if (!(await q.updateMemberCouncils(caller.memberId, guard, 'add', council._id, clock().now()))) {
    // Not matched, so the guard failed (a repeat join matches and counts as updated, as the service counts); the record says why.
    const now = await findMember(caller.memberId);
    const joined = now?.application.status === 'approved' && !now.deletedAt && now.councilIds.includes(council._id);
    if (!joined) throw new AppError('COUNCILS.MEMBERS_ONLY');
  }
  return { councilIds: [...new Set([...(caller.record?.councilIds ?? []), council._id])] };
}

/** Round trips: 3. `_.pull` makes a retry harmless. Positions and rotation turns they held are passed over from now on. */
export async function leave(input: In<'leave'>, { identity }: CallContext): Out<'leave'> {
  const caller = await loadCaller(identity);
  if (!caller.roles.includes('member')) throw new AppError('COUNCILS.MEMBERS_ONLY');
  authorize(caller, 'councils.join', { memberId: caller.memberId });
  const council = await councilOf(caller, input.councilId);
  await q.updateMemberCouncils(caller.memberId, { communityId: council.communityId }, 'remove', council._id, clock().now());
  return { councilIds: (caller.record?.councilIds ?? []).filter((id) => id !== council._id) };
}

/**
 * Round trips: 3 (the caller; the 居民区's councils; the insert), plus the content check. The `_id` comes from the
 * form's request id, so a retried submission adds one council.
 */
export async function create(input: In<'create'>, { identity }: CallContext): Out<'create'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'councils.manage', { communityId: caller.communityId });
  const communityId = caller.communityId!;
  const id = `${communityId}-${input.requestId}`;
  const all = await q.listAllCouncils(communityId);
  const retried = all.find((c) => c._id === id);
  if (retried) return brief(retried);
  if (all.some((c) => c.name === input.name)) throw new AppError('COUNCILS.NAME_TAKEN', { name: '已有同名的分会' });
  if (all.length >= q.MAX_COUNCILS) throw new AppError('COUNCILS.TOO_MANY');
  await ensurePublishable(identity, [input.name]);
  const now = clock().now();
  const doc: m.CouncilDoc = {
    _id: id,
    communityId,
    name: input.name,
    kind: 'branch',
    order: Math.max(0, ...all.map((c) => c.order + 1)),
    active: true,
    positions: [],
    rotation: null,
    rotationLog: [],
    createdAt: now,
    createdBy: caller.memberId,
    updatedAt: now,
  };
  // A duplicate here is the same request racing itself: it made this very council.
  await q.insertCouncil(doc);
  return brief(doc);
}

/** Round trips: 3 (the caller; the 居民区's councils, for the name check; the update), plus the content check. */
export async function rename(input: In<'rename'>, { identity }: CallContext): Out<'rename'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'councils.manage', { communityId: caller.communityId });
  const all = await q.listAllCouncils(caller.communityId!);
  const council = ensureSameCommunity(caller, all.find((c) => c._id === input.councilId) ?? null);
  if (council.name === input.name) return brief(council);
  if (all.some((c) => c.name === input.name)) throw new AppError('COUNCILS.NAME_TAKEN', { name: '已有同名的分会' });
  await ensurePublishable(identity, [input.name]);
  await q.updateCouncilIf(council._id, { communityId: council.communityId }, { name: input.name, updatedAt: clock().now() });
  return brief({ ...council, name: input.name });
}

/** Round trips: 3. Guarded on `active`, so a retry changes nothing twice; members, positions and history stay. */
export async function retire(input: In<'retire'>, { identity }: CallContext): Out<'retire'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'councils.manage', { communityId: caller.communityId });
  const council = await councilOf(caller, input.councilId);
  if (council.kind === 'main') throw new AppError('COUNCILS.MAIN_CANNOT_RETIRE');
  if (council.active) {
    const now = clock().now();
    await q.updateCouncilIf(
      council._id,
      { communityId: council.communityId, active: true },
      { active: false, retiredAt: now, retiredBy: caller.memberId, updatedAt: now },
    );
  }
  return brief({ ...council, active: false });
}

/** Round trips: 3. */
export async function restore(input: In<'restore'>, { identity }: CallContext): Out<'restore'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'councils.manage', { communityId: caller.communityId });
  const council = await councilOf(caller, input.councilId);
  if (!council.active) {
    await q.updateCouncilIf(council._id, { communityId: council.communityId, active: false }, { active: true, updatedAt: clock().now() });
  }
  return brief({ ...council, active: true });
}

/** Round trips: 4 (the caller; the council; the holders; the update), plus the content check. */
export async function setPositions(input: In<'setPositions'>, { identity }: CallContext): Out<'setPositions'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'councils.manage', { communityId: caller.communityId });
  const council = await councilOf(caller, input.councilId);
  if (!council.active) throw new AppError('COUNCILS.RETIRED');
  const people = await q.findPeople([...new Set(input.positions.map((p) => p.memberId))]);
  const fields: Record<string, string> = {};
  input.positions.forEach((p, i) => {
    if (!m.isInCouncil(council, people.get(p.memberId))) fields[`positions.${i}.memberId`] = '这位还不是本分会的成员';
  });
  if (Object.keys(fields).length) throw new AppError('COUNCILS.NOT_COUNCIL_MEMBER', fields);
  await ensurePublishable(
    identity,
    input.positions.map((p) => p.title),
  );
  await q.updateCouncilIf(
    council._id,
    { communityId: council.communityId },
    { positions: command().set(input.positions), updatedAt: clock().now() },
  );
  return { positions: m.toPositions({ ...council, positions: input.positions }, people) };
}

interface RotationContext {
  identity: Identity;
  caller: Caller;
  council: m.CouncilDoc;
  people: m.People;
  now: Date;
}

/**
 * The caller, the council and the people of its rotation order (plus `extraIds`): 3 round trips. Reading the order's
 * people is what tells whether the caller chairs the council now (council_chair may change its rotation); the
 * changes need them anyway to validate the order and the schedule.
 */
async function loadForRotation(identity: Identity, councilId: string, extraIds: string[]): Promise<RotationContext> {
  const caller = await loadCaller(identity);
  const council = await councilOf(caller, councilId);
  const people = await q.findPeople([...new Set([...(council.rotation?.order ?? []), ...extraIds])]);
  const now = clock().now();
  authorize(asChairOf(caller, council, people, now), 'councils.changeRotation', targetOf(council));
  if (!council.active) throw new AppError('COUNCILS.RETIRED');
  return { identity, caller, council, people, now };
}

const logged = (council: m.CouncilDoc, key: string) => (council.rotationLog ?? []).some((e) => e.key === key);

function resultOf(council: m.CouncilDoc, people: m.People, now: Date): RotationChangeResult {
  const { current, next } = m.chairsNow(council, people, now);
  return { rotationId: council.rotation?.id ?? '', current: m.toChairView(current, people), next: m.toChairView(next, people) };
}

/** After a guarded write changed nothing: the same change already landed (a retry or a race), or something else did. */
async function afterLostWrite(ctx: RotationContext, key: string): Promise<RotationChangeResult> {
  const fresh = await q.findCouncil(ctx.council._id);
  if (fresh && logged(fresh, key)) return resultOf(fresh, ctx.people, ctx.now);
  if (fresh && !fresh.active) throw new AppError('COUNCILS.RETIRED');
  throw new AppError('COUNCILS.ROTATION_CHANGED');
}

/**
 * Round trips: 4 (loadForRotation; the guarded update). Keyed by the form's request id, so a retry sets it once;
 * a new rotation starts a fresh schedule (earlier skips and swaps stay in the history).
 */
export async function setRotation(input: In<'setRotation'>, { identity }: CallContext): Out<'setRotation'> {
  const ctx = await loadForRotation(identity, input.councilId, input.order);
  const { caller, council, people, now } = ctx;
  const key = `set:${input.requestId}`;
  if (logged(council, key)) return resultOf(council, people, now);
  const fields: Record<string, string> = {};
  input.order.forEach((id, i) => {
    if (!m.isInCouncil(council, people.get(id))) fields[`order.${i}`] = '这位还不是本分会的成员';
  });
  if (Object.keys(fields).length) throw new AppError('COUNCILS.NOT_COUNCIL_MEMBER', fields);

  const rotation: m.RotationDoc = { id: `r-${input.requestId}`, order: input.order, termDays: input.termDays, startDate: input.startDate, version: 0 };
  const entry: m.RotationLogDoc = { key, kind: 'set', rotationId: rotation.id, by: caller.memberId, byName: caller.record?.name ?? '', at: now };
  const _ = command();
  const done = await q.updateCouncilIf(
    council._id,
    { communityId: council.communityId, active: true, 'rotationLog.key': _.neq(key) },
    { rotation: _.set(rotation), rotationLog: _.push([entry]), updatedAt: now },
  );
  if (!done) return afterLostWrite(ctx, key);
  return resultOf({ ...council, rotation, rotationLog: [...(council.rotationLog ?? []), entry] }, people, now);
}

/** The rotation in force, checked against the one the caller's page showed. */
function rotationFor(council: m.CouncilDoc, rotationId: string) {
  const plan = m.planOf(council);
  const rotation = council.rotation;
  if (!plan || !rotation) throw new AppError('COUNCILS.NO_ROTATION');
  if (rotation.id !== rotationId) throw new AppError('COUNCILS.ROTATION_CHANGED');
  return { plan, rotation };
}

/**
 * Records a skip or swap with one update guarded on the rotation's version (so two changes decided against the
 * same schedule cannot both land) and on its key (so the same change lands once).
 */
async function record(ctx: RotationContext, change: RotationChange, reason: string): Promise<RotationChangeResult> {
  const { caller, council, people, now } = ctx;
  const rotation = council.rotation!;
  const entry: m.RotationLogDoc = {
    ...change,
    rotationId: rotation.id,
    reason,
    by: caller.memberId,
    byName: caller.record?.name ?? '',
    at: now,
  };
  const _ = command();
  const done = await q.updateCouncilIf(
    council._id,
    {
      communityId: council.communityId,
      active: true,
      'rotation.id': rotation.id,
      'rotation.version': rotation.version,
      'rotationLog.key': _.neq(change.key),
    },
    { 'rotation.version': _.inc(1), rotationLog: _.push([entry]), updatedAt: now },
  );
  if (!done) return afterLostWrite(ctx, change.key);
  return resultOf({ ...council, rotation: { ...rotation, version: rotation.version + 1 }, rotationLog: [...(council.rotationLog ?? []), entry] }, people, now);
}

/** Round trips: 4 (loadForRotation; the guarded update), 5 when another change landed first; plus the content check. */
export async function skip(input: In<'skip'>, { identity }: CallContext): Out<'skip'> {
  const ctx = await loadForRotation(identity, input.councilId, []);
  const { council, people, now } = ctx;
  const { plan } = rotationFor(council, input.rotationId);
  const key = skipKey(input.rotationId, input.term, input.memberId);
  if (logged(council, key)) return resultOf(council, people, now);
  if (input.term < termIndexAt(plan, now)) throw new AppError('COUNCILS.TERM_PASSED');
  const eligible = m.eligibilityIn(council, people);
  if (termAt(plan, eligible, input.term).chairId !== input.memberId) throw new AppError('COUNCILS.ROTATION_CHANGED');
  const change: RotationChange = { key, kind: 'skip', term: input.term, memberId: input.memberId };
  const after = termAt({ ...plan, changes: [...plan.changes, change] }, eligible, input.term).chairId;
  if (after === null || after === input.memberId) throw new AppError('COUNCILS.NOBODY_ELSE');
  await ensurePublishable(identity, [input.reason]);
  return record(ctx, change, input.reason);
}

/** Round trips: 4 (loadForRotation; the guarded update), 5 when another change landed first; plus the content check. */
export async function swap(input: In<'swap'>, { identity }: CallContext): Out<'swap'> {
  const ctx = await loadForRotation(identity, input.councilId, []);
  if (input.memberId === input.otherMemberId) throw new AppError('COUNCILS.SWAP_SAME');
  const { council, people, now } = ctx;
  const { plan } = rotationFor(council, input.rotationId);
  const key = swapKey(input.rotationId, input.term, input.memberId, input.otherMemberId);
  if (logged(council, key)) return resultOf(council, people, now);
  if (input.term < termIndexAt(plan, now)) throw new AppError('COUNCILS.TERM_PASSED');
  const [first, second] = termsBetween(plan, m.eligibilityIn(council, people), input.term, input.term + 1);
  if (first?.chairId !== input.memberId || second?.chairId !== input.otherMemberId) throw new AppError('COUNCILS.ROTATION_CHANGED');
  await ensurePublishable(identity, [input.reason]);
  return record(ctx, { key, kind: 'swap', term: input.term, memberId: input.memberId, otherMemberId: input.otherMemberId }, input.reason);
}
