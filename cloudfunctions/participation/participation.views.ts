import type {
  ProjectSummaryView,
  ProjectUpdateView,
  ProjectView,
  ProposalCommentView,
  ProposalSummaryView,
  ProposalView,
  StreetProjectRow,
} from '../../src/shared/domain/participation';
import { supportOpen } from '../../src/shared/domain/participation';
import { can } from '../_core/authorize';
import { imageReviewOf } from '../_core/media-check';
import type { Caller } from '../_core/caller';
import type { CommentDoc, ProjectDoc, ProjectUpdateDoc, ProposalDoc } from './participation.model';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** Whether the caller may answer this proposal now: the committee, or the chair of the council it is routed to. */
export function mayAnswer(caller: Caller, p: ProposalDoc): boolean {
  if (p.state !== 'answering') return false;
  if (can(caller, 'proposals.answer', { communityId: p.communityId }) && caller.roles.includes('committee')) return true;
  return p.route?.kind === 'council' && can(caller, 'proposals.answer', { communityId: p.communityId, councilId: p.route.councilId });
}

export function toProposalSummary(p: ProposalDoc): ProposalSummaryView {
  return {
    id: p._id,
    title: p.title,
    categoryKey: p.categoryKey,
    categoryName: p.categoryName,
    state: p.state,
    supports: p.supports,
    threshold: p.threshold,
    windowEndsAt: iso(p.windowEndsAt)!,
    answerDueAt: iso(p.answerDueAt),
    overdue: p.overdue,
    authorName: p.authorName,
    createdAt: iso(p.createdAt)!,
  };
}

export function toProposalView(caller: Caller, p: ProposalDoc, supported: boolean, now: Date): ProposalView {
  const open = supportOpen(p.state, new Date(p.windowEndsAt), now);
  const mine = p.authorId === caller.memberId;
  return {
    ...toProposalSummary(p),
    text: p.text,
    // Only photos the image check passed; those still under check wait in pendingImages, shown to the author alone.
    photos: p.photos,
    ...imageReviewOf(p, mine),
    place: p.place,
    route: p.route,
    reachedAt: iso(p.reachedAt),
    answer: p.answer
      ? { kind: p.answer.kind, text: p.answer.text, byName: p.answer.byName, at: iso(p.answer.at)!, projectId: p.answer.projectId, mergedIntoId: p.answer.mergedIntoId }
      : null,
    supportedByMe: supported,
    mine,
    comments: p.comments,
    can: {
      support: open && !supported,
      withdraw: open && supported,
      comment: p.state === 'collecting' || p.state === 'answering',
      answer: mayAnswer(caller, p),
      moderate: can(caller, 'proposals.manage', { communityId: p.communityId }),
    },
    mergedFrom: p.mergedFrom,
    version: p.version,
  };
}

export function toCommentView(caller: Caller, c: CommentDoc): ProposalCommentView {
  return {
    id: c._id,
    authorName: c.authorName,
    text: c.hidden ? '' : c.text,
    hidden: c.hidden ? { reason: c.hidden.reason, at: iso(c.hidden.at)! } : null,
    mine: c.authorId === caller.memberId,
    at: iso(c.at)!,
  };
}

export function toProjectSummary(p: ProjectDoc): ProjectSummaryView {
  return { id: p._id, title: p.title, place: p.place, status: p.status, percent: p.percent, ownerCouncilName: p.ownerCouncilName, updatedAt: iso(p.updatedAt)! };
}

export function mayPostProgress(caller: Caller, p: ProjectDoc): boolean {
  return can(caller, 'projects.progress', { communityId: p.communityId, councilId: p.ownerCouncilId });
}

export function toProjectView(caller: Caller, p: ProjectDoc, followed: boolean): ProjectView {
  return {
    ...toProjectSummary(p),
    goal: p.goal,
    ownerCouncilId: p.ownerCouncilId,
    milestones: p.milestones,
    eventIds: p.eventIds,
    proposalId: p.proposalId,
    followers: p.followers,
    followedByMe: followed,
    createdAt: iso(p.createdAt)!,
    can: { manage: can(caller, 'projects.manage', { communityId: p.communityId }), progress: mayPostProgress(caller, p) },
    version: p.version,
  };
}

/**
 * An update as `reviewer` (the committee, or its author) or anyone else sees it: each list keeps the photos whose
 * check passed, and for a reviewer those still under check too (named in `pendingImages`, shown 审核中).
 */
export function toUpdateView(u: ProjectUpdateDoc, reviewer: boolean): ProjectUpdateView {
  const review = imageReviewOf({ pendingImages: u.pendingImages ?? [], refusedImages: u.refusedImages ?? 0 }, reviewer);
  const pending = new Set(review.pendingImages);
  const passed = u.photos ? new Set(u.photos) : null;
  const shown = (list: string[]) => list.filter((f) => !passed || passed.has(f) || pending.has(f));
  return { id: u._id, date: u.date, percent: u.percent, text: u.text, photosBefore: shown(u.photosBefore), photosAfter: shown(u.photosAfter), ...review, byName: u.byName, at: iso(u.at)! };
}

/** What the street sees: no person named. */
export function toStreetRow(p: ProjectDoc): StreetProjectRow {
  return { communityId: p.communityId, communityName: p.communityName, projectId: p._id, title: p.title, status: p.status, percent: p.percent, updatedAt: iso(p.updatedAt)! };
}
