// The query recorder: when TXTD_QUERY_LOG names a folder, every query-bearing database request the gateway answers
// (get, count, update, remove, aggregate) is appended as one JSON line to `<folder>/<pid>.jsonl`, with the query's
// shape (field paths and operator classes, never values), its sort, and the line of function code that made it.
// tests/deploy/index-coverage.test.ts checks these shapes against the indexes in deploy/database/*.json
// (scripts/deploy/index-coverage.ts has the rule). Recording never changes an answer.
//
// Which code made a query: the functions run in the same process as the gateway (tests/support/harness.ts,
// emulator/dev-server/server.ts), so while recording, the client side of `http.request` notes the nearest
// `cloudfunctions/` frame of its (async) stack in an `x-txtd-origin` header of each `/admin` request. Queries a test
// makes itself (to look at the store) carry none and are recorded with `origin: null`; the check ignores them.
import fs from 'fs';
import http from 'http';
import path from 'path';
import realProcess from 'process';
import timers from 'timers';
import { isPlainObject } from '../store';

/** equality (`a: v`, `$eq`), `$in` (equality-like for index bounds), range (`$gt`...`$lte`, an anchored regex), other. */
export type OpClass = 'eq' | 'in' | 'range' | 'other';

/** A filter's shape: its fields' operator classes, and each `$or` as a list of branch shapes (all must hold). */
export interface FilterShape {
  fields: Record<string, OpClass>;
  or?: FilterShape[][];
}

export type QueryKind = 'get' | 'count' | 'update' | 'remove' | 'aggregate';

export interface QueryRecord {
  coll: string;
  kind: QueryKind;
  filter: FilterShape;
  /** Sort fields in order, 1 or -1. */
  sort: [string, 1 | -1][];
  /** Made inside a transaction (always by `_id`: the gateway refuses anything else there). */
  txn: boolean;
  /** `<dir>/<file>.ts:<line> <function>` of the function code that made it; null for a test's own query. */
  origin: string | null;
}

export const ORIGIN_HEADER = 'x-txtd-origin';

const RANGE_OPS = new Set(['$gt', '$gte', '$lt', '$lte']);

function classOfValue(value: unknown): OpClass {
  if (value instanceof RegExp) return /^\^[^.*+?()[\]{}|\\^$]/.test(value.source) && !value.flags.includes('i') ? 'range' : 'other';
  if (!isPlainObject(value)) return 'eq';
  const keys = Object.keys(value);
  if (keys.length === 0 || !keys.every((k) => k.startsWith('$'))) return 'eq'; // an embedded document
  if (keys.includes('$eq')) return 'eq';
  if (keys.includes('$in')) return 'in';
  if (keys.some((k) => RANGE_OPS.has(k))) return 'range';
  if (keys.includes('$regex') && typeof value.$regex === 'string' && !String(value.$options ?? '').includes('i')) {
    return classOfValue(new RegExp(value.$regex));
  }
  if (keys.includes('$regex') && value.$regex instanceof RegExp) return classOfValue(value.$regex);
  return 'other';
}

const STRENGTH: Record<OpClass, number> = { eq: 3, in: 2, range: 1, other: 0 };

function addField(shape: FilterShape, field: string, cls: OpClass): void {
  const had = shape.fields[field];
  if (had === undefined || STRENGTH[cls] > STRENGTH[had]) shape.fields[field] = cls;
}

function merge(into: FilterShape, from: FilterShape): void {
  for (const [f, c] of Object.entries(from.fields)) addField(into, f, c);
  if (from.or) (into.or ??= []).push(...from.or);
}

/** The shape of a prepared query (or a `$match`): `$and` is flattened, `$or` kept as branches, `$nor` is other. */
export function filterShape(query: unknown): FilterShape {
  const shape: FilterShape = { fields: {} };
  if (!isPlainObject(query)) return shape;
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) merge(shape, filterShape(part));
    } else if (key === '$or' && Array.isArray(value)) {
      (shape.or ??= []).push(value.map((branch) => filterShape(branch)));
    } else if (key === '$nor' && Array.isArray(value)) {
      for (const part of value) for (const f of Object.keys(filterShape(part).fields)) addField(shape, f, 'other');
    } else if (key.startsWith('$')) {
      // $expr, $comment...: not index-bound.
    } else if (isPlainObject(value) && (Array.isArray(value.$and) || Array.isArray(value.$or))) {
      // A field-level logical operator (the SDK's `_.gt(a).and(_.lt(b))` on one field): its parts apply to this field.
      const parts = (Array.isArray(value.$and) ? value.$and : value.$or) as unknown[];
      const branches = parts.map((part) => ({ fields: { [key]: classOfValue(part) } }));
      if (Array.isArray(value.$and)) for (const b of branches) merge(shape, b);
      else (shape.or ??= []).push(branches);
    } else {
      addField(shape, key, classOfValue(value));
    }
  }
  return shape;
}

