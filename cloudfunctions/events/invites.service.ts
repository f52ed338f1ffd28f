import { authorize, ensureSameCommunity } from '../_core/authorize';
import { loadCaller } from '../_core/caller';
import { clock } from '../_core/clock';
import { AppError } from '../_core/errors';
import type { CallContext } from '../_core/router';
import { ensureManager } from './events.service';
import * as m from './events.model';
import * as q from './events.queries';
import type { In, Out } from './events.types';

/** Invitations shown to a member: the latest this many, of events still to come. */
const INVITATIONS_SHOWN = 20;

/**
 * A chain of idempotent steps (why: each invitation is one insert under `<eventId>:<memberId>`, independent of the
 * others, so a retry adds those a call that died did not and none twice; a transaction would only add contention).
 * Round trips: 1 (caller) + 1 (event) + 1 (the people) + 1 per invitation (insert once), +1 for a council chair.
 * The people must live in the event's 居民区: an id from elsewhere answers COMMON.NOT_FOUND, as if it did not exist.
 */
export async function invite(input: In<'invite'>, { identity }: CallContext): Out<'invite'> {
  const caller = await loadCaller(identity);
  const event = ensureSameCommunity(caller, await q.findEvent(input.eventId));
  await ensureManager(caller, event);
  if (event.status === 'cancelled') throw new AppError('EVENTS.CANCELLED');
  const now = clock().now();
  if (event.endAt <= now) throw new AppError('EVENTS.ENDED');
  if (!event.roles.some((r) => r.key === input.roleKey)) throw new AppError('EVENTS.ROLE_NOT_FOUND');
  const memberIds = [...new Set(input.memberIds)];
  const people = await q.findPeople(memberIds);
  for (const id of memberIds) {
    const person = people.get(id);
    if (!person || person.deletedAt || person.communityId !== event.communityId) throw new AppError('COMMON.NOT_FOUND');
  }
  const added = await Promise.all(
    memberIds.map((memberId) =>
      q.insertInvite({ _id: m.inviteIdOf(event._id, memberId), eventId: event._id, communityId: event.communityId, memberId, roleKey: input.roleKey, invitedBy: caller.memberId, at: now }),
    ),
  );
  return { invited: added.filter(Boolean).length };
}

/** Round trips: 1 (caller) + 1 (invitations) + 1 (events) + 1 (own sign-ups) + 1 (who invited). */
export async function invitations(_input: In<'invitations'>, { identity }: CallContext): Out<'invitations'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'events.signUp', { communityId: caller.communityId, memberId: caller.memberId });
  const invites = await q.invitesOfMember(caller.memberId, INVITATIONS_SHOWN);
  const now = clock().now();
  const events = new Map((await q.findEvents(invites.map((i) => i.eventId))).map((e) => [e._id, e]));
  const answered = new Set(
    (await q.signupsOfMember(caller.memberId, [...events.keys()])).filter((s) => s.status !== 'cancelled').map((s) => s.eventId),
  );
  const open = invites.filter((i) => {
    const event = events.get(i.eventId);
    return !!event && event.status === 'published' && event.endAt > now && !answered.has(i.eventId);
  });
  const inviters = await q.findPeople([...new Set(open.map((i) => i.invitedBy))]);
  return {
    items: open.map((i) => {
      const event = events.get(i.eventId)!;
      return {
        event: m.toSummary(event, null),
        roleKey: i.roleKey,
        roleName: event.roles.find((r) => r.key === i.roleKey)?.name ?? '',
        invitedBy: inviters.get(i.invitedBy)?.name ?? '',
      };
    }),
  };
}
