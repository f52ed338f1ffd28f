// Multi-request transactions over the store, as CloudBase (MongoDB underneath) runs them: snapshot isolation.
//
// - The snapshot is taken at the transaction's first operation (MongoDB picks its read point there, not at
//   startTransaction). Every read in the transaction (doc().get(), where().get(), the documents an update or
//   remove matches) sees the store as of that snapshot, overlaid with the transaction's own buffered writes.
// - Reads never conflict (a document read, then changed outside, reads back as of the snapshot; write skew
//   is possible, as in MongoDB).
// - Writing a document that another open transaction has written, or that a commit changed after the
//   snapshot, is a write conflict; so is committing when a document it wrote was changed outside since. A
//   conflict aborts the transaction (nothing of it was ever applied) and answers DATABASE_TRANSACTION_CONFLICT
//   with the service's text, which the SDK's runTransaction retries.
// - Commit applies every buffered write as one store commit (one log line: all or nothing after a crash).
import { randomBytes } from 'crypto';
import { cloneValue, idKey, type Doc, type Snapshot, type Store, type WriteOp } from '../store';
import { CODES, GatewayError } from './errors';

/** The service: "transaction must be commit or abort in 30 seconds"; an abandoned one stops holding locks. */
export const TRANSACTION_LIFETIME_MS = 30_000;
const FINISHED_MEMORY = 2000;

/** The service's texts (from the CloudBase SDK's own test suite, run against the service). */
export const TRANSACTION_CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.';
export const TRANSACTION_NOT_EXIST_MESSAGE =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.';

interface Write {
  coll: string;
  id: unknown;
  doc: Doc | null;
}

interface Txn {
  id: string;
  startedAt: number;
  generation: number;
  snapshot: Snapshot | null;
  writes: Map<string, Write>;
}

type Finished = 'committed' | 'aborted';

function key(coll: string, id: unknown): string {
  return `${coll}\u0000${idKey(id)}`;
}

export class TransactionManager {
  private readonly open = new Map<string, Txn>();
  private readonly finished = new Map<string, Finished>();
  private readonly locks = new Map<string, string>();

  constructor(
    private readonly store: Store,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  start(): string {
    // Abandoned ones (a caller that died mid-transaction) are finished here, not only when next touched: an open
    // snapshot is handed the pre-image of every document any commit changes, for as long as it stays open.
    for (const txn of this.open.values()) if (this.expired(txn)) this.finish(txn, 'aborted');
    const id = randomBytes(16).toString('hex');
    this.open.set(id, { id, startedAt: this.clock(), generation: this.store.generation, snapshot: null, writes: new Map() });
    return id;
  }

  /** The document as the transaction sees it (a copy), or null. */
  read(txnId: string, coll: string, id: unknown): Doc | null {
    const txn = this.get(txnId);
    const own = txn.writes.get(key(coll, id));
    if (own) return own.doc ? cloneValue(own.doc) : null;
    const doc = this.view(txn).get(coll, id);
    return doc ? cloneValue(doc) : null;
  }

  /** The collection as the transaction sees it (copies), in natural order. */
  list(txnId: string, coll: string): Doc[] {
    const txn = this.get(txnId);
    const docs = this.view(txn).list(coll);
    const out: Doc[] = [];
    const seen = new Set<string>();
    for (const doc of docs) {
      const k = key(coll, doc._id);
      seen.add(k);
      const own = txn.writes.get(k);
      const now = own ? own.doc : doc;
      if (now) out.push(cloneValue(now));
    }
    for (const [k, w] of txn.writes) if (w.coll === coll && w.doc && !seen.has(k)) out.push(cloneValue(w.doc));
    return out;
  }

  /** Buffers a write (doc null: delete). */
  write(txnId: string, coll: string, id: unknown, doc: Doc | null): void {
    const txn = this.get(txnId);
    const k = key(coll, id);
    const holder = this.locks.get(k);
    if (holder !== undefined && holder !== txnId) {
      const other = this.open.get(holder);
      if (other && !this.expired(other)) this.conflict(txn);
      if (other) this.finish(other, 'aborted');
    }
    if (this.view(txn).changed(coll, id)) this.conflict(txn);
    this.locks.set(k, txnId);
    txn.writes.set(k, { coll, id, doc: doc ? cloneValue(doc) : null });
  }

  commit(txnId: string): void {
    const txn = this.get(txnId);
    const snapshot = txn.snapshot;
    for (const w of txn.writes.values()) if (snapshot?.changed(w.coll, w.id)) this.conflict(txn);
    const ops: WriteOp[] = [];
    for (const w of txn.writes.values()) {
      ops.push(w.doc ? { op: 'put', coll: w.coll, doc: w.doc } : { op: 'del', coll: w.coll, id: w.id });
    }
    // Released first: the transaction's own commit need not be kept as history for it.
    snapshot?.release();
    try {
      this.store.commit(ops);
    } catch (err) {
      this.finish(txn, 'aborted');
      throw err;
    }
    this.finish(txn, 'committed');
  }

  /** Aborting one already aborted (e.g. by a conflict) is not an error; a committed or unknown one is. */
  abort(txnId: string): void {
    const txn = this.open.get(txnId);
    if (txn) {
      this.finish(txn, 'aborted');
      return;
    }
    if (this.finished.get(txnId) === 'aborted') return;
    throw new GatewayError(CODES.TRANSACTION_FAIL, TRANSACTION_NOT_EXIST_MESSAGE);
  }

  reset(): void {
    for (const txn of this.open.values()) txn.snapshot?.release();
    this.open.clear();
    this.finished.clear();
    this.locks.clear();
  }

  openCount(): number {
    return this.open.size;
  }

  /** The transaction's snapshot, taken at its first operation. */
  private view(txn: Txn): Snapshot {
    txn.snapshot ??= this.store.snapshot();
    return txn.snapshot;
  }

  /** An open transaction; a finished, expired or unknown one answers the service's TransactionNotExist. */
  private get(txnId: string): Txn {
    const txn = this.open.get(txnId);
    if (txn && !this.expired(txn)) return txn;
    if (txn) this.finish(txn, 'aborted');
    throw new GatewayError(CODES.TRANSACTION_FAIL, TRANSACTION_NOT_EXIST_MESSAGE);
  }

  /** Too old, or started before a store reset(). */
  private expired(txn: Txn): boolean {
    return txn.generation !== this.store.generation || this.clock() - txn.startedAt > TRANSACTION_LIFETIME_MS;
  }

  private conflict(txn: Txn): never {
    this.finish(txn, 'aborted');
    throw new GatewayError(CODES.TRANSACTION_CONFLICT, TRANSACTION_CONFLICT_MESSAGE);
  }

  private finish(txn: Txn, state: Finished): void {
    txn.snapshot?.release();
    this.open.delete(txn.id);
    for (const k of txn.writes.keys()) if (this.locks.get(k) === txn.id) this.locks.delete(k);
    this.finished.set(txn.id, state);
    if (this.finished.size > FINISHED_MEMORY) {
      const oldest = this.finished.keys().next();
      if (!oldest.done) this.finished.delete(oldest.value);
    }
  }
}
