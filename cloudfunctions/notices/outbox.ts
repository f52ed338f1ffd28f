/**
 * The WeCom robot queue. Messages are queued with deterministic ids (a retried publish or reminder queues once),
 * then drained right after they are queued and by the minute timer. A drain takes a message in ONE transaction with
 * a send slot of its robot's minute window (never more than ROBOT_MESSAGES_PER_MINUTE a minute, whatever runs at
 * once, and a slot is never spent twice for one message: a holder that died and comes back, retried under the same
 * owner, reuses the slot it took), holds it under a lease named by its owner (a request, or a timer minute), sends,
 * and marks it only by WeCom's answer, retrying with backoff. One message that throws never stops the others.
 */

import { outcomeOf, nextWindowStart, ROBOT_MESSAGES_PER_MINUTE, windowOf } from '../../src/shared/rules/wecom-delivery';
import { clock } from '../_core/clock';
import { COLLECTIONS } from '../_core/collections';
import { command, getDb, insertOnce } from '../_core/db';
import { oneOffOwner } from '../_core/message-outbox';
import { inTransaction } from '../_core/transaction';
import { wecomRobots, type WeComAnswer } from '../_core/ports/wecom';
import type { OutboxDoc, RobotDoc } from './notices.model';
import { updateIf } from './notices.queries';

const LEASE_MS = 60_000;
/** Messages one drain handles at most: a run stays short. */
const DRAIN_BATCH = 40;

const outbox = () => getDb().collection(COLLECTIONS.wecomOutbox);

/** Queues messages; one round trip each, already queued ones are left as they are. */
export async function enqueue(docs: OutboxDoc[]): Promise<void> {
  await Promise.all(docs.map((d) => insertOnce(COLLECTIONS.wecomOutbox, d)));
}

/** One round trip. */
export async function deliveriesOf(noticeId: string): Promise<OutboxDoc[]> {
  const res = await outbox().where({ noticeId }).orderBy('createdAt', 'asc').limit(100).get();
  return res.data as OutboxDoc[];
}

const EPOCH = new Date(0);
/** Tries of a mark after WeCom answered: losing it would send the message again. */
const MARK_TRIES = 3;
const ms = (d: Date | string) => new Date(d).getTime();

/** Due messages (of one notice, or all) held by nobody, or by this same owner (a retried request or timer minute). */
async function dueMessages(now: Date, owner: string, noticeId: string | undefined, limit: number): Promise<OutboxDoc[]> {
  const _ = command();
  const res = await outbox()
    .where(
      _.and([
        { state: 'queued', nextAttemptAt: _.lte(now), ...(noticeId ? { noticeId } : {}) },
        _.or([{ leaseUntil: _.lte(now) }, { owner }]),
      ]),
    )
    .orderBy('nextAttemptAt', 'asc')
    .limit(limit)
    .get();
  return res.data as OutboxDoc[];
}

type Taken = { kind: 'held'; msg: OutboxDoc; robot: RobotDoc } | { kind: 'deferred' } | { kind: 'gone' } | null;

/**
 * Takes a message and a send slot of its robot's current minute window in one transaction: both or neither. A
 * message that already holds this window's slot (its holder died and is retried under the same owner) keeps it.
 */
