import { addDays, autoConfirmAt, LATE_LOG_DAYS } from '../../src/shared/domain/care';
import type { Caller } from '../_core/caller';
import { clock } from '../_core/clock';
import { COLLECTIONS } from '../_core/collections';
import { ensurePublishable } from '../_core/content-check';
import { AppError } from '../_core/errors';
import { toPage } from '../_core/paging';
import type { CallContext } from '../_core/router';
import { inTransaction } from '../_core/transaction';
import { visitIdOf, type ElderDoc, type PairingDoc, type VisitDoc } from './care.model';
import * as q from './care.queries';
import type { In, Out } from './care.types';
import { isStaff, toVisitView } from './care.views';
import { checkVisible, ensureStaff, gridScope, residentCaller, shanghaiDay } from './common';
import { postVisitHours } from './hours';
import { dueVisit } from './plan';
import { concernMessage, tell, untoldOf } from './tell';

/** Views of visits with their elders' and volunteers' names. One round trip (two reads side by side). */
async function visitViews(caller: Caller, visits: VisitDoc[], staff: (v: VisitDoc, e: ElderDoc | undefined) => boolean) {
  const now = clock().now();
  const [elders, people] = await Promise.all([q.eldersByIds(visits.map((v) => v.elderId)), q.peopleOf(visits.map((v) => v.volunteerId))]);
  return visits.map((v) => {
    const e = elders.get(v.elderId);
    return toVisitView(v, e?.name ?? '', people.get(v.volunteerId)?.name ?? '', { mine: v.volunteerId === caller.memberId, staff: staff(v, e), now });
  });
}

/** Whom a concern tells at once: the leader of the elder's grid, or the committee when the grid has none. One read. */
async function concernAudience(elder: ElderDoc): Promise<string[]> {
  const grid = elder.gridId ? await q.findGrid(elder.gridId) : null;
  if (grid?.leaderMemberId) return [grid.leaderMemberId];
  return q.committeeOf(elder.communityId);
}

/**
 * One transaction: the visit of that pairing and day (`_id` = pairingId:day, so one log per day under any race),
 * the pairing's missed-in-a-row reset and the elder's last visit day; a concern's messages to the grid leader are
 * written with the visit and told through the outbox at once. The same request retried answers the same visit; a
 * different one for a logged day is CARE.ALREADY_LOGGED.
 * Not sent to the report function: see docs/care.md (a concern stays in the leader's 待确认 queue, concerns first).
 * Round trips: 1 (caller) + 1 (pairing) + 1 (elder) [+1 the leader] + the content check + the transaction
 * (3 reads, 3 writes, commit) [+ the outbox's and a mark, for a concern].
 */
/** How far ahead of the server's clock a visit's start may be, for a phone whose clock runs fast. */
const CLOCK_SLACK_MS = 5 * 60_000;

export async function logVisit(input: In<'logVisit'>, { identity }: CallContext): Out<'logVisit'> {
  const caller = await residentCaller(identity);
  const found = await q.findPairing(input.pairingId);
  if (!found || found.communityId !== caller.communityId || found.volunteerId !== caller.memberId) throw new AppError('COMMON.NOT_FOUND');
  if (found.state !== 'active' || !found.anchorDay) throw new AppError('CARE.NOT_PAIRED');
  const now = clock().now();
  const today = shanghaiDay(now);
  if (input.day > today || input.day < addDays(today, -LATE_LOG_DAYS) || input.day < found.anchorDay) throw new AppError('CARE.DAY');
  const id = visitIdOf(found._id, input.day);
  const elder = await q.findElder(found.elderId);
  if (!elder || elder.removedAt) throw new AppError('CARE.NOT_PAIRED');
  const log = input.log;
  // The page picks the time on the logged day; the function is the gate (a phone's clock may run a few minutes fast).
  const startAt = new Date(log.startAt);
  if (shanghaiDay(startAt) !== input.day || startAt.getTime() > now.getTime() + CLOCK_SLACK_MS) {
    throw new AppError('COMMON.INVALID_INPUT', { 'log.startAt': '探访时间要在这一天，且不能晚于现在' });
  }
  const texts = [log.note, log.concern].filter((t) => t.trim() !== '');
  const [to] = await Promise.all([log.concern.trim() ? concernAudience(elder) : Promise.resolve([]), texts.length ? ensurePublishable(identity, texts) : Promise.resolve()]);
  const saved = await inTransaction(async (tx) => {
    const vRef = tx.collection(COLLECTIONS.careVisits).doc(id);
    const pRef = tx.collection(COLLECTIONS.carePairings).doc(found._id);
    const eRef = tx.collection(COLLECTIONS.careElders).doc(found.elderId);
    const [vRes, pRes, eRes] = await Promise.all([vRef.get(), pRef.get(), eRef.get()]);
    const before = vRes.data ? ({ ...(vRes.data as VisitDoc), _id: id } as VisitDoc) : null;
    if (before?.log) {
      if (before.log.requestId === input.requestId && before.volunteerId === caller.memberId) return before;
      throw new AppError('CARE.ALREADY_LOGGED');
    }
    const p = pRes.data as PairingDoc;
    const e = eRes.data as ElderDoc | null;
    if (p.state !== 'active' || !e || e.removedAt || before?.state === 'cancelled') throw new AppError('CARE.NOT_PAIRED');
    const concern = log.concern.trim();
    const base = before ?? { ...dueVisit({ ...p, _id: found._id }, input.day, now), planned: false };
    const doc: VisitDoc = {
      ...base,
      state: 'logged',
      log: { at: log.startAt, minutes: log.minutes, done: log.done, mood: log.mood, note: log.note, concern, requestId: input.requestId, by: caller.memberId },
      loggedAt: now,
      confirmAfter: autoConfirmAt(now),
      concern: concern !== '',
      updatedAt: now,
      ...untoldOf(concern ? to.map((m) => concernMessage(id, found.elderId, m, elder.name, log.startAt, concern)) : [], `care-log:${id}`, now),
    };
    const { _id, ...rest } = doc;
    await vRef.set(rest);
    await pRef.update({ missedInRow: 0, lastLoggedAt: now, updatedAt: now });
    if (!e.lastVisitDay || e.lastVisitDay < input.day) await eRef.update({ lastVisitDay: input.day, updatedAt: now });
    return doc;
  });
  await tell(COLLECTIONS.careVisits, saved);
  const [view] = await visitViews(caller, [{ ...saved, untold: [], untoldKey: null, untoldAt: null }], () => false);
  return { visit: view! };
}

