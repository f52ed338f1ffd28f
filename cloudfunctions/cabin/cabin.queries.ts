import type { DonationStatus, ItemKind } from '../../src/shared/domain/cabin';
import { COLLECTIONS } from '../_core/collections';
import { command, getDb, insertOnce } from '../_core/db';
import type { MemberDoc } from '../_core/member-record';
import { PAGE_FETCH, pageStart, toPage } from '../_core/paging';
import { contains, startsWith } from '../_core/text-match';
import {
  isLowStock,
  type CabinDoc,
  type DonationDoc,
  type HoldDoc,
  type ItemDoc,
  type LoanDoc,
  type LogDoc,
  type RulesDoc,
  type SaleDoc,
  type ShiftDoc,
} from './cabin.model';

/** Each function here is one database round trip. */

const col = (name: string) => getDb().collection(name);
type Paged<T> = { rows: T[]; hasMore: boolean };

async function byId<T>(name: string, id: string): Promise<T | null> {
  const res = await col(name).doc(id).get();
  return (res.data?.[0] as T | undefined) ?? null;
}

interface Pageable {
  skip(n: number): { limit(n: number): { get(): Promise<{ data: unknown }> } };
}

/** One page of an ordered query, with one row more to know whether more follow. */
async function paged<T>(query: Pageable, page: number): Promise<Paged<T>> {
  const res = await query.skip(pageStart(page)).limit(PAGE_FETCH).get();
  return toPage(res.data as T[]);
}

/** A conditional update of one document: the write happens only while `guard` holds. Answers whether it did. */
async function updateIf(name: string, id: string, guard: Record<string, unknown>, patch: Record<string, unknown>): Promise<boolean> {
  const res = await col(name)
    .where({ _id: id, ...guard })
    .update(patch);
  return res.updated === 1;
}

/** A conditional update answering the document as it is after the write, or null when the guard did not hold. */
async function updateAndReturn<T>(name: string, id: string, guard: Record<string, unknown>, patch: Record<string, unknown>): Promise<T | null> {
  const res = await col(name)
    .where({ _id: id, ...guard })
    .updateAndReturn(patch);
  return res.updated === 1 ? ((res.doc as T | undefined) ?? null) : null;
}

// ---- cabins and rules ------------------------------------------------------------------------------------------

export const findCabin = (id: string) => byId<CabinDoc>(COLLECTIONS.cabins, id);
export const insertCabin = (doc: CabinDoc) => insertOnce(COLLECTIONS.cabins, doc);
export const updateCabinIf = (id: string, guard: Record<string, unknown>, patch: Record<string, unknown>) =>
  updateIf(COLLECTIONS.cabins, id, guard, patch);

/** The cabins of a 居民区 (a handful), by name. */
export async function cabinsOf(communityId: string): Promise<CabinDoc[]> {
  const res = await col(COLLECTIONS.cabins).where({ communityId }).orderBy('name', 'asc').limit(20).get();
  return res.data as CabinDoc[];
}

export const findRules = (communityId: string) => byId<RulesDoc>(COLLECTIONS.cabinRules, communityId);

export async function saveRules(doc: RulesDoc): Promise<void> {
  const { _id, ...fields } = doc;
  await col(COLLECTIONS.cabinRules).doc(_id).set(fields);
}

// ---- items -------------------------------------------------------------------------------------------------------

export const findItem = (id: string) => byId<ItemDoc>(COLLECTIONS.cabinItems, id);
export const insertItem = (doc: ItemDoc) => insertOnce(COLLECTIONS.cabinItems, doc);
export const updateItemIf = (id: string, guard: Record<string, unknown>, patch: Record<string, unknown>) =>
  updateIf(COLLECTIONS.cabinItems, id, guard, patch);
export const updateItemAndReturn = (id: string, guard: Record<string, unknown>, patch: Record<string, unknown>) =>
  updateAndReturn<ItemDoc>(COLLECTIONS.cabinItems, id, guard, patch);

export async function findItems(ids: readonly string[]): Promise<ItemDoc[]> {
  if (ids.length === 0) return [];
  const res = await col(COLLECTIONS.cabinItems).where({ _id: command().in([...ids]) }).limit(ids.length).get();
  return res.data as ItemDoc[];
}

export interface ItemFilter {
  cabinId: string;
  sectionKey?: string;
  kind?: ItemKind;
  availableNow: boolean;
  query: string;
  includeRetired: boolean;
  now: Date;
}

