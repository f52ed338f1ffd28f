import type { MonthTotals } from '../../src/shared/domain/ledger';
import { SHANGHAI_OFFSET_MINUTES } from '../../src/shared/time';
import { COLLECTIONS } from '../_core/collections';
import { command, getDb } from '../_core/db';
import type { BalanceDoc, LedgerEntryDoc } from '../_core/ledger';
import type { MemberDoc } from '../_core/member-record';
import { correctionKey, type RulesDoc } from './ledger.model';
import { PAGE_FETCH, pageStart, toPage } from '../_core/paging';
import { startsWith } from '../_core/text-match';

/** Each function here is one database round trip. */

const TIMEZONE = `+${String(SHANGHAI_OFFSET_MINUTES / 60).padStart(2, '0')}:00`;

/** One page of a member's entries, newest first (index member_at). */
export async function entriesPage(memberId: string, page: number): Promise<{ rows: LedgerEntryDoc[]; hasMore: boolean }> {
  const res = await getDb()
    .collection(COLLECTIONS.ledgerEntries)
    .where({ memberId })
    .orderBy('at', 'desc')
    .orderBy('_id', 'asc')
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .get();
  return toPage(res.data as LedgerEntryDoc[]);
}

/** Which of these entries a correction has reversed (looked up by the corrections' derived ids). */
export async function correctedAmong(entryIds: readonly string[]): Promise<Set<string>> {
  if (entryIds.length === 0) return new Set();
  const res = await getDb()
    .collection(COLLECTIONS.ledgerEntries)
    .where({ _id: command().in(entryIds.map(correctionKey)) })
    .field({ reverses: true })
    .limit(entryIds.length)
    .get();
  return new Set((res.data as Pick<LedgerEntryDoc, 'reverses'>[]).map((e) => e.reverses).filter((id): id is string => !!id));
}

export async function findEntry(id: string): Promise<LedgerEntryDoc | null> {
  const res = await getDb().collection(COLLECTIONS.ledgerEntries).doc(id).get();
  return (res.data?.[0] as LedgerEntryDoc | undefined) ?? null;
}

/** A member's hours and points per Shanghai month since `since`, newest month first. */
export async function monthlyTotals(memberId: string, since: Date): Promise<MonthTotals[]> {
  const db = getDb();
  const $ = db.command.aggregate;
  const res = await db
    .collection(COLLECTIONS.ledgerEntries)
    .aggregate()
    .match({ memberId, at: db.command.gte(since) })
    .group({
      _id: $.dateToString({ date: '$at', format: '%Y-%m', timezone: TIMEZONE }),
      halfHours: $.sum('$halfHours'),
      points: $.sum('$points'),
      entries: $.sum(1),
    })
    .sort({ _id: -1 })
    .end();
  return (res.data as ({ _id: string } & Omit<MonthTotals, 'month'>)[]).map(({ _id, ...t }) => ({ month: _id, ...t }));
}

/** Cached balances of these members. */
export async function balancesOf(memberIds: readonly string[]): Promise<Map<string, BalanceDoc>> {
  if (memberIds.length === 0) return new Map();
  const res = await getDb()
    .collection(COLLECTIONS.ledgerBalances)
    .where({ _id: command().in([...memberIds]) })
    .limit(memberIds.length)
    .get();
  return new Map((res.data as BalanceDoc[]).map((b) => [b._id, b]));
}

export type MemberRowDoc = Pick<MemberDoc, '_id' | 'name' | 'building'>;

/** Second-echelon members of a 居民区 whose name starts with `name`, by name, 20 a page. */
export async function membersPage(communityId: string, name: string, page: number): Promise<{ rows: MemberRowDoc[]; hasMore: boolean }> {
  const db = getDb();
  const where: Record<string, unknown> = { communityId, 'application.status': 'approved', deletedAt: db.command.exists(false) };
  if (name) where.name = startsWith(name);
  const res = await db
    .collection(COLLECTIONS.members)
    .where(where)
    .orderBy('name', 'asc')
    .orderBy('_id', 'asc')
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .field({ _id: true, name: true, building: true })
    .get();
  return toPage(res.data as MemberRowDoc[]);
}

export { rulesDoc, rulesIn } from '../_core/point-rules';

/** Replaces a 居民区's rules: a settings document the committee rewrites whole, so the last save wins. */
export async function saveRules(doc: RulesDoc): Promise<void> {
  const { _id, ...fields } = doc;
  await getDb().collection(COLLECTIONS.ledgerRules).doc(_id).set(fields);
}

export interface MemberMonth {
  _id: string;
  halfHours: number;
  points: number;
  gridId: string | null;
  councilIds: string[];
}

/**
 * Every member's sums for entries in [start, end), joined with their grid and councils (as they are now) in the
 * same aggregate: one round trip however many members (index community_at).
 */
export async function monthSums(communityId: string, start: Date, end: Date): Promise<MemberMonth[]> {
  const db = getDb();
  const _ = db.command;
  const $ = _.aggregate;
  const res = await db
    .collection(COLLECTIONS.ledgerEntries)
    .aggregate()
    .match({ communityId, at: _.and(_.gte(start), _.lt(end)) })
    .group({ _id: '$memberId', halfHours: $.sum('$halfHours'), points: $.sum('$points') })
    .lookup({ from: COLLECTIONS.members, localField: '_id', foreignField: '_id', as: 'member' })
    .project({
      halfHours: 1,
      points: 1,
      gridId: $.ifNull([$.arrayElemAt(['$member.gridId', 0]), null]),
      councilIds: $.ifNull([$.arrayElemAt(['$member.councilIds', 0]), []]),
    })
    .limit(100_000)
    .end();
  return res.data as MemberMonth[];
}

/** Names of a 居民区's councils (retired ones too: their members' hours still count) and grids. */
export async function councilNames(communityId: string): Promise<{ _id: string; name: string }[]> {
  const res = await getDb().collection(COLLECTIONS.councils).where({ communityId }).orderBy('order', 'asc').field({ name: true }).limit(100).get();
  return res.data as { _id: string; name: string }[];
}

export async function gridNames(communityId: string): Promise<{ _id: string; name: string }[]> {
  const res = await getDb().collection(COLLECTIONS.grids).where({ communityId }).orderBy('order', 'asc').field({ name: true }).limit(100).get();
  return res.data as { _id: string; name: string }[];
}
