import { clock } from '../_core/clock';
import * as q from './participation.queries';
import { tellProposal, tellUpdate } from './tell';

/** Proposals one run moves at most of each kind; the next minute's run takes the rest. */
const BATCH = 50;

/**
 * The `proposal-clocks` timer: archives proposals whose window closed short of the threshold, marks answers
 * overdue, and tells what a dead call left untold (proposals' changes, projects' progress). Each move is one conditional write guarded on the state it
 * leaves, so a rerun, a racing run or a run killed midway (then rerun) moves nothing twice; messages go under
 * keyed sends (tell.ts).
 */
export async function runProposalClocks(now: Date = clock().now()): Promise<Record<string, number>> {
  const counts = { archived: 0, overdue: 0, told: 0, progressTold: 0 };
  for (const p of await q.windowClosed(now, BATCH)) {
    const patch = { state: 'archived' as const, archivedAt: now, version: p.version + 1, untold: true, updatedAt: now };
    if (await q.moveIf(p._id, { state: 'collecting', version: p.version }, patch)) counts.archived += 1;
  }
  for (const p of await q.answersOverdue(now, BATCH)) {
    if (await q.moveIf(p._id, { state: 'answering', overdue: false }, { overdue: true })) counts.overdue += 1;
  }
  for (const p of await q.untoldProposals(BATCH)) {
    await tellProposal(p);
    counts.told += 1;
  }
  for (const u of await q.untoldUpdates(BATCH)) {
    const project = await q.findProject(u.projectId);
    await tellUpdate(u, project?.title ?? '');
    counts.progressTold += 1;
  }
  return counts;
}