/** A visit the caller manages (the committee, or the leader of the elder's grid); anything else answers as missing. */
async function managedVisit(caller: Caller, visitId: string): Promise<VisitDoc> {
  const v = await q.findVisit(visitId);
  if (!v || v.communityId !== caller.communityId) throw new AppError('COMMON.NOT_FOUND');
  const { standing } = checkVisible(caller, await q.findElder(v.elderId));
  if (!isStaff(standing)) throw new AppError('COMMON.NOT_FOUND');
  return v;
}

/**
 * Confirms a logged or questioned visit (optionally with corrected minutes): hours post once (hours.ts). Asking again
 * answers the confirmed visit. Round trips: 1 (caller) + 1 (visit) + 1 (elder) + the posting's + 1 (visit) + 1 (names).
 */
export async function confirmVisit(input: In<'confirmVisit'>, { identity }: CallContext): Out<'confirmVisit'> {
  const caller = await residentCaller(identity);
  const v = await managedVisit(caller, input.visitId);
  if (v.state !== 'confirmed') {
    if (v.state !== 'logged' && v.state !== 'challenged') throw new AppError('CARE.WRONG_STATE');
    await postVisitHours(v, caller.memberId, input.minutes ?? v.log!.minutes, clock().now());
  }
  const [view] = await visitViews(caller, [(await q.findVisit(v._id))!], () => true);
  return { visit: view! };
}

/**
 * Questions a logged visit before it confirms itself: one conditional write from logged while the 72 hours run (the
 * timer confirms only after them, so the two never both win). Asking again answers ok.
 * Round trips: 1 (caller) + 1 (visit) + 1 (elder) + the content check + 1 (write) + 1 (visit) + 1 (names).
 */
export async function challengeVisit(input: In<'challengeVisit'>, { identity }: CallContext): Out<'challengeVisit'> {
  const caller = await residentCaller(identity);
  const v = await managedVisit(caller, input.visitId);
  if (v.state !== 'challenged') {
    const now = clock().now();
    if (v.state !== 'logged' || !v.confirmAfter || now >= new Date(v.confirmAfter)) throw new AppError('CARE.WRONG_STATE');
    await ensurePublishable(identity, [input.reason]);
    const moved = await q.updateIf(COLLECTIONS.careVisits, { _id: v._id, state: 'logged' }, { state: 'challenged', challengeReason: input.reason, updatedAt: now });
    if (!moved && (await q.findVisit(v._id))?.state !== 'challenged') throw new AppError('CARE.WRONG_STATE');
  }
  const [view] = await visitViews(caller, [(await q.findVisit(v._id))!], () => true);
  return { visit: view! };
}

/** Round trips: 1 (caller) + 1 (page) + 1 (names). */
export async function myVisits(input: In<'myVisits'>, { identity }: CallContext): Out<'myVisits'> {
  const caller = await residentCaller(identity);
  const page = toPage(await q.visitsOfVolunteer(caller.memberId, input.filters?.state, input.page));
  return { items: await visitViews(caller, page.rows, () => false), page: input.page, hasMore: page.hasMore };
}

/** Staff see every visit of the elder; a volunteer of an open pairing their own. Round trips: 1 + 1 + 1 + 1. */
export async function visitsOf(input: In<'visitsOf'>, { identity }: CallContext): Out<'visitsOf'> {
  const caller = await residentCaller(identity);
  const { elder, standing } = checkVisible(caller, await q.findElder(input.elderId));
  const staff = isStaff(standing);
  const page = toPage(await q.visitsOfElder(elder._id, staff ? null : caller.memberId, input.page));
  return { items: await visitViews(caller, page.rows, () => staff), page: input.page, hasMore: page.hasMore };
}

/** Round trips: 1 (caller) + 1 (page) + 1 (names). */
export async function toConfirm(input: In<'toConfirm'>, { identity }: CallContext): Out<'toConfirm'> {
  const caller = await residentCaller(identity);
  ensureStaff(caller);
  const page = toPage(await q.visitsToConfirm(caller.communityId!, gridScope(caller), input.page));
  return { items: await visitViews(caller, page.rows, () => true), page: input.page, hasMore: page.hasMore };
}
