import { ANSWER_STATE } from '../../src/shared/domain/participation';
import { ensureSameCommunity } from '../_core/authorize';
import { clock } from '../_core/clock';
import { COLLECTIONS } from '../_core/collections';
import { ensurePublishable } from '../_core/content-check';
import { AppError } from '../_core/errors';
import type { CallContext } from '../_core/router';
import { inTransaction } from '../_core/transaction';
import { residentCaller, sameCommunityProposal, withCouncilChairs } from './common';
import { projectIdOfProposal, type AnswerDoc, type ProjectDoc, type ProposalDoc } from './participation.model';
import * as q from './participation.queries';
import type { In, Out } from './participation.types';
import { mayAnswer, toProposalView } from './participation.views';
import { projectDraft } from './projects.service';
import { tellProposal } from './tell';

/**
 * The official answer, by the committee or the chair of the council the proposal was routed to, to the version the
 * caller saw. One transaction writes the answer, and for 采纳 the project (under an id from the proposal, linked
 * back) or for 合并 the target's note — so a kill leaves both or neither; a retry with the same request id finds
 * its answer and answers the same. Author and supporters are told through the outbox.
 * Round trips: 1 (caller) + 1 (proposal) [+1-2 councils for a chair] + 1 (project's checks: councils, events,
 * community side by side, for 采纳) + the content check + the transaction + the messages.
 */
export async function answer(input: In<'answer'>, { identity }: CallContext): Out<'answer'> {
  let caller = await residentCaller(identity);
  const p = await sameCommunityProposal(caller, input.proposalId);
  if (!caller.roles.includes('committee')) caller = await withCouncilChairs(caller);
  // Rights first, as if it were waiting: someone without them learns nothing of its state.
  if (!mayAnswer(caller, { ...p, state: 'answering' })) throw new AppError('COMMON.FORBIDDEN');
  if (p.answer?.requestId === input.requestId) {
    // A retry of an answer already written: tell what the dead call may have left untold.
    await tellProposal(p);
    return { proposal: toProposalView(caller, p, false, clock().now()) };
  }
  if (p.state !== 'answering') throw new AppError('PROPOSALS.WRONG_STATE');
  if (p.version !== input.version) throw new AppError('PROPOSALS.CHANGED');
  const a = input.answer;
  if (a.kind === 'merge') {
    if (a.intoId === p._id) throw new AppError('PROPOSALS.MERGE_TARGET');
    const into = await q.findProposal(a.intoId!);
    if (!into || into.communityId !== p.communityId || (into.state !== 'collecting' && into.state !== 'answering')) throw new AppError('PROPOSALS.MERGE_TARGET');
  }
  const project: ProjectDoc | null =
    a.kind === 'adopt'
      ? await projectDraft(caller, projectIdOfProposal(p._id), a.project ?? { title: p.title, goal: p.text, place: p.place, ownerCouncilId: p.route?.kind === 'council' ? p.route.councilId : null, milestones: [], eventIds: [] }, p._id)
      : null;
  await ensurePublishable(identity, [a.text, ...(project ? [project.title, project.goal, project.place, ...project.milestones.map((m) => m.title)] : [])]);
  const now = clock().now();
  const answerDoc: AnswerDoc = {
    kind: a.kind,
    text: a.text,
    byId: caller.memberId,
    byName: caller.record?.name ?? '',
    at: now,
    projectId: project?._id ?? null,
    mergedIntoId: a.kind === 'merge' ? a.intoId! : null,
    requestId: input.requestId,
  };
  const next = await inTransaction(async (tx) => {
    const pRef = tx.collection(COLLECTIONS.proposals).doc(p._id);
    const current = { ...((await pRef.get()).data as ProposalDoc), _id: p._id };
    if (current.answer?.requestId === input.requestId) return current;
    if (current.state !== 'answering') throw new AppError('PROPOSALS.WRONG_STATE');
    if (current.version !== input.version) throw new AppError('PROPOSALS.CHANGED');
    if (a.kind === 'merge') {
      const iRef = tx.collection(COLLECTIONS.proposals).doc(a.intoId!);
      const into = (await iRef.get()).data as ProposalDoc;
      if (into.state !== 'collecting' && into.state !== 'answering') throw new AppError('PROPOSALS.MERGE_TARGET');
      await iRef.update({ mergedFrom: [...into.mergedFrom, { id: p._id, title: p.title }], updatedAt: now });
    }
    if (project) {
      const { _id, ...rest } = project;
      await tx.collection(COLLECTIONS.projects).doc(_id).set(rest);
    }
    const patch: Partial<ProposalDoc> = { state: ANSWER_STATE[a.kind], answer: answerDoc, version: current.version + 1, untold: true, updatedAt: now };
    await pRef.update(patch);
    return { ...current, ...patch };
  });
  await tellProposal(next);
  return { proposal: toProposalView(caller, ensureSameCommunity(caller, next), false, clock().now()) };
}
