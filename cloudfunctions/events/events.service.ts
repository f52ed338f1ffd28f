import { signupId } from '../../src/shared/domain/event';
import { authorize, can, ensureSameCommunity } from '../_core/authorize';
import { loadCaller, type Caller } from '../_core/caller';
import { clock } from '../_core/clock';
import { ensurePublishable } from '../_core/content-check';
import type { Identity } from '../_core/identity';
import { ensureImagesPublishable, imageFields } from '../_core/media-check';
import { withChairs } from '../_core/council-chairs';
import { command } from '../_core/db';
import { AppError } from '../_core/errors';
import type { CallContext } from '../_core/router';
import * as m from './events.model';
import * as q from './events.queries';
import type { In, Out } from './events.types';
import { notifyAll, settle, tellUntold } from './waiting-list';

/** The caller as an organizer of `councilId`'s events: adds council_chair when they chair it now (one round trip). */
async function asOrganizer(caller: Caller, councilId: string | undefined): Promise<Caller> {
  if (!councilId || caller.roles.includes('committee')) return caller;
  return withChairs(caller, await q.findCouncils([councilId]));
}

export async function ensureManager(caller: Caller, event: { communityId: string; councilId?: string }): Promise<Caller> {
  const organizer = await asOrganizer(caller, event.councilId);
  authorize(organizer, 'events.manage', { communityId: event.communityId, councilId: event.councilId ?? null });
  return organizer;
}

/** A sub-council audience must be an active council of the event's own 居民区. One round trip when it names one. */
async function ensureAudience(communityId: string, audience: In<'create'>['event']['audience']): Promise<void> {
  if (audience.kind !== 'council') return;
  const [council] = await q.findCouncils([audience.councilId]);
  if (!council || council.communityId !== communityId || !council.active) throw new AppError('EVENTS.COUNCIL_NOT_FOUND');
}

/**
 * Inserts a new event under its request-derived id; a retried request answers the event its first call made. A chain
 * of idempotent steps (why: the event is one insert under an id from the request id, and its cover's check is a chain
 * of conditional steps keyed by the image, _core/media-check.ts, that a retry resumes where the first call stopped).
 */
async function publishOnce(caller: Caller, organizer: Caller, doc: m.EventDoc, identity: Identity) {
  let saved = doc;
  if (!(await q.insertEvent(doc))) {
    saved = ensureSameCommunity(caller, await q.findEvent(doc._id));
    // The id comes from the request id, which anyone who saw an event's id could reuse.
    if (saved.organizerId !== caller.memberId) throw new AppError('COMMON.NOT_FOUND');
  }
  // A new cover shows once its check passes; a retry submits what its first call left.
  await ensureImagesPublishable(identity, 'eventCover', saved._id, saved.organizerId, saved.pendingImages ?? [], doc.createdAt);
  return fullView(organizer, saved, null, true);
}

/** The full view of an event for the caller: organizer's name, waiting counts, the caller's place in the queue. */
async function fullView(caller: Caller, event: m.EventDoc, mine: m.SignupDoc | null, canManage: boolean) {
  const [people, waiting] = await Promise.all([q.findPeople([event.organizerId]), q.waitingOf(event._id)]);
  const waitingByRole = new Map<string, number>();
  for (const w of waiting) waitingByRole.set(w.roleKey, (waitingByRole.get(w.roleKey) ?? 0) + 1);
  const position = mine?.status === 'waiting' ? waiting.filter((w) => w.roleKey === mine.roleKey && w.seq <= mine.seq).length : null;
  return m.toEventView(event, {
    organizerName: people.get(event.organizerId)?.name ?? '',
    waitingByRole,
    mine: m.toMySignup(mine, position),
    canManage,
    canSignUpOthers: caller.roles.includes('grid_leader') || caller.roles.includes('committee'),
  });
}

