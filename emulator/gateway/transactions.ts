// Multi-request transactions over the store: optimistic, per-document versions, first committer wins.
//
// - A transaction reads the committed state overlaid with its own buffered writes.
// - The first time it touches a document (read or write) it records the document's version.
// - Writing a document that another open transaction has written, or that changed since this transaction
//   touched it, is a conflict; so is committing when any touched document changed. A conflict aborts the
//   transaction (nothing of it was ever applied) and answers DATABASE_TRANSACTION_CONFLICT, which the SDK's
//   runTransaction retries.
// - Commit applies every buffered write as one store commit (one log line: all or nothing after a crash).
import { randomBytes } from 'crypto';
import { cloneValue, idKey, type Doc, type Store, type WriteOp } from '../store';
import { CODES, GatewayError } from './errors';

/** Like MongoDB's transactionLifetimeLimitSeconds: an abandoned transaction stops holding locks. */
export const TRANSACTION_LIFETIME_MS = 60_000;
const FINISHED_MEMORY = 2000;

interface Touch {
  coll: string;
  id: unknown;
  version: number;
}

interface Txn {
  id: string;
  startedAt: number;
  generation: number;
  touched: Map<string, Touch>;
  writes: Map<string, { coll: string; id: unknown; doc: Doc | null }>;
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
    private readonly clock: () => number = Date.now,
  ) {}

  start(): string {
    const id = randomBytes(16).toString('hex');
    this.open.set(id, { id, startedAt: this.clock(), generation: this.store.generation, touched: new Map(), writes: new Map() });
    return id;
  }

  /** The document as the transaction sees it (a copy), or null. */
  read(txnId: string, coll: string, id: unknown): Doc | null {
    const txn = this.get(txnId);
    const k = key(coll, id);
    const own = txn.writes.get(k);
    if (own) return own.doc ? cloneValue(own.doc) : null;
    if (!txn.touched.has(k)) txn.touched.set(k, { coll, id, version: this.store.version(coll, id) });
    const doc = this.store.get(coll, id);
    return doc ? cloneValue(doc) : null;
  }

  /** Buffers a write (doc null: delete). */
  write(txnId: string, coll: string, id: unknown, doc: Doc | null): void {
    const txn = this.get(txnId);
    const k = key(coll, id);
    const holder = this.locks.get(k);
    if (holder !== undefined && holder !== txnId) {
      const other = this.open.get(holder);
      if (other && !this.expired(other)) {
        this.conflict(txn, `document ${String(id)} of ${coll} is being written by another transaction`);
      }
      if (other) this.finish(other, 'aborted');
    }
    const touch = txn.touched.get(k);
    if (touch && touch.version !== this.store.version(coll, id)) {
      this.conflict(txn, `document ${String(id)} of ${coll} changed since the transaction read it`);
    }
    if (!touch) txn.touched.set(k, { coll, id, version: this.store.version(coll, id) });
    this.locks.set(k, txnId);
    txn.writes.set(k, { coll, id, doc: doc ? cloneValue(doc) : null });
  }

  commit(txnId: string): void {
    const txn = this.get(txnId);
    for (const touch of txn.touched.values()) {
      if (this.store.version(touch.coll, touch.id) !== touch.version) {
        this.conflict(txn, `document ${String(touch.id)} of ${touch.coll} changed during the transaction`);
      }
    }
    const ops: WriteOp[] = [];
    for (const w of txn.writes.values()) {
      ops.push(w.doc ? { op: 'put', coll: w.coll, doc: w.doc } : { op: 'del', coll: w.coll, id: w.id });
    }
    try {
      this.store.commit(ops);
    } catch (err) {
      this.finish(txn, 'aborted');
      throw err;
    }
    this.finish(txn, 'committed');
  }

  /** Aborting an unknown transaction is an error; aborting one already aborted (e.g. by a conflict) is not. */
  abort(txnId: string): void {
    const txn = this.open.get(txnId);
    if (txn) {
      this.finish(txn, 'aborted');
      return;
    }
    const state = this.finished.get(txnId);
    if (state === 'aborted') return;
    if (state === 'committed') {
      throw new GatewayError(CODES.TRANSACTION_FAIL, `transaction ${txnId} is already committed`);
    }
    throw new GatewayError(CODES.TRANSACTION_FAIL, `transaction ${txnId} does not exist`);
  }

  reset(): void {
    this.open.clear();
    this.finished.clear();
    this.locks.clear();
  }

  openCount(): number {
    return this.open.size;
  }

  private get(txnId: string): Txn {
    const txn = this.open.get(txnId);
    if (txn) {
      if (this.expired(txn)) {
        this.finish(txn, 'aborted');
        throw new GatewayError(CODES.TRANSACTION_FAIL, `transaction ${txnId} expired (or the store was reset) and was aborted`);
      }
      return txn;
    }
    const state = this.finished.get(txnId);
    if (state) throw new GatewayError(CODES.TRANSACTION_FAIL, `transaction ${txnId} is already ${state}`);
    throw new GatewayError(CODES.TRANSACTION_FAIL, `transaction ${txnId} does not exist`);
  }

  /** Too old, or started before a store reset(). */
  private expired(txn: Txn): boolean {
    return txn.generation !== this.store.generation || this.clock() - txn.startedAt > TRANSACTION_LIFETIME_MS;
  }

  private conflict(txn: Txn, detail: string): never {
    this.finish(txn, 'aborted');
    throw new GatewayError(CODES.TRANSACTION_CONFLICT, `database transaction conflict: ${detail}`);
  }

  private finish(txn: Txn, state: Finished): void {
    this.open.delete(txn.id);
    for (const k of txn.writes.keys()) if (this.locks.get(k) === txn.id) this.locks.delete(k);
    this.finished.set(txn.id, state);
    if (this.finished.size > FINISHED_MEMORY) {
      const oldest = this.finished.keys().next();
      if (!oldest.done) this.finished.delete(oldest.value);
    }
  }
}
