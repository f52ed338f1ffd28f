import type { ProjectStatus, ProposalState } from '../../src/shared/domain/participation';
import { COLLECTIONS } from '../_core/collections';
import type { CouncilDoc } from '../_core/council-chairs';
import { command, getDb, insertOnce } from '../_core/db';
import { PAGE_FETCH, pageStart } from '../_core/paging';
import type { CommentDoc, FollowDoc, ParticipationSettingsDoc, ProjectDoc, ProjectUpdateDoc, ProposalDoc, SupportDoc } from './participation.model';

const col = (name: string) => getDb().collection(name);

async function byId<T>(collection: string, id: string): Promise<T | null> {
  const res = await col(collection).where({ _id: id }).limit(1).get();
  return (res.data[0] as T | undefined) ?? null;
}

export const findSettings = (communityId: string) => byId<ParticipationSettingsDoc>(COLLECTIONS.participationSettings, communityId);
export const findProposal = (id: string) => byId<ProposalDoc>(COLLECTIONS.proposals, id);
export const findSupport = (id: string) => byId<SupportDoc>(COLLECTIONS.proposalSupports, id);
export const findComment = (id: string) => byId<CommentDoc>(COLLECTIONS.proposalComments, id);
export const findProject = (id: string) => byId<ProjectDoc>(COLLECTIONS.projects, id);
export const findFollow = (id: string) => byId<FollowDoc>(COLLECTIONS.projectFollows, id);
export const findUpdate = (id: string) => byId<ProjectUpdateDoc>(COLLECTIONS.projectUpdates, id);

export async function saveSettings(doc: ParticipationSettingsDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await col(COLLECTIONS.participationSettings).doc(_id).set(rest);
}

export const insertProposal = (doc: ProposalDoc) => insertOnce(COLLECTIONS.proposals, doc);
export const insertProject = (doc: ProjectDoc) => insertOnce(COLLECTIONS.projects, doc);

export async function findCouncils(communityId: string): Promise<CouncilDoc[]> {
  const res = await col(COLLECTIONS.councils).where({ communityId }).orderBy('order', 'asc').limit(100).get();
  return res.data as CouncilDoc[];
}

export async function findCommunity(communityId: string): Promise<{ _id: string; name: string; streetId?: string } | null> {
  return byId(COLLECTIONS.communities, communityId);
}

/** Events of the 居民区 among `ids` (only their ids). */
export async function eventIdsIn(communityId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const res = await col(COLLECTIONS.events)
    .where({ communityId, _id: command().in([...ids]) })
    .field({ _id: true })
    .limit(ids.length)
    .get();
  return new Set((res.data as { _id: string }[]).map((e) => e._id));
}

export interface ProposalFilter {
  state?: ProposalState;
  authorId?: string;
  routeCouncilIds?: string[] | 'committee';
}

/** A page of the 居民区's proposals, newest first (indexes community_created, community_state_created, author_created). */
export async function proposalsPage(communityId: string, filter: ProposalFilter, page: number): Promise<ProposalDoc[]> {
  const where: Record<string, unknown> = { communityId };
  if (filter.authorId) where.authorId = filter.authorId;
  if (filter.state) where.state = filter.state;
  if (filter.routeCouncilIds === 'committee') where.state = 'answering';
  else if (filter.routeCouncilIds) Object.assign(where, { state: 'answering', 'route.councilId': command().in(filter.routeCouncilIds) });
  const res = await col(COLLECTIONS.proposals)
    .where(where)
    .field({ text: false, photos: false, pendingImages: false, answer: false, mergedFrom: false })
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'desc')
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .get();
  return res.data as ProposalDoc[];
}

/** A page of comments, oldest first (index proposal_at). */
export async function commentsPage(proposalId: string, page: number): Promise<CommentDoc[]> {
  const res = await col(COLLECTIONS.proposalComments).where({ proposalId }).orderBy('at', 'asc').orderBy('_id', 'asc').skip(pageStart(page)).limit(PAGE_FETCH).get();
  return res.data as CommentDoc[];
}

/** Supporters still supporting (for the messages); at most 1000 (index proposal_active). */
export async function supporterIds(proposalId: string): Promise<string[]> {
  const res = await col(COLLECTIONS.proposalSupports).where({ proposalId, active: true }).field({ memberId: true }).limit(1000).get();
  return (res.data as SupportDoc[]).map((s) => s.memberId);
}

/** Collecting proposals whose window closed by `now` (index state_window). */
export async function windowClosed(now: Date, limit: number): Promise<ProposalDoc[]> {
  const res = await col(COLLECTIONS.proposals).where({ state: 'collecting', windowEndsAt: command().lte(now) }).orderBy('windowEndsAt', 'asc').limit(limit).get();
  return res.data as ProposalDoc[];
}

