import { signupId } from '../../src/shared/domain/event';
import { authorize, ensureSameCommunity } from '../_core/authorize';
import { callerFrom, loadCaller, type Caller } from '../_core/caller';
import { clock } from '../_core/clock';
import { AppError } from '../_core/errors';
import { findMember } from '../_core/member-record';
import { recordProxyAction } from '../_core/proxy-log';
import type { CallContext } from '../_core/router';
import * as m from './events.model';
import * as q from './events.queries';
import type { In, Out } from './events.types';
import { handOver, settle } from './waiting-list';

/**
 * Who the sign-up is for: the caller, or a resident of a grid the caller leads (or of the 居民区, for the committee).
 * One extra round trip when acting for someone.
 */
async function subjectOf(caller: Caller, forMemberId: string | undefined): Promise<{ subject: Caller; proxy: boolean }> {
  if (!forMemberId || forMemberId === caller.memberId) {
    authorize(caller, 'events.signUp', { communityId: caller.communityId, memberId: caller.memberId });
    return { subject: caller, proxy: false };
  }
  const person = await findMember(forMemberId);
  if (!person || person.deletedAt || person.communityId !== caller.communityId) throw new AppError('EVENTS.PERSON_NOT_FOUND');
  authorize(caller, 'events.signUpFor', { communityId: person.communityId, gridId: person.gridId });
  return { subject: callerFrom(person._id, person), proxy: true };
}

async function viewOf(doc: m.SignupDoc | null) {
  if (doc?.status !== 'waiting') return m.toMySignup(doc);
  return m.toMySignup(doc, await q.waitingPosition(doc.eventId, doc.roleKey, doc.seq));
}

/**
 * Round trips, a place: 1 (caller) + 1 (event and sign-up, side by side) + 1 (arrival number) + 1 (take a place)
 * + 1 (the sign-up). On the waiting list: + 1 (take a place, in case one was freed meanwhile) + 1 (position).
 * For a resident: + 1 (the person) + 1 (the proxy log). A retry answers the sign-up already made in 2 (+1).
 */
export async function signUp(input: In<'signUp'>, { identity }: CallContext): Out<'signUp'> {
  const caller = await loadCaller(identity);
  const { subject, proxy } = await subjectOf(caller, input.forMemberId);
  const id = signupId(input.eventId, subject.memberId);
  const [found, existing] = await Promise.all([q.findEvent(input.eventId), q.findSignup(id)]);
  const event = ensureSameCommunity(caller, found);
  if (existing && existing.status !== 'cancelled') return { signup: (await viewOf(existing))! };
  if (event.status === 'cancelled') throw new AppError('EVENTS.CANCELLED');
  const now = clock().now();
  if (now < event.signupOpensAt) throw new AppError('EVENTS.NOT_OPEN');
  if (now > event.signupClosesAt) throw new AppError('EVENTS.CLOSED');
  if (!m.inAudience(subject, event)) throw new AppError('EVENTS.NOT_IN_AUDIENCE');
  const index = event.roles.findIndex((r) => r.key === input.roleKey);
  const role = event.roles[index];
  if (!role) throw new AppError('EVENTS.ROLE_NOT_FOUND');

  const seq = await q.nextSeq(event._id);
  const placed = await q.takePlace(event._id, index, role.places);
  const doc: m.SignupDoc = {
    _id: id,
    eventId: event._id,
    communityId: event.communityId,
    memberId: subject.memberId,
    roleKey: role.key,
    status: placed ? 'confirmed' : 'waiting',
    seq,
    createdAt: now,
    updatedAt: now,
    ...(proxy ? { byProxy: caller.memberId } : {}),
  };
  const { _id, ...fields } = doc;
  const written = existing ? await q.updateSignupIf(_id, { status: 'cancelled' }, fields) : await q.insertSignup(doc);
  if (!written) {
    // A racing copy of this sign-up got there first: its outcome stands, and this copy's place goes on.
    if (placed) await handOver(event, index);
    return { signup: (await viewOf(await q.findSignup(id)))! };
  }
  if (proxy) {
    await recordProxyAction({ key: `event-${event._id}-${seq}`, communityId: event.communityId, actorId: caller.memberId, subjectId: subject.memberId, action: `代报名：${event.title}`, at: now });
  }
  if (placed) return { signup: m.toMySignup(doc)! };
  // A place may have been freed between our attempt and our joining the list.
  await settle(event, index);
  return { signup: (await viewOf(await q.findSignup(id))) ?? m.toMySignup(doc)! };
}

/**
 * Round trips: 1 (caller) + 1 (event and sign-up) + 1 (cancel, conditional on the status read) and, for a held place,
 * 2-3 to hand it to the first waiting person (+1 to tell them). A retry answers the cancellation already made.
 */
export async function cancelSignup(input: In<'cancelSignup'>, { identity }: CallContext): Out<'cancelSignup'> {
  const caller = await loadCaller(identity);
  const { subject, proxy } = await subjectOf(caller, input.forMemberId);
  const id = signupId(input.eventId, subject.memberId);
  const [found, existing] = await Promise.all([q.findEvent(input.eventId), q.findSignup(id)]);
  const event = ensureSameCommunity(caller, found);
  if (!existing) throw new AppError('EVENTS.NOT_SIGNED_UP');
  if (existing.status === 'cancelled') return { signup: null };
  const now = clock().now();
  if (now > event.signupClosesAt) throw new AppError('EVENTS.CLOSED');

  let current: m.SignupDoc | null = existing;
  // The status may move under us (a waiting person promoted); cancel against what it is now.
  while (current && current.status !== 'cancelled') {
    const held = current.status === 'confirmed';
    if (await q.updateSignupIf(id, { status: current.status }, { status: 'cancelled', cancelledAt: now, updatedAt: now })) {
      const index = event.roles.findIndex((r) => r.key === current!.roleKey);
      if (held && index >= 0) await handOver(event, index);
      if (proxy) {
        await recordProxyAction({ key: `event-${event._id}-cancel-${current.seq}`, communityId: event.communityId, actorId: caller.memberId, subjectId: subject.memberId, action: `代取消报名：${event.title}`, at: now });
      }
      return { signup: null };
    }
    current = await q.findSignup(id);
  }
  return { signup: null };
}
