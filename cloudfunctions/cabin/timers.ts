import type { RemindOutcome } from '../../src/shared/actions/cabin';
import { addDays, dayOf, instantAt } from '../../src/shared/rules/cabin-hours';
import { resolveRules } from '../../src/shared/rules/cabin-loans';
import { inShanghai } from '../../src/shared/time';
import type { HoldDoc, LoanDoc } from './cabin.model';
import * as q from './cabin.queries';
import { timerOwner } from '../_core/message-outbox';
import { tellDueTomorrow, tellHold, tellOverdue } from './messages';
import { expireHold, tellReady } from './queue';
import { attempt, CLEARED, lastTry, retryFields } from './sends';

/** Each kind of work takes at most this many documents a run; the next run takes the rest. */
const SWEEP_BATCH = 100;
const SEND_FROM_HOUR = 9;
const SEND_UNTIL_HOUR = 21;
/** A ready hold's holder is reminded when this little time is left. */
const EXPIRING_WITHIN_MS = 3 * 60 * 60 * 1000;

type Counts = Record<string, number>;

/**
 * One record's work, isolated: whatever it throws is counted and logged, and the run goes on with the next record
 * (one bad record never stops the others; it is tried again by a later run).
 */
async function each<T>(records: readonly T[], counts: Counts, work: (record: T) => Promise<void>): Promise<void> {
  for (const record of records) {
    try {
      await work(record);
    } catch (err) {
      counts.failed = (counts.failed ?? 0) + 1;
      console.error('[cabin-sweep] a record failed; the next run tries it again', (record as { _id?: string })._id, err);
    }
  }
}

/**
 * Sends one of a record's reminders, then marks the record: the mark (`done`) only after the platform answered, so
 * a send that did not happen (no quota, refused, an error) is not lost. It is recorded on the record with the time
 * of the next try, each wait twice the last (sends.ts); after the last try the record is marked, with its error kept.
 * A crash between the send and the mark only repeats the send, which its key turns into 'already'.
 */
async function remind(
  record: { _id: string; sendTries?: number },
  send: () => Promise<RemindOutcome>,
  mark: (fields: Record<string, unknown>) => Promise<boolean>,
  done: Record<string, unknown>,
  now: Date,
  counts: Counts,
  key: string,
): Promise<void> {
  const result = await attempt(send);
  const tries = record.sendTries ?? 0;
  if (result.done) {
    await mark({ ...done, ...CLEARED });
    counts[key] = (counts[key] ?? 0) + 1;
    return;
  }
  await mark(lastTry(tries) ? { ...done, ...retryFields(tries, result.error, now) } : retryFields(tries, result.error, now));
  counts.sendsFailed = (counts.sendsFailed ?? 0) + 1;
}

/**
 * The cabin's scheduled work (every 15 minutes; locally every minute), bounded and idempotent: holds that ran out are
 * released (or handed to the next in line); holders handed a hold whose message did not go out are told; borrowers
 * are reminded the day before a loan is due and once when it is overdue; holders are reminded before a hold runs out.
 * Every send has a deterministic key and every record is marked only after its send, by a conditional write, so an
 * overlapping or repeated run does nothing twice and a failed run loses nothing. Each record is isolated.
 */
export async function sweep(now: Date): Promise<Counts> {
  const tomorrow = addDays(dayOf(now), 1);
  const hour = inShanghai(now).hour();
  // Reminders in the daytime only: nobody is woken at night; what is left waits for the morning's runs.
  const daytime = hour >= SEND_FROM_HOUR && hour < SEND_UNTIL_HOUR;
  const none = Promise.resolve([]);
  const [expired, untold, dueSoon, overdue, expiring] = await Promise.all([
    q.expiredHolds(now, SWEEP_BATCH),
    q.untoldHolds(now, SWEEP_BATCH),
    daytime ? q.loansDueBetween(instantAt(tomorrow, '00:00'), instantAt(addDays(tomorrow, 1), '00:00'), now, SWEEP_BATCH) : none,
    daytime ? q.overdueUnreminded(now, SWEEP_BATCH) : none,
    daytime ? q.holdsExpiringBefore(now, new Date(now.getTime() + EXPIRING_WITHIN_MS), SWEEP_BATCH) : none,
  ]);
  const counts: Counts = { holdsReleased: 0, dueReminders: 0, overdueReminders: 0, expiringReminders: 0, holdsTold: 0, sendsFailed: 0, failed: 0 };
  // The run's messages are held under this minute's run: a platform retry of the same run sends what it queued.
  const owner = timerOwner('cabin:cabin-sweep', now);
  const rulesByCommunity = new Map<string, ReturnType<typeof resolveRules>>();
  await each(expired, counts, async (item) => {
    if (!rulesByCommunity.has(item.communityId)) rulesByCommunity.set(item.communityId, resolveRules(await q.findRules(item.communityId)));
    await expireHold(item, rulesByCommunity.get(item.communityId)!, now, owner);
    counts.holdsReleased! += 1;
  });
  await each(untold, counts, async (hold: HoldDoc) => {
    if (await tellReady(hold, owner)) counts.holdsTold! += 1;
    else counts.sendsFailed! += 1;
  });
  await each(dueSoon, counts, (loan: LoanDoc) =>
    remind(loan, () => tellDueTomorrow(loan, owner), (f) => q.updateLoanIf(loan._id, { dueReminded: false, dueAt: loan.dueAt }, f), { dueReminded: true }, now, counts, 'dueReminders'),
  );
  await each(overdue, counts, (loan: LoanDoc) =>
    remind(loan, () => tellOverdue(loan, null, owner), (f) => q.updateLoanIf(loan._id, { overdueReminded: false, status: 'open' }, f), { overdueReminded: true }, now, counts, 'overdueReminders'),
  );
  await each(expiring, counts, (hold: HoldDoc) =>
    remind(hold, () => tellHold(hold, hold.holdUntil!, true, owner), (f) => q.updateHoldIf(hold._id, { status: 'ready', expiryReminded: false }, f), { expiryReminded: true }, now, counts, 'expiringReminders'),
  );
  return counts;
}
