import { authorize, ensureSameCommunity } from '../_core/authorize';
import { callerFrom } from '../_core/caller';
import { clock } from '../_core/clock';
import { ensurePublishable } from '../_core/content-check';
import { command } from '../_core/db';
import { AppError } from '../_core/errors';
import type { MemberDoc } from '../_core/member-record';
import { changeMember, historyLine } from '../_core/member-history';
import type { Identity } from '../_core/identity';
import type { CallContext } from '../_core/router';
import { loadOrCreateMe, requireCommunity, requireConsent } from './me';
import { toApplicationView, toMemberView } from './members.model';
import * as q from './members.queries';
import type { In, Out } from './members.types';

/** Joining the second echelon: a resident applies, the committee of their 居民区 decides. */

function statusOf(member: Record<string, unknown> | null): unknown {
  return (member?.application as { status?: unknown } | undefined)?.status;
}

async function loadCallerCreating(identity: Identity) {
  const doc = await loadOrCreateMe(identity);
  return callerFrom(doc._id, doc);
}

/** Round trips: 6, plus the content check. A retried apply while pending answers ALREADY_PENDING and changes nothing. */
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
  // One transaction for the submission and its history line (changeMember says why); guarded on the state just
  // read, so two racing applies submit once, and a retry after a crash finds both written.
  const submitted = await changeMember(doc._id, (current) =>
    statusOf(current) !== doc.application.status
      ? null
      : {
          patch: { application: _.set(application), updatedAt: now },
          lines: [historyLine({ _id: `${doc._id}-applied-${now.getTime()}`, communityId, memberId: doc._id, kind: 'applied', at: now, by: doc._id })],
        },
  );
  if (!submitted) throw new AppError('MEMBERS.ALREADY_PENDING');
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
 * Round trips: 7 (caller, the decision's transaction of 5, read back).
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
  // The decision and its history line in one transaction (changeMember says why), guarded on "pending in the
  // committee's own 居民区", so two committee members deciding at once, or a retry, decide once.
  const decided = await changeMember(input.memberId, (current) =>
    current?.communityId !== communityId || statusOf(current) !== 'pending'
      ? null
      : {
          patch: {
            'application.status': status,
            'application.reviewedAt': now,
            'application.reviewerId': caller.memberId,
            'application.reason': status === 'rejected' ? reason : command().remove(),
            updatedAt: now,
          },
          lines: [
            historyLine({
              _id: `${input.memberId}-${status}-${now.getTime()}`,
              communityId,
              memberId: input.memberId,
              kind: status,
              at: now,
              by: caller.memberId,
              ...(reason ? { note: reason } : {}),
            }),
          ],
        },
  );
  const target = ensureSameCommunity(caller, await q.findMember(input.memberId));
  if (!decided) throw new AppError('MEMBERS.NOT_PENDING');
  return { application: toApplicationView(target, true) };
}
