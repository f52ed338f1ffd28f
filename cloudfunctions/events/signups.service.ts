import { signupId } from '../../src/shared/domain/event';
import { authorize, ensureSameCommunity } from '../_core/authorize';
import { callerFrom, loadCaller, type Caller } from '../_core/caller';
import { clock } from '../_core/clock';
import { AppError } from '../_core/errors';
import { findMember } from '../_core/member-record';
import { proxyLine, recordProxyAction } from '../_core/proxy-log';
import { inTransaction } from '../_core/transaction';
import type { CallContext } from '../_core/router';
import * as m from './events.model';
import * as q from './events.queries';
import type { In, Out } from './events.types';
import { firstWaitingIn, promoteIn, settle, tellPromoted, tellUntold } from './waiting-list';

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
 * What follows a sign-up once written, redone by a retry: its proxy record (once, by its key) and, for someone
 * waiting, a place freed meanwhile (a cancellation that found nobody waiting before this sign-up was written).
 * Round trips: + 1 for a proxy; waiting + 1 (position) and, with a place free, `settle`'s.
 */
async function finish(caller: Caller, event: m.EventDoc, doc: m.SignupDoc, proxy: boolean) {
  if (proxy && doc.byProxy === caller.memberId) {
    await recordProxyAction({ key: `event-${event._id}-${doc.seq}`, communityId: event.communityId, actorId: caller.memberId, subjectId: doc.memberId, action: `代报名：${event.title}`, at: doc.createdAt });
  }
  if (doc.status !== 'waiting') return m.toMySignup(doc)!;
  const index = event.roles.findIndex((r) => r.key === doc.roleKey);
  const role = event.roles[index];
  if (role && role.taken < role.places && event.status === 'published') {
    const promoted = await settle(event, index);
    await tellPromoted(event, promoted);
    if (promoted.some((p) => p._id === doc._id)) return m.toMySignup({ ...doc, status: 'confirmed' })!;
  }
  return (await viewOf(doc))!;
}

/**
 * A chain of idempotent steps keyed by the member's sign-up round (why not one transaction: every sign-up writes the
 * event, and in a race for the last places transactions on it conflict and retry one another over and over, while
 * one atomic conditional write per sign-up serves them one after another).
 * 1. The claim: one atomic write on the event takes the arrival number and a place (while one is left; else the
 *    number alone, for the waiting list) and records the member's claim for this round beside them, so a retry or a
 *    racing copy finds the claim instead of taking twice, and recovers its arrival number from the latest arrivals.
 * 2. The sign-up, created once (or moved on from its cancelled round, conditional on that round).
 * 3. `finish`: the proxy record; for the waiting list, a place freed meanwhile.
 * Round trips, a place: 1 (caller) + 1 (event and sign-up, side by side) + 1 (claim) + 1 (the sign-up). On the waiting
 * list: + 1 (the claim without a place) + 1 (the event again) + 1 (position). For a resident: + 1 (the person) + 1
 * (the proxy record). A retry answers the sign-up already made in 2 (+1 waiting, +1 proxy).
 */
export async function signUp(input: In<'signUp'>, { identity }: CallContext): Out<'signUp'> {
  const caller = await loadCaller(identity);
  const { subject, proxy } = await subjectOf(caller, input.forMemberId);
  const memberId = subject.memberId;
  const id = signupId(input.eventId, memberId);
  const [found, existing] = await Promise.all([q.findEvent(input.eventId), q.findSignup(id)]);
  let event = ensureSameCommunity(caller, found);
  if (existing && existing.status !== 'cancelled') return { signup: await finish(caller, event, existing, proxy) };
  const round = existing ? (existing.round ?? 1) + 1 : 1;
  const now = clock().now();
  let claimed = q.claimOf(event, memberId, round);
  if (!claimed) {
    if (event.status === 'cancelled') throw new AppError('EVENTS.CANCELLED');
    if (now < event.signupOpensAt) throw new AppError('EVENTS.NOT_OPEN');
    if (now > event.signupClosesAt) throw new AppError('EVENTS.CLOSED');
    if (!m.inAudience(subject, event)) throw new AppError('EVENTS.NOT_IN_AUDIENCE');
    const index = event.roles.findIndex((r) => r.key === input.roleKey);
    const role = event.roles[index];
    if (!role) throw new AppError('EVENTS.ROLE_NOT_FOUND');
    const after =
      (await q.claim(event._id, memberId, round, index, role.places, true)) ?? (await q.claim(event._id, memberId, round, index, role.places, false));
    // Refused: cancelled meanwhile, or a racing copy of this sign-up claimed first (its claim is ours too).
    event = after ?? ensureSameCommunity(caller, await q.findEvent(event._id));
    claimed = q.claimOf(event, memberId, round);
    if (!claimed) {
      if (event.status === 'cancelled') throw new AppError('EVENTS.CANCELLED');
      // A later round claimed: this call read a sign-up since moved on; answer it as it is now.
      const now2 = await q.findSignup(id);
      if (now2 && now2.status !== 'cancelled') return { signup: await finish(caller, event, now2, proxy) };
      throw new AppError('COMMON.BUSY');
    }
  }
  if (claimed.seq === null) {
    event = (await q.renumber(event._id, memberId, round)) ?? ensureSameCommunity(caller, await q.findEvent(event._id));
    claimed = q.claimOf(event, memberId, round);
    if (claimed?.seq == null) throw new AppError('COMMON.BUSY');
  }
  const role = event.roles[claimed.index]!;
  const doc: m.SignupDoc = {
    _id: id,
    eventId: event._id,
    communityId: event.communityId,
    memberId,
    roleKey: role.key,
    status: claimed.placed ? 'confirmed' : 'waiting',
    seq: claimed.seq,
    round,
    createdAt: now,
    updatedAt: now,
    ...(proxy ? { byProxy: caller.memberId } : {}),
  };
  const { _id, ...fields } = doc;
  const written = existing ? await q.updateSignupIf(_id, { status: 'cancelled', seq: existing.seq }, fields) : await q.insertSignup(doc);
  // Not written: a racing copy of this round wrote the same claim's sign-up first.
  const saved = written ? doc : await q.findSignup(id);
  if (!saved) throw new AppError('COMMON.BUSY');
  if (saved.status === 'waiting') event = (await q.findEvent(event._id)) ?? event;
  return { signup: await finish(caller, event, saved, proxy) };
}

