import { MAX_ELDERS_PER_VOLUNTEER } from '../../src/shared/domain/care';
import { visibleSettings, type TalentViewer } from '../../src/shared/domain/talent';
import { COLLECTIONS } from '../_core/collections';
import { command, getDb } from '../_core/db';
import type { MemberDoc } from '../_core/member-record';
import { PAGE_FETCH, pageStart } from '../_core/paging';
import type { ElderDoc, PairingDoc, VisitDoc } from './care.model';

const elders = () => getDb().collection(COLLECTIONS.careElders);
const pairings = () => getDb().collection(COLLECTIONS.carePairings);
const visits = () => getDb().collection(COLLECTIONS.careVisits);

async function one<T>(coll: ReturnType<typeof elders>, id: string): Promise<T | null> {
  const res = await coll.where({ _id: id }).limit(1).get();
  return (res.data[0] as T | undefined) ?? null;
}

export const findElder = (id: string) => one<ElderDoc>(elders(), id);
export const findPairing = (id: string) => one<PairingDoc>(pairings(), id);
export const findVisit = (id: string) => one<VisitDoc>(visits(), id);

/** Live elders of a 居民区 (or of some grids), least recently visited first (never visited first of all), a page. */
export async function eldersPage(communityId: string, gridIds: readonly string[] | null, page: number): Promise<ElderDoc[]> {
  const _ = command();
  const where: Record<string, unknown> = { communityId, removedAt: _.exists(false) };
  if (gridIds) where.gridId = _.in([...gridIds]);
  const res = await elders().where(where).orderBy('lastVisitDay', 'asc').orderBy('_id', 'asc').skip(pageStart(page)).limit(PAGE_FETCH).get();
  return res.data as ElderDoc[];
}

/** Every live elder of a 居民区 (a 居民区 looks after dozens): the figures' one read. */
export async function eldersOf(communityId: string): Promise<Pick<ElderDoc, '_id' | 'gridId' | 'activeVolunteerIds'>[]> {
  const res = await elders().where({ communityId, removedAt: command().exists(false) }).field({ _id: true, gridId: true, activeVolunteerIds: true }).limit(1000).get();
  return res.data as Pick<ElderDoc, '_id' | 'gridId' | 'activeVolunteerIds'>[];
}

export async function pairingsOfElder(elderId: string): Promise<PairingDoc[]> {
  const res = await pairings().where({ elderId }).orderBy('proposedAt', 'desc').limit(50).get();
  return res.data as PairingDoc[];
}

/** A volunteer's pairings, newest first. */
export async function pairingsOfVolunteer(volunteerId: string, page: number): Promise<PairingDoc[]> {
  const res = await pairings().where({ volunteerId }).orderBy('proposedAt', 'desc').skip(pageStart(page)).limit(PAGE_FETCH).get();
  return res.data as PairingDoc[];
}

/**
 * How many elders each volunteer of a 居民区 carries (proposed or active pairings): one aggregate over the open
 * pairings of the 居民区, which stay in the hundreds however many residents it has.
 */
export async function loadsOf(communityId: string): Promise<Map<string, number>> {
  const $ = getDb().command.aggregate;
  const res = await pairings()
    .aggregate()
    .match({ communityId, state: command().in(['proposed', 'active']) })
    .group({ _id: '$volunteerId', n: $.sum(1) })
    .limit(10_000)
    .end();
  return new Map((res.data as { _id: string; n: number }[]).map((r) => [r._id, r.n]));
}

/** One volunteer's open pairings: the load check of `pair`. */
export async function loadOf(volunteerId: string): Promise<number> {
  const res = await pairings().where({ volunteerId, state: command().in(['proposed', 'active']) }).limit(MAX_ELDERS_PER_VOLUNTEER + 1).get();
  return res.data.length;
}

export type CandidateDoc = Pick<MemberDoc, '_id' | 'name' | 'building' | 'gridId' | 'skills' | 'availability' | 'visibility'>;
const CANDIDATE_FIELDS = { _id: true, name: true, building: true, gridId: true, skills: true, availability: true, visibility: true };

