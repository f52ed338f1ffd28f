import { OPEN_REPORT_STATES } from '../../src/shared/domain/report';
import { COLLECTIONS } from '../_core/collections';
import type { CouncilDoc } from '../_core/council-chairs';
import { command, getDb, insertOnce } from '../_core/db';
import type { MemberDoc } from '../_core/member-record';
import { PAGE_FETCH, pageStart, toPage } from '../_core/paging';
import type { ReportDoc, ReportSettingsDoc } from './reports.model';

/** Each function here is one database round trip. */

const reports = () => getDb().collection(COLLECTIONS.reports);
const first = <T>(res: { data?: unknown[] }): T | null => (res.data?.[0] as T | undefined) ?? null;
type Paged<T> = { rows: T[]; hasMore: boolean };

export const findReport = async (id: string) => first<ReportDoc>(await reports().doc(id).get());
export const insertReport = (doc: ReportDoc) => insertOnce(COLLECTIONS.reports, doc);

export async function findReports(ids: readonly string[]): Promise<ReportDoc[]> {
  if (ids.length === 0) return [];
  const res = await reports().where({ _id: command().in([...ids]) }).limit(ids.length).get();
  return res.data as ReportDoc[];
}

/** A state change: applies only while the report still has the version the caller saw. */
export async function updateIfVersion(id: string, version: number, patch: Record<string, unknown>): Promise<boolean> {
  const res = await reports().where({ _id: id, version }).update(patch);
  return res.updated === 1;
}

/** A change guarded by its own condition (additive changes that do not move the version: a visit, a follower). */
export async function updateIf(id: string, guard: Record<string, unknown>, patch: Record<string, unknown>): Promise<boolean> {
  const res = await reports().where({ _id: id, ...guard }).update(patch);
  return res.updated === 1;
}

export const findSettings = async (communityId: string) => first<ReportSettingsDoc>(await getDb().collection(COLLECTIONS.reportSettings).doc(communityId).get());

export async function saveSettings(doc: ReportSettingsDoc): Promise<void> {
  const { _id, ...rest } = doc;
  await getDb().collection(COLLECTIONS.reportSettings).doc(_id).set(rest);
}

/** Open reports of a category at a place (a building, whatever the unit, or a spot) of a 居民区, newest first. */
export async function openAt(communityId: string, categoryKey: string, place: { building: string; spot: string }, limit: number): Promise<ReportDoc[]> {
  const res = await reports()
    .where({
      communityId,
      categoryKey,
      state: command().in([...OPEN_REPORT_STATES]),
      'place.building': place.building,
      'place.spot': place.spot,
    })
    .orderBy('filedAt', 'desc')
    .limit(limit)
    .get();
  return res.data as ReportDoc[];
}

/** Reports a resident filed or follows, newest first. */
export async function minePage(communityId: string, memberId: string, page: number): Promise<Paged<ReportDoc>> {
  const _ = command();
  const res = await reports()
    .where(_.and([{ communityId }, _.or([{ reporterId: memberId }, { followers: memberId }])]))
    .orderBy('filedAt', 'desc')
    .orderBy('_id', 'desc')
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .get();
  return toPage(res.data as ReportDoc[]);
}

/** 待处理: open reports a member handles now (and, for the committee, those the committee holds), next due first. */
export async function queuePage(communityId: string, memberId: string, committee: boolean, page: number): Promise<Paged<ReportDoc>> {
  const _ = command();
  const mine = committee ? _.or([{ handlerIds: memberId }, { 'assignee.kind': 'committee' }]) : { handlerIds: memberId };
  const res = await reports()
    .where(_.and([{ communityId, state: _.in([...OPEN_REPORT_STATES]) }, mine]))
    .orderBy('nextDueAt', 'asc')
    .orderBy('_id', 'asc')
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .get();
  return toPage(res.data as ReportDoc[]);
}

export interface ListFilters {
  state?: string;
  categoryKey?: string;
  gridId?: string;
  overdue?: boolean;
}

/** The committee's list of the 居民区's reports, newest first. */
export async function listPage(communityId: string, filters: ListFilters, page: number): Promise<Paged<ReportDoc>> {
  const _ = command();
  const where: Record<string, unknown> = { communityId };
  if (filters.state === 'open') where.state = _.in([...OPEN_REPORT_STATES]);
  else if (filters.state) where.state = filters.state;
  if (filters.categoryKey) where.categoryKey = filters.categoryKey;
  if (filters.gridId) where.gridId = filters.gridId;
  const overdue = [{ responseOverdue: true }, { resolutionOverdue: true }];
  const query = filters.overdue === undefined ? where : _.and([where, filters.overdue ? _.or(overdue) : { responseOverdue: false, resolutionOverdue: false }]);
  const res = await reports()
    .where(query)
    .orderBy('filedAt', 'desc')
    .orderBy('_id', 'desc')
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .get();
  return toPage(res.data as ReportDoc[]);
}

