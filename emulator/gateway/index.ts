// The CloudBase database gateway: answers the real @cloudbase/node-sdk's `POST /admin` database actions
// with MongoDB semantics (mingo over the store), in the exact response shapes the SDK reads
// (node_modules/@cloudbase/database/dist/commonjs/{query,collection,document,aggregate}.js).
//
// Success: `{ requestId, data: {...} }` (startTransaction: `{ requestId, transactionId }`).
// Failure: `{ requestId, code, message }` with HTTP 200; the SDK throws it as a TcbError with that code.
import http from 'http';
import type { AddressInfo } from 'net';
import { randomBytes } from 'crypto';
import type { AnyObject } from 'mingo/types';
import { cloneValue, isPlainObject, openStore, toEJSON, type Doc, type Store, type WriteOp } from '../store';
import { parseEJSONParam, prepareData, prepareQuery, prepareStage, prepareUpdate } from './decode';
import { CODES, GatewayError, invalid, unsupported } from './errors';
import { sortDocs } from './sort';
import { serveStorage, storageAction, type StorageOptions } from './storage';
import { FileStorage } from '../dev-server/file-storage';
import { TransactionManager } from './transactions';
import { applyUpdate, newAggregator, newQuery } from './engine';
import { forClient } from './client-values';
import { DEAD_CALL_MESSAGE, FAULT_CODE, FAULT_MESSAGE, FaultSwitch, tagOf, type Faults } from './faults';
import { filterShape, ORIGIN_HEADER, originFromHeader, pipelineShape, queryLogEnabled, recordQuery, sortShape, type QueryKind } from './query-log';

export { CODES, GatewayError, NOT_SUPPORTED } from './errors';
export { asCall, type Faults, type FaultMode } from './faults';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface GatewayOptions {
  /** Server clock (ms) for db.serverDate(); default Date.now. */
  now?: () => number;
  /** Files for the SDK's storage actions (downloadFile, getTempFileURL, uploadFile); without it they are refused. */
  storage?: StorageOptions;
}

export interface Gateway {
  /** `origin`: the function code that made the request, for the query recorder (query-log.ts) only. */
  handle(body: unknown, origin?: string | null): Promise<unknown>;
  listener(req: http.IncomingMessage, res: http.ServerResponse): void;
  /** The crash switch (faults.ts): reached by test code only, through the object startGateway returns. */
  readonly faults: Faults;
}

type Params = Record<string, unknown>;
type Answer = Record<string, unknown>;

const UPDATE_OPERATORS = new Set([
  '$set', '$unset', '$inc', '$mul', '$min', '$max', '$rename', '$push', '$pop', '$pull', '$pullAll',
  '$addToSet', '$currentDate', '$bit',
]);

function newId(): string {
  return randomBytes(16).toString('hex');
}

function str(params: Params, name: string): string {
  const v = params[name];
  if (typeof v !== 'string' || v === '') throw invalid(`${name} is required`);
  return v;
}

function optionalInt(params: Params, name: string): number | undefined {
  const v = params[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw invalid(`${name} must be a non-negative integer`);
  return v;
}

function asObject(value: unknown, name: string): Record<string, unknown> {
  if (!isPlainObject(value)) throw invalid(`${name} must be an object`);
  return value;
}

function queryOf(params: Params, now: number): Record<string, unknown> {
  if (params.query === undefined || params.query === null || params.query === '') return {};
  return asObject(prepareQuery(parseEJSONParam(params.query, 'query'), now), 'query');
}

function wrapMingo<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof GatewayError) throw err;
    throw new GatewayError(CODES.REQUEST_FAILED, (err as Error).message);
  }
}

function sameDoc(a: Doc, b: Doc): boolean {
  return toEJSON(a) === toEJSON(b);
}

