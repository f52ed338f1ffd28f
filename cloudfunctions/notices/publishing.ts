import { COLLECTIONS } from '../_core/collections';
import { command, getDb } from '../_core/db';
import { noticeMarkdown, outboxIdOf, type NoticeDoc, type OutboxDoc, type RobotDoc } from './notices.model';
import { byIds, countTargeted, dueScheduled, gridsOf, updateIf, wholeValues } from './notices.queries';
import { announceDue, announceFirst } from './announce';
import { drain, enqueue, type DrainCounts } from './outbox';

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

/** Queues the notice for its grids' robots and sends what the limits allow now. Round trips: 2 + 1 per robot, + the drain. */
async function pushToRobots(doc: NoticeDoc, now: Date): Promise<DrainCounts> {
  const [robots, grids] = await Promise.all([robotsFor(doc), gridsOf(doc.communityId)]);
  if (robots.length === 0) return { sent: 0, retried: 0, failed: 0, deferred: 0 };
  const names = new Map(grids.map((g) => [g._id, g.name]));
  const message = noticeMarkdown(doc);
  await enqueue(
    robots.map(
      (r): OutboxDoc => ({
        _id: outboxIdOf(doc._id, r.gridId, 'notice'),
        communityId: doc.communityId,
        noticeId: doc._id,
        gridId: r.gridId,
        gridName: names.get(r.gridId) ?? '',
        kind: 'notice',
        message,
        state: 'queued',
        attempts: 0,
        nextAttemptAt: now,
        leaseUntil: new Date(0),
        lastError: null,
        sentAt: null,
        createdAt: now,
      }),
    ),
  );
  return drain(now, { noticeId: doc._id });
}

/**
 * Publishes a draft or scheduled notice once: the status moves by a conditional update (`guard`), so a timer and
 * an edit racing on it publish it once, and only that one caller pushes it to the robots. Answers the published
 * notice, or null when someone else moved it first.
 */
export async function publish(doc: NoticeDoc, guard: Record<string, unknown>, now: Date, patch: Partial<NoticeDoc> = {}): Promise<NoticeDoc | null> {
  const next: NoticeDoc = { ...doc, ...patch };
  const targeted = await countTargeted(next.communityId, next.target);
  const published: NoticeDoc = {
    ...next,
    status: 'published',
    publishedAt: now,
    counts: { targeted },
    announce: { state: 'pending', page: 1 },
    updatedAt: now,
  };
  const { _id, images, pendingImages, refusedImages, ...rest } = published;
  // The images move only with an edit of them: a verdict landing while this publishes is not written over.
  const fields = 'pendingImages' in patch ? { ...rest, images, pendingImages, refusedImages } : rest;
  if (!(await updateIf(COLLECTIONS.notices, _id, guard, wholeValues(fields)))) return null;
  await pushToRobots(published, now);
  await announceFirst(published);
  return published;
}

/**
 * The timer: publishes scheduled notices whose time has come, announces the next roster pages of new notices, then
 * drains the robot queue. Bounded per run.
 */
export async function publishDue(now: Date): Promise<Record<string, number>> {
  const due = await dueScheduled(now, PUBLISH_BATCH);
  let published = 0;
  for (const doc of due) {
    if (await publish(doc, { status: 'scheduled', publishAt: command().lte(now) }, now)) published += 1;
  }
  const announced = await announceDue();
  const sent = await drain(now);
  return { published, announced, ...sent };
}