async function take(id: string, owner: string, now: Date): Promise<Taken> {
  return inTransaction(async (tx) => {
    const ref = tx.collection(COLLECTIONS.wecomOutbox).doc(id);
    const found = (await ref.get()).data as OutboxDoc | null;
    if (!found || found.state !== 'queued' || ms(found.nextAttemptAt) > now.getTime()) return null;
    if (ms(found.leaseUntil) > now.getTime() && found.owner !== owner) return null;
    const robotRef = tx.collection(COLLECTIONS.wecomRobots).doc(found.gridId);
    const robot = (await robotRef.get()).data as RobotDoc | null;
    if (!robot) {
      await ref.update({ state: 'failed', lastError: '这个微格的机器人已被移除', owner: null, leaseUntil: EPOCH, claims: 0 });
      return { kind: 'gone' as const };
    }
    // The slot's minute is the moment of sending, not the drain's start: a slow drain must not spend last minute's slots now.
    const slotAt = clock().now();
    const window = windowOf(slotAt);
    if (found.slotWindow !== window) {
      const used = robot.windowStart === window ? robot.windowCount : 0;
      if (used >= ROBOT_MESSAGES_PER_MINUTE) {
        await ref.update({ nextAttemptAt: new Date(nextWindowStart(slotAt)) });
        return { kind: 'deferred' as const };
      }
      await robotRef.update({ windowStart: window, windowCount: used + 1 });
    }
    const lease = { owner, leaseUntil: new Date(now.getTime() + LEASE_MS), claims: (found.claims ?? 0) + 1, slotWindow: window };
    await ref.update(lease);
    return { kind: 'held' as const, msg: { ...found, _id: id, ...lease }, robot: { ...robot, _id: found.gridId } };
  });
}

async function send(key: string, message: OutboxDoc['message']): Promise<number | null> {
  try {
    const answer: WeComAnswer = await wecomRobots().send(key, message);
    return answer.errcode;
  } catch {
    // The error may carry the webhook URL (the key): it is neither logged nor kept.
    return null;
  }
}

export interface DrainCounts {
  sent: number;
  retried: number;
  failed: number;
  deferred: number;
  errors: number;
}

/**
 * Sends what is due (of one notice, or all), at most `limit` messages, each on its own: one that throws is counted
 * and left for a later run. Round trips per message: the take (a transaction), the send, the mark; plus one to list.
 */
export async function drain(now: Date, options: { noticeId?: string; limit?: number; owner?: string } = {}): Promise<DrainCounts> {
  const counts: DrainCounts = { sent: 0, retried: 0, failed: 0, deferred: 0, errors: 0 };
  const owner = options.owner ?? oneOffOwner();
  const due = await dueMessages(now, owner, options.noticeId, options.limit ?? DRAIN_BATCH);
  for (const msg of due) {
    try {
      const taken = await take(msg._id, owner, now);
      if (!taken) continue;
      if (taken.kind !== 'held') {
        counts[taken.kind === 'gone' ? 'failed' : 'deferred'] += 1;
        continue;
      }
      const { robot } = taken;
      const attempts = taken.msg.attempts + 1;
      const outcome = outcomeOf(await send(robot.key, taken.msg.message), attempts, now);
      if (outcome.kind === 'sent') {
        await finish(taken.msg, { state: 'sent', attempts, sentAt: now, lastError: null });
        // The robots page shows the last failure only while the robot is still failing.
        if (robot.lastError) await updateIf(COLLECTIONS.wecomRobots, robot._id, {}, { lastError: null });
        counts.sent += 1;
      } else if (outcome.kind === 'retry') {
        await finish(taken.msg, { attempts, nextAttemptAt: outcome.at, lastError: outcome.reason });
        counts.retried += 1;
      } else {
        await finish(taken.msg, { state: 'failed', attempts, lastError: outcome.reason });
        await updateIf(COLLECTIONS.wecomRobots, robot._id, {}, { lastError: outcome.reason });
        counts.failed += 1;
      }
    } catch (err) {
      console.error(`[wecom outbox] ${msg._id} failed`, err);
      counts.errors += 1;
    }
  }
  return counts;
}

/** Ends a hold: writes the outcome and releases the lease, unless someone took the message over since. */
async function finish(msg: OutboxDoc, patch: Partial<OutboxDoc>): Promise<void> {
  for (let tryNo = 1; ; tryNo += 1) {
    try {
      await updateIf(COLLECTIONS.wecomOutbox, msg._id, { state: 'queued', claims: msg.claims }, { ...patch, owner: null, leaseUntil: EPOCH, claims: 0 });
      return;
    } catch (err) {
      if (tryNo >= MARK_TRIES) throw err;
    }
  }
}
