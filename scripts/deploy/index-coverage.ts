/**
 * Indexes checked against the queries the functions really make (issue 12).
 *
 * With TXTD_QUERY_LOG set, the emulator gateway records every query a function makes (emulator/gateway/query-log.ts:
 * collection, kind, the filter's fields with their operator class, `$or` branches, the sort). This module decides,
 * for each recorded query, which declared index of deploy/database/*.json serves it, and which declared index serves
 * none. tests/deploy/index-coverage.test.ts fails on every finding; the deploy dry run may reuse it.
 *
 * The rule (MongoDB's, for one index; CloudBase runs MongoDB):
 * - Operator classes: equality (`a: v`, `$eq`, an embedded document), `$in` (equality-like: MongoDB bounds an index
 *   by each value, and merges the runs for a sort), range (`$gt` `$gte` `$lt` `$lte`, a case-sensitive regex anchored
 *   with `^` and a literal), other (`$ne` `$nin` `$exists` `$elemMatch` `$size` `$all` `$not`, other regexes): other
 *   never bounds an index, it filters what the index found.
 * - An index with keys k1..kn serves a query when, for some i: k1..ki are equality or `$in` fields of the query
 *   (any order of the query, but a prefix of the index), then the query's sort (its fields that are not equality
 *   fields, in order) is k(i+1)..k(j), all in the index's directions or all reversed, then optionally k(j+1) is a
 *   range field; and it bounds something: i > 0, or it gives the sort, or its first key is a range field. Fields of
 *   the query outside the index are filtered after the index (fine: the index bounded the scan).
 * - A sort the index does not give is a finding (an in-memory sort of an unbounded set), even if the filter is served.
 * - `$or`: every branch (with the conditions outside the `$or`) must be served by an index of its own.
 * - `_id`: the built-in `_id_` index serves any query with an `_id` equality or `$in` (a point lookup; transactions
 *   read by `_id` only); for anything else it is one more index `{ _id: 1 }` by the rule above (so a range on `_id`
 *   within a 居民区 wants `{ communityId: 1, _id: 1 }`). Never declared, never reported unused.
 * - A collection declared `"small": "<why it stays small>"` (the 居民区 of a street, the councils of a 居民区) may be
 *   scanned and sorted in memory: its queries need no index.
 * - Of the indexes that serve a query, the one with the longest equality prefix wins, then the one that also bounds a
 *   range, then the longer index (so an index that is a prefix of another is reported unused: drop it).
 * - Every declared index must win at least one recorded query, unless it is unique (a constraint, not a query
 *   path) or carries `"unused": "<why>"` (say, used only by a query the suite cannot make).
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import type { FilterShape, OpClass, QueryRecord } from '../../emulator/gateway/query-log';

export type { FilterShape, OpClass, QueryRecord } from '../../emulator/gateway/query-log';

export type Direction = 1 | -1;

export interface DeclaredIndex {
  name: string;
  keys: Record<string, Direction>;
  unique?: boolean;
  /** Why an index no recorded query uses is kept. */
  unused?: string;
}

export interface DeclaredCollection {
  name: string;
  /** deploy/database/<owner>.json */
  owner: string;
  indexes: DeclaredIndex[];
  /** Why the collection stays small enough to scan. */
  small?: string;
}

/** A branch of a query: one conjunction, after `$or` is expanded. */
export interface Branch {
  fields: Record<string, OpClass>;
  sort: [string, Direction][];
}

export const ID_INDEX: DeclaredIndex = { name: '_id_', keys: { _id: 1 } };
const MAX_BRANCHES = 64;

const STRENGTH: Record<OpClass, number> = { eq: 3, in: 2, range: 1, other: 0 };

function mergeFields(a: Record<string, OpClass>, b: Record<string, OpClass>): Record<string, OpClass> {
  const out = { ...a };
  for (const [f, c] of Object.entries(b)) {
    const had = out[f];
    if (had === undefined || STRENGTH[c] > STRENGTH[had]) out[f] = c;
  }
  return out;
}

/** The conjunctions of a filter: each `$or` multiplies the branches (at most 64, the rest are cut). */
export function expandBranches(filter: FilterShape): Record<string, OpClass>[] {
  let branches: Record<string, OpClass>[] = [{ ...filter.fields }];
  for (const alternatives of filter.or ?? []) {
    const next: Record<string, OpClass>[] = [];
    for (const b of branches) {
      for (const alt of alternatives) for (const expanded of expandBranches(alt)) next.push(mergeFields(b, expanded));
    }
    branches = next.slice(0, MAX_BRANCHES);
  }
  return branches;
}

