import { AppError } from './errors';
import { COLLECTIONS } from './collections';
import { getDb, isDuplicateWrite } from './db';
import { inTransaction, type Tx } from './transaction';

/**
 * The one ledger of hours and points. Entries are append-only: nothing is edited or deleted; a correction is a new
 * entry that reverses another. A member's balance is the sum of their entries; `ledger_balances` caches it and is
 * changed only in the same transaction as the entry it sums, so `auditBalances` must never find drift.
 */
export const LEDGER_SOURCES = ['event', 'manual', 'redemption', 'correction', 'duty'] as const;
export type LedgerSource = (typeof LEDGER_SOURCES)[number];

export interface LedgerEntryDoc {
  /** Deterministic: the same request id or the same source posts once, however often retried or raced. */
  _id: string;
  communityId: string;
  memberId: string;
  /** Whole half-hours (rules/hours.ts); negative only in a correction. */
  halfHours: number;
  points: number;
  source: LedgerSource;
  /** What it is for: an event id, a reward id, the entry a correction reverses. */
  sourceId: string | null;
  reason: string;
  /** Who posted or confirmed it (a member id). */
  by: string;
  at: Date;
  /** For a correction: the entry it reverses. */
  reverses?: string;
}

export interface BalanceDoc {
  _id: string;
  communityId: string;
  halfHours: number;
  points: number;
  entries: number;
  updatedAt: Date;
}

export type NewEntry = Omit<LedgerEntryDoc, '_id'> & { key: string };

/** The entry id for a posting key (e.g. `req:<requestId>`, `event:<eventId>:<memberId>`). */
export function entryId(key: string): string {
  return key.length <= 64 ? key : key.slice(0, 64);
}

/**
 * Posts one entry and moves the cached balance with it, atomically. A second post of the same key changes nothing
 * and answers the first entry (`created: false`). `floorPoints` refuses (LEDGER.INSUFFICIENT_POINTS) a post that
 * would take the balance below it (redemptions: 0). Round trips: 5 (start, read entry, read balance, 2 writes) + commit, and 2 more under a daily cap.
 */
export interface PostOptions {
  floorPoints?: number;
  /**
   * The 居民区's daily cap on service points and the Shanghai day the service was on: the entry earns at most what is
   * left of the cap that day, counted across every event and duty shift in the same transaction, so two
   * confirmations at once cannot both pass it.
   */
  dailyCap?: { day: string; cap: number | null };
}

export async function postEntry(entry: NewEntry, options: PostOptions = {}): Promise<{ entry: LedgerEntryDoc; created: boolean }> {
  const { key, ...fields } = entry;
  const doc: LedgerEntryDoc = { _id: entryId(key), ...fields };
  try {
    return await postOnce(doc, options);
  } catch (err) {
    // A racing post of the same key committed between our read and our add: the retry finds it and answers it.
    if (!isDuplicateWrite(err)) throw err;
    return postOnce(doc, options);
  }
}

/** Clamps a service entry's points to what is left of the day's cap, and counts them for the day. */
async function withinDailyCap(tx: Tx, doc: LedgerEntryDoc, dailyCap: PostOptions['dailyCap']): Promise<LedgerEntryDoc> {
  if (!dailyCap || dailyCap.cap === null || doc.points <= 0) return doc;
  const ref = tx.collection(COLLECTIONS.ledgerDayPoints).doc(`${doc.memberId}:${dailyCap.day}`);
  const used = ((await ref.get()).data as { points?: number } | null)?.points ?? 0;
  const points = Math.max(0, Math.min(doc.points, dailyCap.cap - used));
  await ref.set({ memberId: doc.memberId, day: dailyCap.day, points: used + points });
  return { ...doc, points };
}

function postOnce(proposed: LedgerEntryDoc, options: PostOptions): Promise<{ entry: LedgerEntryDoc; created: boolean }> {
  return inTransaction(async (tx) => {
    const existing = (await tx.collection(COLLECTIONS.ledgerEntries).doc(proposed._id).get()).data as LedgerEntryDoc | null;
    if (existing) return { entry: existing, created: false };
    const doc = await withinDailyCap(tx, proposed, options.dailyCap);
    const balance = (await tx.collection(COLLECTIONS.ledgerBalances).doc(doc.memberId).get()).data as BalanceDoc | null;
    const points = (balance?.points ?? 0) + doc.points;
    if (options.floorPoints !== undefined && doc.points < 0 && points < options.floorPoints) {
      throw new AppError('LEDGER.INSUFFICIENT_POINTS');
    }
    await tx.collection(COLLECTIONS.ledgerEntries).add(doc);
    const next: Omit<BalanceDoc, '_id'> = {
      communityId: doc.communityId,
      halfHours: (balance?.halfHours ?? 0) + doc.halfHours,
      points,
      entries: (balance?.entries ?? 0) + 1,
      updatedAt: doc.at,
    };
    await tx.collection(COLLECTIONS.ledgerBalances).doc(doc.memberId).set(next);
    return { entry: doc, created: true };
  });
}

/** A member's cached balance: one round trip. */
export async function balanceOf(memberId: string): Promise<Pick<BalanceDoc, 'halfHours' | 'points' | 'entries'>> {
  const res = await getDb().collection(COLLECTIONS.ledgerBalances).doc(memberId).get();
  const b = res.data?.[0] as BalanceDoc | undefined;
  return { halfHours: b?.halfHours ?? 0, points: b?.points ?? 0, entries: b?.entries ?? 0 };
}

export interface Drift {
  memberId: string;
  cached: { halfHours: number; points: number; entries: number };
  ledger: { halfHours: number; points: number; entries: number };
}

/**
 * Recomputes every balance of a 居民区 from its ledger and lists where the cache disagrees (it never should).
 * Round trips: 2 (an aggregate over the entries, the cached balances).
 */
export async function auditBalances(communityId: string): Promise<{ members: number; drift: Drift[] }> {
  const db = getDb();
  const $ = db.command.aggregate;
  const sums = await db
    .collection(COLLECTIONS.ledgerEntries)
    .aggregate()
    .match({ communityId })
    .group({ _id: '$memberId', halfHours: $.sum('$halfHours'), points: $.sum('$points'), entries: $.sum(1) })
    .limit(100_000)
    .end();
  const cached = await db.collection(COLLECTIONS.ledgerBalances).where({ communityId }).limit(1000).get();
  const byMember = new Map((cached.data as BalanceDoc[]).map((b) => [b._id, b]));
  const drift: Drift[] = [];
  const seen = new Set<string>();
  for (const s of sums.data as { _id: string; halfHours: number; points: number; entries: number }[]) {
    seen.add(s._id);
    const c = byMember.get(s._id);
    const cachedSums = { halfHours: c?.halfHours ?? 0, points: c?.points ?? 0, entries: c?.entries ?? 0 };
    if (cachedSums.halfHours !== s.halfHours || cachedSums.points !== s.points || cachedSums.entries !== s.entries) {
      drift.push({ memberId: s._id, cached: cachedSums, ledger: { halfHours: s.halfHours, points: s.points, entries: s.entries } });
    }
  }
  for (const [memberId, c] of byMember) {
    if (!seen.has(memberId) && (c.halfHours || c.points || c.entries)) {
      drift.push({ memberId, cached: { halfHours: c.halfHours, points: c.points, entries: c.entries }, ledger: { halfHours: 0, points: 0, entries: 0 } });
    }
  }
  return { members: seen.size, drift };
}
