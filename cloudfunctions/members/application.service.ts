import { authorize, ensureSameCommunity } from '../_core/authorize';
import { callerFrom } from '../_core/caller';
import { clock } from '../_core/clock';
import { ensurePublishable } from '../_core/content-check';
import { command } from '../_core/db';
import { AppError } from '../_core/errors';
import type { MemberDoc } from '../_core/member-record';
import type { Identity } from '../_core/identity';
import type { CallContext } from '../_core/router';
import { loadOrCreateMe, requireCommunity, requireConsent } from './me';
import { toApplicationView, toMemberView } from './members.model';
import * as q from './members.queries';
import type { In, Out } from './members.types';

/** Joining the second echelon: a resident applies, the committee of their 居民区 decides. */

async function loadCallerCreating(identity: Identity) {
  const doc = await loadOrCreateMe(identity);
  return callerFrom(doc._id, doc);
}

/** Round trips: 3, plus the content check. A retried apply while pending answers ALREADY_PENDING and changes nothing. */
export async function apply(input: In<'apply'>, { identity }: CallContext): Out<'apply'> {
  const doc = await loadOrCreateMe(identity);
  const communityId = requireCommunity(doc);
  requireConsent(doc);
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
    communityId,
    memberId: doc._id,
    kind: 'applied',
    at: now,
    by: doc._id,
  });
  return { member: toMemberView({ ...doc, application, updatedAt: now }) };
}

/** Round trips: 2. */
export async function listApplications(input: In<'listApplications'>, { identity }: CallContext): Out<'listApplications'> {
  const caller = await loadCallerCreating(identity);
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
  const caller = await loadCallerCreating(identity);
  authorize(caller, 'members.review', { communityId: caller.communityId });
  const communityId = caller.communityId!;
  const reason = input.reason.trim();
  if (input.decision === 'reject' && !reason) {
    throw new AppError('MEMBERS.REASON_REQUIRED', { reason: '请写下未通过的原因' });
  }
  // The applicant reads the reason.
  if (input.decision === 'reject') await ensurePublishable(identity, [reason]);
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