/** A cabin's items by section and name, filtered; 20 a page. */
export async function itemsPage(filter: ItemFilter, page: number): Promise<Paged<ItemDoc>> {
  const _ = command();
  const base: Record<string, unknown> = { cabinId: filter.cabinId };
  if (filter.sectionKey) base.sectionKey = filter.sectionKey;
  if (filter.kind) base.kind = filter.kind;
  if (filter.query) base.name = contains(filter.query);
  if (!filter.includeRetired) base.status = _.neq('retired');
  // Available now: on the shelf (a consumable with stock), or held by a hold that ran out with nobody waiting.
  const where = filter.availableNow
    ? _.and([
        base,
        _.or([
          { status: 'available', kind: _.neq('consumable') },
          { status: 'available', kind: 'consumable', stock: _.gt(0) },
          { status: 'on-hold', holdUntil: _.lte(filter.now), waiting: 0 },
        ]),
      ])
    : base;
  return paged<ItemDoc>(
    col(COLLECTIONS.cabinItems)
      .where(where)
      .orderBy('sectionKey', 'asc')
      .orderBy('name', 'asc')
      .orderBy('_id', 'asc'),
    page,
  );
}

/** A cabin holds a few dozen consumables: at most this many are read to find the low ones. */
const CONSUMABLES_READ = 500;

/**
 * Consumables at or below their own threshold, by section and name, 20 a page. The threshold differs per item, so
 * the cabin's consumables are read (bounded) and compared here.
 */
export async function lowStockPage(cabinId: string, page: number): Promise<Paged<ItemDoc>> {
  const res = await col(COLLECTIONS.cabinItems)
    .where({ cabinId, kind: 'consumable', status: 'available' })
    .orderBy('sectionKey', 'asc')
    .orderBy('name', 'asc')
    .orderBy('_id', 'asc')
    .limit(CONSUMABLES_READ)
    .get();
  const low = (res.data as ItemDoc[]).filter(isLowStock);
  return toPage(low.slice(pageStart(page), pageStart(page) + PAGE_FETCH));
}

/** How many items on the shelves (not retired) sit in these sections of a cabin. */
export async function countInSections(cabinId: string, sectionKeys: readonly string[]): Promise<number> {
  if (sectionKeys.length === 0) return 0;
  const _ = command();
  const res = await col(COLLECTIONS.cabinItems)
    .where({ cabinId, sectionKey: _.in([...sectionKeys]), status: _.neq('retired') })
    .count();
  return res.total as number;
}

/** Items whose hold ran out, for the timer. */
export async function expiredHolds(now: Date, limit: number): Promise<ItemDoc[]> {
  const res = await col(COLLECTIONS.cabinItems)
    .where({ status: 'on-hold', holdUntil: command().lte(now) })
    .orderBy('holdUntil', 'asc')
    .limit(limit)
    .get();
  return res.data as ItemDoc[];
}

// ---- holds -------------------------------------------------------------------------------------------------------

export const findHold = (id: string) => byId<HoldDoc>(COLLECTIONS.cabinHolds, id);
export const insertHold = (doc: HoldDoc) => insertOnce(COLLECTIONS.cabinHolds, doc);
export const updateHoldIf = (id: string, guard: Record<string, unknown>, patch: Record<string, unknown>) =>
  updateIf(COLLECTIONS.cabinHolds, id, guard, patch);

/** The first people waiting for an item, in arrival order. */
export async function firstWaiting(itemId: string, limit: number): Promise<HoldDoc[]> {
  const res = await col(COLLECTIONS.cabinHolds)
    .where({ itemId, status: 'waiting' })
    .orderBy('queuedAt', 'asc')
    .orderBy('_id', 'asc')
    .limit(limit)
    .get();
  return res.data as HoldDoc[];
}

/** Everyone waiting for these items (queue positions). */
export async function waitingFor(itemIds: readonly string[]): Promise<HoldDoc[]> {
  if (itemIds.length === 0) return [];
  const res = await col(COLLECTIONS.cabinHolds)
    .where({ itemId: command().in([...itemIds]), status: 'waiting' })
    .field({ _id: true, itemId: true, queuedAt: true })
    .limit(1000)
    .get();
  return res.data as HoldDoc[];
}

