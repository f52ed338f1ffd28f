import { addDays, routeFor, supportOpen, type ParticipationSettingsView } from '../../src/shared/domain/participation';
import { authorize, can, ensureSameCommunity } from '../_core/authorize';
import type { Caller } from '../_core/caller';
import { clock } from '../_core/clock';
import { COLLECTIONS } from '../_core/collections';
import { ensurePublishable } from '../_core/content-check';
import { AppError } from '../_core/errors';
import { ensureImagesPublishable, imageFields } from '../_core/media-check';
import { toPage } from '../_core/paging';
import type { CallContext } from '../_core/router';
import { inTransaction, type Tx } from '../_core/transaction';
import { ensureProfile, idOf, residentCaller, sameCommunityProposal, withCouncilChairs } from './common';
import { settingsIn, supportIdOf, type CommentDoc, type ParticipationSettingsDoc, type ProposalDoc, type Settings, type SupportDoc } from './participation.model';
import * as q from './participation.queries';
import type { In, Out } from './participation.types';
import { toCommentView, toProposalSummary, toProposalView } from './participation.views';
import { tellProposal } from './tell';

function settingsView(s: Settings, all: boolean): ParticipationSettingsView {
  return { ...s, categories: all ? s.categories : s.categories.filter((c) => c.active) };
}

/** Round trips: 1 (caller) + 1 (settings). The committee gets retired categories too (to edit them). */
export async function settings(_input: In<'settings'>, { identity }: CallContext): Out<'settings'> {
  const caller = await residentCaller(identity);
  const manager = can(caller, 'proposals.manage', { communityId: caller.communityId });
  return settingsView(settingsIn(await q.findSettings(caller.communityId!)), manager);
}

/** Round trips: 1 (caller) + 1 (councils, only when a category names one) + 1 (write); plus the content check. */
export async function saveSettings(input: In<'saveSettings'>, { identity }: CallContext): Out<'saveSettings'> {
  const caller = await residentCaller(identity);
  authorize(caller, 'proposals.manage', { communityId: caller.communityId });
  const communityId = caller.communityId!;
  const s = input.settings;
  const wanted = s.categories.flatMap((c) => (c.councilId ? [c.councilId] : []));
  if (wanted.length) {
    const councils = new Map((await q.findCouncils(communityId)).map((c) => [c._id, c]));
    if (wanted.some((id) => !councils.get(id)?.active)) throw new AppError('PROPOSALS.COUNCIL_NOT_FOUND');
  }
  await ensurePublishable(identity, s.categories.map((c) => c.name));
  const doc: ParticipationSettingsDoc = {
    _id: communityId,
    communityId,
    threshold: s.threshold,
    windowDays: s.windowDays,
    answerDays: s.answerDays,
    categories: s.categories.map((c) => ({ key: c.key, name: c.name, councilId: c.councilId ?? null, active: c.active ?? true })),
    updatedBy: caller.memberId,
    updatedAt: clock().now(),
  };
  await q.saveSettings(doc);
  return settingsView(doc, true);
}

/** Whole transactions tried on a hot proposal before the caller is told to wait. */
const HOT_ROUNDS = 4;

/**
 * A transaction on a proposal many neighbours support at once: 100 racing supports of one document outlast the core
 * retry (COMMON.BUSY for some). The work is idempotent (it reads the caller's support first), so whole rounds are
 * tried again before giving up.
 */
async function hotTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let round = 1; ; round += 1) {
    try {
      return await inTransaction(work);
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'COMMON.BUSY') || round >= HOT_ROUNDS) throw err;
    }
  }
}

/** The view of one proposal for the caller: their support read beside it. One round trip. */
async function viewOf(caller: Caller, p: ProposalDoc) {
  const support = await q.findSupport(supportIdOf(p._id, caller.memberId));
  return { proposal: toProposalView(caller, p, !!support?.active, clock().now()) };
}

/**
 * Writes a proposal: ONE insert under an id from (author, request id), then its photos' checks, each keyed, so a
 * retry that finds the proposal only redoes the checks. Round trips: 1 (caller) + 1 (existing, settings side by
 * side) + the content check + 1 (insert) + per photo the check's + 1 (view).
 */