/** Approved, live members of the 居民区 living in `buildings` (the nearest ones), at most `limit`. */
export async function membersIn(communityId: string, buildings: readonly string[], limit: number): Promise<CandidateDoc[]> {
  if (buildings.length === 0) return [];
  const _ = command();
  const res = await getDb()
    .collection(COLLECTIONS.members)
    .where({ communityId, building: _.in([...buildings]), 'application.status': 'approved', deletedAt: _.exists(false) })
    .field(CANDIDATE_FIELDS)
    .limit(limit)
    .get();
  return res.data as CandidateDoc[];
}

/** Approved, live members of a grid, at most `limit`. */
export async function membersOfGrid(communityId: string, gridId: string, limit: number): Promise<CandidateDoc[]> {
  const _ = command();
  const res = await getDb()
    .collection(COLLECTIONS.members)
    .where({ communityId, gridId, 'application.status': 'approved', deletedAt: _.exists(false) })
    .field(CANDIDATE_FIELDS)
    .limit(limit)
    .get();
  return res.data as CandidateDoc[];
}

/** Approved, live members with any of `skills` who let `viewer` see their skills (the talent pool's rule). */
export async function membersWithSkills(communityId: string, skills: readonly string[], viewer: TalentViewer, limit: number): Promise<CandidateDoc[]> {
  if (skills.length === 0) return [];
  const _ = command();
  const res = await getDb()
    .collection(COLLECTIONS.members)
    .where({ communityId, skills: _.in([...skills]), 'visibility.skills': _.in(visibleSettings(viewer)), 'application.status': 'approved', deletedAt: _.exists(false) })
    .field(CANDIDATE_FIELDS)
    .limit(limit)
    .get();
  return res.data as CandidateDoc[];
}

export async function gridsOf(communityId: string): Promise<{ _id: string; name: string; buildings: string[]; leaderMemberId: string | null }[]> {
  const res = await getDb().collection(COLLECTIONS.grids).where({ communityId }).field({ _id: true, name: true, buildings: true, leaderMemberId: true }).limit(100).get();
  return res.data as { _id: string; name: string; buildings: string[]; leaderMemberId: string | null }[];
}

export async function findGrid(id: string): Promise<{ _id: string; communityId: string; name: string; leaderMemberId: string | null } | null> {
  const res = await getDb().collection(COLLECTIONS.grids).where({ _id: id }).limit(1).get();
  return (res.data[0] as { _id: string; communityId: string; name: string; leaderMemberId: string | null } | undefined) ?? null;
}

export async function committeeOf(communityId: string): Promise<string[]> {
  const res = await getDb().collection(COLLECTIONS.members).where({ communityId, roles: 'committee', deletedAt: command().exists(false) }).field({ _id: true }).limit(100).get();
  return (res.data as { _id: string }[]).map((d) => d._id);
}

export async function peopleOf(ids: readonly string[]): Promise<Map<string, Pick<MemberDoc, '_id' | 'name' | 'building' | 'phone'>>> {
  const out = new Map<string, Pick<MemberDoc, '_id' | 'name' | 'building' | 'phone'>>();
  if (ids.length === 0) return out;
  const res = await getDb().collection(COLLECTIONS.members).where({ _id: command().in([...new Set(ids)]) }).field({ _id: true, name: true, building: true, phone: true }).limit(1000).get();
  for (const p of res.data as Pick<MemberDoc, '_id' | 'name' | 'building' | 'phone'>[]) out.set(p._id, p);
  return out;
}

export async function eldersByIds(ids: readonly string[]): Promise<Map<string, ElderDoc>> {
  if (ids.length === 0) return new Map();
  const res = await elders().where({ _id: command().in([...new Set(ids)]) }).limit(1000).get();
  return new Map((res.data as ElderDoc[]).map((e) => [e._id, e]));
}