export async function ownHoldsPage(memberId: string, page: number): Promise<Paged<HoldDoc>> {
  return paged<HoldDoc>(
    col(COLLECTIONS.cabinHolds)
      .where({ memberId, status: command().in(['ready', 'waiting']) })
      .orderBy('status', 'asc')
      .orderBy('queuedAt', 'asc')
      .orderBy('_id', 'asc'),
    page,
  );
}

export async function countLiveHolds(memberId: string): Promise<number> {
  const res = await col(COLLECTIONS.cabinHolds)
    .where({ memberId, status: command().in(['ready', 'waiting']) })
    .count();
  return res.total as number;
}

/** A record whose last send did not happen is left alone until its next try (no retry time: due now). */
function dueForTry(now: Date): Record<string, unknown> {
  const _ = command();
  return { sendRetryAt: _.or(_.eq(null), _.lte(now)) };
}

/** Ready holds running out before `until` whose holders were not yet reminded, for the timer. */
export async function holdsExpiringBefore(now: Date, until: Date, limit: number): Promise<HoldDoc[]> {
  const _ = command();
  const res = await col(COLLECTIONS.cabinHolds)
    .where({ status: 'ready', expiryReminded: false, holdUntil: _.and(_.gt(now), _.lte(until)), ...dueForTry(now) })
    .limit(limit)
    .get();
  return res.data as HoldDoc[];
}

/** Ready holds handed on to someone not yet told (a send that failed, or a call that died before it), for the timer. */
export async function untoldHolds(now: Date, limit: number): Promise<HoldDoc[]> {
  const res = await col(COLLECTIONS.cabinHolds)
    .where({ status: 'ready', readyTold: false, holdUntil: command().gt(now), ...dueForTry(now) })
    .limit(limit)
    .get();
  return res.data as HoldDoc[];
}

// ---- loans and borrowers -------------------------------------------------------------------------------------------

export const findLoan = (id: string) => byId<LoanDoc>(COLLECTIONS.cabinLoans, id);
export const insertLoan = (doc: LoanDoc) => insertOnce(COLLECTIONS.cabinLoans, doc);
export const updateLoanIf = (id: string, guard: Record<string, unknown>, patch: Record<string, unknown>) =>
  updateIf(COLLECTIONS.cabinLoans, id, guard, patch);

/** A person's open loans (a handful by the rules' limits). */
export async function openLoansOf(memberId: string): Promise<LoanDoc[]> {
  const res = await col(COLLECTIONS.cabinLoans).where({ memberId, status: 'open' }).orderBy('dueAt', 'asc').limit(100).get();
  return res.data as LoanDoc[];
}

/** Open loans soonest due first (overdue ones lead), or returned ones newest first. */
export async function ownLoansPage(memberId: string, status: 'open' | 'returned', page: number): Promise<Paged<LoanDoc>> {
  const query = col(COLLECTIONS.cabinLoans).where({ memberId, status });
  const sorted = status === 'open' ? query.orderBy('dueAt', 'asc') : query.orderBy('returnedAt', 'desc');
  return paged<LoanDoc>(sorted.orderBy('_id', 'asc'), page);
}

/** A cabin's open loans, soonest due first (so overdue first), or only the overdue ones. */
export async function cabinLoansPage(cabinId: string, overdueOnly: boolean, now: Date, page: number): Promise<Paged<LoanDoc>> {
  const where = overdueOnly ? { cabinId, status: 'open', dueAt: command().lt(now) } : { cabinId, status: 'open' };
  return paged<LoanDoc>(
    col(COLLECTIONS.cabinLoans)
      .where(where)
      .orderBy('dueAt', 'asc')
      .orderBy('_id', 'asc'),
    page,
  );
}

/** Open loans due in [start, end) whose borrowers were not yet reminded, for the timer. */
export async function loansDueBetween(start: Date, end: Date, now: Date, limit: number): Promise<LoanDoc[]> {
  const _ = command();
  const res = await col(COLLECTIONS.cabinLoans)
    .where({ status: 'open', dueReminded: false, dueAt: _.and(_.gte(start), _.lt(end)), ...dueForTry(now) })
    .limit(limit)
    .get();
  return res.data as LoanDoc[];
}

