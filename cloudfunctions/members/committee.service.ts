import type { HistoryEntry } from '../../src/shared/domain/member';
import { authorize, ensureSameCommunity } from '../_core/authorize';
import { loadCaller } from '../_core/caller';
import { clock } from '../_core/clock';
import { command } from '../_core/db';
import { ensurePublishable } from '../_core/content-check';
import { AppError } from '../_core/errors';
import { changeMember, historyLine } from '../_core/member-history';
import type { CallContext } from '../_core/router';
import { toMemberView } from './members.model';
import * as q from './members.queries';
import type { In, Out } from './members.types';

/** The committee's view of one member: record, history, promotions. */

export function toHistoryEntry(h: q.HistoryDoc): HistoryEntry {
  return {
    kind: h.kind,
    at: new Date(h.at).toISOString(),
    ...(h.role ? { role: h.role } : {}),
    ...(h.note ? { note: h.note } : {}),
  };
}

/** Round trips: 3 (caller, member, history). The committee, or the member themself. */
export async function memberDetail(input: In<'memberDetail'>, { identity }: CallContext): Out<'memberDetail'> {
  const caller = await loadCaller(identity);
  const member = ensureSameCommunity(caller, await q.findMember(input.memberId));
  authorize(caller, 'members.viewHistory', { communityId: member.communityId, memberId: member._id });
  const history = await q.listHistory(member._id);
  return { member: toMemberView(member), history: history.map(toHistoryEntry) };
}

/**
 * Round trips: 7 (caller, the change's transaction of 5, read back).
 */
export async function setRole(input: In<'setRole'>, { identity }: CallContext): Out<'setRole'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'members.setStaffRole', { communityId: caller.communityId });
  // The reason stays in the member's history, which they read.
  if (input.reason) await ensurePublishable(identity, [input.reason]);
  const _ = command();
  const now = clock().now();
  // The role change and its history line in one transaction (changeMember says why), guarded on the role's
  // current state, so a retried or doubled call records one change.
  await changeMember(input.memberId, (current) => {
    const roles = Array.isArray(current?.roles) ? (current.roles as string[]) : [];
    if (!current || current.communityId !== caller.communityId || current.deletedAt || roles.includes(input.role) === input.granted) return null;
    return {
      patch: { roles: input.granted ? _.addToSet(input.role) : _.pull(input.role), updatedAt: now },
      lines: [
        historyLine({
          _id: `${input.memberId}-${input.granted ? 'role_granted' : 'role_revoked'}-${input.role}-${now.getTime()}`,
          communityId: current.communityId as string,
          memberId: input.memberId,
          kind: input.granted ? 'role_granted' : 'role_revoked',
          role: input.role,
          at: now,
          by: caller.memberId,
          ...(input.reason ? { note: input.reason } : {}),
        }),
      ],
    };
  });
  const member = ensureSameCommunity(caller, await q.findMember(input.memberId));
  if (member.deletedAt) throw new AppError('COMMON.NOT_FOUND');
  return { member: toMemberView(member) };
}
