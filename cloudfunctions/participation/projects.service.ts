import type { ProjectInput } from '../../src/shared/actions/participation';
import { authorize, can, ensureSameCommunity } from '../_core/authorize';
import type { Caller } from '../_core/caller';
import { clock } from '../_core/clock';
import { COLLECTIONS } from '../_core/collections';
import { ensurePublishable } from '../_core/content-check';
import { ensureImagesPublishable, imageFields } from '../_core/media-check';
import { loadCaller } from '../_core/caller';
import { AppError } from '../_core/errors';
import { toPage } from '../_core/paging';
import type { CallContext } from '../_core/router';
import { inTransaction } from '../_core/transaction';
import { idOf, residentCaller, withCouncilChairs } from './common';
import { followIdOf, type FollowDoc, type ProjectDoc, type ProjectUpdateDoc } from './participation.model';
import * as q from './participation.queries';
import type { In, Out } from './participation.types';
import { mayPostProgress, toProjectSummary, toProjectView, toStreetRow, toUpdateView } from './participation.views';
import { tellUpdate } from './tell';

type Fields = { [K in keyof ProjectInput]-?: Exclude<ProjectInput[K], undefined> } | ProjectInput;

/**
 * A new project's document from the form, checked against the 居民区 (the owner council active, the linked events
 * its own): one round trip (councils, events, community side by side). Nothing is written.
 */
export async function projectDraft(caller: Caller, id: string, f: Fields, proposalId: string | null): Promise<ProjectDoc> {
  const communityId = caller.communityId!;
  const eventIds = [...new Set(f.eventIds ?? [])];
  const [councils, events, community] = await Promise.all([q.findCouncils(communityId), q.eventIdsIn(communityId, eventIds), q.findCommunity(communityId)]);
  const owner = f.ownerCouncilId ? councils.find((c) => c._id === f.ownerCouncilId && c.active) : null;
  if (f.ownerCouncilId && !owner) throw new AppError('PROJECTS.COUNCIL_NOT_FOUND');
  if (eventIds.some((e) => !events.has(e))) throw new AppError('PROJECTS.EVENT_NOT_FOUND');
  const now = clock().now();
  return {
    _id: id,
    communityId,
    communityName: community?.name ?? '',
    streetId: community?.streetId ?? null,
    title: f.title,
    goal: f.goal,
    place: f.place ?? '',
    ownerCouncilId: owner?._id ?? null,
    ownerCouncilName: owner?.name ?? null,
    milestones: (f.milestones ?? []).map((m) => ({ title: m.title, due: m.due, done: m.done ?? false })),
    eventIds,
    proposalId,
    status: 'planned',
    percent: 0,
    followers: 0,
    version: 0,
    createdBy: caller.memberId,
    createdAt: now,
    updatedAt: now,
  };
}

const projectTexts = (p: ProjectDoc) => [p.title, p.goal, p.place, ...p.milestones.map((m) => m.title)];

/** One insert under an id from (committee member, request id). Round trips: 1 + 1 (checks) + check + 1 (insert). */
export async function createProject(input: In<'createProject'>, { identity }: CallContext): Out<'createProject'> {
  const caller = await residentCaller(identity);
  authorize(caller, 'projects.manage', { communityId: caller.communityId });
  const id = idOf('pj', caller.memberId, input.requestId);
  const existing = await q.findProject(id);
  if (existing) return { project: toProjectView(caller, existing, false) };
  const doc = await projectDraft(caller, id, input.project, null);
  await ensurePublishable(identity, projectTexts(doc));
  if (!(await q.insertProject(doc))) return { project: toProjectView(caller, (await q.findProject(id))!, false) };
  return { project: toProjectView(caller, doc, false) };
}

