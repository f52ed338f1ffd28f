import { COLLECTIONS } from '../_core/collections';
import { command } from '../_core/db';
import type { NoticeDoc } from './notices.model';
import { updateIf } from './notices.queries';

/**
 * A notice the minute timer could not handle (publish it, or announce its next page) is recorded on it and left
 * until `timerRetryAt`: the next run tries it again at once (most failures pass), then the wait doubles with each
 * failure (1 minute to 6 hours), so one notice that always throws never stops the run nor fills every run's batch.
 * Its writer still sees it scheduled and can edit it. Success clears the record.
 */

const FIRST_WAIT_MS = 60_000;

const MAX_WAIT_MS = 6 * 60 * 60_000;

/** Notices the timer may try now: never failed, or their wait is over. */
export function timerMayTry(now: Date): Record<string, unknown> {
  const _ = command();
  return _.or([{ timerRetryAt: _.exists(false) }, { timerRetryAt: _.lte(now) }]) as unknown as Record<string, unknown>;
}

export async function recordTimerFailure(doc: NoticeDoc, step: 'publish' | 'announce', err: unknown, now: Date): Promise<void> {
  console.error(`[notices@every-minute] ${step} ${doc._id} failed`, err);
  const failures = (doc.timerFailures ?? 0) + 1;
  const wait = failures === 1 ? 0 : Math.min(FIRST_WAIT_MS * 2 ** (failures - 2), MAX_WAIT_MS);
  const error = err instanceof Error ? err.message.slice(0, 200) : String(err).slice(0, 200);
  // Best effort: if even this write fails, the notice is simply tried again next minute.
  await updateIf(COLLECTIONS.notices, doc._id, {}, { timerFailures: failures, timerRetryAt: new Date(now.getTime() + wait), timerError: `${step}: ${error}` }).catch(
    () => undefined,
  );
}
