import type { GridColour } from '../../src/shared/domain/grid';
import type { NoticeMode, NoticeTarget, ReceiptFilter } from '../../src/shared/domain/notices';
import { COLLECTIONS } from '../_core/collections';
import type { CouncilDoc } from '../_core/council-chairs';
import { command, getDb, insertOnce } from '../_core/db';
import { PAGE_FETCH, pageStart, toPage } from '../_core/paging';
import { timerMayTry } from './timer-failures';
import { communityOfNoticeId, ELSEWHERE, EMPTY_TALLY, type NoticeDoc, type Reads, type ReceiptDoc, type Tally } from './notices.model';

/** Each function here is one database round trip. */

const notices = () => getDb().collection(COLLECTIONS.notices);
const receipts = () => getDb().collection(COLLECTIONS.noticeReceipts);
const members = () => getDb().collection(COLLECTIONS.members);

type Paged<T> = { rows: T[]; hasMore: boolean };

export async function byId<T>(collection: string, id: string): Promise<T | null> {
  const res = await getDb().collection(collection).doc(id).get();
  return (res.data?.[0] as T | undefined) ?? null;
}

export async function byIds<T extends { _id: string }>(collection: string, ids: readonly string[]): Promise<T[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const res = await getDb()
    .collection(collection)
    .where({ _id: command().in(unique) })
    .limit(1000)
    .get();
  return res.data as T[];
}

export const findNotice = (id: string) => byId<NoticeDoc>(COLLECTIONS.notices, id);
export const findReceipt = (id: string) => byId<ReceiptDoc>(COLLECTIONS.noticeReceipts, id);
export const insertNotice = (doc: NoticeDoc) => insertOnce(COLLECTIONS.notices, doc);
export const insertReceipt = (doc: ReceiptDoc) => insertOnce(COLLECTIONS.noticeReceipts, doc);

/** A conditional update of one document: the write happens only while `guard` holds. */
export async function updateIf(collection: string, id: string, guard: Record<string, unknown>, patch: Record<string, unknown>): Promise<boolean> {
  const res = await getDb()
    .collection(collection)
    .where({ _id: id, ...guard })
    .update(patch);
  return res.updated === 1;
}

export async function removeIf(collection: string, id: string, guard: Record<string, unknown>): Promise<boolean> {
  const res = await getDb()
    .collection(collection)
    .where({ _id: id, ...guard })
    .remove();
  return res.deleted === 1;
}

/**
 * What targeted residents did with each notice, counted from the receipts. One aggregate over the receipts of the
 * given notices (index `notice_state`).
 */
export async function tallies(noticeIds: string[]): Promise<Map<string, Tally>> {
  if (noticeIds.length === 0) return new Map();
  const _ = command();
  const $ = _.aggregate;
  const is = (state: string) => $.sum($.cond({ if: $.eq(['$state', state]), then: 1, else: 0 }));
  const res = await receipts()
    .aggregate()
    .match({ noticeId: _.in(noticeIds), targeted: true })
    .group({ _id: '$noticeId', read: $.sum(1), confirmed: is('confirmed'), replied: is('replied') })
    .limit(1000)
    .end();
  return new Map((res.data as (Tally & { _id: string })[]).map(({ _id, ...t }) => [_id, t]));
}

/** One notice's tally, reads per group and answers per option: three aggregates at once. */
export async function readsOf(noticeId: string): Promise<{ tally: Tally } & Reads> {
  const _ = command();
  const $ = _.aggregate;
  const [tally, groups, replies] = await Promise.all([
    tallies([noticeId]),
    receipts()
      .aggregate()
      .match({ noticeId })
      .project({ g: $.cond({ if: $.ifNull(['$elsewhere', $.eq([$.size('$groupIds'), 0])]), then: $.concatArrays([[ELSEWHERE], '$groupIds']), else: '$groupIds' }) })
      .unwind('$g')
      .group({ _id: '$g', n: $.sum(1) })
      .limit(1000)
      .end(),
    receipts().aggregate().match({ noticeId, targeted: true, state: 'replied' }).group({ _id: '$reply', n: $.sum(1) }).limit(100).end(),
  ]);
  const byId = (rows: unknown[]) => Object.fromEntries((rows as { _id: string; n: number }[]).map((r) => [r._id, r.n]));
  return { tally: tally.get(noticeId) ?? { ...EMPTY_TALLY }, groupReads: byId(groups.data), replies: byId(replies.data) };
}

/** Keeps the name a bound group had when first read in (a name only: set once, repeated harmlessly). */
export async function keepGroupName(noticeId: string, groupId: string, name: string): Promise<void> {
  await notices().doc(noticeId).update({ [`groupNames.${groupId}`]: name });
}

export async function colourOf(memberId: string): Promise<GridColour | null> {
  return (await byId<{ colour: GridColour }>(COLLECTIONS.memberColours, memberId))?.colour ?? null;
}

export interface GridName {
  _id: string;
  name: string;
}