/** Round trips: 1 (caller) + 1 (events) + 1 (the caller's sign-ups among them). */
export async function list(input: In<'list'>, { identity }: CallContext): Out<'list'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'events.view', { communityId: caller.communityId });
  const all = can(caller, 'events.manage', { communityId: caller.communityId });
  const { rows, hasMore } = await q.upcomingPage(
    caller.communityId!,
    clock().now(),
    { all, member: caller.roles.includes('member'), councilIds: caller.record?.councilIds ?? [] },
    input.page,
  );
  const mine = new Map((await q.signupsOfMember(caller.memberId, rows.map((e) => e._id))).map((s) => [s.eventId, s]));
  return { items: rows.map((e) => m.toSummary(e, mine.get(e._id) ?? null)), page: input.page, hasMore, canManage: all };
}

/** Round trips: 1 (caller) + 1 (event and own sign-up) + 1 (organizer and waiting list), +1 for a council chair. */
export async function get(input: In<'get'>, { identity }: CallContext): Out<'get'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'events.view', { communityId: caller.communityId });
  const [found, mine] = await Promise.all([q.findEvent(input.eventId), q.findSignup(signupId(input.eventId, caller.memberId))]);
  const event = ensureSameCommunity(caller, found);
  const organizer = await asOrganizer(caller, event.councilId);
  const canManage = can(organizer, 'events.manage', { communityId: event.communityId, councilId: event.councilId ?? null });
  // An event for another audience is shown only to those it concerns (and its organizers), like a missing one.
  if (!canManage && !m.inAudience(caller, event) && !mine) throw new AppError('COMMON.NOT_FOUND');
  return { event: await fullView(caller, event, mine, canManage) };
}

/** Round trips: 1 (caller) + 1 (own sign-ups) + 1 (their events). */
export async function mine(input: In<'mine'>, { identity }: CallContext): Out<'mine'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'events.signUp', { communityId: caller.communityId, memberId: caller.memberId });
  const { rows, hasMore } = await q.ownSignupsPage(caller.memberId, input.page);
  const events = new Map((await q.findEvents(rows.map((s) => s.eventId))).map((e) => [e._id, e]));
  const items = rows.flatMap((s) => {
    const event = events.get(s.eventId);
    return event ? [m.toSummary(event, s)] : [];
  });
  return { items, page: input.page, hasMore };
}

/** Round trips: 1 (caller) + 1 (insert) + 2 (the view), +1 for a council chair, +1 for a council audience; plus the content check. */
export async function create(input: In<'create'>, { identity }: CallContext): Out<'create'> {
  const caller = await loadCaller(identity);
  const communityId = caller.communityId;
  const organizer = await ensureManager(caller, { communityId: communityId ?? '', councilId: input.event.councilId });
  await ensureAudience(communityId!, input.event.audience);
  await ensurePublishable(identity, [input.event.title, input.event.description, input.event.place, ...input.event.roles.map((r) => r.name)]);
  const now = clock().now();
  const doc: m.EventDoc = {
    _id: m.eventIdOf(communityId!, input.requestId),
    communityId: communityId!,
    ...m.storedFields(input.event),
    ...(imageFields('eventCover', null, [input.event.cover]) as Pick<m.EventDoc, 'cover' | 'pendingImages' | 'refusedImages'>),
    ...m.freshEvent(input.event.roles, caller.memberId, now),
  };
  return { event: await publishOnce(caller, organizer, doc, identity) };
}

/**
 * A chain of idempotent steps (why: the change is one conditional write that a retry simply makes again, and what
 * follows it, the waiting list moving up into free places, is derived from the stored event, so a retry of a call
 * that died after its change completes it; each promotion is its own transaction, see waiting-list.ts).
 * Round trips: 1 (caller) + 1 (event) + 1 (the change, conditional on every role's places staying at or above its
 * taken count and on the roles not having changed in number) + 1 (the event as changed) + 2 (the view); per role
 * with a free place 1 (who waits first) and per promotion a transaction of 5 + commit (+ 1 re-reading the event for
 * the view); then 1 (anyone promoted and not yet told) + per person told the send's and 1. Role fields are set one by one so concurrent sign-ups' counts
 * are never overwritten.
 */