/** The committee edits a project at the version it saw (one conditional write). Round trips: 1 + 1 + 1 + check + 1. */
export async function editProject(input: In<'editProject'>, { identity }: CallContext): Out<'editProject'> {
  const caller = await residentCaller(identity);
  const p = ensureSameCommunity(caller, await q.findProject(input.projectId));
  authorize(caller, 'projects.manage', { communityId: p.communityId });
  if (p.version !== input.version) throw new AppError('PROJECTS.CHANGED');
  const draft = await projectDraft(caller, p._id, input.project, p.proposalId);
  await ensurePublishable(identity, projectTexts(draft));
  const patch: Partial<ProjectDoc> = {
    title: draft.title,
    goal: draft.goal,
    place: draft.place,
    ownerCouncilId: draft.ownerCouncilId,
    ownerCouncilName: draft.ownerCouncilName,
    milestones: draft.milestones,
    eventIds: draft.eventIds,
    status: input.status,
    version: p.version + 1,
    updatedAt: clock().now(),
  };
  if (!(await q.updateProjectIf(p._id, p.version, patch))) throw new AppError('PROJECTS.CHANGED');
  return { project: toProjectView(caller, { ...p, ...patch }, false) };
}

/**
 * A dated progress update and the project's percent (and 计划中 -> 进行中, 100% -> 已完成) in one transaction under an
 * id from (author, request id): a retry finds the update and writes nothing but redoes its photos' checks (each
 * keyed, like a proposal's: the committee sees them 审核中 until they pass). When the project has followers the
 * update is written `untold`, and they are told after the transaction under keys naming the update (tell.ts): a
 * retry, or the `proposal-clocks` timer after a crash, tells what is still owed, once. Round trips: 1 (caller) +
 * 1 (project) [+1-2 councils for a chair] + the content check + the transaction [+ the telling].
 */
export async function progress(input: In<'progress'>, { identity }: CallContext): Out<'progress'> {
  let caller = await residentCaller(identity);
  const p = ensureSameCommunity(caller, await q.findProject(input.projectId));
  if (!caller.roles.includes('committee')) caller = await withCouncilChairs(caller);
  if (!mayPostProgress(caller, p)) throw new AppError('COMMON.FORBIDDEN');
  const u = input.update;
  await ensurePublishable(identity, [u.text]);
  const id = idOf('pu', caller.memberId, input.requestId);
  const result = await inTransaction(async (tx) => {
    const uRef = tx.collection(COLLECTIONS.projectUpdates).doc(id);
    const pRef = tx.collection(COLLECTIONS.projects).doc(p._id);
    const [pRes, uRes] = await Promise.all([pRef.get(), uRef.get()]);
    const current = { ...(pRes.data as ProjectDoc), _id: p._id };
    const existing = uRes.data as ProjectUpdateDoc | null;
    if (existing) return { project: current, update: { ...existing, _id: id } };
    const now = clock().now();
    const images = imageFields('progressPhoto', null, [...u.photosBefore, ...u.photosAfter]);
    const doc: ProjectUpdateDoc = {
      _id: id,
      projectId: p._id,
      communityId: p.communityId,
      date: u.date,
      percent: u.percent,
      text: u.text,
      photosBefore: u.photosBefore,
      photosAfter: u.photosAfter,
      photos: images.photos as string[],
      pendingImages: images.pendingImages,
      refusedImages: 0,
      byId: caller.memberId,
      byName: caller.record?.name ?? '',
      at: now,
      untold: current.followers > 0,
    };
    const status = u.percent === 100 ? 'done' : current.status === 'planned' || current.status === 'done' ? 'active' : current.status;
    const patch: Partial<ProjectDoc> = { percent: u.percent, status, version: current.version + 1, updatedAt: now };
    const { _id, ...rest } = doc;
    await uRef.set(rest);
    await pRef.update(patch);
    return { project: { ...current, ...patch }, update: doc };
  });
  const written = result.update;
  await ensureImagesPublishable(identity, 'progressPhoto', written._id, written.byId, written.pendingImages ?? [], written.at);
  await tellUpdate(written, result.project.title);
  return { project: toProjectView(caller, result.project, false), update: toUpdateView(written, true) };
}

