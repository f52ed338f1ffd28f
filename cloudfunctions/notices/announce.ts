import { COLLECTIONS } from '../_core/collections';
import { getDb } from '../_core/db';
import { sendOnce } from '../_core/subscriptions';
import { inBatches, SEND_CONCURRENCY } from './batches';
import { detailPage, subscribeData, type NoticeDoc } from './notices.model';
import { rosterOf, updateIf } from './notices.queries';

/**
 * Tells targeted residents a notice is out, by the `notice-published` subscribe message (only those who allowed one
 * get it; each at most once per notice by its send key). A notice's roster goes a page at a time: one page right
 * after publishing, the rest by the minute timer, so no run is long whatever the roster's size. The page number moves
 * by a conditional update, so two runs on one notice move it once (and their sends dedupe by key).
 */

/** Notices and pages one timer run handles at most. */
const NOTICES_PER_RUN = 5;
const PAGES_PER_NOTICE = 5;

/** Sends one page; answers whether more pages follow (false also when another run moved the page first). */
async function announcePage(doc: NoticeDoc, page: number): Promise<{ sent: number; more: boolean }> {
  const { rows, hasMore } = await rosterOf(doc, 'all', undefined, page);
  // Who already opened it needs no message.
  const outcomes = await inBatches(
    rows.filter((r) => r.r.length === 0),
    SEND_CONCURRENCY,
    (row) => sendOnce({ sendKey: `notice-published:${doc._id}:${row._id}`, memberId: row._id, template: 'notice-published', page: detailPage(doc._id), values: subscribeData(doc) }),
  );
  const moved = await updateIf(COLLECTIONS.notices, doc._id, { 'announce.page': page }, { 'announce.page': page + 1, 'announce.state': hasMore ? 'pending' : 'done' });
  return { sent: outcomes.filter((o) => o === 'sent').length, more: moved && hasMore };
}

/** Right after publishing: the first page. */
export async function announceFirst(doc: NoticeDoc): Promise<number> {
  return (await announcePage(doc, 1)).sent;
}

/** The timer: the next pages of notices still being announced. */
export async function announceDue(): Promise<number> {
  const res = await getDb()
    .collection(COLLECTIONS.notices)
    .where({ status: 'published', 'announce.state': 'pending' })
    .orderBy('publishedAt', 'asc')
    .limit(NOTICES_PER_RUN)
    .get();
  let sent = 0;
  for (const doc of res.data as NoticeDoc[]) {
    let page = doc.announce?.page ?? 1;
    for (let i = 0; i < PAGES_PER_NOTICE; i++, page++) {
      const step = await announcePage(doc, page);
      sent += step.sent;
      if (!step.more) break;
    }
  }
  return sent;
}