/**
 * One transaction (why: the sign-up's cancellation, the place it frees and the waiting person it goes to must move
 * together, or a crash between them leaves a place held by nobody; the documents are the event, the sign-up and the
 * first waiting person, read in the transaction). A place someone held goes straight to the first waiting person, so
 * a newcomer cannot take it ahead of them; with nobody waiting it is freed. The promoted person is marked to be told
 * and told after the commit; a retry (the sign-up already cancelled) tells whoever is still marked.
 * Round trips: 1 (caller) + the transaction: 1 (start) + 1 (event and sign-up, side by side) + 1 (the cancellation) + 1 (commit),
 * for a held place + 1 (who waits first) and + 2 (them, their promotion) or + 1 (the freed place); then telling the promoted
 * person: the send's + 1 (the mark). For a resident: + 1 (the person) + 1 (the proxy record, in the transaction).
 * A retry answers in the transaction's reads and commit + 1 (anyone still marked).
 */
export async function cancelSignup(input: In<'cancelSignup'>, { identity }: CallContext): Out<'cancelSignup'> {
  const caller = await loadCaller(identity);
  const { subject, proxy } = await subjectOf(caller, input.forMemberId);
  const id = signupId(input.eventId, subject.memberId);
  const now = clock().now();
  const outcome = await inTransaction(async (tx) => {
    const [found, existing] = await Promise.all([q.readIn<m.EventDoc>(q.eventIn(tx, input.eventId)), q.readIn<m.SignupDoc>(q.signupIn(tx, id))]);
    const event = ensureSameCommunity(caller, found);
    if (!existing) throw new AppError('EVENTS.NOT_SIGNED_UP');
    if (existing.status === 'cancelled') return { event, promoted: null, done: true };
    if (now > event.signupClosesAt) throw new AppError('EVENTS.CLOSED');
    const index = event.roles.findIndex((r) => r.key === existing.roleKey);
    const role = event.roles[index];
    let promoted: m.SignupDoc | null = null;
    if (existing.status === 'confirmed' && role) {
      const next = await firstWaitingIn(tx, event._id, role.key);
      if (next) promoted = await promoteIn(tx, next, now);
      else await q.eventIn(tx, event._id).update({ [`roles.${index}.taken`]: Math.max(0, role.taken - 1) });
    }
    await q.signupIn(tx, id).update({ status: 'cancelled', cancelledAt: now, updatedAt: now });
    if (proxy) {
      const { _id: logId, ...log } = proxyLine({ key: `event-${event._id}-cancel-${existing.seq}`, communityId: event.communityId, actorId: caller.memberId, subjectId: subject.memberId, action: `代取消报名：${event.title}`, at: now }).doc;
      await q.proxyLogIn(tx, logId).set(log);
    }
    return { event, promoted, done: false };
  });
  if (outcome.promoted) await tellPromoted(outcome.event, [outcome.promoted]);
  // Cancelled already (this is a retry, or a repeat): tell whoever a call that died after its commit left untold.
  else if (outcome.done) await tellUntold(outcome.event);
  return { signup: null };
}
