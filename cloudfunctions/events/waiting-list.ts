import { formatShanghai } from '../../src/shared/time';
import { clock } from '../_core/clock';
import { sendOnce } from '../_core/subscriptions';
import { detailPage, type EventDoc, type SignupDoc } from './events.model';
import * as q from './events.queries';

/** The event templates: all four fields (title, time, place, note) in src/shared/subscriptions.ts. */
type EventTemplate = 'event-reminder' | 'event-promoted' | 'event-cancelled';

/** How many waiting people are read at once when a place is handed on. */
const BATCH = 20;

/**
 * Tells one person about an event by subscribe message, if they allowed one: `sendKey` names what is said, so it
 * is said once. A refused or failed send never undoes the change.
 */
export async function notify(event: EventDoc, memberId: string, template: EventTemplate, sendKey: string, note: string, owner?: string): Promise<boolean> {
  // `owner` (the call's request id, or a timer run): a retry of a call that died after queuing sends it at once.
  const outcome = await sendOnce(
    { sendKey, memberId, template, page: detailPage(event._id), values: { title: event.title, time: formatShanghai(event.startAt), place: event.place, note } },
    { owner },
  );
  return outcome === 'sent';
}

/** Moves one waiting person onto a place someone holds for them: a conditional update, so each person is promoted once. */
async function promote(event: EventDoc, candidate: SignupDoc): Promise<boolean> {
  const now = clock().now();
  const done = await q.updateSignupIf(candidate._id, { status: 'waiting' }, { status: 'confirmed', promotedAt: now, updatedAt: now });
  if (done) await notify(event, candidate.memberId, 'event-promoted', `event-promoted:${candidate._id}:${candidate.seq}`, '候补成功，你已报上名啦');
  return done;
}

/** Gives a held place to the first of `candidates` still waiting, in arrival order. */
async function promoteFirst(event: EventDoc, candidates: SignupDoc[]): Promise<boolean> {
  for (const candidate of candidates) {
    if (await promote(event, candidate)) return true;
  }
  return false;
}

/**
 * While a place of the role is free and someone waits, the first waiting person takes it. Run after a place is freed
 * and after someone joins the waiting list, so no place stays free while people wait, whatever the interleaving:
 * the place is always taken first (conditional, never oversold), then given; if nobody was left, it is freed again.
 */
export async function settle(event: EventDoc, index: number): Promise<void> {
  const role = event.roles[index]!;
  for (;;) {
    const candidates = await q.firstWaiting(event._id, role.key, BATCH);
    if (candidates.length === 0) return;
    if (!(await q.takePlace(event._id, index, role.places))) return;
    if (!(await promoteFirst(event, candidates))) await q.releasePlace(event._id, index);
  }
}

/**
 * A place someone held (a cancelled sign-up) goes straight to the first waiting person, so a newcomer cannot take it
 * ahead of them. Two concurrent hand-overs read the same list, but each promotion is conditional, so they promote
 * two different people. With nobody waiting the place is freed.
 */
export async function handOver(event: EventDoc, index: number): Promise<void> {
  const role = event.roles[index]!;
  for (;;) {
    const candidates = await q.firstWaiting(event._id, role.key, BATCH);
    if (await promoteFirst(event, candidates)) return;
    if (candidates.length < BATCH) break;
  }
  await q.releasePlace(event._id, index);
  // Someone may have joined the waiting list between the read and the release.
  await settle(event, index);
}