export async function propose(input: In<'propose'>, { identity }: CallContext): Out<'propose'> {
  const caller = await residentCaller(identity);
  ensureProfile(caller);
  const communityId = caller.communityId!;
  const id = idOf('pp', caller.memberId, input.requestId);
  const [existing, settingsDoc] = await Promise.all([q.findProposal(id), q.findSettings(communityId)]);
  if (existing) return finishPropose(caller, identity, existing);
  const s = settingsIn(settingsDoc);
  const category = s.categories.find((c) => c.key === input.proposal.categoryKey && c.active);
  if (!category) throw new AppError('PROPOSALS.CATEGORY_NOT_FOUND');
  const f = input.proposal;
  await ensurePublishable(identity, [f.title, f.text, f.place]);
  const now = clock().now();
  const images = imageFields('proposalPhoto', null, f.photos);
  const doc: ProposalDoc = {
    _id: id,
    communityId,
    title: f.title,
    text: f.text,
    place: f.place,
    photos: images.photos as string[],
    pendingImages: images.pendingImages,
    refusedImages: 0,
    categoryKey: category.key,
    categoryName: category.name,
    authorId: caller.memberId,
    authorName: caller.record!.name,
    state: 'collecting',
    version: 0,
    supports: 0,
    threshold: s.threshold,
    answerDays: s.answerDays,
    windowEndsAt: addDays(now, s.windowDays),
    reachedAt: null,
    answerDueAt: null,
    overdue: false,
    route: null,
    answer: null,
    comments: 0,
    mergedFrom: [],
    untold: false,
    archivedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  if (!(await q.insertProposal(doc))) return finishPropose(caller, identity, (await q.findProposal(id))!);
  return finishPropose(caller, identity, doc);
}

async function finishPropose(caller: Caller, identity: CallContext['identity'], p: ProposalDoc): Out<'propose'> {
  await ensureImagesPublishable(identity, 'proposalPhoto', p._id, caller.memberId, p.pendingImages, p.createdAt);
  return viewOf(caller, p);
}

/**
 * Round trips: 1 (caller) + 1 (the page) [+1 the councils for `toAnswer` of a chair]. Summaries only (no text,
 * photos or answer are read).
 */
export async function proposals(input: In<'proposals'>, { identity }: CallContext): Out<'proposals'> {
  let caller = await residentCaller(identity);
  const communityId = caller.communityId!;
  let filter: q.ProposalFilter = { state: input.state, authorId: input.mine ? caller.memberId : undefined };
  if (input.toAnswer) {
    if (caller.roles.includes('committee')) filter = { routeCouncilIds: 'committee' };
    else {
      caller = await withCouncilChairs(caller);
      if (caller.chairCouncilIds.length === 0) throw new AppError('COMMON.FORBIDDEN');
      filter = { routeCouncilIds: caller.chairCouncilIds };
    }
  }
  const { rows, hasMore } = toPage(await q.proposalsPage(communityId, filter, input.page));
  return { items: rows.map(toProposalSummary), page: input.page, hasMore };
}

/** Round trips: 1 (caller) + 1 (proposal and the caller's support side by side) [+1-2 councils when routed to a council]. */
export async function proposal(input: In<'proposal'>, { identity }: CallContext): Out<'proposal'> {
  let caller = await residentCaller(identity);
  const [found, support] = await Promise.all([q.findProposal(input.proposalId), q.findSupport(supportIdOf(input.proposalId, caller.memberId))]);
  const p = ensureSameCommunity(caller, found);
  if (p.state === 'answering' && p.route?.kind === 'council' && !caller.roles.includes('committee')) caller = await withCouncilChairs(caller);
  return { proposal: toProposalView(caller, p, !!support?.active, clock().now()) };
}

/**
 * One support per resident, in one transaction with the count (so the audit can recompute it). The support that
 * reaches the threshold moves the proposal to 待答复 — the guard is the state read inside the transaction, so
 * racing supports cross it exactly once — routes it and marks its message owed. A second support is a no-op.
 * Round trips: 1 (caller) + 1 (proposal: foreign = missing; the settings side by side for the route's councils)
 * + the transaction (2 reads, 2 writes) + the messages when it crossed + 1 (view).
 */
export async function support(input: In<'support'>, { identity }: CallContext): Out<'support'> {
  const caller = await residentCaller(identity);
  ensureProfile(caller);
  const [found, councils, settingsDoc] = await Promise.all([q.findProposal(input.proposalId), q.findCouncils(caller.communityId!), q.findSettings(caller.communityId!)]);
  ensureSameCommunity(caller, found);
  const names = new Map(councils.filter((c) => c.active).map((c) => [c._id, c.name]));
  const categories = settingsIn(settingsDoc).categories;
  const sid = supportIdOf(input.proposalId, caller.memberId);
  const moved = await hotTransaction(async (tx) => {
    const pRef = tx.collection(COLLECTIONS.proposals).doc(input.proposalId);
    const sRef = tx.collection(COLLECTIONS.proposalSupports).doc(sid);
    // Side by side: the shorter the transaction, the fewer racing supports collide.
    const [pRes, sRes] = await Promise.all([pRef.get(), sRef.get()]);
    const p = { ...(pRes.data as ProposalDoc), _id: input.proposalId };
    const s = sRes.data as SupportDoc | null;
    if (s?.active) return { p };
    const now = clock().now();
    if (!supportOpen(p.state, new Date(p.windowEndsAt), now)) throw new AppError('PROPOSALS.WRONG_STATE');
    const supports = p.supports + 1;
    const crossed = supports >= p.threshold;
    const patch: Partial<ProposalDoc> = crossed
      ? {
          supports,
          state: 'answering',
          version: p.version + 1,
          reachedAt: now,
          answerDueAt: addDays(now, p.answerDays),
          route: routeFor(categories.find((c) => c.key === p.categoryKey), names),
          untold: true,
          updatedAt: now,
        }
      : { supports, updatedAt: now };
    await sRef.set({ proposalId: p._id, communityId: p.communityId, memberId: caller.memberId, active: true, at: now });
    await pRef.update(patch);
    return { p: { ...p, ...patch } };
  });
  // Also on a retry that finds its support: a call that died after the commit left the crossing untold.
  await tellProposal(moved.p);
  return { proposal: toProposalView(caller, moved.p, true, clock().now()) };
}

/** Withdraws the caller's support while collecting, with the count in one transaction. A second one is a no-op. */
export async function withdraw(input: In<'withdraw'>, { identity }: CallContext): Out<'withdraw'> {
  const caller = await residentCaller(identity);
  await sameCommunityProposal(caller, input.proposalId);
  const sid = supportIdOf(input.proposalId, caller.memberId);
  const p = await hotTransaction(async (tx) => {
    const pRef = tx.collection(COLLECTIONS.proposals).doc(input.proposalId);
    const sRef = tx.collection(COLLECTIONS.proposalSupports).doc(sid);
    const [pRes, sRes] = await Promise.all([pRef.get(), sRef.get()]);
    const doc = { ...(pRes.data as ProposalDoc), _id: input.proposalId };
    const s = sRes.data as SupportDoc | null;
    if (!s?.active) return doc;
    const now = clock().now();
    if (!supportOpen(doc.state, new Date(doc.windowEndsAt), now)) throw new AppError('PROPOSALS.WRONG_STATE');
    await sRef.update({ active: false, at: now });
    await pRef.update({ supports: doc.supports - 1, updatedAt: now });
    return { ...doc, supports: doc.supports - 1 };
  });
  return { proposal: toProposalView(caller, p, false, clock().now()) };
}

/** Round trips: 1 (caller) + 1 (proposal and the page side by side; the page is dropped when the proposal is foreign). */
export async function comments(input: In<'comments'>, { identity }: CallContext): Out<'comments'> {
  const caller = await residentCaller(identity);
  const [p, page] = await Promise.all([q.findProposal(input.proposalId), q.commentsPage(input.proposalId, input.page)]);
  ensureSameCommunity(caller, p);
  const { rows, hasMore } = toPage(page);
  return { items: rows.map((c) => toCommentView(caller, c)), page: input.page, hasMore };
}

/**
 * A comment under an id from (author, request id), with the proposal's count, in one transaction: a retry finds
 * it and writes nothing. Round trips: 1 (caller) + 1 (proposal) + the content check + the transaction.
 */
export async function comment(input: In<'comment'>, { identity }: CallContext): Out<'comment'> {
  const caller = await residentCaller(identity);
  ensureProfile(caller);
  const p = await sameCommunityProposal(caller, input.proposalId);
  if (p.state !== 'collecting' && p.state !== 'answering') throw new AppError('PROPOSALS.WRONG_STATE');
  await ensurePublishable(identity, [input.text]);
  const id = idOf('pc', caller.memberId, input.requestId);
  const doc = await inTransaction(async (tx) => {
    const cRef = tx.collection(COLLECTIONS.proposalComments).doc(id);
    const pRef = tx.collection(COLLECTIONS.proposals).doc(p._id);
    const [cRes, pRes] = await Promise.all([cRef.get(), pRef.get()]);
    const existing = cRes.data as CommentDoc | null;
    if (existing) return { ...existing, _id: id };
    const current = pRes.data as ProposalDoc;
    const now = clock().now();
    const c: CommentDoc = { _id: id, proposalId: p._id, communityId: p.communityId, authorId: caller.memberId, authorName: caller.record!.name, text: input.text, hidden: null, at: now };
    const { _id, ...rest } = c;
    await cRef.set(rest);
    await pRef.update({ comments: current.comments + 1 });
    return c;
  });
  return { comment: toCommentView(caller, doc) };
}

/** The committee hides a comment with a reason (shown as hidden; the count keeps it). Round trips: 1 + 1 + check + 1. */
export async function hideComment(input: In<'hideComment'>, { identity }: CallContext): Out<'hideComment'> {
  const caller = await residentCaller(identity);
  const c = ensureSameCommunity(caller, await q.findComment(input.commentId));
  authorize(caller, 'proposals.manage', { communityId: c.communityId });
  await ensurePublishable(identity, [input.reason]);
  const hidden = { reason: input.reason, at: clock().now(), byId: caller.memberId };
  await q.hideComment(c._id, hidden);
  return { comment: toCommentView(caller, { ...c, hidden }) };
}
