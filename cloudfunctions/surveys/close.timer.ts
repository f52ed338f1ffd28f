import { clock } from '../_core/clock';
import { COLLECTIONS } from '../_core/collections';
import { getDb } from '../_core/db';
import * as q from './surveys.queries';

/** Surveys one run closes at most; the next minute's run takes the rest. */
const BATCH = 50;

/**
 * Closes published surveys whose close time has come: the audience counted again for the final turnout, then one
 * conditional write on state 'published', so a rerun or a racing `close` closes each once.
 */
export async function closeDue(now: Date = clock().now()): Promise<Record<string, number>> {
  let closed = 0;
  for (const survey of await q.dueToClose(now, BATCH)) {
    const audienceSize = await q.countAudience(survey.communityId, survey.audience);
    const res = await getDb()
      .collection(COLLECTIONS.surveys)
      .where({ _id: survey._id, state: 'published' })
      .update({ state: 'closed', closedAt: now, audienceSize, version: survey.version + 1 });
    closed += res.updated ?? 0;
  }
  return { closed };
}
