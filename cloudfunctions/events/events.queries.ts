import { COLLECTIONS } from '../_core/collections';
import { command, getDb, insertOnce } from '../_core/db';
import type { MemberDoc } from '../_core/member-record';
import type { Tx } from '../_core/transaction';
import { PAGE_FETCH, pageStart, toPage } from '../_core/paging';
import type { EventDoc, InviteDoc, SignupDoc } from './events.model';

/** Each function here is one database round trip. */

const events = () => getDb().collection(COLLECTIONS.events);
const signups = () => getDb().collection(COLLECTIONS.eventSignups);
const invites = () => getDb().collection(COLLECTIONS.eventInvites);

type Paged<T> = { rows: T[]; hasMore: boolean };

async function byId<T>(collection: ReturnType<typeof events>, id: string): Promise<T | null> {
  const res = await collection.doc(id).get();
  return (res.data?.[0] as T | undefined) ?? null;
}

export const findEvent = (id: string) => byId<EventDoc>(events(), id);
export const findSignup = (id: string) => byId<SignupDoc>(signups(), id);
export const insertSignup = (doc: SignupDoc) => insertOnce(COLLECTIONS.eventSignups, doc);
export const insertEvent = (doc: EventDoc) => insertOnce(COLLECTIONS.events, doc);

/** A conditional update of one event: the write happens only while `guard` holds. */
export async function updateEventIf(id: string, guard: Record<string, unknown>, patch: Record<string, unknown>): Promise<boolean> {
  const res = await events()
    .where({ _id: id, ...guard })
    .update(patch);
  return res.updated === 1;
}

export async function updateSignupIf(id: string, guard: Record<string, unknown>, patch: Record<string, unknown>): Promise<boolean> {
  const res = await signups()
    .where({ _id: id, ...guard })
    .update(patch);
  return res.updated === 1;
}

/** How many of the latest claims an event remembers the members of (their arrival numbers are recovered from it). */
export const RECENT_ARRIVALS = 100;

const claimCode = (round: number, index: number, placed: boolean): number => round * 1000 + index * 2 + (placed ? 1 : 0);

export interface Claim {
  index: number;
  placed: boolean;
  /** Null when the claim is older than the arrivals the event remembers. */
  seq: number | null;
}

/** The claim of a member's sign-up `round` as recorded on the event, or null when that round took nothing yet. */
export function claimOf(event: EventDoc, memberId: string, round: number): Claim | null {
  const code = event.claims?.[memberId];
  if (code === undefined || Math.floor(code / 1000) !== round) return null;
  const rest = code % 1000;
  const arrivals = event.arrivals ?? [];
  const at = arrivals.lastIndexOf(memberId);
  return { index: Math.floor(rest / 2), placed: rest % 2 === 1, seq: at < 0 ? null : event.signupSeq - (arrivals.length - 1 - at) };
}

/**
 * Takes a member's arrival number for sign-up `round`, and with `place` one place of role `index` while one is left:
 * one atomic write that records the claim beside the counts, refused when the member's claim for this round (or a
 * later one) is there already, so a retry or a racing copy never takes twice. The event after it, or null.
 */
export async function claim(eventId: string, memberId: string, round: number, index: number, places: number, place: boolean): Promise<EventDoc | null> {
  const _ = command();
  const key = `claims.${memberId}`;
  const taken = `roles.${index}.taken`;
  const guard = { _id: eventId, status: 'published', ...(place ? { [taken]: _.lt(places) } : {}) };
  const res = await events()
    .where(_.and([guard, _.or([{ [key]: _.exists(false) }, { [key]: _.lt(round * 1000) }])]))
    .updateAndReturn({
      signupSeq: _.inc(1),
      ...(place ? { [taken]: _.inc(1) } : {}),
      [key]: claimCode(round, index, place),
      arrivals: _.push({ each: [memberId], slice: -RECENT_ARRIVALS }),
    });
  return (res.doc as EventDoc | null | undefined) ?? null;
}

/**
 * A claim older than the arrivals remembered gets a new arrival number (its first is lost: a gap in the order, never a
 * second place). Conditional on the claim, so only that claim's owner does. The event after it, or null.
 */
