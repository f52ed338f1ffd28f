import { halfHoursBetween } from '../../src/shared/rules/hours';
import { pointsForService } from '../../src/shared/rules/points';
import { addDays, dayOf, instantAt } from '../../src/shared/rules/cabin-hours';
import { authorize, ensureSameCommunity } from '../_core/authorize';
import { loadCaller } from '../_core/caller';
import { clock } from '../_core/clock';
import { AppError } from '../_core/errors';
import { postEntry } from '../_core/ledger';
import { postedNow } from '../_core/posted-for';
import { rulesDoc, rulesIn } from '../_core/point-rules';
import type { CallContext } from '../_core/router';
import { ensureDesk, ensureManage, viewableCabin } from './access';
import { shiftIdOf, toShiftView, type ShiftDoc } from './cabin.model';
import * as q from './cabin.queries';
import type { In, Out } from './cabin.types';

/** Duty at the cabin earns points at the rate the ledger rules give this name (or the default rate). */
const DUTY_EVENT_TYPE = '爱心格子屋值班';

/** Round trips: 1 (caller) + 1 (cabin) + 1 (the page). */
export async function shifts(input: In<'shifts'>, { identity }: CallContext): Out<'shifts'> {
  const caller = await loadCaller(identity);
  const cabin = await viewableCabin(caller, input.cabinId);
  ensureDesk(caller, cabin);
  const { rows, hasMore } = await q.shiftsPage(cabin._id, input.from ?? dayOf(clock().now()), input.page);
  return { items: rows.map(toShiftView), page: input.page, hasMore };
}

/**
 * Round trips: 1 (caller) + 1 (cabin) + 1 (the shifts, side by side; each once by its id).
 * Independent idempotent writes rather than a transaction: each shift's id comes from its cabin, day, start and
 * person, so a retry adds the ones a dead call did not and none twice, and the weeks touch no shared counter.
 */
export async function addShifts(input: In<'addShifts'>, { identity }: CallContext): Out<'addShifts'> {
  const caller = await loadCaller(identity);
  const cabin = await viewableCabin(caller, input.cabinId);
  ensureManage(caller, cabin);
  if (![...cabin.keeperIds, ...cabin.volunteerIds].includes(input.memberId)) throw new AppError('CABIN.NOT_ON_ROSTER');
  const memberName = cabin.staff.find((p) => p.memberId === input.memberId)?.name ?? '';
  const docs: ShiftDoc[] = Array.from({ length: input.weeks }, (_, week) => {
    const date = addDays(input.date, week * 7);
    return {
      _id: shiftIdOf(cabin._id, date, input.from, input.memberId),
      communityId: cabin.communityId,
      cabinId: cabin._id,
      date,
      from: input.from,
      to: input.to,
      startAt: instantAt(date, input.from),
      endAt: instantAt(date, input.to),
      memberId: input.memberId,
      memberName,
      postedHalfHours: null,
    };
  });
  await Promise.all(docs.map((d) => q.insertShift(d)));
  return { shifts: docs.map(toShiftView) };
}

/** Round trips: 1 (caller) + 2 (shift, cabin) + 1 (removed, only a shift still to come). One write: nothing to survive. */
export async function removeShift(input: In<'removeShift'>, { identity }: CallContext): Out<'removeShift'> {
  const caller = await loadCaller(identity);
  const shift = ensureSameCommunity(caller, await q.findShift(input.shiftId));
  ensureManage(caller, ensureSameCommunity(caller, await q.findCabin(shift.cabinId)));
  return { removed: await q.removeShiftIf(shift._id, clock().now()) };
}

/**
 * Round trips: 1 (caller) + 1 (shift) + 1 (point rules) + the ledger's (5 and a commit) + 1 (the shift marked).
 * The entry's key is the shift's, so however often it is asked (or raced) the hours are posted once.
 * A chain of two idempotent steps: the ledger's own transaction (entry, balance, day cap) and then the shift marked by
 * a conditional write from unposted. The shift cannot join the ledger's transaction (it lives in _core and serves every
 * domain), and need not: a call that dies between the two is completed by its retry, which finds the entry posted
 * and marks the shift.
 */
export async function postDuty(input: In<'postDuty'>, { identity }: CallContext): Out<'postDuty'> {
  const caller = await loadCaller(identity);
  const shift = ensureSameCommunity(caller, await q.findShift(input.shiftId));
  authorize(caller, 'cabin.postDuty', { communityId: shift.communityId });
  const now = clock().now();
  if (shift.endAt > now) throw new AppError('CABIN.SHIFT_NOT_ENDED');
  const halfHours = halfHoursBetween(shift.startAt, shift.endAt);
  const rules = rulesIn(await rulesDoc(shift.communityId));
  const points = pointsForService(rules, { eventType: DUTY_EVENT_TYPE, halfHours, pointsAlreadyToday: 0 });
  const posting = { communityId: shift.communityId, memberId: shift.memberId, source: 'duty' as const, sourceId: shift._id };
  const result = await postEntry({
    key: `duty:${shift._id}`,
    ...posting,
    halfHours,
    points,
    reason: `${DUTY_EVENT_TYPE} ${shift.date} ${shift.from}-${shift.to}`,
    by: caller.memberId,
    at: now,
  }, { dailyCap: { day: shift.date, cap: rules.dailyCap } });
  // The shift is marked posted only with an entry that is this volunteer's for this shift.
  const created = postedNow(result, posting);
  const { entry } = result;
  await q.updateShiftIf(shift._id, { postedHalfHours: null }, { postedHalfHours: entry.halfHours });
  return { shift: toShiftView({ ...shift, postedHalfHours: entry.halfHours }), posted: created };
}
