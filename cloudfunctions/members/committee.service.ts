import type { HistoryEntry } from '../../src/shared/domain/member';
import { authorize, ensureSameCommunity } from '../_core/authorize';
import { loadCaller } from '../_core/caller';
import { clock } from '../_core/clock';
import { command } from '../_core/db';
import { ensurePublishable } from '../_core/content-check';
import { AppError } from '../_core/errors';
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
 * Round trips: 4 (caller, guarded update, read back, history). Guarded on the role's current state, so a retried or
 * doubled call records one change.
 */
export async function setRole(input: In<'setRole'>, { identity }: CallContext): Out<'setRole'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'members.setStaffRole', { communityId: caller.communityId });
  // The reason stays in the member's history, which they read.
  if (input.reason) await ensurePublishable(identity, [input.reason]);
  const _ = command();
  const now = clock().now();
  const changed = await q.updateMemberIf(
    input.memberId,
    { communityId: caller.communityId, deletedAt: _.exists(false), roles: input.granted ? _.neq(input.role) : input.role },
    { roles: input.granted ? _.addToSet(input.role) : _.pull(input.role), updatedAt: now },
  );
  const member = ensureSameCommunity(caller, await q.findMember(input.memberId));
  if (member.deletedAt) throw new AppError('COMMON.NOT_FOUND');
  if (changed) {
    await q.addHistory({
      _id: `${member._id}-${input.granted ? 'role_granted' : 'role_revoked'}-${input.role}-${now.getTime()}`,
      communityId: member.communityId!,
      memberId: member._id,
      kind: input.granted ? 'role_granted' : 'role_revoked',
      role: input.role,
      at: now,
      by: caller.memberId,
      ...(input.reason ? { note: input.reason } : {}),
    });
  }
  return { member: toMemberView(member) };
}
