import { formatShanghai } from '../../src/shared/time';
import { clock } from '../_core/clock';
import { command } from '../_core/db';
import { sendOnce } from '../_core/subscriptions';
import { inTransaction, type Tx } from '../_core/transaction';
import { detailPage, type EventDoc, type SignupDoc } from './events.model';
import * as q from './events.queries';

/**
 * The waiting list. A role's `taken` counts its confirmed sign-ups, and every change of a sign-up's status that
 * moves a place changes `taken` in the same transaction, so no crash between two writes can leak or oversell one.
 */

/** The event templates: all four fields (title, time, place, note) in src/shared/subscriptions.ts. */
type EventTemplate = 'event-reminder' | 'event-promoted' | 'event-cancelled';

/** How many promoted people are told at once. */
const BATCH = 20;

/**
 * Tells one person about an event by subscribe message, if they allowed one: `sendKey` names what is said, so it
 * is said once. A refused or failed send never undoes the change.
 */
async function notify(event: EventDoc, memberId: string, template: EventTemplate, sendKey: string, note: string): Promise<boolean> {
  // The owner is what is said (its sendKey), not the call: every path that tells this (a retry, the call that frees a
  // place, the reminders timer) may take a message a dead call left queued at once, instead of after its lease.
  // Two live calls telling the same thing at the same instant could both send; only one of them wins the change
  // that leads here, so that needs a committee double tap at the same moment.
  const outcome = await sendOnce(
    { sendKey, memberId, template, page: detailPage(event._id), values: { title: event.title, time: formatShanghai(event.startAt), place: event.place, note } },
    { owner: `tell:${sendKey}` },
  );
  return outcome === 'sent';
}

/**
 * Tells each of `messages` in turn. Not side by side: a call that dies at one message then has no other already
 * handed to WeChat but not yet marked sent, which its retry would send a second time. Answers how many were sent.
 */
export async function notifyAll(event: EventDoc, messages: readonly { memberId: string; template: EventTemplate; sendKey: string; note: string }[]): Promise<number> {
  let sent = 0;
  for (const m of messages) if (await notify(event, m.memberId, m.template, m.sendKey, m.note)) sent += 1;
  return sent;
}

/**
 * In a transaction: the first person waiting for the role, as the transaction's snapshot sees them, or null. The
 * list is queried outside the transaction (a query cannot run in one) after the snapshot was taken, so it is never
 * older than the snapshot: someone it shows but the snapshot does not see waiting joined since, and their sign-up
 * wrote the event, so whatever this transaction then writes to the event conflicts and it runs again. Round trips: 2.
 */
export async function firstWaitingIn(tx: Tx, eventId: string, roleKey: string): Promise<SignupDoc | null> {
  const [candidate] = await q.firstWaiting(eventId, roleKey, 1);
  if (!candidate) return null;
  const seen = await q.readIn<SignupDoc>(q.signupIn(tx, candidate._id));
  return seen?.status === 'waiting' ? seen : null;
}

/** In a transaction: gives a waiting person the place the caller moves to them, marked to be told. One round trip. */
export async function promoteIn(tx: Tx, candidate: SignupDoc, now: Date): Promise<SignupDoc> {
  await q.signupIn(tx, candidate._id).update({ status: 'confirmed', promotedAt: now, updatedAt: now, promotionUntold: true });
  return { ...candidate, status: 'confirmed', promotedAt: now, updatedAt: now, promotionUntold: true };
}

/**
 * While a place of the role is free and someone waits, the first waiting person takes it: each promotion is one
 * transaction (the place and the person's status together), retried on conflict, so a crash never leaves a place
 * taken by nobody. Run after places grew. Round trips: 1 (who waits first) and, while someone does, a transaction of
 * 5 (start, event, candidate, 2 writes) + commit per promotion. Answers who was promoted (still to be told).
 */
export async function settle(event: EventDoc, index: number): Promise<SignupDoc[]> {
  const eventId = event._id;
  // Role keys never change (sign-ups name them); the counts are read in each transaction.
  const roleKey = event.roles[index]!.key;
  const promoted: SignupDoc[] = [];
  for (;;) {
    const [candidate] = await q.firstWaiting(eventId, roleKey, 1);
    if (!candidate) return promoted;
    const now = clock().now();
    const moved = await inTransaction(async (tx) => {
      const seen = await q.readIn<EventDoc>(q.eventIn(tx, eventId));
      const role = seen?.roles[index];
      if (!seen || seen.status !== 'published' || !role || role.taken >= role.places) return 'full' as const;
      const person = await q.readIn<SignupDoc>(q.signupIn(tx, candidate._id));
      // Promoted or gone since the list was read: look at the list again.
      if (person?.status !== 'waiting') return 'moved' as const;
      await q.eventIn(tx, eventId).update({ [`roles.${index}.taken`]: role.taken + 1 });
      return promoteIn(tx, person, now);
    });
    if (moved === 'full') return promoted;
    if (moved !== 'moved') promoted.push(moved);
  }
}

/**
 * Tells the promoted people and clears their mark, once the message is handed to the messaging (its send key says it
 * once, so telling twice is harmless). One after another (see `notifyAll`). Round trips: per person the send's and
 * 1 (the mark).
 */
export async function tellPromoted(event: EventDoc, promoted: readonly SignupDoc[]): Promise<void> {
  const _ = command();
  for (const s of promoted) {
    await notify(event, s.memberId, 'event-promoted', `event-promoted:${s._id}:${s.seq}`, '候补成功，你已报上名啦');
    await q.updateSignupIf(s._id, { promotionUntold: true }, { promotionUntold: _.remove() });
  }
}

/**
 * Tells everyone of the event promoted but not yet told: a call that died between a promotion and its message
 * leaves the mark, and its retry (or the next call that moves the event's places) tells them. Round trips: 1 (the
 * marked) + `tellPromoted`'s, a page of 20 at a time.
 */
export async function tellUntold(event: EventDoc): Promise<void> {
  for (;;) {
    const marked = await q.untold(event._id, BATCH);
    await tellPromoted(event, marked);
    if (marked.length < BATCH) return;
  }
}
