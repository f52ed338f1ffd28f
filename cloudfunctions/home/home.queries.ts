import type { GridColour } from '../../src/shared/domain/grid';
import type { Closure, WeeklyHours } from '../../src/shared/domain/cabin';
import { OPEN_REPORT_STATES } from '../../src/shared/domain/report';
import { COLLECTIONS } from '../_core/collections';
import { command, getDb } from '../_core/db';

/**
 * Each function here is one database round trip, and each answers counts or a handful of rows: 首页 never reads
 * a list of other people. Aggregations end in limit(): CloudBase answers 20 groups otherwise.
 */

const live = () => ({ deletedAt: command().exists(false) });

/** The first of a list of `{ n }` answers (a `count` stage answers nothing when nothing matched). */
const firstCount = (rows: unknown[]): number => (rows[0] as { n?: number } | undefined)?.n ?? 0;

async function countWhere(collection: string, where: Record<string, unknown>): Promise<number> {
  const res = await getDb().collection(collection).where(where).count();
  return res.total ?? 0;
}

export interface NextEventRow {
  _id: string;
  status: 'confirmed' | 'waiting';
  e: {
    _id: string;
    title: string;
    place: string;
    startAt: Date;
    endAt: Date;
    checkinOpensMinutesBefore: number;
    checkinGraceMinutesAfter: number;
  };
}

/**
 * The caller's sign-ups (confirmed or waiting) to published events whose check-in has not closed yet, soonest
 * first, at most `limit`. One aggregate: the sign-ups by the member index, each joined to its event.
 */
export async function upcomingSignups(memberId: string, now: Date, limit: number): Promise<NextEventRow[]> {
  const _ = command();
  const res = await getDb()
    .collection(COLLECTIONS.eventSignups)
    .aggregate()
    .match({ memberId, status: _.in(['confirmed', 'waiting']) })
    .lookup({ from: COLLECTIONS.events, localField: 'eventId', foreignField: '_id', as: 'e' })
    .unwind('$e')
    .match({ 'e.status': 'published', 'e.endAt': _.gt(now) })
    .sort({ 'e.startAt': 1, _id: 1 })
    .limit(limit)
    .project({
      status: 1,
      'e._id': 1,
      'e.title': 1,
      'e.place': 1,
      'e.startAt': 1,
      'e.endAt': 1,
      'e.checkinOpensMinutesBefore': 1,
      'e.checkinGraceMinutesAfter': 1,
    })
    .end();
  return res.data as NextEventRow[];
}

/** The caller's colour (微格分色), which decides some notices' audience. By `_id`. */
export async function colourOf(memberId: string): Promise<GridColour | null> {
  const res = await getDb().collection(COLLECTIONS.memberColours).where({ _id: memberId }).field({ colour: true }).limit(1).get();
  return ((res.data[0] as { colour?: GridColour } | undefined)?.colour ?? null) as GridColour | null;
}

/** Published notices for these audience keys the member has no receipt of (never opened). One aggregate. */
export async function unreadNotices(communityId: string, memberId: string, keys: readonly string[]): Promise<number> {
  const _ = command();
  const $ = _.aggregate;
  const res = await getDb()
    .collection(COLLECTIONS.notices)
    .aggregate()
    .match({ communityId, status: 'published', audienceKeys: _.in([...keys]) })
    .addFields({ rid: $.concat(['$_id', `:${memberId}`]) })
    .lookup({ from: COLLECTIONS.noticeReceipts, localField: 'rid', foreignField: '_id', as: 'r' })
    .match({ r: _.size(0) })
    .count('n')
    .end();
  return firstCount(res.data);
}

export interface OpenLoanRow {
  _id: string;
  dueAt: Date;
}

/** The caller's open loans (a handful by the loan rules' limits), due date only. */
export async function openLoans(memberId: string): Promise<OpenLoanRow[]> {
  const res = await getDb()
    .collection(COLLECTIONS.cabinLoans)
    .where({ memberId, status: 'open' })
    .field({ dueAt: true })
    .orderBy('dueAt', 'asc')
    .limit(100)
    .get();
  return res.data as OpenLoanRow[];
}

export interface CabinRow {
  _id: string;
  name: string;
  hours: WeeklyHours;
  closures: Closure[];
}

/** The cabins of a 居民区 (a handful), by name, with their hours. */
export async function cabinsOf(communityId: string): Promise<CabinRow[]> {
  const res = await getDb()
    .collection(COLLECTIONS.cabins)
    .where({ communityId })
    .field({ name: true, hours: true, closures: true })
    .orderBy('name', 'asc')
    .limit(20)
    .get();
  return res.data as CabinRow[];
}

/** The member's points balance, by `_id` (absent before their first entry). */
export async function pointsOf(memberId: string): Promise<number> {
  const res = await getDb().collection(COLLECTIONS.ledgerBalances).where({ _id: memberId }).field({ points: true }).limit(1).get();
  return (res.data[0] as { points?: number } | undefined)?.points ?? 0;
}

