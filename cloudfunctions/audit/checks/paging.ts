import { command, getDb } from '../../_core/db';

/** A query answers at most 1000 documents (CloudBase's cap for a function). */
export const READ_LIMIT = 1000;
/** Counter documents per page by default: one read, then one aggregate over its records (and one more on a difference). */
export const COUNTER_PAGE = 1000;
/** An aggregate answers 20 groups unless limited, and at most 10,000 with a limit: a page must stay under it. */
export const GROUP_LIMIT = 10_000;
/** Ids listed per record set behind a difference. */
export const IDS_SHOWN = 20;
/** At most this many records are read to list ids behind the differences of one page. */
export const IDS_READ = 1000;

/** A page of counter documents, and the key range (after, upTo] of the records behind them (upTo null: no end). */
export interface CounterPage<T> {
  docs: T[];
  after: string | null;
  upTo: string | null;
}

/**
 * Every counter document of a 居民区 matching `where`, a page of `size` at a time in `_id` order, read 1000 a round
 * trip. The pages' key ranges tile every key, so a record whose counter document is missing still falls in a page
 * (the ledger reports those). A larger page means fewer aggregates over the records (each scans the 居民区's records
 * in that key range), as long as its groups stay under GROUP_LIMIT.
 */
export async function* counterPages<T extends { _id: string }>(
  collection: string,
  communityId: string,
  fields: Record<string, true>,
  where: Record<string, unknown> = {},
  size = COUNTER_PAGE,
): AsyncGenerator<CounterPage<T>> {
  let after: string | null = null;
  for (;;) {
    const docs: T[] = [];
    let last: string | null = after;
    let more = true;
    while (docs.length < size) {
      const want = Math.min(READ_LIMIT, size - docs.length);
      const _ = command();
      const res = await getDb()
        .collection(collection)
        .where({ communityId, ...where, ...(last === null ? {} : { _id: _.gt(last) }) })
        .field({ ...fields, _id: true })
        .orderBy('_id', 'asc')
        .limit(want)
        .get();
      const rows = res.data as T[];
      docs.push(...rows);
      if (rows.length) last = rows[rows.length - 1]!._id;
      if (rows.length < want) {
        more = false;
        break;
      }
    }
    const upTo: string | null = more ? last : null;
    yield { docs, after, upTo };
    if (upTo === null) return;
    after = upTo;
  }
}

/** The condition on a record's key for a page's range; undefined for every key. */
export function keyRange(page: { after: string | null; upTo: string | null }): unknown {
  const _ = command();
  if (page.after === null && page.upTo === null) return undefined;
  if (page.after === null) return _.lte(page.upTo);
  if (page.upTo === null) return _.gt(page.after);
  return _.gt(page.after).and(_.lte(page.upTo));
}

/** `{ field: range }` for a page, or nothing when the page covers every key. */
export function inRange(field: string, page: { after: string | null; upTo: string | null }): Record<string, unknown> {
  const range = keyRange(page);
  return range === undefined ? {} : { [field]: range };
}

/** Runs an aggregate that must answer every group: more than GROUP_LIMIT would be cut short, so it is refused. */
export async function allGroups<T>(rows: Promise<{ data: unknown[] }>): Promise<T[]> {
  const { data } = await rows;
  if (data.length >= GROUP_LIMIT) throw new Error(`audit: an aggregate reached ${GROUP_LIMIT} groups; the page is too large`);
  return data as T[];
}

/**
 * Ids of records behind differences, grouped by `keyOf` and cut to IDS_SHOWN each (the counts come from the aggregate).
 * One round trip.
 */
export async function idsBy(
  collection: string,
  where: Record<string, unknown>,
  fields: string[],
  keyOf: (row: Record<string, unknown>) => string,
): Promise<Map<string, string[]>> {
  const res = await getDb()
    .collection(collection)
    .where(where)
    .field(Object.fromEntries([['_id', true], ...fields.map((f) => [f, true])]))
    .limit(IDS_READ)
    .get();
  const out = new Map<string, string[]>();
  for (const row of res.data as Record<string, unknown>[]) {
    const k = keyOf(row);
    const list = out.get(k) ?? [];
    if (list.length < IDS_SHOWN) list.push(String(row._id));
    out.set(k, list);
  }
  return out;
}