export async function renumber(eventId: string, memberId: string, round: number): Promise<EventDoc | null> {
  const _ = command();
  const key = `claims.${memberId}`;
  const res = await events()
    .where({ _id: eventId, [key]: _.gte(round * 1000).and(_.lt((round + 1) * 1000)) })
    .updateAndReturn({ signupSeq: _.inc(1), arrivals: _.push({ each: [memberId], slice: -RECENT_ARRIVALS }) });
  return (res.doc as EventDoc | null | undefined) ?? null;
}

/**
 * In a transaction: the event and a sign-up as the transaction's snapshot sees them, and their write handles. Writing
 * a document another call changed since the snapshot is a conflict, and the transaction is retried.
 */
export const eventIn = (tx: Tx, id: string) => tx.collection(COLLECTIONS.events).doc(id);
export const signupIn = (tx: Tx, id: string) => tx.collection(COLLECTIONS.eventSignups).doc(id);
export async function readIn<T>(ref: ReturnType<typeof eventIn>): Promise<T | null> {
  return ((await ref.get()).data as T | null) ?? null;
}

/** Sign-ups of the event whose promotion message may not have been handed to the messaging yet. */
export async function untold(eventId: string, limit: number): Promise<SignupDoc[]> {
  const res = await signups().where({ eventId, promotionUntold: true }).limit(limit).get();
  return res.data as SignupDoc[];
}

/** The first waiting people of a role, in arrival order. */
export async function firstWaiting(eventId: string, roleKey: string, limit: number): Promise<SignupDoc[]> {
  const res = await signups().where({ eventId, roleKey, status: 'waiting' }).orderBy('seq', 'asc').limit(limit).get();
  return res.data as SignupDoc[];
}

/** Everyone waiting for the event (role and arrival order only), for counts and positions. */
export async function waitingOf(eventId: string): Promise<Pick<SignupDoc, 'roleKey' | 'seq'>[]> {
  const res = await signups().where({ eventId, status: 'waiting' }).field({ roleKey: true, seq: true }).limit(1000).get();
  return res.data as Pick<SignupDoc, 'roleKey' | 'seq'>[];
}

/** Everyone still signed up or waiting: those a cancellation tells. */
export async function activeSignups(eventId: string): Promise<SignupDoc[]> {
  const res = await signups().where({ eventId, status: command().in(['confirmed', 'waiting']) }).limit(1000).get();
  return res.data as SignupDoc[];
}

export async function listSignupsPage(eventId: string, page: number): Promise<Paged<SignupDoc>> {
  const res = await signups()
    .where({ eventId })
    .orderBy('seq', 'asc')
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .get();
  return toPage(res.data as SignupDoc[]);
}

/** The caller's sign-ups among these events. */
export async function signupsOfMember(memberId: string, eventIds: readonly string[]): Promise<SignupDoc[]> {
  if (eventIds.length === 0) return [];
  const res = await signups()
    .where({ memberId, eventId: command().in([...eventIds]) })
    .limit(eventIds.length)
    .get();
  return res.data as SignupDoc[];
}

export async function ownSignupsPage(memberId: string, page: number): Promise<Paged<SignupDoc>> {
  const res = await signups()
    .where({ memberId, status: command().in(['confirmed', 'waiting']) })
    .orderBy('createdAt', 'desc')
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .get();
  return toPage(res.data as SignupDoc[]);
}

export async function findEvents(ids: readonly string[]): Promise<EventDoc[]> {
  if (ids.length === 0) return [];
  const res = await events()
    .where({ _id: command().in([...ids]) })
    .limit(ids.length)
    .get();
  return res.data as EventDoc[];
}

/** Published events of every 居民区 starting in [from, to), in start order: what the day-before reminders cover. */
export async function publishedStartingBetween(from: Date, to: Date, page: number, perPage: number): Promise<EventDoc[]> {
  const _ = command();
  const res = await events()
    .where({ status: 'published', startAt: _.gte(from).and(_.lt(to)) })
    .orderBy('startAt', 'asc')
    .orderBy('_id', 'asc')
    .skip((page - 1) * perPage)
    .limit(perPage)
    .get();
  return res.data as EventDoc[];
}