/** Value at a dotted path (no array traversal): what $inc / $mul check their target against. */
function valueAt(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (Array.isArray(cur)) cur = /^\d+$/.test(part) ? cur[Number(part)] : undefined;
    else if (isPlainObject(cur)) cur = cur[part];
    else return undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

function isNumeric(v: unknown): boolean {
  return typeof v === 'number' || (typeof v === 'object' && v !== null && ['Long', 'Int32', 'Double', 'Decimal128'].includes(
    String((v as { _bsontype?: unknown })._bsontype),
  ));
}

function checkUpdate(update: Record<string, unknown>, doc: Doc): void {
  const keys = Object.keys(update);
  if (keys.length === 0) throw invalid('update data must not be empty');
  for (const op of keys) {
    if (!UPDATE_OPERATORS.has(op)) {
      if (op.startsWith('$')) throw invalid(`unknown update operator ${op}`);
      throw invalid(`update data mixes fields and operators (field ${op})`);
    }
    const spec = update[op];
    if (!isPlainObject(spec)) throw invalid(`${op} needs an object`);
    for (const path of Object.keys(spec)) {
      if (path === '_id' || path.startsWith('_id.')) throw invalid('_id cannot be updated');
      if (op === '$rename' && (spec[path] === '_id' || String(spec[path]).startsWith('_id.'))) {
        throw invalid('_id cannot be updated');
      }
      if (op === '$inc' || op === '$mul') {
        if (!isNumeric(spec[path])) throw invalid(`${op} needs a number for ${path}`);
        const current = path.includes('$') ? undefined : valueAt(doc, path);
        if (current !== undefined && current !== null && !isNumeric(current)) {
          throw new GatewayError(CODES.REQUEST_FAILED, `Cannot apply ${op} to a value of non-numeric type (field ${path})`);
        }
        if (current === null && op === '$inc') {
          throw new GatewayError(CODES.REQUEST_FAILED, `Cannot apply $inc to a value of non-numeric type null (field ${path})`);
        }
      }
    }
  }
}

/** Applies an operator update to a copy of doc; undefined when nothing changed. */
function applyOperators(doc: Doc, update: Record<string, unknown>, condition: Record<string, unknown>): Doc | undefined {
  checkUpdate(update, doc);
  const copy = cloneValue(doc);
  const changed = wrapMingo(() => applyUpdate(copy as AnyObject, cloneValue(update), condition));
  if (changed.length === 0) return undefined;
  if (copy._id !== doc._id) throw invalid('_id cannot be updated');
  return sameDoc(copy, doc) ? undefined : copy;
}

/** A field name MongoDB refuses in a stored document; the service answers DATABASE_REQUEST_FAILED. */
function refuseDollarKeys(data: Record<string, unknown>): void {
  for (const k of Object.keys(data)) {
    if (k.startsWith('$')) throw new GatewayError(CODES.REQUEST_FAILED, `the field name ${k} is not valid for storage: a field name cannot start with $`);
  }
}

function replacement(id: unknown, data: Record<string, unknown>): Doc {
  refuseDollarKeys(data);
  const { _id: ignored, ...rest } = data;
  void ignored;
  return { _id: id, ...rest };
}

class GatewayImpl implements Gateway {
  readonly txns: TransactionManager;
  readonly faults: FaultSwitch;
  private readonly now: () => number;
  private readonly storage: StorageOptions | undefined;
  private readonly recording: boolean;
  /** The origin of the request being dispatched (dispatch is synchronous), for the recorder. */
  private origin: string | null = null;

  constructor(
    private readonly store: Store,
    options: GatewayOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.storage = options.storage;
    this.txns = new TransactionManager(store);
    this.faults = new FaultSwitch((id) => this.txns.abort(id));
    this.recording = queryLogEnabled();
  }

  async handle(body: unknown, origin: string | null = null): Promise<unknown> {
    const requestId = newId();
    this.origin = origin;
    try {
      if (!isPlainObject(body)) throw invalid('request body must be a JSON object');
      const action = body.action;
      if (typeof action !== 'string' || action === '') throw invalid('action is required');
      return { requestId, ...this.dispatch(action, body) };
    } catch (err) {
      if (err instanceof GatewayError) return { requestId, code: err.code, message: err.message };
      return { requestId, code: CODES.REQUEST_FAILED, message: `emulator: ${(err as Error).message}` };
    } finally {
      this.origin = null;
    }
  }

  /** Notes a query's shape for the index check when TXTD_QUERY_LOG is set (query-log.ts); never changes an answer. */
  private record(kind: QueryKind, coll: string, p: Params, query: Record<string, unknown>, order?: unknown): void {
    if (!this.recording) return;
    recordQuery({ coll, kind, filter: filterShape(query), sort: sortShape(order), txn: this.txnId(p) !== undefined, origin: this.origin });
  }

  listener = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const reply = (status: number, payload: unknown): void => {
      const text = JSON.stringify(payload);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
      res.end(text);
    };
    const url = req.url ?? '';
    if (req.method !== 'POST' || !/^\/admin(\?|$)/.test(url)) {
      reply(404, { code: 'NOT_FOUND', message: `${req.method ?? ''} ${url.split('?')[0] ?? ''}: the emulator gateway answers POST /admin only` });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooBig = true;
      else chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (tooBig) {
        reply(413, { code: 'INVALID_PARAM', message: 'request body too large' });
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        reply(400, { code: 'INVALID_PARAM', message: 'request body is not JSON' });
        return;
      }
      const tag = tagOf(req);
      const verdict = this.faults.verdict(tag, body);
      const refuseDead = () => reply(200, { requestId: newId(), code: FAULT_CODE, message: DEAD_CALL_MESSAGE });
      if (verdict.kind === 'hold') {
        this.faults.hold(res, tag, refuseDead);
        return;
      }
      if (verdict.kind === 'fail') {
        this.refuse(body);
        reply(200, { requestId: newId(), code: FAULT_CODE, message: FAULT_MESSAGE });
        return;
      }
      this.handle(body, this.recording ? originFromHeader(req.headers[ORIGIN_HEADER]) : null).then(
        (answer) => {
          this.noteTransaction(body, answer, tag);
          if (verdict.kind === 'crash') {
            this.faults.afterCrash(tag);
            this.faults.hold(res, tag, refuseDead);
            return;
          }
          reply(200, answer);
        },
        (err: unknown) => reply(500, { code: CODES.REQUEST_FAILED, message: String(err) }),
      );
    });
  };

  /** A refused commit ends its transaction: nothing of it is written, as when the service fails a commit. */
  private refuse(body: unknown): void {
    const p = body as Params;
    if (p.action !== 'database.commitTransaction' || typeof p.transactionId !== 'string') return;
    try {
      this.txns.abort(p.transactionId);
    } catch {
      // Unknown or already finished: nothing to end.
    }
    this.faults.finished(p.transactionId);
  }

  /** Which call started which transaction, so a crashed call's open ones can be ended (faults.ts). */
  private noteTransaction(body: unknown, answer: unknown, tag: string | null): void {
    const action = (body as Params).action;
    const a = answer as Answer;
    if (action === 'database.startTransaction' && typeof a.transactionId === 'string') this.faults.started(a.transactionId, tag);
    else if ((action === 'database.commitTransaction' || action === 'database.abortTransaction') && typeof (body as Params).transactionId === 'string') {
      this.faults.finished((body as Params).transactionId as string);
    }
  }

  private dispatch(action: string, p: Params): Answer {
    switch (action) {
      case 'database.getDocument':
        return this.getDocument(p);
      case 'database.calculateDocument':
        return this.calculateDocument(p);
      case 'database.insertDocument':
        return this.insertDocument(p);
      case 'database.modifyDocument':
        return this.modifyDocument(p);
      case 'database.modifyAndReturnDoc':
        return this.modifyAndReturn(p);
      case 'database.removeDocument':
        return this.removeDocument(p);
      case 'database.aggregateDocuments':
        return this.aggregate(p);
      case 'database.startTransaction':
        return { transactionId: this.txns.start() };
      case 'database.commitTransaction':
        this.txns.commit(str(p, 'transactionId'));
        return {};
      case 'database.abortTransaction':
        this.txns.abort(str(p, 'transactionId'));
        return {};
      case 'database.addCollection': {
        const coll = str(p, 'collectionName');
        if (this.store.hasCollection(coll)) {
          throw new GatewayError(CODES.COLLECTION_ALREADY_EXIST, `collection ${coll} already exists`);
        }
        this.store.commit([{ op: 'create', coll }]);
        return {};
      }
      case 'auth.wsWebSign':
        throw unsupported('watch / realtime (auth.wsWebSign)');
      default: {
        const stored = action.startsWith('storage.') && this.storage ? storageAction(action, p, this.storage) : undefined;
        if (stored) return stored;
        if (action.startsWith('database.')) throw unsupported(`database action ${action}`);
        throw new GatewayError(CODES.INVALID_ACTION, `action ${action} is ${'not supported by the local emulator'}`);
      }
    }
  }

  private txnId(p: Params): string | undefined {
    const t = p.transactionId;
    if (t === undefined || t === null || t === '') return undefined;
    if (typeof t !== 'string') throw invalid('transactionId must be a string');
    return t;
  }

  /** The `_id` of a single-document (DOC) request. */
  private docId(p: Params, query: Record<string, unknown>): unknown {
    if (!('_id' in query) || isPlainObject(query._id) || query._id instanceof RegExp) {
      throw invalid('a document request needs query {_id}');
    }
    return query._id;
  }

  /**
   * Committed documents matching a query, in natural order; direct lookups for an `_id` equality or an `_id` `$in`
   * list (in the list's order), so batch reads by id do not test every document against every id.
   */
  private match(coll: string, query: Record<string, unknown>): Doc[] {
    const q = wrapMingo(() => newQuery(query));
    const id = query._id;
    if (id !== undefined && (typeof id === 'string' || typeof id === 'number')) {
      const doc = this.store.get(coll, id);
      return doc && wrapMingo(() => q.test(doc as AnyObject)) ? [doc] : [];
    }
    const ids = isPlainObject(id) && Object.keys(id).length === 1 && Array.isArray(id.$in) ? id.$in : undefined;
    if (ids && ids.every((v) => typeof v === 'string' || typeof v === 'number')) {
      const found = [...new Set(ids)].map((v) => this.store.get(coll, v)).filter((d): d is Doc => d !== undefined);
      return wrapMingo(() => found.filter((d) => q.test(d as AnyObject)));
    }
    return wrapMingo(() => this.store.list(coll).filter((d) => q.test(d as AnyObject)));
  }

  /**
   * The documents a request works on: inside a transaction, its snapshot overlaid with its own writes (a
   * DOC request reads its one document); otherwise the committed store.
   */
  private matching(p: Params, coll: string, query: Record<string, unknown>): Doc[] {
    const txnId = this.txnId(p);
    if (txnId === undefined) return this.match(coll, query);
    const q = wrapMingo(() => newQuery(query));
    if (p.queryType === 'DOC') {
      const doc = this.txns.read(txnId, coll, this.docId(p, query));
      return doc && wrapMingo(() => q.test(doc as AnyObject)) ? [doc] : [];
    }
    return wrapMingo(() => this.txns.list(txnId, coll).filter((d) => q.test(d as AnyObject)));
  }

  /** Writes one document, in the transaction when there is one. */
  private commitWrites(p: Params, ops: WriteOp[]): void {
    const txnId = this.txnId(p);
    if (txnId === undefined) {
      this.store.commit(ops);
      return;
    }
    for (const op of ops) {
      if (op.op === 'put') this.txns.write(txnId, op.coll, op.doc._id, op.doc);
      else if (op.op === 'del') this.txns.write(txnId, op.coll, op.id, null);
    }
  }

  private getDocument(p: Params): Answer {
    const coll = str(p, 'collectionName');
    const now = this.now();
    const query = queryOf(p, now);
    const projection =
      p.projection === undefined || p.projection === '' ? undefined : asObject(parseEJSONParam(p.projection, 'projection'), 'projection');
    let docs = this.matching(p, coll, query);
    const order = p.order === undefined || p.order === '' ? undefined : asObject(parseEJSONParam(p.order, 'order'), 'order');
    if (order) {
      for (const [k, v] of Object.entries(order)) {
        if (v !== 1 && v !== -1) throw invalid(`order of ${k} must be 1 or -1`);
      }
    }
    this.record('get', coll, p, query, order);
    const offset = optionalInt(p, 'offset') ?? 0;
    let limit = optionalInt(p, 'limit') ?? DEFAULT_LIMIT;
    if (limit === 0) limit = DEFAULT_LIMIT;
    if (limit > MAX_LIMIT) limit = MAX_LIMIT;
    if (order && Object.keys(order).length > 0) docs = sortDocs(docs, order as Record<string, 1 | -1>);
    docs = docs.slice(offset, offset + limit);
    const out =
      projection && Object.keys(projection).length > 0
        ? wrapMingo(() => newAggregator([{ $project: projection }]).run(docs as AnyObject[]))
        : docs;
    return { data: { list: out.map((d) => toEJSON(forClient(d))) } };
  }

  private calculateDocument(p: Params): Answer {
    const coll = str(p, 'collectionName');
    // No evidence the service counts inside a transaction (the SDK's suite never does): refused, so code
    // that runs here cannot depend on it.
    if (this.txnId(p) !== undefined) throw new GatewayError(CODES.TRANSACTION_FAIL, 'count inside a transaction is not allowed');
    const query = queryOf(p, this.now());
    this.record('count', coll, p, query);
    return { data: { total: this.match(coll, query).length } };
  }

  private insertDocument(p: Params): Answer {
    const coll = str(p, 'collectionName');
    const now = this.now();
    if (!Array.isArray(p.data) || p.data.length === 0) throw invalid('data must be a non-empty array of EJSON documents');
    const docs: Doc[] = p.data.map((item: unknown) => {
      const data = asObject(prepareData(parseEJSONParam(item, 'data'), now), 'a document');
      refuseDollarKeys(data);
      const id = data._id === undefined || data._id === null ? newId() : data._id;
      if (isPlainObject(id) || Array.isArray(id)) throw invalid('_id must be a string or a number');
      const { _id: ignored, ...rest } = data;
      void ignored;
      return { _id: id, ...rest } as Doc;
    });
    const txnId = this.txnId(p);
    const seen = new Set<string>();
    for (const doc of docs) {
      const key = toEJSON({ v: doc._id });
      const exists =
        seen.has(key) || (txnId !== undefined ? this.txns.read(txnId, coll, doc._id) !== null : this.store.get(coll, doc._id) !== undefined);
      if (exists) {
        throw new GatewayError(
          CODES.DUPLICATE_WRITE,
          `E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: ${JSON.stringify(doc._id)} }`,
        );
      }
      seen.add(key);
    }
    this.commitWrites(p, docs.map((doc): WriteOp => ({ op: 'put', coll, doc })));
    return { data: { insertedIds: docs.map((d) => forClient(d._id)) } };
  }

  /**
   * `updated` is the number of documents the update MATCHED (MongoDB's n), not the number it changed: the
   * service answers 1 for a set() or update() that writes the values already stored (set() and update()
   * are the same action, database.modifyDocument).
   */
  private modifyDocument(p: Params): Answer {
    const coll = str(p, 'collectionName');
    const now = this.now();
    const query = queryOf(p, now);
    const data = asObject(parseEJSONParam(p.data, 'data'), 'data');
    const merge = p.merge !== false;
    const upsert = p.upsert === true;
    const isDoc = p.queryType === 'DOC';
    const multi = isDoc ? false : p.multi !== false;
    const update = merge ? prepareUpdate(data, now) : (prepareData(data, now) as Record<string, unknown>);
    this.record('update', coll, p, query);

    const matched = this.matching(p, coll, query);
    if (matched.length === 0) {
      if (!upsert) return { data: { updated: 0 } };
      const id = isDoc ? this.docId(p, query) : this.equalityId(query);
      const doc = merge ? this.upsertFromOperators(id, update, query) : replacement(id, update);
      this.commitWrites(p, [{ op: 'put', coll, doc }]);
      return { data: { updated: 0, upsert_id: forClient(doc._id) } };
    }
    const targets = multi ? matched : matched.slice(0, 1);
    const ops: WriteOp[] = [];
    for (const doc of targets) {
      const next = merge ? applyOperators(doc, update, query) : replacement(doc._id, update);
      if (next && !sameDoc(next, doc)) ops.push({ op: 'put', coll, doc: next });
    }
    this.commitWrites(p, ops);
    return { data: { updated: targets.length } };
  }

  private equalityId(query: Record<string, unknown>): unknown {
    const id = query._id;
    return typeof id === 'string' || typeof id === 'number' ? id : newId();
  }

  private upsertFromOperators(id: unknown, update: Record<string, unknown>, query: Record<string, unknown>): Doc {
    const seed: Doc = { _id: id };
    for (const [k, v] of Object.entries(query)) {
      if (!k.startsWith('$') && k !== '_id' && !k.includes('.') && !isPlainObject(v) && !(v instanceof RegExp)) seed[k] = cloneValue(v);
    }
    return applyOperators(seed, update, {}) ?? seed;
  }

  /** findAndModify: `updated` is 1 whenever a document matched, even if the values were already stored. */
  private modifyAndReturn(p: Params): Answer {
    const coll = str(p, 'collectionName');
    const now = this.now();
    const query = queryOf(p, now);
    const update = prepareUpdate(asObject(parseEJSONParam(p.data, 'data'), 'data'), now);
    this.record('update', coll, p, query);
    const first = this.matching(p, coll, query)[0];
    if (!first) return { data: { updated: 0, doc: null } };
    const next = applyOperators(first, update, query);
    if (next) this.commitWrites(p, [{ op: 'put', coll, doc: next }]);
    return { data: { updated: 1, doc: toEJSON(forClient(next ?? first)) } };
  }

  private removeDocument(p: Params): Answer {
    const coll = str(p, 'collectionName');
    const query = queryOf(p, this.now());
    this.record('remove', coll, p, query);
    const isDoc = p.queryType === 'DOC';
    const matched = this.matching(p, coll, query);
    const targets = isDoc || p.multi === false ? matched.slice(0, 1) : matched;
    this.commitWrites(p, targets.map((d): WriteOp => ({ op: 'del', coll, id: d._id })));
    return { data: { deleted: targets.length } };
  }

  private aggregate(p: Params): Answer {
    const coll = str(p, 'collectionName');
    const now = this.now();
    if (!Array.isArray(p.stages)) throw invalid('stages must be an array');
    const pipeline = p.stages.map((raw: unknown) => {
      const s = asObject(raw, 'stage');
      const stageKey = str(s, 'stageKey');
      if (!stageKey.startsWith('$')) throw invalid(`unknown aggregate stage ${stageKey}`);
      return prepareStage({ [stageKey]: parseEJSONParam(s.stageValue, stageKey) }, now);
    });
    if (this.recording) {
      const { filter, sort } = pipelineShape(pipeline);
      recordQuery({ coll, kind: 'aggregate', filter, sort, txn: this.txnId(p) !== undefined, origin: this.origin });
    }
    const docs = this.store.list(coll).map((d) => cloneValue(d));
    const resolver = (name: string): AnyObject[] => this.store.list(name).map((d) => cloneValue(d) as AnyObject);
    // mingo's $sample draws with replacement; MongoDB answers distinct documents, so $sample runs here.
    let out: AnyObject[] = docs as AnyObject[];
    let segment: AnyObject[] = [];
    const flush = (): void => {
      if (segment.length === 0) return;
      const stages = segment;
      out = wrapMingo(() => newAggregator(stages, resolver).run(out));
      segment = [];
    };
    for (const stage of pipeline) {
      if ('$sample' in stage) {
        flush();
        out = sample(out, stage.$sample);
      } else {
        segment.push(stage as AnyObject);
      }
    }
    flush();
    return { data: { list: out.map((d) => toEJSON(forClient(d))) } };
  }
}