/** The grids of a 居民区 (ids and names), in their order. */
export async function gridsOf(communityId: string): Promise<GridName[]> {
  const res = await getDb().collection(COLLECTIONS.grids).where({ communityId }).field({ name: true, order: true }).orderBy('order', 'asc').limit(100).get();
  return res.data as GridName[];
}

/** The councils of a 居民区 with what chairing needs (their rotation). */
export async function councilsOf(communityId: string): Promise<CouncilDoc[]> {
  const res = await getDb().collection(COLLECTIONS.councils).where({ communityId }).orderBy('order', 'asc').limit(100).get();
  return res.data as CouncilDoc[];
}

/** A questionnaire's 居民区 and title, for a notice that links to it. */
export const findSurvey = (id: string) => byId<{ _id: string; communityId: string; title: string }>(COLLECTIONS.surveys, id);

/** The residents a target names, as an aggregate over `members` (colour groups joined from member_colours). */
function targetedMembers(communityId: string, target: NoticeTarget) {
  const _ = command();
  const match: Record<string, unknown> = { communityId, deletedAt: _.exists(false) };
  if (target.kind === 'grids' || (target.kind === 'colour' && target.gridIds.length > 0)) match.gridId = _.in(target.gridIds);
  if (target.kind === 'council') match.councilIds = target.councilId;
  let q = members().aggregate().match(match);
  if (target.kind === 'colour') {
    q = q.lookup({ from: COLLECTIONS.memberColours, localField: '_id', foreignField: '_id', as: 'c' }).match({ 'c.colour': target.colour });
  }
  return q;
}

export async function countTargeted(communityId: string, target: NoticeTarget): Promise<number> {
  const res = await targetedMembers(communityId, target).count('n').end();
  return (res.data[0] as { n: number } | undefined)?.n ?? 0;
}

/** A targeted resident with their receipt of the notice (none when unread). */
export interface RosterDoc {
  _id: string;
  name: string;
  building: string;
  room: string;
  phone: string;
  openid: string | null;
  gridId: string | null;
  r: ReceiptDoc[];
}

/** What a receipt filter keeps, matched on the joined receipt `r`. */
function receiptMatch(filter: ReceiptFilter, mode: NoticeMode): Record<string, unknown> | null {
  const _ = command();
  switch (filter) {
    case 'all':
      return null;
    case 'unread':
      return { r: _.size(0) };
    case 'pending':
      return { 'r.state': _.nin(mode === 'confirm' ? ['confirmed'] : mode === 'reply' ? ['replied'] : ['read', 'confirmed', 'replied']) };
    default:
      return { 'r.state': filter };
  }
}

/**
 * Targeted residents of a notice with their receipts joined, by building and room: one aggregate. The join comes
 * before paging only when a filter needs it. `page` 0 reads them all (the reminder, bounded by a 居民区's size).
 */
export async function rosterOf(
  notice: Pick<NoticeDoc, '_id' | 'communityId' | 'target' | 'mode'>,
  filter: ReceiptFilter,
  groupId: string | undefined,
  page: number,
): Promise<Paged<RosterDoc>> {
  const $ = command().aggregate;
  const join = (q: ReturnType<typeof targetedMembers>) =>
    q
      .addFields({ rid: $.concat([`${notice._id}:`, '$_id']) })
      .lookup({ from: COLLECTIONS.noticeReceipts, localField: 'rid', foreignField: '_id', as: 'r' });
  const where = receiptMatch(filter, notice.mode);
  const byGroup = groupId ? { 'r.groupIds': groupId } : null;
  let q = targetedMembers(notice.communityId, notice.target).sort({ building: 1, room: 1, _id: 1 });
  const joinFirst = !!where || !!byGroup;
  if (joinFirst) q = join(q).match({ ...where, ...byGroup });
  if (page > 0) q = q.skip(pageStart(page)).limit(PAGE_FETCH);
  else q = q.limit(5000);
  if (!joinFirst) q = join(q);
  const res = await q.project({ name: 1, building: 1, room: 1, phone: 1, openid: 1, gridId: 1, r: 1 }).end();
  return page > 0 ? toPage(res.data as RosterDoc[]) : { rows: res.data as RosterDoc[], hasMore: false };
}

/**
 * A resident's published notices (their audience keys meet the notice's), with their own receipt joined: unread
 * first, then newest. One aggregate.
 */
export async function residentPage(communityId: string, memberId: string, keys: string[], page: number): Promise<Paged<NoticeDoc & { r: ReceiptDoc[] }>> {
  const _ = command();
  const $ = _.aggregate;
  const res = await notices()
    .aggregate()
    .match({ communityId, status: 'published', audienceKeys: _.in(keys) })
    .addFields({ rid: $.concat(['$_id', `:${memberId}`]) })
    .lookup({ from: COLLECTIONS.noticeReceipts, localField: 'rid', foreignField: '_id', as: 'r' })
    .addFields({ seen: $.size('$r') })
    .sort({ seen: 1, publishedAt: -1, _id: 1 })
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .end();
  return toPage(res.data as (NoticeDoc & { r: ReceiptDoc[] })[]);
}