/**
 * Upcoming published events the caller may see: everything for an organizer, otherwise the audiences they belong to.
 */
export async function upcomingPage(
  communityId: string,
  now: Date,
  reach: { all: boolean; member: boolean; councilIds: string[] },
  page: number,
): Promise<Paged<EventDoc>> {
  const _ = command();
  const audiences: Record<string, unknown>[] = [{ 'audience.kind': 'community' }];
  if (reach.member) audiences.push({ 'audience.kind': 'members' });
  if (reach.member && reach.councilIds.length) audiences.push({ 'audience.kind': 'council', 'audience.councilId': _.in(reach.councilIds) });
  const base = { communityId, status: 'published', endAt: _.gt(now) };
  const res = await events()
    .where(reach.all ? base : _.and([base, _.or(audiences)]))
    .orderBy('startAt', 'asc')
    .orderBy('_id', 'asc')
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .get();
  return toPage(res.data as EventDoc[]);
}

/** Names (and the openid a notice goes to) of the people named. */
export async function findPeople(ids: readonly string[]): Promise<Map<string, Pick<MemberDoc, '_id' | 'name' | 'openid' | 'communityId' | 'gridId' | 'deletedAt'>>> {
  const people = new Map<string, Pick<MemberDoc, '_id' | 'name' | 'openid' | 'communityId' | 'gridId' | 'deletedAt'>>();
  if (ids.length === 0) return people;
  const res = await getDb()
    .collection(COLLECTIONS.members)
    .where({ _id: command().in([...new Set(ids)]) })
    .field({ _id: true, name: true, openid: true, communityId: true, gridId: true, deletedAt: true })
    .limit(1000)
    .get();
  for (const p of res.data as Pick<MemberDoc, '_id' | 'name' | 'openid' | 'communityId' | 'gridId' | 'deletedAt'>[]) people.set(p._id, p);
  return people;
}

/** The councils named (for whether the caller chairs the organizing one). */
export async function findCouncils(ids: readonly string[]) {
  if (ids.length === 0) return [];
  const res = await getDb()
    .collection(COLLECTIONS.councils)
    .where({ _id: command().in([...ids]) })
    .limit(ids.length)
    .get();
  return res.data as import('../_core/council-chairs').CouncilDoc[];
}

/** How many wait for the role ahead of (and including) arrival `seq`: a waiting person's place in the queue. */
export async function waitingPosition(eventId: string, roleKey: string, seq: number): Promise<number> {
  const res = await signups()
    .where({ eventId, roleKey, status: 'waiting', seq: command().lte(seq) })
    .count();
  return res.total as number;
}

/** The talent search an organizer's suggestions use (shared with the reports' helpers): _core/talent-search.ts. */
export { skilledMembers, type SkilledDoc } from '../_core/talent-search';

/** The sign-ups of these people for one event. */
export async function signupsOfEvent(eventId: string, memberIds: readonly string[]): Promise<SignupDoc[]> {
  if (memberIds.length === 0) return [];
  const res = await signups()
    .where({ eventId, memberId: command().in([...memberIds]) })
    .limit(memberIds.length)
    .get();
  return res.data as SignupDoc[];
}

export const insertInvite = (doc: InviteDoc) => insertOnce(COLLECTIONS.eventInvites, doc);

/** Which of `memberIds` the event's organizers invited. */
export async function invitesOfEvent(eventId: string, memberIds: readonly string[]): Promise<InviteDoc[]> {
  if (memberIds.length === 0) return [];
  const res = await invites()
    .where({ eventId, memberId: command().in([...memberIds]) })
    .limit(memberIds.length)
    .get();
  return res.data as InviteDoc[];
}

/** A member's latest invitations. */
export async function invitesOfMember(memberId: string, limit: number): Promise<InviteDoc[]> {
  const res = await invites().where({ memberId }).orderBy('at', 'desc').limit(limit).get();
  return res.data as InviteDoc[];
}

/** In a transaction: a proxy record's write handle (cloudfunctions/_core/proxy-log.ts names it). */
export const proxyLogIn = (tx: Tx, id: string) => tx.collection(COLLECTIONS.proxyLog).doc(id);