export interface IndexFit {
  /** How many leading keys are bound by equality or `$in`. */
  prefix: number;
  /** The key after the prefix and the sort is bound by a range. */
  range: boolean;
}

const isEq = (c: OpClass | undefined): boolean => c === 'eq' || c === 'in';

/** How well one index serves one branch; undefined when it does not serve it (see the rule above). */
export function fitIndex(index: DeclaredIndex, branch: Branch): IndexFit | undefined {
  const keys = Object.entries(index.keys) as [string, Direction][];
  // Sorting by a field bound to one value changes nothing: it needs no index.
  const sort = branch.sort.filter(([f]) => branch.fields[f] !== 'eq');
  let maxPrefix = 0;
  while (maxPrefix < keys.length && isEq(branch.fields[keys[maxPrefix]![0]])) maxPrefix += 1;
  let best: IndexFit | undefined;
  for (let i = maxPrefix; i >= 0; i -= 1) {
    if (sort.length > 0) {
      if (i + sort.length > keys.length) continue;
      const flip = keys[i]![1] === sort[0]![1] ? 1 : -1;
      const ok = sort.every(([f, d], n) => keys[i + n]![0] === f && keys[i + n]![1] * flip === d);
      if (!ok) continue;
    }
    const after = keys[i + sort.length];
    const range = after !== undefined && branch.fields[after[0]] === 'range';
    // A range on a sort key is bounded by the sort run itself.
    const sortRange = sort.some(([f]) => branch.fields[f] === 'range');
    if (i === 0 && sort.length === 0 && !range) continue;
    const fit: IndexFit = { prefix: i, range: range || sortRange };
    if (!best || better(fit, best)) best = fit;
  }
  return best;
}

function better(a: IndexFit, b: IndexFit): boolean {
  if (a.prefix !== b.prefix) return a.prefix > b.prefix;
  return a.range && !b.range;
}

function byIdOnly(branch: Branch): boolean {
  const c = branch.fields._id;
  return c === 'eq' || c === 'in';
}

export interface BranchVerdict {
  branch: Branch;
  /** The winning index's name, `_id_`, `small` (a scan allowed), or null (not served). */
  index: string | null;
  why?: string;
}

/** Which index serves a branch, by the rule above. */
export function serveBranch(collection: DeclaredCollection | undefined, branch: Branch): BranchVerdict {
  if (byIdOnly(branch)) return { branch, index: ID_INDEX.name };
  let winner: { index: DeclaredIndex; fit: IndexFit } | undefined;
  for (const index of [...(collection?.indexes ?? []), ID_INDEX]) {
    const fit = fitIndex(index, branch);
    if (!fit) continue;
    const size = Object.keys(index.keys).length;
    if (
      !winner ||
      better(fit, winner.fit) ||
      (!better(winner.fit, fit) && (size > Object.keys(winner.index.keys).length || (size === Object.keys(winner.index.keys).length && index.name < winner.index.name)))
    ) {
      winner = { index, fit };
    }
  }
  if (winner) return { branch, index: winner.index.name };
  if (collection?.small) return { branch, index: 'small' };
  if (!collection) return { branch, index: null, why: 'the collection is declared in no deploy/database/*.json' };
  const bound = Object.entries(branch.fields).filter(([, c]) => c !== 'other');
  const sorted = branch.sort.filter(([f]) => branch.fields[f] !== 'eq');
  if (bound.length === 0 && sorted.length === 0) return { branch, index: null, why: 'a full scan (no field an index can bound)' };
  if (sorted.length > 0) return { branch, index: null, why: 'no index gives this sort after the equality fields' };
  return { branch, index: null, why: 'no index starts with these fields' };
}

export interface QueryVerdict {
  record: QueryRecord;
  branches: BranchVerdict[];
  served: boolean;
}

export function judgeQuery(collection: DeclaredCollection | undefined, record: QueryRecord): QueryVerdict {
  const branches = expandBranches(record.filter).map((fields) => serveBranch(collection, { fields, sort: record.sort }));
  return { record, branches, served: branches.every((b) => b.index !== null) };
}

