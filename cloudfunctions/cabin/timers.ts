import { addDays, dayOf, instantAt } from '../../src/shared/rules/cabin-hours';
import { resolveRules } from '../../src/shared/rules/cabin-loans';
import { inShanghai } from '../../src/shared/time';
import { tellDueTomorrow, tellHold, tellOverdue } from './messages';
import * as q from './cabin.queries';
import { expireHold } from './queue';

/** Each kind of work takes at most this many documents a run; the next run takes the rest. */
const SWEEP_BATCH = 100;
const SEND_FROM_HOUR = 9;
const SEND_UNTIL_HOUR = 21;
/** A ready hold's holder is reminded when this little time is left. */
const EXPIRING_WITHIN_MS = 3 * 60 * 60 * 1000;

/**
 * The cabin's scheduled work (every 15 minutes; locally every minute), bounded and idempotent: holds that ran out are released (or handed to the next in
 * line); borrowers are reminded the day before a loan is due and once when it is overdue; holders are reminded
 * before a hold runs out. Every send has a deterministic key and every step a conditional write, so an
 * overlapping or repeated run does nothing twice.
 */
export async function sweep(now: Date): Promise<Record<string, number>> {
  const tomorrow = addDays(dayOf(now), 1);
  const hour = inShanghai(now).hour();
  // Reminders in the daytime only: nobody is woken at night; what is left waits for the morning's runs.
  const daytime = hour >= SEND_FROM_HOUR && hour < SEND_UNTIL_HOUR;
  const none = Promise.resolve([]);
  const [expired, dueSoon, overdue, expiring] = await Promise.all([
    q.expiredHolds(now, SWEEP_BATCH),
    daytime ? q.loansDueBetween(instantAt(tomorrow, '00:00'), instantAt(addDays(tomorrow, 1), '00:00'), SWEEP_BATCH) : none,
    daytime ? q.overdueUnreminded(now, SWEEP_BATCH) : none,
    daytime ? q.holdsExpiringBefore(now, new Date(now.getTime() + EXPIRING_WITHIN_MS), SWEEP_BATCH) : none,
  ]);
  const rulesByCommunity = new Map<string, ReturnType<typeof resolveRules>>();
  for (const item of expired) {
    if (!rulesByCommunity.has(item.communityId)) rulesByCommunity.set(item.communityId, resolveRules(await q.findRules(item.communityId)));
    await expireHold(item, rulesByCommunity.get(item.communityId)!, now);
  }
  for (const loan of dueSoon) {
    if (await q.updateLoanIf(loan._id, { dueReminded: false, dueAt: loan.dueAt }, { dueReminded: true })) await tellDueTomorrow(loan);
  }
  for (const loan of overdue) {
    if (await q.updateLoanIf(loan._id, { overdueReminded: false, status: 'open' }, { overdueReminded: true })) await tellOverdue(loan, null);
  }
  for (const hold of expiring) {
    if (await q.updateHoldIf(hold._id, { status: 'ready', expiryReminded: false }, { expiryReminded: true })) await tellHold(hold, hold.holdUntil!, true);
  }
  return { holdsReleased: expired.length, dueReminders: dueSoon.length, overdueReminders: overdue.length, expiringReminders: expiring.length };
}
