import { outcomeOf, nextWindowStart, ROBOT_MESSAGES_PER_MINUTE, windowOf } from '../../src/shared/rules/wecom-delivery';
import { clock } from '../_core/clock';
import { COLLECTIONS } from '../_core/collections';
import { command, getDb, insertOnce } from '../_core/db';
import { wecomRobots, type WeComAnswer } from '../_core/ports/wecom';
import type { OutboxDoc, RobotDoc } from './notices.model';
import { byIds, updateIf } from './notices.queries';

/**
 * The WeCom robot queue. Messages are queued with deterministic ids (a retried publish or reminder queues once),
 * then drained right after they are queued and by the minute timer: each message is claimed by a conditional
 * update (two drains never send it twice), counted against its robot's minute window by a conditional update
 * (never more than ROBOT_MESSAGES_PER_MINUTE a minute, whatever runs at once), sent, and retried with backoff.
 */

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

async function dueMessages(now: Date, noticeId: string | undefined, limit: number): Promise<OutboxDoc[]> {
  const _ = command();
  const res = await outbox()
    .where({ state: 'queued', nextAttemptAt: _.lte(now), leaseUntil: _.lte(now), ...(noticeId ? { noticeId } : {}) })
    .orderBy('nextAttemptAt', 'asc')
    .limit(limit)
    .get();
  return res.data as OutboxDoc[];
}

/** A send slot in the robot's current minute window: the counter moves only while under the limit. */
async function takeSlot(gridId: string, now: Date): Promise<boolean> {
  const _ = command();
  const window = windowOf(now);
  if (await updateIf(COLLECTIONS.wecomRobots, gridId, { windowStart: window, windowCount: _.lt(ROBOT_MESSAGES_PER_MINUTE) }, { windowCount: _.inc(1) })) {
    return true;
  }
  return updateIf(COLLECTIONS.wecomRobots, gridId, { windowStart: _.lt(window) }, { windowStart: window, windowCount: 1 });
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
}

/**
 * Sends what is due (of one notice, or all), at most `limit` messages. Round trips per message: claim, slot
 * (1-2), finish; plus one to list and one for the robots.
 */
export async function drain(now: Date, options: { noticeId?: string; limit?: number } = {}): Promise<DrainCounts> {
  const counts: DrainCounts = { sent: 0, retried: 0, failed: 0, deferred: 0 };
  const due = await dueMessages(now, options.noticeId, options.limit ?? DRAIN_BATCH);
  if (due.length === 0) return counts;
  const robots = new Map((await byIds<RobotDoc>(COLLECTIONS.wecomRobots, due.map((d) => d.gridId))).map((r) => [r._id, r]));
  for (const msg of due) {
    const claimed = await updateIf(
      COLLECTIONS.wecomOutbox,
      msg._id,
      { state: 'queued', attempts: msg.attempts, leaseUntil: command().lte(now) },
      { leaseUntil: new Date(now.getTime() + LEASE_MS) },
    );
    if (!claimed) continue;
    const robot = robots.get(msg.gridId);
    if (!robot) {
      await finish(msg, { state: 'failed', lastError: '这个微格的机器人已被移除' });
      counts.failed += 1;
      continue;
    }
    // The slot's minute is the moment of sending, not the drain's start: a slow drain must not spend last minute's slots now.
    const slotAt = clock().now();
    if (!(await takeSlot(robot._id, slotAt))) {
      await finish(msg, { nextAttemptAt: new Date(nextWindowStart(slotAt)) });
      counts.deferred += 1;
      continue;
    }
    const attempts = msg.attempts + 1;
    const outcome = outcomeOf(await send(robot.key, msg.message), attempts, now);
    if (outcome.kind === 'sent') {
      await finish(msg, { state: 'sent', attempts, sentAt: now, lastError: null });
      // The robots page shows the last failure only while the robot is still failing.
      if (robot.lastError) await updateIf(COLLECTIONS.wecomRobots, robot._id, {}, { lastError: null });
      counts.sent += 1;
    } else if (outcome.kind === 'retry') {
      await finish(msg, { attempts, nextAttemptAt: outcome.at, lastError: outcome.reason });
      counts.retried += 1;
    } else {
      await finish(msg, { state: 'failed', attempts, lastError: outcome.reason });
      await updateIf(COLLECTIONS.wecomRobots, robot._id, {}, { lastError: outcome.reason });
      counts.failed += 1;
    }
  }
  return counts;
}

/** Ends a claim: writes the outcome and releases the lease. */
async function finish(msg: OutboxDoc, patch: Partial<OutboxDoc>): Promise<void> {
  await updateIf(COLLECTIONS.wecomOutbox, msg._id, {}, { ...patch, leaseUntil: new Date(0) });
}
