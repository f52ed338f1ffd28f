import { formatShanghai } from '../../src/shared/time';
import { clock } from '../_core/clock';
import { COLLECTIONS } from '../_core/collections';
import { getDb } from '../_core/db';
import { sendBatch, timerOwner } from '../_core/message-outbox';
import type { SurveyDoc } from './surveys.model';
import * as q from './surveys.queries';

/** Surveys one run closes at most; the next run takes the rest. */
const BATCH = 50;

/** 问卷结束通知 to the survey's creator, keyed by the survey: sent once however often the close is retried. */
function tellCreator(survey: SurveyDoc) {
  return {
    sendKey: `survey-closed:${survey._id}`,
    memberId: survey.createdBy.memberId,
    template: 'survey-closed' as const,
    page: `packages/surveys/pages/results/index?id=${survey._id}`,
    values: { title: survey.title, time: formatShanghai(survey.closesAt), note: '问卷已结束，可以查看结果了' },
  };
}

/**
 * Closes published surveys whose close time has come. The creator's message is queued first (keyed, so a retry
 * after a crash queues nothing twice), then the audience is counted again for the final turnout and the state
 * changes in one conditional write on 'published', so a rerun or a racing `close` closes each once.
 */
export async function closeDue(now: Date = clock().now()): Promise<Record<string, number>> {
  const due = await q.dueToClose(now, BATCH);
  if (due.length === 0) return { closed: 0 };
  await sendBatch(due.map(tellCreator), timerOwner('surveys@survey-close', now));
  let closed = 0;
  for (const survey of due) {
    const audienceSize = await q.countAudience(survey.communityId, survey.audience);
    const res = await getDb()
      .collection(COLLECTIONS.surveys)
      .where({ _id: survey._id, state: 'published' })
      .update({ state: 'closed', closedAt: now, audienceSize, version: survey.version + 1 });
    closed += res.updated ?? 0;
  }
  return { closed };
}