/** Timer: unanswered reports of every 居民区 past their response due time, not yet marked. */
export async function responseDue(now: Date, limit: number): Promise<ReportDoc[]> {
  const res = await reports().where({ state: 'submitted', responseOverdue: false, responseDueAt: command().lte(now) }).orderBy('responseDueAt', 'asc').limit(limit).get();
  return res.data as ReportDoc[];
}

/** Timer: running reports past their resolution due time, not yet marked. */
export async function resolutionDue(now: Date, limit: number): Promise<ReportDoc[]> {
  const _ = command();
  const res = await reports()
    .where({ state: _.in(['submitted', 'accepted']), resolutionOverdue: false, resolutionDueAt: _.lte(now) })
    .orderBy('resolutionDueAt', 'asc')
    .limit(limit)
    .get();
  return res.data as ReportDoc[];
}

/** Timer: resolved reports nobody confirmed since `before`. */
export async function resolvedBefore(before: Date, limit: number): Promise<ReportDoc[]> {
  const res = await reports().where({ state: 'resolved', resolvedAt: command().lte(before) }).orderBy('resolvedAt', 'asc').limit(limit).get();
  return res.data as ReportDoc[];
}

/** Timer: closed reports whose handler points are owed and not yet posted. */
export async function pointsOwed(limit: number): Promise<ReportDoc[]> {
  const res = await reports().where({ pointsPosted: false }).limit(limit).get();
  return res.data as ReportDoc[];
}

/** Timer: reports whose messages a call left untold (changed before `before`, so a live call has had its chance). */
export async function untoldBefore(before: Date, limit: number): Promise<ReportDoc[]> {
  const res = await reports().where({ untold: true, updatedAt: command().lte(before) }).orderBy('updatedAt', 'asc').limit(limit).get();
  return res.data as ReportDoc[];
}

/** The routing data of a 居民区: its grids (a handful, 100 is far above any). */
export async function gridsOf(communityId: string): Promise<GridRow[]> {
  const res = await getDb().collection(COLLECTIONS.grids).where({ communityId }).orderBy('order', 'asc').orderBy('_id', 'asc').limit(100).get();
  return res.data as GridRow[];
}

export interface GridRow {
  _id: string;
  communityId: string;
  name: string;
  buildings: string[];
  leaderMemberId: string | null;
}

/** 双楼长 of a building (`_id` = communityId:building). */
export async function findPair(id: string): Promise<{ _id: string; communityId: string; groupLeaderMemberId: string | null; partnerMemberId: string | null } | null> {
  return first(await getDb().collection(COLLECTIONS.buildingPairs).doc(id).get());
}

/** The 总格长 of a 居民区. */
export async function findChief(communityId: string): Promise<{ _id: string; memberId: string } | null> {
  return first(await getDb().collection(COLLECTIONS.gridChiefs).doc(communityId).get());
}

export async function findCouncils(communityId: string): Promise<CouncilDoc[]> {
  const res = await getDb().collection(COLLECTIONS.councils).where({ communityId }).orderBy('order', 'asc').limit(100).get();
  return res.data as CouncilDoc[];
}

export type PersonRow = Pick<MemberDoc, '_id' | 'name' | 'building' | 'room' | 'phone' | 'communityId' | 'deletedAt'>;

/** Names, homes and phones of the people named. */
export async function findPeople(ids: readonly string[]): Promise<Map<string, PersonRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const res = await getDb()
    .collection(COLLECTIONS.members)
    .where({ _id: command().in(unique) })
    .field({ _id: true, name: true, building: true, room: true, phone: true, communityId: true, deletedAt: true })
    .limit(1000)
    .get();
  return new Map((res.data as PersonRow[]).map((p) => [p._id, p]));
}

/** The committee of a 居民区 (those a resolution overdue is told to). */
export async function committeeOf(communityId: string): Promise<string[]> {
  const res = await getDb()
    .collection(COLLECTIONS.members)
    .where({ communityId, roles: 'committee', deletedAt: command().exists(false) })
    .field({ _id: true })
    .limit(100)
    .get();
  return (res.data as { _id: string }[]).map((d) => d._id);
}
