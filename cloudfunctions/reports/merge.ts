import { command } from '../_core/db';
import { MAX_FOLLOWERS, type ReportDoc, type ReportStepDoc } from './reports.model';
import * as q from './reports.queries';

/**
 * The second half of a merge: the report merged into gets a `mergedIn` step (same request id) and the duplicate's
 * reporter and followers as its followers, so they are told of its progress. Guarded on that step not being there
 * yet, so the merge call, its retry and the timer (through `tell`) add it once. Round trips: 1 (the target) +
 * 1 (the write) when not done yet.
 */
export async function finishMerge(dup: ReportDoc, step: ReportStepDoc): Promise<void> {
  if (!dup.mergedInto || !step.requestId) return;
  const into = await q.findReport(dup.mergedInto);
  if (!into || into.steps.some((s) => s.kind === 'mergedIn' && s.requestId === step.requestId)) return;
  const joining = [dup.reporterId, ...dup.followers].filter((id) => id !== into.reporterId && !into.followers.includes(id));
  const room = Math.max(0, MAX_FOLLOWERS - into.followers.length);
  const mergedIn: ReportStepDoc = {
    kind: 'mergedIn',
    at: step.at,
    byMemberId: step.byMemberId,
    byRole: step.byRole,
    bySurname: step.bySurname,
    text: `已并入同一问题的上报 ${dup.number}`,
    photos: [],
    requestId: step.requestId,
    otherReportId: dup._id,
  };
  const _ = command();
  await q.updateIf(into._id, { 'steps.requestId': _.neq(step.requestId) }, {
    steps: _.push([mergedIn]),
    ...(joining.length && room ? { followers: _.addToSet({ each: joining.slice(0, room) }) } : {}),
    updatedAt: step.at,
  });
}