/** Overdue open loans whose borrowers were not yet told, for the timer. */
export async function overdueUnreminded(now: Date, limit: number): Promise<LoanDoc[]> {
  const res = await col(COLLECTIONS.cabinLoans)
    .where({ status: 'open', overdueReminded: false, dueAt: command().lt(now), ...dueForTry(now) })
    .limit(limit)
    .get();
  return res.data as LoanDoc[];
}

// ---- history -----------------------------------------------------------------------------------------------------

export const insertLog = (doc: LogDoc) => insertOnce(COLLECTIONS.cabinLog, doc);
export const findLog = (id: string) => byId<LogDoc>(COLLECTIONS.cabinLog, id);

export async function historyPage(itemId: string, page: number): Promise<Paged<LogDoc>> {
  return paged<LogDoc>(
    col(COLLECTIONS.cabinLog)
      .where({ itemId })
      .orderBy('at', 'desc')
      .orderBy('_id', 'asc'),
    page,
  );
}

// ---- donations and sales -------------------------------------------------------------------------------------------

export const findDonation = (id: string) => byId<DonationDoc>(COLLECTIONS.cabinDonations, id);
export const insertDonation = (doc: DonationDoc) => insertOnce(COLLECTIONS.cabinDonations, doc);
export const updateDonationIf = (id: string, guard: Record<string, unknown>, patch: Record<string, unknown>) =>
  updateIf(COLLECTIONS.cabinDonations, id, guard, patch);

export async function ownDonationsPage(memberId: string, page: number): Promise<Paged<DonationDoc>> {
  return paged<DonationDoc>(
    col(COLLECTIONS.cabinDonations)
      .where({ memberId })
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'asc'),
    page,
  );
}

export async function cabinDonationsPage(cabinId: string, status: DonationStatus, page: number): Promise<Paged<DonationDoc>> {
  return paged<DonationDoc>(
    col(COLLECTIONS.cabinDonations)
      .where({ cabinId, status })
      .orderBy('createdAt', status === 'offered' ? 'asc' : 'desc')
      .orderBy('_id', 'asc'),
    page,
  );
}

export const findSale = (id: string) => byId<SaleDoc>(COLLECTIONS.cabinSales, id);
export const insertSale = (doc: SaleDoc) => insertOnce(COLLECTIONS.cabinSales, doc);

export async function salesPage(cabinId: string, page: number): Promise<Paged<SaleDoc>> {
  return paged<SaleDoc>(
    col(COLLECTIONS.cabinSales)
      .where({ cabinId })
      .orderBy('soldAt', 'desc')
      .orderBy('_id', 'asc'),
    page,
  );
}

// ---- duty roster ---------------------------------------------------------------------------------------------------

export const findShift = (id: string) => byId<ShiftDoc>(COLLECTIONS.cabinShifts, id);
export const insertShift = (doc: ShiftDoc) => insertOnce(COLLECTIONS.cabinShifts, doc);
export const updateShiftIf = (id: string, guard: Record<string, unknown>, patch: Record<string, unknown>) =>
  updateIf(COLLECTIONS.cabinShifts, id, guard, patch);

/** Removes a shift whose hours were not posted. */
/** Only a shift still to come: one that has ended is a duty record, and its hours may be posting right now. */
export async function removeShiftIf(id: string, now: Date): Promise<boolean> {
  const res = await col(COLLECTIONS.cabinShifts).where({ _id: id, postedHalfHours: null, endAt: command().gt(now) }).remove();
  return res.deleted === 1;
}

export async function shiftsPage(cabinId: string, fromDay: string, page: number): Promise<Paged<ShiftDoc>> {
  return paged<ShiftDoc>(
    col(COLLECTIONS.cabinShifts)
      .where({ cabinId, date: command().gte(fromDay) })
      .orderBy('startAt', 'asc')
      .orderBy('_id', 'asc'),
    page,
  );
}

/** Shifts covering `now` in a cabin: who is on duty. */
export async function onDuty(cabinId: string, now: Date): Promise<ShiftDoc[]> {
  const _ = command();
  const res = await col(COLLECTIONS.cabinShifts)
    .where({ cabinId, startAt: _.lte(now), endAt: _.gt(now) })
    .limit(10)
    .get();
  return res.data as ShiftDoc[];
}

// ---- people ------------------------------------------------------------------------------------------------------

export type PersonDoc = Pick<MemberDoc, '_id' | 'name' | 'phone' | 'application' | 'communityId' | 'deletedAt'>;

