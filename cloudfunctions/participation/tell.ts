import { PROPOSAL_STATE_LABELS } from '../../src/shared/domain/participation';
import { formatShanghai } from '../../src/shared/time';
import { chairsNow, findPeople } from '../_core/council-chairs';
import { clock } from '../_core/clock';
import { sendBatch, type OnceMessage } from '../_core/message-outbox';
import type { ProjectUpdateDoc, ProposalDoc } from './participation.model';
import * as q from './participation.queries';

/**
 * Subscribe messages of a proposal's state changes, through the outbox (_core/message-outbox.ts) and the quota
 * ledger. Every change that has someone to tell sets `untold` in the same write as the change; telling sends under
 * keys naming the proposal, its version and the person (said once), then clears the mark only at that version. A
 * call that died before telling leaves the mark, and the `proposal-clocks` timer tells. A project's progress update
 * works the same way, keyed by the update: its followers are told once, whoever retries.
 */

export const projectPage = (projectId: string) => `packages/participation/pages/project/index?id=${encodeURIComponent(projectId)}`;

export const detailPage = (proposalId: string) => `packages/participation/pages/proposal/index?id=${encodeURIComponent(proposalId)}`;

/** Who answers: the committee, or the council's chair now (the committee when the council has none). One or two round trips. */
async function answerersOf(p: ProposalDoc): Promise<string[]> {
  if (p.route?.kind === 'council') {
    const council = (await q.findCouncils(p.communityId)).find((c) => c._id === (p.route as { councilId: string }).councilId);
    const order = council?.rotation?.order ?? [];
    const chair = council && order.length ? chairsNow(council, await findPeople(order), clock().now()).current?.chairId : null;
    if (chair) return [chair];
  }
  return q.committeeOf(p.communityId);
}

async function messagesOf(p: ProposalDoc): Promise<OnceMessage[]> {
  const key = (id: string) => `proposal:${p._id}:${p.version}:${id}`;
  const page = detailPage(p._id);
  if (p.state === 'answering') {
    const ids = await answerersOf(p);
    return ids.map((id) => ({
      sendKey: key(id),
      memberId: id,
      template: 'proposal-reached' as const,
      page,
      values: { title: p.title, time: formatShanghai(p.answerDueAt!), note: `已有${p.supports}位邻居支持，请按时答复` },
    }));
  }
  // An answer tells the author and every supporter; an archive tells the author.
  const ids = p.state === 'archived' ? [p.authorId] : [...new Set([p.authorId, ...(await q.supporterIds(p._id))])];
  const note = p.state === 'archived' ? '征集期内支持人数未达到，议题已归档' : p.answer?.text || '请打开小程序查看答复';
  return ids
    .filter((id) => id !== p.answer?.byId)
    .map((id) => ({ sendKey: key(id), memberId: id, template: 'proposal-answered' as const, page, values: { title: p.title, state: PROPOSAL_STATE_LABELS[p.state], note } }));
}

/** Tells what is owed and clears the mark. Round trips: 0 when nothing is owed; else 1-2 (who) + the outbox's + 1. */
export async function tellProposal(p: ProposalDoc): Promise<void> {
  if (!p.untold) return;
  const messages = await messagesOf(p);
  // One owner per version: the same change's retry (or the timer) takes back what a dead call queued.
  if (messages.length) await sendBatch(messages, `tell:${p._id}:${p.version}`);
  await q.markTold(p._id, p.version);
}

/**
 * Tells a progress update's followers (all but its author) and clears the update's mark. Round trips: 0 when
 * nothing is owed; else 1 (followers) + the outbox's + 1.
 */
export async function tellUpdate(u: ProjectUpdateDoc, projectTitle: string): Promise<void> {
  if (!u.untold) return;
  const page = projectPage(u.projectId);
  const messages = (await q.followerIds(u.projectId))
    .filter((id) => id !== u.byId)
    .map((id) => ({ sendKey: `progress:${u._id}:${id}`, memberId: id, template: 'project-progress' as const, page, values: { title: projectTitle, percent: `${u.percent}%`, note: u.text } }));
  if (messages.length) await sendBatch(messages, `tell:${u._id}`);
  await q.markUpdateTold(u._id);
}
