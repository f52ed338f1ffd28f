import { CARE_EVENT_TYPE, CARE_NEED_LABELS } from '../../src/shared/domain/care';
import { halfHoursServed } from '../../src/shared/rules/hours';
import { pointsForService } from '../../src/shared/rules/points';
import { COLLECTIONS } from '../_core/collections';
import { command } from '../_core/db';
import { postEntry } from '../_core/ledger';
import { rulesDoc, rulesIn } from '../_core/point-rules';
import { postedNow } from '../_core/posted-for';
import type { VisitDoc } from './care.model';
import * as q from './care.queries';

/**
 * A visit's hours to the ledger, as the events' and the duty shifts' are: whole half-hours by 民政部令第67号
 * (rules/hours.ts), points by the 居民区's rules for the 邻援助老 type (its default rate unless the committee sets
 * one) within the daily cap of the visit's day. A chain of two idempotent steps: the ledger's own transaction under
 * the key `care-visit:<visitId>` (so a retry, the timer racing the grid leader, or both, post once), then the visit
 * marked confirmed by a conditional write from logged/challenged, with the half-hours the entry holds (a retry after a
 * crash between the two finds the entry and marks the visit). Round trips: 1 (rules) + the ledger's (5 + commit) + 1.
 */
export async function postVisitHours(v: VisitDoc, by: string, minutes: number, now: Date): Promise<{ halfHours: number; posted: boolean }> {
  const halfHours = halfHoursServed(minutes);
  const rules = rulesIn(await rulesDoc(v.communityId));
  const points = pointsForService(rules, { eventType: CARE_EVENT_TYPE, halfHours, pointsAlreadyToday: 0 });
  const posting = { communityId: v.communityId, memberId: v.volunteerId, source: 'care' as const, sourceId: v._id };
  const done = (v.log?.done ?? []).map((n) => CARE_NEED_LABELS[n]).join('、');
  const result = await postEntry(
    { key: `care-visit:${v._id}`, ...posting, halfHours, points, reason: `${CARE_EVENT_TYPE}探访 ${v.day}${done ? `（${done}）` : ''}`, by, at: now, servedOn: v.day },
    { dailyCap: { day: v.day, cap: rules.dailyCap } },
  );
  const posted = postedNow(result, posting);
  const entryHalfHours = result.entry.halfHours;
  await q.updateIf(COLLECTIONS.careVisits, { _id: v._id, state: command().in(['logged', 'challenged']) }, { state: 'confirmed', halfHours: entryHalfHours, confirmedBy: by, confirmedAt: now, updatedAt: now });
  return { halfHours: entryHalfHours, posted };
}
