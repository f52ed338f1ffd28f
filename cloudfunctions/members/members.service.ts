import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { membersActions } from '../../src/shared/actions/members';
import { authorize, ensureSameCommunity } from '../_core/authorize';
import { callerFrom } from '../_core/caller';
import { clock } from '../_core/clock';
import { command } from '../_core/db';
import { AppError } from '../_core/errors';
import { memberIdFor, type Identity } from '../_core/identity';
import { wechat } from '../_core/ports/wechat';
import type { CallContext } from '../_core/router';
import { newMemberDoc, type MemberDoc } from '../_core/member-record';
import { toApplicationView, toCommunityOption, toMemberView } from './members.model';
import * as q from './members.queries';

type A = typeof membersActions;
type In<K extends keyof A> = ActionParsed<A[K]>;
type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;

/** The caller's record, created on their first call (1 round trip; 3 the first time). */
async function loadOrCreateMe(identity: Identity): Promise<MemberDoc> {
  const id = memberIdFor(identity);
  const found = await q.findMember(id);
  if (found) return found;
  const doc = newMemberDoc(id, identity.openid, identity.appid, clock().now());
  if (await q.insertMember(doc)) return doc;
  // A racing first call created it: read what won.
  const raced = await q.findMember(id);
  if (!raced) throw new Error(`member ${id} vanished after a duplicate insert`);
  return raced;
}

/** Text other residents will read must pass the platform's content check first. */
async function ensurePublishable(identity: Identity, texts: string[]): Promise<void> {
  const content = texts.filter(Boolean).join('\n');
  if (!content) return;
  const { pass } = await wechat().checkText({ openid: identity.openid, content });
  if (!pass) throw new AppError('COMMON.CONTENT_REJECTED');
}

export async function listCommunities(): Out<'listCommunities'> {
  return { items: (await q.listCommunities()).map(toCommunityOption) };
}

/** Round trips: 1 (2 with a 居民区; 3-4 on the very first call). */
export async function me(_input: In<'me'>, { identity }: CallContext): Out<'me'> {
  const doc = await loadOrCreateMe(identity);
  const community = doc.communityId ? await q.findCommunity(doc.communityId) : null;
  return { member: toMemberView(doc), community: community ? toCommunityOption(community) : null };
}

/** Round trips: 3. Choosing the same 居民区 again is a harmless retry. */
export async function chooseCommunity(input: In<'chooseCommunity'>, { identity }: CallContext): Out<'chooseCommunity'> {
  const doc = await loadOrCreateMe(identity);
  const community = await q.findCommunity(input.communityId);
  if (!community) throw new AppError('MEMBERS.COMMUNITY_NOT_FOUND');
  if (doc.communityId !== community._id) {
    const now = clock().now();
    const taken = await q.updateMemberIf(doc._id, { communityId: null }, { communityId: community._id, updatedAt: now });
    if (!taken) throw new AppError('MEMBERS.COMMUNITY_ALREADY_SET');
    doc.communityId = community._id;
    doc.updatedAt = now;
  }
  return { member: toMemberView(doc), community: toCommunityOption(community) };
}

/** Round trips: 2, plus the content check. */
export async function updateProfile(input: In<'updateProfile'>, { identity }: CallContext): Out<'updateProfile'> {
  const doc = await loadOrCreateMe(identity);
  if (!doc.communityId) throw new AppError('MEMBERS.NO_COMMUNITY');
  await ensurePublishable(identity, [input.name, ...input.skills, ...input.interests]);
  const patch = { ...input, updatedAt: clock().now() };
  // Skills and interests are whole lists: `set` replaces them instead of merging by index.
  const _ = command();
  await q.updateMemberIf(doc._id, {}, { ...patch, skills: _.set(input.skills), interests: _.set(input.interests) });
  return { member: toMemberView({ ...doc, ...patch }) };
}

/** Round trips: 3, plus the content check. A retried apply while pending answers ALREADY_PENDING and changes nothing. */
export async function apply(input: In<'apply'>, { identity }: CallContext): Out<'apply'> {
  const doc = await loadOrCreateMe(identity);
  if (!doc.communityId) throw new AppError('MEMBERS.NO_COMMUNITY');
  if (!doc.name || !doc.building || !doc.room) throw new AppError('MEMBERS.PROFILE_INCOMPLETE');
  if (doc.application.status === 'pending') throw new AppError('MEMBERS.ALREADY_PENDING');
  if (doc.application.status === 'approved') throw new AppError('MEMBERS.ALREADY_MEMBER');
  await ensurePublishable(identity, [input.motivation]);

  const now = clock().now();
  const application: MemberDoc['application'] = {
    status: 'pending',
    submittedAt: now,
    ...(input.motivation ? { motivation: input.motivation } : {}),
  };
  const _ = command();
  // Guarded on the state just read, so two racing applies submit once.
  const submitted = await q.updateMemberIf(
    doc._id,
    { 'application.status': doc.application.status },
    { application: _.set(application), updatedAt: now },
  );
  if (!submitted) throw new AppError('MEMBERS.ALREADY_PENDING');
  await q.addHistory({
    _id: `${doc._id}-applied-${now.getTime()}`,
    communityId: doc.communityId,
    memberId: doc._id,
    kind: 'applied',
    at: now,
    by: doc._id,
  });
  return { member: toMemberView({ ...doc, application, updatedAt: now }) };
}

/** Round trips: 2. */
export async function listApplications(input: In<'listApplications'>, { identity }: CallContext): Out<'listApplications'> {
  const caller = callerFrom(memberIdFor(identity), await loadOrCreateMe(identity));
  authorize(caller, 'members.review', { communityId: caller.communityId });
  const communityId = caller.communityId!;
  const { rows, hasMore } = await q.listApplicationsPage(communityId, input.status, input.page);
  return { items: rows.map((row) => toApplicationView(row, true)), page: input.page, hasMore };
}

/**
 * Round trips: 4. The decision is one conditional update guarded on "pending in the committee's own 居民区",
 * so two committee members deciding at once, or a retry, decide once.
 */
export async function review(input: In<'review'>, { identity }: CallContext): Out<'review'> {
  const caller = callerFrom(memberIdFor(identity), await loadOrCreateMe(identity));
  authorize(caller, 'members.review', { communityId: caller.communityId });
  const communityId = caller.communityId!;
  const reason = input.reason.trim();
  if (input.decision === 'reject' && !reason) {
    throw new AppError('MEMBERS.REASON_REQUIRED', { reason: '请写下未通过的原因' });
  }
  const now = clock().now();
  const status = input.decision === 'approve' ? 'approved' : 'rejected';
  const decided = await q.updateMemberIf(
    input.memberId,
    { communityId, 'application.status': 'pending' },
    {
      'application.status': status,
      'application.reviewedAt': now,
      'application.reviewerId': caller.memberId,
      'application.reason': status === 'rejected' ? reason : command().remove(),
      updatedAt: now,
    },
  );
  const target = ensureSameCommunity(caller, await q.findMember(input.memberId));
  if (!decided) throw new AppError('MEMBERS.NOT_PENDING');
  await q.addHistory({
    _id: `${target._id}-${status}-${now.getTime()}`,
    communityId,
    memberId: target._id,
    kind: status,
    at: now,
    by: caller.memberId,
    ...(reason ? { note: reason } : {}),
  });
  return { application: toApplicationView(target, true) };
}