/** A volunteer's visits (of one state, or all), newest day first. */
export async function visitsOfVolunteer(volunteerId: string, state: string | undefined, page: number): Promise<VisitDoc[]> {
  const where: Record<string, unknown> = { volunteerId };
  if (state) where.state = state;
  const res = await visits().where(where).orderBy('day', 'desc').skip(pageStart(page)).limit(PAGE_FETCH).get();
  return res.data as VisitDoc[];
}

export async function visitsOfElder(elderId: string, volunteerId: string | null, page: number): Promise<VisitDoc[]> {
  const where: Record<string, unknown> = { elderId, state: command().neq('cancelled') };
  if (volunteerId) where.volunteerId = volunteerId;
  const res = await visits().where(where).orderBy('day', 'desc').skip(pageStart(page)).limit(PAGE_FETCH).get();
  return res.data as VisitDoc[];
}

/** Visits waiting for the caller: concerns first, then the oldest logs (committee: every grid; leader: theirs). */
export async function visitsToConfirm(communityId: string, gridIds: readonly string[] | null, page: number): Promise<VisitDoc[]> {
  const _ = command();
  const where: Record<string, unknown> = { communityId, state: _.in(['logged', 'challenged']) };
  if (gridIds) where.gridId = _.in([...gridIds]);
  const res = await visits().where(where).orderBy('concern', 'desc').orderBy('loggedAt', 'asc').skip(pageStart(page)).limit(PAGE_FETCH).get();
  return res.data as VisitDoc[];
}

/** The month's visits per grid and state, with their posted half-hours: one aggregate. */
export async function visitFigures(communityId: string, from: string, to: string): Promise<{ gridId: string | null; state: string; n: number; halfHours: number }[]> {
  const _ = command();
  const $ = getDb().command.aggregate;
  const res = await visits()
    .aggregate()
    .match({ communityId, day: _.gte(from).and(_.lte(to)) })
    .group({ _id: { gridId: '$gridId', state: '$state' }, n: $.sum(1), halfHours: $.sum('$halfHours') })
    .limit(1000)
    .end();
  return (res.data as { _id: { gridId: string | null; state: string }; n: number; halfHours: number }[]).map((r) => ({ gridId: r._id.gridId ?? null, state: r._id.state, n: r.n, halfHours: r.halfHours }));
}

// ---- the timers' reads ----

/** Active pairings whose plan has not made visits through `through`, a batch. */
export async function pairingsToPlan(through: string, limit: number): Promise<PairingDoc[]> {
  const res = await pairings().where({ state: 'active', plannedThrough: command().lt(through) }).orderBy('plannedThrough', 'asc').orderBy('_id', 'asc').limit(limit).get();
  return res.data as PairingDoc[];
}

/** Due visits whose day is over (before `today`), oldest first, a batch. */
export async function visitsPastDue(today: string, limit: number): Promise<VisitDoc[]> {
  const res = await visits().where({ state: 'due', day: command().lt(today) }).orderBy('day', 'asc').orderBy('_id', 'asc').limit(limit).get();
  return res.data as VisitDoc[];
}

/** Logged visits nobody challenged, 72 h on, a batch. */
export async function visitsToAutoConfirm(now: Date, limit: number): Promise<VisitDoc[]> {
  const res = await visits().where({ state: 'logged', confirmAfter: command().lte(now) }).orderBy('confirmAfter', 'asc').limit(limit).get();
  return res.data as VisitDoc[];
}

/** Documents of a care collection with messages owed since before `before`. */
export async function untoldIn<T>(collection: string, before: Date, limit: number): Promise<T[]> {
  const _ = command();
  const res = await getDb().collection(collection).where({ untoldKey: _.neq(null), untoldAt: _.lte(before) }).limit(limit).get();
  return res.data as T[];
}

export async function updateIf(collection: string, where: Record<string, unknown>, patch: Record<string, unknown>): Promise<boolean> {
  const res = await getDb().collection(collection).where(where).update(patch);
  return (res.updated ?? 0) > 0;
}