/** Proposals waiting for an answer past its due time, not yet marked (index state_overdue_due). */
export async function answersOverdue(now: Date, limit: number): Promise<ProposalDoc[]> {
  const res = await col(COLLECTIONS.proposals).where({ state: 'answering', overdue: false, answerDueAt: command().lte(now) }).orderBy('answerDueAt', 'asc').limit(limit).get();
  return res.data as ProposalDoc[];
}

/** Proposals whose messages are still owed (index untold_updated). */
export async function untoldProposals(limit: number): Promise<ProposalDoc[]> {
  const res = await col(COLLECTIONS.proposals).where({ untold: true }).orderBy('updatedAt', 'asc').limit(limit).get();
  return res.data as ProposalDoc[];
}

/** A conditional move: applies only while the proposal is still in `from` (the timer's guard). */
export async function moveIf(id: string, from: Partial<ProposalDoc>, patch: Partial<ProposalDoc>): Promise<boolean> {
  const res = await col(COLLECTIONS.proposals).where({ _id: id, ...from }).update(patch);
  return (res as { updated?: number }).updated === 1;
}

export async function markTold(id: string, version: number): Promise<void> {
  await col(COLLECTIONS.proposals).where({ _id: id, version }).update({ untold: false });
}

export interface ProjectFilter {
  status?: ProjectStatus;
  ids?: string[];
}

/** A page of the 居民区's projects, recently updated first (index community_updated / community_status_updated). */
export async function projectsPage(communityId: string, filter: ProjectFilter, page: number): Promise<ProjectDoc[]> {
  const where: Record<string, unknown> = { communityId };
  if (filter.status) where.status = filter.status;
  if (filter.ids) where._id = command().in(filter.ids);
  const res = await col(COLLECTIONS.projects)
    .where(where)
    .field({ goal: false, milestones: false })
    .orderBy('updatedAt', 'desc')
    .orderBy('_id', 'desc')
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .get();
  return res.data as ProjectDoc[];
}

/** The street's projects, 居民区 by 居民区 recently updated first (index street_updated / street_status_updated). */
export async function streetPage(streetId: string, status: ProjectStatus | undefined, page: number): Promise<ProjectDoc[]> {
  const where: Record<string, unknown> = { streetId };
  if (status) where.status = status;
  const res = await col(COLLECTIONS.projects)
    .where(where)
    .field({ _id: true, communityId: true, communityName: true, title: true, status: true, percent: true, updatedAt: true })
    .orderBy('updatedAt', 'desc')
    .orderBy('_id', 'desc')
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .get();
  return res.data as ProjectDoc[];
}

/** A project's followers now (member ids, at most 1000; index project_active). */
export async function followerIds(projectId: string): Promise<string[]> {
  const res = await col(COLLECTIONS.projectFollows).where({ projectId, active: true }).field({ memberId: true }).limit(1000).get();
  return (res.data as FollowDoc[]).map((f) => f.memberId);
}

/** Progress updates whose followers are still owed their message (index untold_at). */
export async function untoldUpdates(limit: number): Promise<ProjectUpdateDoc[]> {
  const res = await col(COLLECTIONS.projectUpdates).where({ untold: true }).orderBy('at', 'asc').limit(limit).get();
  return res.data as ProjectUpdateDoc[];
}

export async function markUpdateTold(id: string): Promise<void> {
  await col(COLLECTIONS.projectUpdates).doc(id).update({ untold: false });
}

/** Projects the member follows (ids, at most 200; index member_active). */
export async function followedIds(communityId: string, memberId: string): Promise<string[]> {
  const res = await col(COLLECTIONS.projectFollows).where({ communityId, memberId, active: true }).field({ projectId: true }).limit(200).get();
  return (res.data as FollowDoc[]).map((f) => f.projectId);
}

/** A page of a project's updates, newest first (index project_at). */
export async function updatesPage(projectId: string, page: number): Promise<ProjectUpdateDoc[]> {
  const res = await col(COLLECTIONS.projectUpdates).where({ projectId }).orderBy('at', 'desc').orderBy('_id', 'desc').skip(pageStart(page)).limit(PAGE_FETCH).get();
  return res.data as ProjectUpdateDoc[];
}

export async function hideComment(id: string, hidden: NonNullable<CommentDoc['hidden']>): Promise<void> {
  await col(COLLECTIONS.proposalComments).doc(id).update({ hidden });
}

/** A conditional edit at the version the caller saw. */
export async function updateProjectIf(id: string, version: number, patch: Partial<ProjectDoc>): Promise<boolean> {
  const res = await col(COLLECTIONS.projects).where({ _id: id, version }).update(patch);
  return (res as { updated?: number }).updated === 1;
}

/** The committee of a 居民区 (member ids, at most 100). */
export async function committeeOf(communityId: string): Promise<string[]> {
  const res = await col(COLLECTIONS.members)
    .where({ communityId, roles: 'committee', deletedAt: command().exists(false) })
    .field({ _id: true })
    .limit(100)
    .get();
  return (res.data as { _id: string }[]).map((d) => d._id);
}
