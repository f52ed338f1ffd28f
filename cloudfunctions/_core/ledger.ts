import { createHash } from 'crypto';
import { formatShanghai } from '../../src/shared/time';
import { AppError } from './errors';
import { COLLECTIONS } from './collections';
import { getDb, isDuplicateWrite } from './db';
import { inTransaction, type Tx } from './transaction';

/**
 * The one ledger of hours and points. Entries are append-only: nothing is edited or deleted; a correction is a new
 * entry that reverses another. A member's balance is the sum of their entries; `ledger_balances` caches it and is
 * changed only in the same transaction as the entry it sums, so `auditBalances` must never find drift.
 */
export const LEDGER_SOURCES = ['event', 'manual', 'redemption', 'correction', 'duty', 'report', 'care', 'course'] as const;
export type LedgerSource = (typeof LEDGER_SOURCES)[number];

export interface LedgerEntryDoc {
  /** Deterministic, `entryId(key)`: the same request id or the same source posts once, however often retried or raced. */
  _id: string;
  /** The full posting key the id was made from (absent on entries posted before keys were stored). */
  key?: string;
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
  /**
   * The Shanghai day (YYYY-MM-DD) the service was given, which certificates list by: an event's or a shift's day, a
   * correction's reversed entry's day, the posting day for a manual award. Absent on entries posted before it was
   * stored: readers fall back to the Shanghai day of `at` and say so.
   */
  servedOn?: string;
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

export type NewEntry = Omit<LedgerEntryDoc, '_id' | 'key' | 'servedOn'> & { key: string; servedOn?: string };

/** The Shanghai day an entry's service was given; for an entry from before `servedOn` was stored, its posting day. */
export function servedDayOf(entry: Pick<LedgerEntryDoc, 'servedOn' | 'at'>): string {
  return entry.servedOn ?? shanghaiDay(entry.at);
}

const shanghaiDay = (at: Date) => formatShanghai(at, 'YYYY-MM-DD');

/** Keys longer than this, or holding the marker, are hashed; shorter ones are their own id (see `entryId`). */
const VERBATIM_MAX = 64;
const HASH_MARKER = '#';

/**
 * The entry id for a posting key (e.g. `req:<requestId>`, `event:<eventId>:<memberId>`).
 *
 * A key of at most 64 characters without `#` is its own id, exactly as before keys were hashed: entries already in a
 * deployed database (and the demo seed, `req:demo-award-1`), the ids other documents hold (`reverses`, a correction's
 * key, an id a page shows and sends back to `ledger.correct`), and a retry of a call made before the change all keep
 * finding the same entry. Any other key becomes `<prefix>#<base64url sha-256 of the whole key>` (at most 60
 * characters, so it passes the 64-character id schema): two different keys share an id only if sha-256 collides, and
 * a verbatim id never contains `#`, so the two forms never meet.
 */
export function entryId(key: string): string {
  if (key.length <= VERBATIM_MAX && !key.includes(HASH_MARKER)) return key;
  const prefix = /^[A-Za-z0-9_-]{1,16}/.exec(key)?.[0] ?? 'key';
  return `${prefix}${HASH_MARKER}${createHash('sha256').update(key).digest('base64url')}`;
}

/** Where the same key was posted before keys were hashed: cut to 64 characters, so possibly someone else's entry. */
function legacyId(key: string): string | null {
  const legacy = key.slice(0, VERBATIM_MAX);
  return legacy === entryId(key) ? null : legacy;
}

/**
 * Whether a found entry is the posting of `key`. An entry that stores its key must store this one: a different key
 * under the same id is a broken invariant (a hash collision or a hand-made document), never "already posted", so the
 * call fails loudly instead of dropping someone's hours. An entry from before keys were stored is this key's only at
 * its verbatim id.
 */
function isPostingOf(found: LedgerEntryDoc, key: string): boolean {
  if (found.key !== undefined) {
    if (found.key === key) return true;
    throw new Error(`ledger invariant: entry ${found._id} holds key ${JSON.stringify(found.key)}, not ${JSON.stringify(key)}`);
  }
  if (found._id === key) return true;
  throw new Error(`ledger invariant: entry ${found._id} has no key but is not the verbatim id of ${JSON.stringify(key)}`);
}

/**
 * A legacy entry at the cut id is this posting when it is the same member's, from the same source and for the same
 * thing: the long keys in use (`event:<eventId>:<memberId>`) are made of exactly these, so a match is the posting
 * itself and a mismatch is the collision this id scheme fixes (the other person's entry, left alone).
 */
function isLegacyPostingOf(found: LedgerEntryDoc, proposed: LedgerEntryDoc): boolean {
  return (
    found.key === undefined &&
    found.memberId === proposed.memberId &&
    found.communityId === proposed.communityId &&
    found.source === proposed.source &&
    found.sourceId === proposed.sourceId
  );
}

/**
 * Posts one entry and moves the cached balance with it, atomically. A second post of the same key changes nothing
 * and answers the first entry (`created: false`). `floorPoints` refuses (LEDGER.INSUFFICIENT_POINTS) a post that
 * would take the balance below it (redemptions: 0). Round trips: 5 (start, read entry, read balance, 2 writes) + commit, 1 more
 * for a hashed key (its pre-hash id is read too) and 2 more under a daily cap.
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
  const { key, servedOn, ...fields } = entry;
  const doc: LedgerEntryDoc = {
    _id: entryId(key),
    key,
    ...fields,
    servedOn: servedOn ?? options.dailyCap?.day ?? shanghaiDay(entry.at),
  };
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
  const key = proposed.key!;
  const legacy = legacyId(key);
  return inTransaction(async (tx) => {
    const entries = tx.collection(COLLECTIONS.ledgerEntries);
    const existing = (await entries.doc(proposed._id).get()).data as LedgerEntryDoc | null;
    if (existing && isPostingOf(existing, key)) return { entry: existing, created: false };
    if (legacy) {
      const old = (await entries.doc(legacy).get()).data as LedgerEntryDoc | null;
      if (old && isLegacyPostingOf(old, proposed)) return { entry: old, created: false };
    }
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

type Sums = Drift['ledger'];

/** The most a get may read (CloudBase answers at most 1000 documents), and so the largest page of the audit. */
export const AUDIT_PAGE_MAX = 1000;

export interface BalancesPage {
  /** Members with ledger entries among those this page covered. */
  members: number;
  drift: Drift[];
  /** The cursor of the next page (the last member id this page covered); null when every member is covered. */
  next: string | null;
}

const sumsOf = (r: Partial<Sums> | undefined): Sums => ({ halfHours: r?.halfHours ?? 0, points: r?.points ?? 0, entries: r?.entries ?? 0 });
const sameSums = (a: Sums, b: Sums) => a.halfHours === b.halfHours && a.points === b.points && a.entries === b.entries;

/**
 * One page of the balance audit of a 居民区: the members whose id comes after `after` (in id order), each cached
 * balance against the sums of that member's entries. Round trips: 2, in parallel (a page of cached balances; the
 * entries' sums grouped by member, a page of members), whatever the 居民区's size. A page covers at least `pageSize`
 * members (unless it is the last): up to the last id of whichever side filled its page first, so a member with
 * entries but no cached balance, or a balance without entries, is compared in exactly one page.
 */
export async function auditBalancesPage(communityId: string, after: string | null, pageSize = AUDIT_PAGE_MAX): Promise<BalancesPage> {
  const size = Math.max(1, Math.min(pageSize, AUDIT_PAGE_MAX));
  const db = getDb();
  const _ = db.command;
  const $ = _.aggregate;
  const range = after === null ? {} : { memberId: _.gt(after) };
  const [cachedRes, sumsRes] = await Promise.all([
    db
      .collection(COLLECTIONS.ledgerBalances)
      .where({ communityId, ...(after === null ? {} : { _id: _.gt(after) }) })
      .orderBy('_id', 'asc')
      .limit(size)
      .get(),
    db
      .collection(COLLECTIONS.ledgerEntries)
      .aggregate()
      .match({ communityId, ...range })
      .group({ _id: '$memberId', halfHours: $.sum('$halfHours'), points: $.sum('$points'), entries: $.sum(1) })
      .sort({ _id: 1 })
      .limit(size)
      .end(),
  ]);
  const cached = cachedRes.data as BalanceDoc[];
  const sums = sumsRes.data as (Sums & { _id: string })[];
  // Either side that filled its page may have more beyond its last id: cover only up to the smaller such id.
  const ends = [cached.length === size ? cached.at(-1)!._id : null, sums.length === size ? sums.at(-1)!._id : null].filter(
    (id): id is string => id !== null,
  );
  const upTo = ends.length ? ends.reduce((a, b) => (a < b ? a : b)) : null;
  const within = (id: string) => upTo === null || id <= upTo;
  const byMember = new Map(cached.filter((b) => within(b._id)).map((b) => [b._id, b]));
  const drift: Drift[] = [];
  let members = 0;
  for (const s of sums) {
    if (!within(s._id)) continue;
    members += 1;
    const c = sumsOf(byMember.get(s._id));
    byMember.delete(s._id);
    const ledger = sumsOf(s);
    if (!sameSums(c, ledger)) drift.push({ memberId: s._id, cached: c, ledger });
  }
  // A cached balance whose member has no entries at all must be zero.
  for (const [memberId, c] of byMember) {
    if (c.halfHours || c.points || c.entries) drift.push({ memberId, cached: sumsOf(c), ledger: sumsOf(undefined) });
  }
  drift.sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
  return { members, drift, next: upTo };
}

/**
 * Recomputes every balance of a 居民区 from its ledger and lists where the cache disagrees (it never should), paging
 * through any number of members. Round trips: 2 per page (in parallel), one page per `pageSize` members.
 */
export async function auditBalances(communityId: string, pageSize = AUDIT_PAGE_MAX): Promise<{ members: number; drift: Drift[] }> {
  let members = 0;
  const drift: Drift[] = [];
  let after: string | null = null;
  do {
    const page: BalancesPage = await auditBalancesPage(communityId, after, pageSize);
    members += page.members;
    drift.push(...page.drift);
    after = page.next;
  } while (after !== null);
  return { members, drift };
}