function sample(docs: AnyObject[], spec: unknown): AnyObject[] {
  const size = isPlainObject(spec) ? spec.size : undefined;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) throw invalid('$sample needs a non-negative integer size');
  const pool = docs.slice();
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [pool[i], pool[j]] = [pool[j] as AnyObject, pool[i] as AnyObject];
  }
  return pool.slice(0, size);
}

export function createGateway(store: Store, options: GatewayOptions = {}): Gateway {
  return new GatewayImpl(store, options);
}

export interface RunningGateway {
  /** http://127.0.0.1:<port>/admin */
  url: string;
  store: Store;
  /** The files its storage actions serve (in memory); tests may save one here and pass its fileID. */
  files: FileStorage;
  /** The crash switch (faults.ts); test code only. */
  faults: Faults;
  /** Stops the server (dropping keep-alive connections); closes the store only if startGateway opened it. */
  close(): Promise<void>;
}

export async function startGateway(options: { store?: Store; now?: () => number } = {}): Promise<RunningGateway> {
  const ownStore = options.store === undefined;
  const store = options.store ?? openStore();
  const files = new FileStorage(null);
  const server = http.createServer();
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  // Created once the port is known: temp and upload URLs point back at this server.
  const gateway = createGateway(store, { now: options.now, storage: { files, baseUrl: `http://127.0.0.1:${port}` } });
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!serveStorage(files, req, res)) gateway.listener(req, res);
  });
  let closed = false;
  return {
    url: `http://127.0.0.1:${port}/admin`,
    store,
    files,
    faults: gateway.faults,
    close: async () => {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        gateway.faults.reset();
        server.closeAllConnections();
      });
      if (ownStore) store.close();
    },
  };
}
