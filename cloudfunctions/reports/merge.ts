import { command } from '../_core/db';
import { MAX_FOLLOWERS, type ReportDoc, type ReportStepDoc } from './reports.model';
import * as q from './reports.queries';

/**
 * The second half of a merge: the report merged into gets a `mergedIn` step (same request id) and the duplicate's
 * reporter and followers as its followers, so they are told of its progress. Guarded on that step not being there
 * yet, so the merge call, its retry and the timer add it once. Round trips: 1 (the target) + 1 (the write) when
 * not done yet (again for each join that raced it).
 */
export async function finishMerge(dup: ReportDoc, step: ReportStepDoc): Promise<void> {
  if (!dup.mergedInto || !step.requestId) return;
  const _ = command();
  // Guarded on the followers read, so a join racing it makes this read again instead of being written over.
  for (let attempt = 0; attempt < TRIES; attempt++) {
    const into = await q.findReport(dup.mergedInto);
    if (!into || into.steps.some((s) => s.kind === 'mergedIn' && s.requestId === step.requestId)) return;
    const joining = [dup.reporterId, ...dup.followers].filter((id) => id !== into.reporterId && !into.followers.includes(id));
    const followers = [...into.followers, ...joining].slice(0, Math.max(MAX_FOLLOWERS, into.followers.length));
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
    const written = await q.updateIf(into._id, { 'steps.requestId': _.neq(step.requestId), followers: _.eq(into.followers) }, { steps: _.push([mergedIn]), followers, updatedAt: step.at });
    if (written) return;
  }
  throw new Error(`merge of ${dup._id} into ${dup.mergedInto}: the target kept changing; the timer finishes it`);
}

/** Reads of the target before giving up (the timer finishes it later). */
const TRIES = 5;