/** Residents of the grids, and how many of them are coloured 红 or 黄 (to visit). One aggregate. */
export async function gridPeople(communityId: string, gridIds: readonly string[]): Promise<{ residents: number; toVisit: number }> {
  const _ = command();
  const $ = _.aggregate;
  const res = await getDb()
    .collection(COLLECTIONS.members)
    .aggregate()
    .match({ communityId, gridId: _.in([...gridIds]), ...live() })
    .lookup({ from: COLLECTIONS.memberColours, localField: '_id', foreignField: '_id', as: 'c' })
    .group({
      _id: null,
      residents: $.sum(1),
      toVisit: $.sum($.cond({ if: $.in([$.arrayElemAt(['$c.colour', 0]), ['red', 'yellow']]), then: 1, else: 0 })),
    })
    .limit(1)
    .end();
  const row = res.data[0] as { residents?: number; toVisit?: number } | undefined;
  return { residents: row?.residents ?? 0, toVisit: row?.toVisit ?? 0 };
}

export interface NoticeStatusRow {
  _id: 'draft' | 'scheduled' | 'published';
  notices: number;
  targeted: number;
  read: number;
}

/**
 * Notices of a 居民区 (or of one writer) per status, with the published ones' targeted residents summed and their
 * targeted readers counted from the receipts (notices keep no read counter). One aggregate.
 */
export async function noticesByStatus(communityId: string, writerId: string | null): Promise<NoticeStatusRow[]> {
  const _ = command();
  const $ = _.aggregate;
  const res = await getDb()
    .collection(COLLECTIONS.notices)
    .aggregate()
    .match({ communityId, ...(writerId ? { writerId } : {}) })
    .lookup({
      from: COLLECTIONS.noticeReceipts,
      let: { id: '$_id' },
      pipeline: $.pipeline().match(_.expr($.and([$.eq(['$noticeId', '$$id']), $.eq(['$targeted', true])]))).count('n').done(),
      as: 'r',
    })
    .group({ _id: '$status', notices: $.sum(1), targeted: $.sum('$counts.targeted'), read: $.sum($.ifNull([$.arrayElemAt(['$r.n', 0]), 0])) })
    .limit(10)
    .end();
  return res.data as NoticeStatusRow[];
}

/** Applications waiting for the committee (deleted accounts not counted). */
export const pendingApplications = (communityId: string) =>
  countWhere(COLLECTIONS.members, { communityId, 'application.status': 'pending', ...live() });

/** Donation offers of the 居民区's cabins not yet answered. */
export const donationsToReview = (communityId: string) => countWhere(COLLECTIONS.cabinDonations, { communityId, status: 'offered' });

/** Open loans of the 居民区's cabins past their due date. */
export const overdueLoans = (communityId: string, now: Date) =>
  countWhere(COLLECTIONS.cabinLoans, { communityId, status: 'open', dueAt: command().lt(now) });

/** 一键上报 open now with either clock marked overdue (the timer sets the marks once, with their timeline step). */
const overdueMark = () => command().or([{ responseOverdue: true }, { resolutionOverdue: true }]);

/** Open reports the member is a handler of now (待处理), and how many of them are overdue. One aggregate. */
export async function handlerReports(communityId: string, memberId: string): Promise<{ open: number; overdue: number }> {
  const _ = command();
  const $ = _.aggregate;
  const res = await getDb()
    .collection(COLLECTIONS.reports)
    .aggregate()
    .match({ communityId, handlerIds: memberId, state: _.in([...OPEN_REPORT_STATES]) })
    .group({
      _id: null,
      open: $.sum(1),
      overdue: $.sum($.cond({ if: $.or([$.eq(['$responseOverdue', true]), $.eq(['$resolutionOverdue', true])]), then: 1, else: 0 })),
    })
    .limit(1)
    .end();
  const row = res.data[0] as { open?: number; overdue?: number } | undefined;
  return { open: row?.open ?? 0, overdue: row?.overdue ?? 0 };
}

/** Open reports of the 居民区 past a clock. */
export async function overdueReports(communityId: string): Promise<number> {
  const _ = command();
  const res = await getDb()
    .collection(COLLECTIONS.reports)
    .where(_.and([{ communityId, state: _.in([...OPEN_REPORT_STATES]) }, overdueMark()]))
    .count();
  return res.total ?? 0;
}

/** The 居民区 of a 街道 (ids only). */
export async function communitiesOf(streetId: string): Promise<string[]> {
  const res = await getDb().collection(COLLECTIONS.communities).where({ streetId }).field({ _id: true }).orderBy('order', 'asc').limit(1000).get();
  return (res.data as { _id: string }[]).map((c) => c._id);
}

/** People, approved members and pending applications over the 居民区 of a 街道. One aggregate. */
export async function streetPeople(communityIds: readonly string[]): Promise<{ residents: number; members: number; pending: number }> {
  const db = getDb();
  const $ = db.command.aggregate;
  const when = (status: string) => $.sum($.cond({ if: $.eq(['$application.status', status]), then: 1, else: 0 }));
  const res = await db
    .collection(COLLECTIONS.members)
    .aggregate()
    .match({ communityId: command().in([...communityIds]), ...live() })
    .group({ _id: null, residents: $.sum(1), members: when('approved'), pending: when('pending') })
    .limit(1)
    .end();
  const row = res.data[0] as { residents?: number; members?: number; pending?: number } | undefined;
  return { residents: row?.residents ?? 0, members: row?.members ?? 0, pending: row?.pending ?? 0 };
}
