import { COLLECTIONS } from '../_core/collections';
import { command, getDb } from '../_core/db';
import { sendBatch } from '../_core/message-outbox';
import { inChunks, SEND_CONCURRENCY } from './batches';
import { detailPage, subscribeData, type NoticeDoc } from './notices.model';
import { rosterOf, updateIf } from './notices.queries';
import { recordTimerFailure, timerMayTry } from './timer-failures';

/**
 * Tells targeted residents a notice is out, by the `notice-published` subscribe message (only those who allowed one
 * get it; each at most once per notice by its send key). A notice's roster goes a page at a time: one page right
 * after publishing, the rest by the minute timer, so no run is long whatever the roster's size. `announce` on the
 * notice is the cursor, written with the publish itself: a page is queued in the message outbox (with its quota) and
 * only then does the page number move, by a conditional update, so a run that dies mid-page is redone by its retry or
 * the next run, and the outbox's send keys make each message once.
 */

/** Notices and pages one timer run handles at most. */
const NOTICES_PER_RUN = 5;
const PAGES_PER_NOTICE = 5;

/** Sends one page; answers whether more pages follow (false also when another run moved the page first). */
export async function announcePage(doc: NoticeDoc, page: number, owner: string): Promise<{ sent: number; more: boolean }> {
  const { rows, hasMore } = await rosterOf(doc, 'all', undefined, page);
  // Who already opened it needs no message.
  const outcomes = await inChunks(
    rows.filter((r) => r.r.length === 0),
    SEND_CONCURRENCY,
    (chunk) =>
      sendBatch(
        chunk.map((row) => ({
          sendKey: `notice-published:${doc._id}:${row._id}`,
          memberId: row._id,
          template: 'notice-published' as const,
          page: detailPage(doc._id),
          values: subscribeData(doc),
        })),
        owner,
      ),
  );
  // A page that went through clears the timer's failure record, if any.
  const cleared = doc.timerFailures ? { timerFailures: command().remove(), timerRetryAt: command().remove(), timerError: command().remove() } : {};
  const moved = await updateIf(
    COLLECTIONS.notices,
    doc._id,
    { 'announce.page': page },
    { 'announce.page': page + 1, 'announce.state': hasMore ? 'pending' : 'done', ...cleared },
  );
  return { sent: outcomes.filter((o) => o === 'sent').length, more: moved && hasMore };
}

/** The timer: the next pages of notices still being announced, each notice on its own. */
export async function announceDue(now: Date, owner: string): Promise<{ sent: number; failed: number }> {
  const _ = command();
  const res = await getDb()
    .collection(COLLECTIONS.notices)
    .where(_.and([{ status: 'published', 'announce.state': 'pending' }, timerMayTry(now)]))
    .orderBy('publishedAt', 'asc')
    .limit(NOTICES_PER_RUN)
    .get();
  let sent = 0;
  let failed = 0;
  for (const doc of res.data as NoticeDoc[]) {
    try {
      let page = doc.announce?.page ?? 1;
      for (let i = 0; i < PAGES_PER_NOTICE; i++, page++) {
        const step = await announcePage(doc, page, owner);
        sent += step.sent;
        if (!step.more) break;
      }
    } catch (err) {
      failed += 1;
      await recordTimerFailure(doc, 'announce', err, now);
    }
  }
  return { sent, failed };
}