export async function update(input: In<'update'>, { identity }: CallContext): Out<'update'> {
  const caller = await loadCaller(identity);
  const event = ensureSameCommunity(caller, await q.findEvent(input.eventId));
  const organizer = await ensureManager(caller, event);
  if (input.event.councilId !== event.councilId) await ensureManager(caller, { communityId: event.communityId, councilId: input.event.councilId });
  if (event.status === 'cancelled') throw new AppError('EVENTS.CANCELLED');
  const now = clock().now();
  if (event.endAt < now) throw new AppError('EVENTS.ENDED');
  const byKey = new Map(input.event.roles.map((r) => [r.key, r]));
  const removed = event.roles.filter((r) => !byKey.has(r.key));
  // Roles keep their keys (sign-ups name them); one nobody took may be renamed, not removed.
  if (removed.length) throw new AppError('EVENTS.ROLE_REMOVED');
  await ensureAudience(event.communityId, input.event.audience);
  await ensurePublishable(identity, [input.event.title, input.event.description, input.event.place, ...input.event.roles.map((r) => r.name)]);

  const _ = command();
  const guard: Record<string, unknown> = { status: 'published', [`roles.${event.roles.length}`]: _.exists(false) };
  const patch: Record<string, unknown> = { ...m.storedFields(input.event), ...imageFields('eventCover', event, [input.event.cover]), updatedAt: now };
  event.roles.forEach((r, i) => {
    const next = byKey.get(r.key)!;
    guard[`roles.${i}.key`] = r.key;
    guard[`roles.${i}.taken`] = _.lte(next.places);
    patch[`roles.${i}.name`] = next.name;
    patch[`roles.${i}.places`] = next.places;
    patch[`roles.${i}.skills`] = next.skills;
  });
  const added = input.event.roles.filter((r) => !event.roles.some((e) => e.key === r.key)).map((r) => ({ ...r, taken: 0 }));
  if (added.length) patch.roles = _.push(added);
  if (!(await q.updateEventIf(event._id, guard, patch))) {
    const now2 = await q.findEvent(event._id);
    if (now2?.status === 'cancelled') throw new AppError('EVENTS.CANCELLED');
    throw new AppError('EVENTS.PLACES_BELOW_TAKEN');
  }
  await ensureImagesPublishable(identity, 'eventCover', event._id, caller.memberId, patch.pendingImages as string[], now);
  const saved = (await q.findEvent(event._id))!;
  // Every role with a free place, not only those this call grew: the retry of a call that died here finds its places
  // grown already and must still move the waiting list up.
  let promoted = 0;
  for (const [i, r] of saved.roles.entries()) {
    if (r.taken < r.places) promoted += (await settle(saved, i)).length;
  }
  await tellUntold(saved);
  return { event: await fullView(organizer, promoted ? (await q.findEvent(event._id))! : saved, null, true) };
}

/**
 * A chain of idempotent steps (why: one conditional write, then messages each keyed by what they say, so the retry
 * of a call that died half-way through the list tells the rest and nobody twice; every call that finds the event
 * cancelled tells, with the reason stored by the first).
 * Round trips: 1 (caller) + 1 (event) + 1 (cancel; or 1 reading the event a racing call cancelled) + 1 (who to tell)
 * + per person told the send's + 2 (the view).
 */
export async function cancel(input: In<'cancel'>, { identity }: CallContext): Out<'cancel'> {
  const caller = await loadCaller(identity);
  const event = ensureSameCommunity(caller, await q.findEvent(input.eventId));
  const organizer = await ensureManager(caller, event);
  const now = clock().now();
  if (event.endAt < now) throw new AppError('EVENTS.ENDED');
  let saved: m.EventDoc = event;
  if (event.status !== 'cancelled') {
    const cancelled = await q.updateEventIf(event._id, { status: 'published' }, { status: 'cancelled', cancelledAt: now, cancelReason: input.reason, updatedAt: now });
    saved = cancelled ? { ...event, status: 'cancelled', cancelledAt: now, cancelReason: input.reason, updatedAt: now } : (await q.findEvent(event._id))!;
  }
  const reason = saved.cancelReason ?? input.reason;
  const people = await q.activeSignups(event._id);
  const notified = await notifyAll(
    saved,
    people.map((s) => ({ memberId: s.memberId, template: 'event-cancelled' as const, sendKey: `event-cancelled:${event._id}:${s.memberId}`, note: `活动已取消：${reason}` })),
  );
  return { event: await fullView(organizer, saved, null, true), notified };
}