/** Reads deploy/database/*.json (every file, media.json included when it appears). */
export function readDeclaredCollections(databaseDir: string): Map<string, DeclaredCollection> {
  const out = new Map<string, DeclaredCollection>();
  for (const file of readdirSync(databaseDir).filter((f) => f.endsWith('.json')).sort()) {
    const owner = file.replace(/\.json$/, '');
    const parsed = JSON.parse(readFileSync(join(databaseDir, file), 'utf8')) as {
      collections: Record<string, { indexes?: DeclaredIndex[]; small?: string }>;
    };
    for (const [name, c] of Object.entries(parsed.collections)) {
      out.set(name, { name, owner, indexes: c.indexes ?? [], ...(typeof c.small === 'string' ? { small: c.small } : {}) });
    }
  }
  return out;
}

/** Every line of every `*.jsonl` file in the log folder. */
export function readQueryLog(folder: string): QueryRecord[] {
  const records: QueryRecord[] = [];
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(folder, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        records.push(JSON.parse(line) as QueryRecord);
      } catch {
        // A line torn by a killed worker: skipped.
      }
    }
  }
  return records;
}

const CLASS_MARK: Record<OpClass, string> = { eq: '=', in: ' in', range: ' range', other: ' other' };

export function describeBranch(branch: Branch): string {
  const fields = Object.entries(branch.fields)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([f, c]) => `${f}${CLASS_MARK[c]}`);
  const sort = branch.sort.map(([f, d]) => `${f}${d === -1 ? ' desc' : ''}`);
  return `{${fields.join(', ')}}${sort.length ? ` sort ${sort.join(', ')}` : ''}`;
}

export function describeFilter(record: Pick<QueryRecord, 'filter' | 'sort'>): string {
  const branches = expandBranches(record.filter).map((fields) => describeBranch({ fields, sort: [] }));
  const sort = record.sort.map(([f, d]) => `${f}${d === -1 ? ' desc' : ''}`);
  return `${branches.length > 1 ? `$or[${branches.join(' | ')}]` : (branches[0] ?? '{}')}${sort.length ? ` sort ${sort.join(', ')}` : ''}`;
}

export interface ShapeRow {
  coll: string;
  shape: string;
  kinds: Set<string>;
  count: number;
  origins: Set<string>;
  verdict: QueryVerdict;
}

export interface CoverageReport {
  /** Records from function code (a test's own queries are not counted). */
  queries: number;
  rows: ShapeRow[];
  unserved: ShapeRow[];
  unused: { collection: string; owner: string; index: string }[];
}

/** The whole check: each distinct (collection, shape) judged, and the declared indexes nothing used. */
export function coverage(records: QueryRecord[], declared: Map<string, DeclaredCollection>): CoverageReport {
  const rows = new Map<string, ShapeRow>();
  let queries = 0;
  for (const record of records) {
    if (!record.origin) continue;
    queries += 1;
    const shape = describeFilter(record);
    const key = `${record.coll}\u0000${shape}`;
    let row = rows.get(key);
    if (!row) {
      row = { coll: record.coll, shape, kinds: new Set(), count: 0, origins: new Set(), verdict: judgeQuery(declared.get(record.coll), record) };
      rows.set(key, row);
    }
    row.count += 1;
    row.kinds.add(record.txn ? `${record.kind}(txn)` : record.kind);
    row.origins.add(record.origin);
  }
  const sorted = [...rows.values()].sort((a, b) => a.coll.localeCompare(b.coll) || a.shape.localeCompare(b.shape));
  const used = new Set<string>();
  for (const row of sorted) for (const b of row.verdict.branches) if (b.index) used.add(`${row.coll}\u0000${b.index}`);
  const unused: CoverageReport['unused'] = [];
  for (const c of declared.values()) {
    for (const index of c.indexes) {
      if (index.unique || index.unused || used.has(`${c.name}\u0000${index.name}`)) continue;
      unused.push({ collection: c.name, owner: c.owner, index: index.name });
    }
  }
  return { queries, rows: sorted, unserved: sorted.filter((r) => !r.verdict.served), unused };
}

/** A per-collection table: each distinct query shape, how often, by what, and the index serving each branch. */
export function coverageTable(report: CoverageReport): string {
  const lines: string[] = [];
  let current = '';
  for (const row of report.rows) {
    if (row.coll !== current) {
      current = row.coll;
      lines.push(`${row.coll}`);
    }
    const served = row.verdict.branches.map((b) => b.index ?? `NOT SERVED (${b.why ?? ''})`).join(' | ');
    lines.push(`  ${row.shape}  [${[...row.kinds].sort().join(',')} ×${row.count}] -> ${served}`);
    lines.push(`      from ${[...row.origins].sort().slice(0, 3).join('; ')}${row.origins.size > 3 ? `; +${row.origins.size - 3}` : ''}`);
  }
  return lines.join('\n');
}