export function sortShape(order: unknown): [string, 1 | -1][] {
  if (!isPlainObject(order)) return [];
  return Object.entries(order).map(([k, v]) => [k, v === -1 ? -1 : 1]);
}

/** The leading `$match` and `$sort` of a pipeline (what an index can serve); `$lookup`s are left to the lookup's side. */
export function pipelineShape(pipeline: Record<string, unknown>[]): { filter: FilterShape; sort: [string, 1 | -1][] } {
  let filter: FilterShape = { fields: {} };
  let sort: [string, 1 | -1][] = [];
  for (const stage of pipeline) {
    if ('$match' in stage && sort.length === 0) {
      const next = filterShape(stage.$match);
      merge(next, filter);
      filter = next;
    } else if ('$sort' in stage && sort.length === 0) {
      sort = sortShape(stage.$sort);
    } else break;
  }
  return { filter, sort };
}

interface Recorder {
  write(line: string): void;
}

const RECORDER = Symbol.for('txtd.queryLog.recorder');
const PATCHED = Symbol.for('txtd.queryLog.httpPatched');

/**
 * One recorder per process, kept on the real `process` (a jest worker loads this module once per test file):
 * lines are buffered and appended every second, when 500 are waiting, and on exit.
 */
function processRecorder(folder: string): Recorder {
  const holder = realProcess as unknown as Record<symbol, Recorder | undefined>;
  const existing = holder[RECORDER];
  if (existing) return existing;
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${realProcess.pid}.jsonl`);
  let buffer: string[] = [];
  const flush = (): void => {
    if (buffer.length === 0) return;
    const text = buffer.join('');
    buffer = [];
    try {
      fs.appendFileSync(file, text);
    } catch (err) {
      realProcess.stderr.write(`query log: cannot write ${file}: ${(err as Error).message}\n`);
    }
  };
  timers.setInterval(flush, 1000).unref();
  realProcess.on('exit', flush);
  const recorder: Recorder = {
    write(line) {
      buffer.push(line);
      if (buffer.length >= 500) flush();
    },
  };
  holder[RECORDER] = recorder;
  return recorder;
}

/** `events/events.queries.ts:144 upcomingPage`: the nearest function-code frame of the current (async) stack. */
export function originOf(stack: string): string | null {
  for (const line of stack.split('\n')) {
    if (line.includes('node_modules')) continue;
    const m = /at (?:async )?(?:(\S+) \()?(?:file:\/\/)?[^()\s]*[/\\]cloudfunctions[/\\]([^():]+):(\d+):\d+\)?\s*$/.exec(line);
    if (!m) continue;
    const fn = (m[1] ?? '').replace(/^Object\./, '');
    return `${m[2]!.replace(/\\/g, '/')}:${m[3]!}${fn ? ` ${fn}` : ''}`;
  }
  return null;
}

/** While recording, the SDK's requests to `/admin` say which function code made them. */
function patchHttpRequest(): void {
  const mod = http as unknown as Record<symbol, boolean | undefined> & { request: typeof http.request };
  if (mod[PATCHED]) return;
  mod[PATCHED] = true;
  const original = mod.request;
  mod.request = function request(this: unknown, ...args: unknown[]): http.ClientRequest {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 60;
    const stack = new Error().stack ?? '';
    Error.stackTraceLimit = limit;
    const req = (original as (...a: unknown[]) => http.ClientRequest).apply(this, args);
    try {
      if (req.path.startsWith('/admin') && !req.headersSent) {
        const origin = originOf(stack);
        if (origin) req.setHeader(ORIGIN_HEADER, encodeURIComponent(origin));
      }
    } catch {
      // Recording must never break a request.
    }
    return req;
  } as typeof http.request;
}

let recorder: Recorder | null | undefined;

function activeRecorder(): Recorder | null {
  if (recorder !== undefined) return recorder;
  const folder = realProcess.env.TXTD_QUERY_LOG;
  if (!folder) return (recorder = null);
  patchHttpRequest();
  return (recorder = processRecorder(path.resolve(folder)));
}

/** Turns the recorder on in this process if TXTD_QUERY_LOG is set (the gateway calls it when it is created). */
export function queryLogEnabled(): boolean {
  return activeRecorder() !== null;
}

export function recordQuery(record: QueryRecord): void {
  const r = activeRecorder();
  if (r) r.write(`${JSON.stringify(record)}\n`);
}

export function originFromHeader(value: string | string[] | undefined): string | null {
  if (typeof value !== 'string' || value === '') return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
