import { COLLECTIONS } from '../_core/collections';
import { getDb } from '../_core/db';
import { timerOwner } from '../_core/message-outbox';
import { inTransaction } from '../_core/transaction';
import { noticeMarkdown, outboxIdOf, queuedRobotMessage, type NoticeDoc, type OutboxDoc, type RobotDoc } from './notices.model';
import { byIds, countTargeted, dueScheduled, gridsOf } from './notices.queries';
import { announceDue, announcePage } from './announce';
import { drain, type DrainCounts } from './outbox';
import { recordTimerFailure } from './timer-failures';

/** How many scheduled notices one timer run publishes at most. */
const PUBLISH_BATCH = 20;

/**
 * The robots a published notice goes to: every robot of the 居民区 for a notice to all, the targeted grids' robots
 * for grids. Colour groups and councils never go to a group robot: the group would learn who is in them.
 */
async function robotsFor(doc: NoticeDoc): Promise<RobotDoc[]> {
  if (doc.target.kind === 'grids') return byIds<RobotDoc>(COLLECTIONS.wecomRobots, doc.target.gridIds);
  if (doc.target.kind !== 'community') return [];
  const res = await getDb().collection(COLLECTIONS.wecomRobots).where({ communityId: doc.communityId }).limit(100).get();
  return res.data as RobotDoc[];
}

function robotMessages(doc: NoticeDoc, robots: RobotDoc[], names: Map<string, string>, now: Date): OutboxDoc[] {
  const message = noticeMarkdown(doc);
  return robots.map((r) =>
    queuedRobotMessage(
      {
        _id: outboxIdOf(doc._id, r.gridId, 'notice'),
        communityId: doc.communityId,
        noticeId: doc._id,
        gridId: r.gridId,
        gridName: names.get(r.gridId) ?? '',
        kind: 'notice',
        message,
      },
      now,
    ),
  );
}

/**
 * Publishes a draft or scheduled notice once. ONE transaction moves its status (only while `may` holds for the notice
 * as it stands, so a timer and an edit racing on it publish it once) and queues its robot messages and the first page
 * of its subscribe messages (`announce`): a call that dies after publishing has left nothing unqueued. Then this call
 * delivers what it queued; whatever it did not, its retry (same `owner`) or the timers do. Answers the published
 * notice, or null when someone else moved it first. Round trips: 3 at once (targeted, robots, grids) + the
 * transaction (1 read, 1 + robots writes) + the drain + the first page.
 */
export async function publish(
  doc: NoticeDoc,
  may: (current: NoticeDoc) => boolean,
  now: Date,
  owner: string,
  patch: Partial<NoticeDoc> = {},
): Promise<NoticeDoc | null> {
  const next: NoticeDoc = { ...doc, ...patch };
  const [targeted, robots, grids] = await Promise.all([countTargeted(next.communityId, next.target), robotsFor(next), gridsOf(next.communityId)]);
  const names = new Map(grids.map((g) => [g._id, g.name]));
  const published = await inTransaction(async (tx) => {
    const ref = tx.collection(COLLECTIONS.notices).doc(doc._id);
    const stored = (await ref.get()).data as NoticeDoc | null;
    if (!stored || !may({ ...stored, _id: doc._id })) return null;
    // The images move only with an edit of them: a verdict that landed meanwhile is in `stored` and stays.
    const { timerFailures: _failures, timerRetryAt: _retryAt, timerError: _error, ...settled } = stored;
    const result: NoticeDoc = {
      ...settled,
      ...patch,
      _id: doc._id,
      status: 'published',
      publishedAt: now,
      counts: { targeted },
      announce: { state: 'pending', page: 1 },
      publishedBy: owner,
      updatedAt: now,
    };
    const { _id, ...rest } = result;
    await ref.set(rest);
    for (const row of robotMessages(result, robots, names, now)) {
      const { _id: rowId, ...row2 } = row;
      await tx.collection(COLLECTIONS.wecomOutbox).doc(rowId).set(row2);
    }
    return result;
  });
  if (!published) return null;
  await deliverPublished(published, now, owner);
  return published;
}

/**
 * What follows a publish, each step idempotent: the robot messages drained, the current page of subscribe messages
 * sent. A retried create calls it again to finish what a crashed call left.
 */
export async function deliverPublished(doc: NoticeDoc, now: Date, owner: string): Promise<DrainCounts> {
  const sent = await drain(now, { noticeId: doc._id, owner });
  if (doc.announce?.state === 'pending') await announcePage(doc, doc.announce.page, owner);
  return sent;
}

/**
 * The timer: publishes scheduled notices whose time has come, announces the next roster pages of new notices, then
 * drains the robot queue. Bounded per run; each notice on its own: one that fails is recorded, retried later with
 * backoff (./timer-failures.ts), and the run goes on.
 */
export async function publishDue(now: Date): Promise<Record<string, number>> {
  const owner = timerOwner('notices:every-minute', now);
  const due = await dueScheduled(now, PUBLISH_BATCH);
  let published = 0;
  let failed = 0;
  for (const doc of due) {
    try {
      const may = (n: NoticeDoc) => n.status === 'scheduled' && !!n.publishAt && new Date(n.publishAt).getTime() <= now.getTime();
      if (await publish(doc, may, now, owner)) published += 1;
    } catch (err) {
      failed += 1;
      await recordTimerFailure(doc, 'publish', err, now);
    }
  }
  const announced = await announceDue(now, owner);
  const sent = await drain(now, { owner });
  return { published, announced: announced.sent, noticeFailures: failed + announced.failed, ...sent };
}