/** Live residents of a 居民区 with these phones. */
export async function membersByPhone(communityId: string, phones: readonly string[]): Promise<PersonDoc[]> {
  if (phones.length === 0) return [];
  const _ = command();
  const res = await col(COLLECTIONS.members)
    .where({ communityId, phone: _.in([...phones]), deletedAt: _.exists(false) })
    .field({ _id: true, name: true, phone: true, application: true, communityId: true })
    .limit(phones.length * 2)
    .get();
  return res.data as PersonDoc[];
}

/** Live residents of a 居民区 by a whole phone number or the start of their name, by name; 20 a page. */
export async function residentsPage(communityId: string, query: string, page: number): Promise<Paged<PersonDoc & { building: string }>> {
  const _ = command();
  const match = /^1\d{10}$/.test(query) ? { phone: query } : { name: startsWith(query) };
  return paged<(PersonDoc & { building: string })>(
    col(COLLECTIONS.members)
      .where({ communityId, deletedAt: _.exists(false), ...match })
      .field({ _id: true, name: true, phone: true, building: true, application: true, communityId: true })
      .orderBy('name', 'asc')
      .orderBy('_id', 'asc'),
    page,
  );
}

// ---- the monthly report --------------------------------------------------------------------------------------------

type Counted = { _id: string; n: number; name?: string };

/** Loans started in [start, end) per item, most first. */
export async function loansPerItem(cabinId: string, start: Date, end: Date): Promise<Counted[]> {
  const _ = command();
  const $ = _.aggregate;
  const res = await col(COLLECTIONS.cabinLoans)
    .aggregate()
    .match({ cabinId, borrowedAt: _.and(_.gte(start), _.lt(end)) })
    .group({ _id: '$itemId', n: $.sum(1), name: $.first('$itemName') })
    .sort({ n: -1, _id: 1 })
    .limit(1000)
    .end();
  return res.data as Counted[];
}

export async function countReturns(cabinId: string, start: Date, end: Date): Promise<number> {
  const _ = command();
  const res = await col(COLLECTIONS.cabinLoans)
    .where({ cabinId, returnedAt: _.and(_.gte(start), _.lt(end)) })
    .count();
  return res.total as number;
}

/** Units of consumables taken in [start, end) per item, most first. */
export async function takenPerItem(cabinId: string, start: Date, end: Date): Promise<Counted[]> {
  const _ = command();
  const $ = _.aggregate;
  const res = await col(COLLECTIONS.cabinLog)
    .aggregate()
    .match({ cabinId, kind: 'take', at: _.and(_.gte(start), _.lt(end)) })
    .group({ _id: '$itemId', n: $.sum($.multiply(['$delta', -1])), name: $.first('$itemName') })
    .sort({ n: -1, _id: 1 })
    .limit(1000)
    .end();
  return res.data as Counted[];
}

/** Donation offers made in [start, end) per status. */
export async function donationsPerStatus(cabinId: string, start: Date, end: Date): Promise<Counted[]> {
  const _ = command();
  const $ = _.aggregate;
  const res = await col(COLLECTIONS.cabinDonations)
    .aggregate()
    .match({ cabinId, createdAt: _.and(_.gte(start), _.lt(end)) })
    .group({ _id: '$status', n: $.sum(1) })
    .end();
  return res.data as Counted[];
}

export async function salesTotal(cabinId: string, start: Date, end: Date): Promise<{ count: number; proceedsFen: number }> {
  const _ = command();
  const $ = _.aggregate;
  const res = await col(COLLECTIONS.cabinSales)
    .aggregate()
    .match({ cabinId, soldAt: _.and(_.gte(start), _.lt(end)) })
    .group({ _id: null, count: $.sum(1), proceedsFen: $.sum('$priceFen') })
    .end();
  const row = (res.data as { count: number; proceedsFen: number }[])[0];
  return { count: row?.count ?? 0, proceedsFen: row?.proceedsFen ?? 0 };
}

/** Duty shifts of the month (their lengths make the duty hours). */
export async function shiftsBetween(cabinId: string, start: Date, end: Date): Promise<ShiftDoc[]> {
  const _ = command();
  const res = await col(COLLECTIONS.cabinShifts)
    .where({ cabinId, startAt: _.and(_.gte(start), _.lt(end)) })
    .field({ startAt: true, endAt: true })
    .limit(1000)
    .get();
  return res.data as ShiftDoc[];
}
