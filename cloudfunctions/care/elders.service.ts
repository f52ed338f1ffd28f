import { normalizeBuilding, gridOfBuilding } from '../../src/shared/domain/grid';
import { authorize, can } from '../_core/authorize';
import type { Caller } from '../_core/caller';
import { clock } from '../_core/clock';
import { COLLECTIONS } from '../_core/collections';
import { command, insertOnce } from '../_core/db';
import { AppError } from '../_core/errors';
import { findMember } from '../_core/member-record';
import { toPage } from '../_core/paging';
import { recordProxyAction } from '../_core/proxy-log';
import type { CallContext } from '../_core/router';
import { noUntold, type ElderDoc } from './care.model';
import * as q from './care.queries';
import type { In, Out } from './care.types';
import { isStaff, toElderSummary, toElderView, toPairingView } from './care.views';
import { checkVisible, ensureStaff, gridNames, gridScope, idOf, nameOfGrid, residentCaller, shanghaiDay } from './common';

type ElderFields = In<'registerElder'>['elder'];

/**
 * The grid an elder's building belongs to, which the caller must be allowed to manage: the committee any building
 * (a building of no grid too), a grid leader one of their grids' (CARE.GRID_NOT_FOUND otherwise). One read.
 */
async function placeOf(caller: Caller, building: string): Promise<{ building: string; gridId: string | null; gridName: string }> {
  const normal = normalizeBuilding(building);
  const grids = await q.gridsOf(caller.communityId!);
  const gridId = gridOfBuilding(grids, normal);
  if (!can(caller, 'care.manage', { communityId: caller.communityId, gridId })) {
    if (can(caller, 'care.manage', { communityId: caller.communityId, gridId: caller.gridIds[0] ?? null })) throw new AppError('CARE.GRID_NOT_FOUND');
    throw new AppError('COMMON.FORBIDDEN');
  }
  return { building: normal, gridId, gridName: nameOfGrid(new Map(grids.map((g) => [g._id, g.name])), gridId) };
}

/** The elder's own member record, when linked: a live resident of the same 居民区 (CARE.MEMBER_NOT_FOUND otherwise). */
async function linkedMember(caller: Caller, memberId: string | null | undefined): Promise<string | null> {
  if (!memberId) return null;
  const m = await findMember(memberId);
  if (!m || m.deletedAt || m.communityId !== caller.communityId) throw new AppError('CARE.MEMBER_NOT_FOUND');
  return m._id;
}

/** The record's fields from the form (health notes and family are kept as typed: only staff and active volunteers read them). */
function fieldsOf(e: ElderFields) {
  return {
    name: e.name,
    room: e.room,
    phone: e.phone,
    needs: e.needs,
    frequency: e.frequency,
    preferredTimes: e.preferredTimes,
    healthNotes: e.healthNotes,
    family: { name: e.family.name, relation: e.family.relation, phone: e.family.phone },
  };
}

/**
 * A chain of two idempotent steps keyed by the request id: the record (ONE insert under an id from the registrar and
 * the request id) and the proxy-log line (under a key from the record). A retry finds the record and redoes the line.
 * Nothing of an elder's record is sent to the content check: it is private, read by staff and paired volunteers only.
 * Round trips: 1 (caller) + 1 (grids) [+1 the linked member] + 1 (insert) + 1 (proxy line).
 */
export async function registerElder(input: In<'registerElder'>, { identity }: CallContext): Out<'registerElder'> {
  const caller = await residentCaller(identity);
  ensureStaff(caller);
  const [place, memberId] = await Promise.all([placeOf(caller, input.elder.building), linkedMember(caller, input.elder.memberId)]);
  const now = clock().now();
  const id = idOf('el', caller.memberId, input.requestId);
  const doc: ElderDoc = {
    _id: id,
    communityId: caller.communityId!,
    gridId: place.gridId,
    building: place.building,
    ...fieldsOf(input.elder),
    consent: { by: caller.memberId, at: now, note: input.elder.consent.note },
    memberId,
    registeredBy: caller.memberId,
    volunteerIds: [],
    activeVolunteerIds: [],
    lastVisitDay: null,
    version: 0,
    createdAt: now,
    updatedAt: now,
    ...noUntold(),
  };
  const fresh = await insertOnce(COLLECTIONS.careElders, doc);
  const elder = fresh ? doc : await q.findElder(id);
  if (!elder || elder.registeredBy !== caller.memberId || elder.communityId !== caller.communityId) throw new AppError('COMMON.NOT_FOUND');
  await recordProxyAction({ key: `care-register-${elder._id}`, communityId: elder.communityId, actorId: caller.memberId, subjectId: elder.memberId ?? elder._id, action: `代登记邻援助老：${elder.name}（${elder.consent.note}）`, at: elder.createdAt });
  const { standing } = checkVisible(caller, elder);
  return { elder: toElderView(standing, elder, place.gridName, shanghaiDay(now)) };
}