/** Round trips: 1 (caller) + 1 (the page) [+1 the caller's follows first, for `followed`]. */
export async function projects(input: In<'projects'>, { identity }: CallContext): Out<'projects'> {
  const caller = await residentCaller(identity);
  const ids = input.followed ? await q.followedIds(caller.communityId!, caller.memberId) : undefined;
  const rows = ids && ids.length === 0 ? [] : await q.projectsPage(caller.communityId!, { status: input.status, ids }, input.page);
  const page = toPage(rows);
  return { items: page.rows.map(toProjectSummary), page: input.page, hasMore: page.hasMore, canManage: can(caller, 'projects.manage', { communityId: caller.communityId }) };
}

/** Round trips: 1 (caller) + 1 (project and the caller's follow side by side) [+1-2 councils for a chair]. */
export async function project(input: In<'project'>, { identity }: CallContext): Out<'project'> {
  let caller = await residentCaller(identity);
  const [p, follow] = await Promise.all([q.findProject(input.projectId), q.findFollow(followIdOf(input.projectId, caller.memberId))]);
  ensureSameCommunity(caller, p);
  if (!caller.roles.includes('committee') && p!.ownerCouncilId) caller = await withCouncilChairs(caller);
  return { project: toProjectView(caller, p!, !!follow?.active) };
}

/** Round trips: 1 (caller) + 1 (project and the page side by side; the page is dropped when the project is foreign). */
export async function timeline(input: In<'timeline'>, { identity }: CallContext): Out<'timeline'> {
  const caller = await residentCaller(identity);
  const [p, rows] = await Promise.all([q.findProject(input.projectId), q.updatesPage(input.projectId, input.page)]);
  ensureSameCommunity(caller, p);
  const page = toPage(rows);
  // The committee sees photos still under check (审核中) and the refused count; so does an update's author.
  const manager = can(caller, 'projects.manage', { communityId: p!.communityId });
  return { items: page.rows.map((u) => toUpdateView(u, manager || u.byId === caller.memberId)), page: input.page, hasMore: page.hasMore };
}

/** Follow or unfollow with the count, in one transaction; the same again is a no-op. Round trips: 1 + 1 + the transaction. */
export async function follow(input: In<'follow'>, { identity }: CallContext): Out<'follow'> {
  const caller = await residentCaller(identity);
  ensureSameCommunity(caller, await q.findProject(input.projectId));
  const fid = followIdOf(input.projectId, caller.memberId);
  const p = await inTransaction(async (tx) => {
    const pRef = tx.collection(COLLECTIONS.projects).doc(input.projectId);
    const fRef = tx.collection(COLLECTIONS.projectFollows).doc(fid);
    const [pRes, fRes] = await Promise.all([pRef.get(), fRef.get()]);
    const doc = { ...(pRes.data as ProjectDoc), _id: input.projectId };
    const f = fRes.data as FollowDoc | null;
    if (!!f?.active === input.on) return doc;
    const followers = doc.followers + (input.on ? 1 : -1);
    await fRef.set({ projectId: doc._id, communityId: doc.communityId, memberId: caller.memberId, active: input.on, at: clock().now() });
    await pRef.update({ followers });
    return { ...doc, followers };
  });
  return { project: toProjectView(caller, p, input.on) };
}

/** The 街道: every project of its 居民区, no person named. Round trips: 1 (caller) + 1 (the page). */
export async function streetProjects(input: In<'streetProjects'>, { identity }: CallContext): Out<'streetProjects'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'projects.viewStreet', { streetId: caller.streetId });
  const page = toPage(await q.streetPage(caller.streetId!, input.status, input.page));
  return { items: page.rows.map(toStreetRow), page: input.page, hasMore: page.hasMore };
}