/** Notices a writer wrote (`writerId` null: all of the 居民区), newest first. */
export async function managedPage(communityId: string, writerId: string | null, page: number): Promise<Paged<NoticeDoc>> {
  const res = await notices()
    .where({ communityId, ...(writerId ? { writerId } : {}) })
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'asc')
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .get();
  return toPage(res.data as NoticeDoc[]);
}

/** Scheduled notices whose time has come (and not waiting after a failure), a bounded batch. */
export async function dueScheduled(now: Date, limit: number): Promise<NoticeDoc[]> {
  const _ = command();
  const res = await notices()
    .where(_.and([{ status: 'scheduled', publishAt: _.lte(now) }, timerMayTry(now)]))
    .orderBy('publishAt', 'asc')
    .limit(limit)
    .get();
  return res.data as NoticeDoc[];
}

/** Moves a receipt forward once: `guard` names the state it must still be in. */
export async function advanceReceipt(id: string, guard: Record<string, unknown>, patch: Partial<ReceiptDoc>): Promise<boolean> {
  const res = await receipts()
    .where({ _id: id, ...guard })
    .update(patch);
  return res.updated === 1;
}

/** Adds a group to a receipt's groups unless it is there: true when this call added it. */
export async function addReceiptGroup(id: string, groupId: string): Promise<boolean> {
  const _ = command();
  const res = await receipts()
    .where({ _id: id, groupIds: _.neq(groupId) })
    .update({ groupIds: _.push(groupId) });
  return res.updated === 1;
}

/**
 * An update patch that replaces object fields whole: the SDK merges a plain object into the stored one, which
 * would leave a former target's `gridIds` behind.
 */
export function wholeValues(patch: Record<string, unknown>): Record<string, unknown> {
  const _ = command();
  return Object.fromEntries(
    Object.entries(patch).map(([k, v]) => [k, v && typeof v === 'object' && !(v instanceof Date) && !Array.isArray(v) ? _.set(v) : v]),
  );
}

/**
 * The receipts view of a notice in ONE aggregate: the notice, and a page of its targeted residents (each with their
 * receipt, filtered by state and group) joined from `members` by matching each resident's audience keys against the
 * notice's. Works for every target but colour groups, whose keys need each resident's colour (use rosterOf).
 */
export async function noticeWithRoster(
  noticeId: string,
  filter: ReceiptFilter,
  groupId: string | undefined,
  page: number,
): Promise<(NoticeDoc & { roster: RosterDoc[] }) | null> {
  const _ = command();
  const $ = _.aggregate;
  const state = $.ifNull([$.arrayElemAt(['$r.state', 0]), 'unread']);
  const done = $.cond({
    if: $.eq(['$$mode', 'confirm']),
    then: ['confirmed'],
    else: $.cond({ if: $.eq(['$$mode', 'reply']), then: ['replied'], else: ['read', 'confirmed', 'replied'] }),
  });
  const keep =
    filter === 'all' ? null : filter === 'pending' ? $.not([$.in([state, done])]) : $.eq([state, filter]);
  const byGroup = groupId ? $.in([groupId, $.ifNull([$.arrayElemAt(['$r.groupIds', 0]), []])]) : null;
  const conditions = [keep, byGroup].filter((c) => c !== null);
  // The 居民区 comes from the id as a literal, so the members index serves this match; the notice must be in it.
  const communityId = communityOfNoticeId(noticeId);
  let roster = $.pipeline()
    .match({ communityId, deletedAt: _.exists(false) })
    .addFields({
      keys: $.concatArrays([
        ['community'],
        $.map({ input: $.ifNull(['$councilIds', []]), as: 'c', in: $.concat(['council:', '$$c']) }),
        $.cond({ if: $.eq([$.ifNull(['$gridId', null]), null]), then: [], else: [$.concat(['grid:', '$gridId'])] }),
      ]),
    })
    .match(_.expr($.gt([$.size($.setIntersection(['$keys', '$$keys'])), 0])))
    .sort({ building: 1, room: 1, _id: 1 })
    .addFields({ rid: $.concat(['$$nid', ':', '$_id']) })
    .lookup({ from: COLLECTIONS.noticeReceipts, localField: 'rid', foreignField: '_id', as: 'r' });
  if (conditions.length) roster = roster.match(_.expr(conditions.length === 1 ? conditions[0]! : $.and(conditions)));
  const res = await notices()
    .aggregate()
    .match({ _id: noticeId, communityId })
    .lookup({
      from: COLLECTIONS.members,
      let: { keys: '$audienceKeys', nid: '$_id', mode: '$mode' },
      pipeline: roster
        .skip(pageStart(page))
        .limit(PAGE_FETCH)
        .project({ name: 1, building: 1, room: 1, phone: 1, openid: 1, gridId: 1, r: 1 })
        .done(),
      as: 'roster',
    })
    .end();
  return (res.data[0] as (NoticeDoc & { roster: RosterDoc[] }) | undefined) ?? null;
}