/** Round trips: 1 (caller) + 1 (event) + 1 (insert) + 2 (the view), +1 for a council chair. */
export async function duplicate(input: In<'duplicate'>, { identity }: CallContext): Out<'duplicate'> {
  const caller = await loadCaller(identity);
  const source = ensureSameCommunity(caller, await q.findEvent(input.eventId));
  const organizer = await ensureManager(caller, source);
  const shift = input.startAt.getTime() - source.startAt.getTime();
  const moved = (d: Date) => new Date(d.getTime() + shift);
  const now = clock().now();
  // The copy shows the source's approved cover; a cover still under check stays with the source.
  const { cancelledAt: _c, cancelReason: _r, pendingImages: _p, refusedImages: _n, ...rest } = source;
  const doc: m.EventDoc = {
    ...rest,
    _id: m.eventIdOf(source.communityId, input.requestId),
    startAt: moved(source.startAt),
    endAt: moved(source.endAt),
    signupOpensAt: now,
    signupClosesAt: moved(source.signupClosesAt),
    ...m.freshEvent(source.roles, caller.memberId, now),
  };
  return { event: await publishOnce(caller, organizer, doc, identity) };
}

/** Round trips: 1 (caller) + 1 (event) + 1 (sign-ups) + 1 (names), +1 for a council chair. */
export async function signups(input: In<'signups'>, { identity }: CallContext): Out<'signups'> {
  const caller = await loadCaller(identity);
  const event = ensureSameCommunity(caller, await q.findEvent(input.eventId));
  await ensureManager(caller, event);
  const { rows, hasMore } = await q.listSignupsPage(event._id, input.page);
  const people = await q.findPeople(rows.map((s) => s.memberId));
  return { items: rows.map((s) => m.toSignupView(s, people.get(s.memberId)?.name ?? '')), page: input.page, hasMore };
}

/** How many suggestions an organizer gets for a role. */
const SUGGESTIONS = 20;

/**
 * Round trips: 1 (caller) + 1 (event) + 1 (skilled members) + 1 (who of them signed up already), +1 for a council chair.
 * Visibility follows the talent pool: the committee sees what members show the committee, a chair what they show leaders.
 */
export async function suggest(input: In<'suggest'>, { identity }: CallContext): Out<'suggest'> {
  const caller = await loadCaller(identity);
  const event = ensureSameCommunity(caller, await q.findEvent(input.eventId));
  const organizer = await ensureManager(caller, event);
  const role = event.roles.find((r) => r.key === input.roleKey);
  if (!role) throw new AppError('EVENTS.ROLE_NOT_FOUND');
  if (role.skills.length === 0) return { items: [] };
  const viewer = organizer.roles.includes('committee') ? 'committee' : 'leader';
  const found = await q.skilledMembers(event.communityId, role.skills, viewer, SUGGESTIONS * 2);
  const ids = found.map((d) => d._id);
  const [signed, invites] = await Promise.all([q.signupsOfEvent(event._id, ids), q.invitesOfEvent(event._id, ids)]);
  const taken = new Set(signed.filter((s) => s.status !== 'cancelled').map((s) => s.memberId));
  const invited = new Set(invites.map((i) => i.memberId));
  const slots = m.slotsAt(event.startAt);
  const items = found
    .filter((d) => !taken.has(d._id))
    .map((d) => m.toSuggestion(d, role.skills, slots, viewer, invited.has(d._id)))
    .sort((a, b) => Number(b.freeThen === true) - Number(a.freeThen === true))
    .slice(0, SUGGESTIONS);
  return { items };
}
