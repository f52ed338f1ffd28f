import { addDays, dueDays, PLAN_HORIZON_DAYS } from '../../src/shared/domain/care';
import { COLLECTIONS } from '../_core/collections';
import { insertOnce } from '../_core/db';
import { noUntold, visitIdOf, type PairingDoc, type VisitDoc } from './care.model';
import * as q from './care.queries';

/** The day through which the plan makes visits on `today`. */
export const horizonOf = (today: string) => addDays(today, PLAN_HORIZON_DAYS);

/**
 * Makes an active pairing's due visits through the horizon: each an insert under its deterministic id
 * (pairingId:day), so a second run, a racing run or a log of the same day made first adds nothing; then moves
 * `plannedThrough` by a conditional write from the value read. Killed between the two, the next run redoes the
 * inserts (finding them) and moves the mark. Round trips: one insert per new day (side by side) + 1.
 */
export async function planPairing(p: PairingDoc, today: string, now: Date): Promise<number> {
  if (p.state !== 'active' || !p.anchorDay || !p.plannedThrough) return 0;
  const through = horizonOf(today);
  if (p.plannedThrough >= through) return 0;
  const days = dueDays(p.plan, p.anchorDay, p.plannedThrough, through);
  const made = await Promise.all(days.map((day) => insertOnce(COLLECTIONS.careVisits, dueVisit(p, day, now))));
  await q.updateIf(COLLECTIONS.carePairings, { _id: p._id, state: 'active', plannedThrough: p.plannedThrough }, { plannedThrough: through });
  return made.filter(Boolean).length;
}

export function dueVisit(p: Pick<PairingDoc, '_id' | 'communityId' | 'elderId' | 'gridId' | 'volunteerId'>, day: string, now: Date): VisitDoc {
  return {
    _id: visitIdOf(p._id, day),
    communityId: p.communityId,
    pairingId: p._id,
    elderId: p.elderId,
    gridId: p.gridId,
    volunteerId: p.volunteerId,
    day,
    state: 'due',
    planned: true,
    log: null,
    loggedAt: null,
    confirmAfter: null,
    concern: false,
    challengeReason: '',
    halfHours: 0,
    confirmedBy: null,
    confirmedAt: null,
    missedAt: null,
    updatedAt: now,
    ...noUntold(),
  };
}