/** One conditional write at the version the caller saw. Round trips: 1 (caller) + 1 (elder) + 1 (grids) [+1 member] + 1 (write). */
export async function updateElder(input: In<'updateElder'>, { identity }: CallContext): Out<'updateElder'> {
  const caller = await residentCaller(identity);
  const { elder, standing } = checkVisible(caller, await q.findElder(input.elderId));
  if (!isStaff(standing)) throw new AppError('COMMON.FORBIDDEN');
  const [place, memberId] = await Promise.all([placeOf(caller, input.elder.building), linkedMember(caller, input.elder.memberId)]);
  const now = clock().now();
  const patch = { ...fieldsOf(input.elder), building: place.building, gridId: place.gridId, memberId, version: input.version + 1, updatedAt: now };
  if (!(await q.updateIf(COLLECTIONS.careElders, { _id: elder._id, version: input.version, removedAt: command().exists(false) }, patch))) throw new AppError('CARE.CHANGED');
  const next = { ...elder, ...patch };
  return { elder: toElderView(standing, next, place.gridName, shanghaiDay(now)) };
}

/**
 * Deletes an elder's record: a chain of idempotent steps (why not a transaction: the visits are many). 1) the record
 * is emptied of every personal field and marked removed, its volunteer lists cleared; 2) its pairings end; 3) its
 * visits lose the log's words (day, state, minutes and hours stay: the anonymised counts); 4) coming due visits are
 * cancelled. A retry (the record already removed) redoes 2-4, which change nothing twice.
 * Round trips: 1 (caller) + 1 (elder) + 4 writes.
 */
export async function removeElder(input: In<'removeElder'>, { identity }: CallContext): Out<'removeElder'> {
  const caller = await residentCaller(identity);
  const elder = await q.findElder(input.elderId);
  if (!elder || elder.communityId !== caller.communityId) throw new AppError('COMMON.NOT_FOUND');
  authorize(caller, 'care.remove', { communityId: elder.communityId });
  const now = clock().now();
  const _ = command();
  const removed = await q.updateIf(COLLECTIONS.careElders, { _id: elder._id, removedAt: _.exists(false) }, {
    name: '',
    building: '',
    room: '',
    phone: '',
    healthNotes: '',
    family: { name: '', relation: '', phone: '' },
    consent: { by: elder.consent.by, at: elder.consent.at, note: '' },
    memberId: null,
    needs: [],
    preferredTimes: [],
    volunteerIds: [],
    activeVolunteerIds: [],
    untold: [],
    untoldKey: null,
    untoldAt: null,
    removedAt: now,
    version: elder.version + 1,
    updatedAt: now,
  });
  await q.updateIf(COLLECTIONS.carePairings, { elderId: elder._id, state: _.in(['proposed', 'active']) }, { state: 'ended', endedAt: now, endedBy: caller.memberId, endReason: '老人信息已删除', untold: [], untoldKey: null, untoldAt: null, updatedAt: now });
  await q.updateIf(COLLECTIONS.careVisits, { elderId: elder._id, log: _.neq(null) }, { 'log.note': '', 'log.concern': '', untold: [], untoldKey: null, untoldAt: null });
  await q.updateIf(COLLECTIONS.careVisits, { elderId: elder._id, state: 'due' }, { state: 'cancelled', updatedAt: now });
  return { removed };
}

/** Round trips: 1 (caller) + 1 (the page and the grids' names side by side). */
export async function listElders(input: In<'listElders'>, { identity }: CallContext): Out<'listElders'> {
  const caller = await residentCaller(identity);
  ensureStaff(caller);
  let scope = gridScope(caller);
  const wanted = input.filters?.gridId;
  if (wanted) scope = scope === null ? [wanted] : scope.filter((g) => g === wanted);
  const [rows, names] = await Promise.all([q.eldersPage(caller.communityId!, scope, input.page), gridNames(caller.communityId!)]);
  const page = toPage(rows);
  const today = shanghaiDay(clock().now());
  return { items: page.rows.map((e) => toElderSummary(e, nameOfGrid(names, e.gridId), today)), page: input.page, hasMore: page.hasMore };
}

/** Round trips: 1 (caller) + 1 (elder) + 1 (pairings and grids side by side) + 1 (the volunteers' names). */
export async function getElder(input: In<'getElder'>, { identity }: CallContext): Out<'getElder'> {
  const caller = await residentCaller(identity);
  const { elder, standing } = checkVisible(caller, await q.findElder(input.elderId));
  const [all, names] = await Promise.all([q.pairingsOfElder(elder._id), gridNames(elder.communityId)]);
  const staff = isStaff(standing);
  const pairings = staff ? all : all.filter((p) => p.volunteerId === caller.memberId);
  const people = await q.peopleOf(pairings.map((p) => p.volunteerId));
  return {
    elder: toElderView(standing, elder, nameOfGrid(names, elder.gridId), shanghaiDay(clock().now())),
    pairings: pairings.map((p) => toPairingView(caller, p, elder, people.get(p.volunteerId), staff)),
  };
}
