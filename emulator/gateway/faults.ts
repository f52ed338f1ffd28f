// The crash switch (issue 15, /docs/emulator.md "The crash switch"): test code makes the n-th *write point* of a
// call fail, or makes the call "die" right after it. Only test code reaches it: it is the `faults` property of the
// object `startGateway` returns, never an action of the wire protocol, so no function can touch it.
//
// A write point is a request that changes durable state: insertDocument, modifyDocument, modifyAndReturnDoc and
// removeDocument outside a transaction, and commitTransaction (writes inside a transaction are not durable until
// the commit, so they are not points of their own).
//
// Which requests belong to which call: the functions run in the same process as the gateway, so `asCall` runs a
// call in an AsyncLocalStorage scope and the client side of `http.request` stamps the scope's tag on every
// `/admin` request it makes (as query-log.ts stamps the calling code). When a crash trips, every later request
// of that call (its tag) is held without being applied or answered, while other calls (the retry) are served.
// A crash in a request without a tag (a test's own SDK client) holds every later request instead.
import { AsyncLocalStorage } from 'async_hooks';
import http from 'http';

export type FaultMode = 'crash' | 'fail';

export interface Faults {
  /** Counts write points from now on; the `at`-th one fails or crashes (1-based). */
  arm(fault: { at: number; mode: FaultMode }): void;
  /** Counts write points from now on, without a fault (a clean run learns how many points an action has). */
  count(): void;
  /** Write points counted since the last `arm` / `count()`. */
  readonly writes: number;
  /** Whether the armed fault fired. */
  readonly tripped: boolean;
  /** Disarms, stops counting, and destroys the sockets of the requests a crash holds (their calls then see an error). */
  reset(): void;
  /** Resolves when the armed fault fires (extension: lets a caller stop waiting for a call that will never answer). */
  whenTripped(): Promise<void>;
}

export const CALL_HEADER = 'x-txtd-call';
/** The database error a refused write point answers (the SDK throws it as a TcbError with this code). */
export const FAULT_CODE = 'DATABASE_REQUEST_FAILED';
export const FAULT_MESSAGE = 'emulator fault injection: this write was refused (nothing was written)';
/** The answer to a request of a call that crashed and was reset: it is never applied. */
export const DEAD_CALL_MESSAGE = 'emulator fault injection: this call crashed earlier; its requests are not served';

const WRITE_ACTIONS = new Set(['database.insertDocument', 'database.modifyDocument', 'database.modifyAndReturnDoc', 'database.removeDocument']);
const PATCHED = Symbol.for('txtd.faults.httpPatched');
// The scope lives on the `http` module itself: jest loads this file afresh for each test file of a worker, but
// `http` (and the patch installed on it) is one per process, so every copy must stamp from the same scope.
const SCOPE = Symbol.for('txtd.faults.scope');
const shared = http as unknown as Record<symbol, { scope: AsyncLocalStorage<string>; nextTag: number } | undefined>;
const calls = (shared[SCOPE] ??= { scope: new AsyncLocalStorage<string>(), nextTag: 1 });
const scope = calls.scope;

/** Whether a request body is a write point. */
export function isWritePoint(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const { action, transactionId } = body as { action?: unknown; transactionId?: unknown };
  if (action === 'database.commitTransaction') return true;
  if (typeof action !== 'string' || !WRITE_ACTIONS.has(action)) return false;
  return transactionId === undefined || transactionId === null || transactionId === '';
}

/** Stamps the current call's tag on the SDK's `/admin` requests (installed once, by the first `asCall`). */
function patchHttpRequest(): void {
  const mod = http as unknown as Record<symbol, boolean | undefined> & { request: typeof http.request };
  if (mod[PATCHED]) return;
  mod[PATCHED] = true;
  const original = mod.request;
  mod.request = function request(this: unknown, ...args: unknown[]): http.ClientRequest {
    const req = (original as (...a: unknown[]) => http.ClientRequest).apply(this, args);
    const tag = scope.getStore();
    if (tag !== undefined && req.path.startsWith('/admin') && !req.headersSent) req.setHeader(CALL_HEADER, tag);
    return req;
  } as typeof http.request;
}

/** Runs one function call under its own tag, so a crash can kill exactly that call. */
export function asCall<T>(work: () => Promise<T>): Promise<T> {
  patchHttpRequest();
  return scope.run(`call-${calls.nextTag++}`, work);
}

export function tagOf(req: http.IncomingMessage): string | null {
  const v = req.headers[CALL_HEADER];
  return typeof v === 'string' && v !== '' ? v : null;
}

/** What the gateway does with one request. */
export type Verdict =
  | { kind: 'serve'; point: boolean }
  /** Refuse it with the fault error (for a commit: abort the transaction first). */
  | { kind: 'fail' }
  /** Apply it, then hold the answer forever: the call dies here. */
  | { kind: 'crash' }
  /** A later request of a dead call: neither applied nor answered. */
  | { kind: 'hold' };

/** The gateway's side of the switch. */
export class FaultSwitch implements Faults {
  private counting = false;
  private armed: { at: number; mode: FaultMode } | null = null;
  private writeCount = 0;
  private fired = false;
  private waiters: (() => void)[] = [];
  /** Tags of dead calls; null stands for "a request without a tag died": then every later request is held. */
  private readonly dead = new Set<string | null>();
  /** Once reset, a dead call's requests are destroyed at once instead of held (it must never be answered). */
  private buried = new Set<string | null>();
  private readonly held = new Set<http.ServerResponse>();
  /** Open transactions by the tag of the call that started them. */
  private readonly txnTags = new Map<string, string | null>();

  /** Ends a transaction as the service ends one whose client is gone (the gateway's abort). */
  constructor(private readonly abortTxn: (id: string) => void) {}

  get writes(): number {
    return this.writeCount;
  }

  get tripped(): boolean {
    return this.fired;
  }

  arm(fault: { at: number; mode: FaultMode }): void {
    if (!Number.isInteger(fault.at) || fault.at < 1) throw new Error(`faults.arm: at must be a positive integer, not ${fault.at}`);
    if (fault.mode !== 'crash' && fault.mode !== 'fail') throw new Error(`faults.arm: mode must be crash or fail, not ${String(fault.mode)}`);
    this.start({ ...fault });
  }

  count(): void {
    this.start(null);
  }

  reset(): void {
    this.counting = false;
    this.armed = null;
    this.writeCount = 0;
    this.fired = false;
    this.waiters = [];
    this.endDeadTransactions();
    for (const tag of this.dead) this.buried.add(tag);
    this.dead.clear();
    // Untagged requests are a test's own client: after the reset they are served again.
    this.buried.delete(null);
    for (const res of this.held) res.destroy();
    this.held.clear();
  }

  whenTripped(): Promise<void> {
    if (this.fired) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Decides a request's fate before it is handled. */
  verdict(tag: string | null, body: unknown): Verdict {
    if (this.isDead(tag)) return { kind: 'hold' };
    const point = isWritePoint(body);
    if (!point || !this.counting) return { kind: 'serve', point };
    this.writeCount += 1;
    const fault = this.armed;
    if (!fault || this.fired || this.writeCount !== fault.at) return { kind: 'serve', point };
    if (fault.mode === 'fail') {
      this.fire();
      return { kind: 'fail' };
    }
    // Tripped only once the write is applied (afterCrash): a caller woken by whenTripped() sees it in the store.
    this.dead.add(tag);
    return { kind: 'crash' };
  }

  /** After a crash has been applied: its call's open transactions end, as if the service's lifetime ran out. */
  afterCrash(tag: string | null): void {
    // A crashed call's open transaction would hold its locks for the service's 30 s lifetime, and the retry
    // (inTransaction) would meet write conflicts until COMMON.BUSY. The service aborts a transaction whose client
    // is gone once that lifetime passes; a retry is modelled as coming after it, so the transaction ends here.
    if (tag !== null) this.endTransactionsOf(tag);
    this.fire();
  }

  /**
   * Keeps a response that must never be answered; its socket is destroyed at reset(). A request of a call buried by
   * an earlier reset() (the SDK resends a request whose kept-alive socket was destroyed, and a dead call's code may
   * go on after the error) is refused at once, unapplied, so the dead call ends instead of hanging the next test.
   */
  hold(res: http.ServerResponse, tag: string | null, refuse: () => void): void {
    if (!this.dead.has(tag) && !this.dead.has(null)) {
      refuse();
      return;
    }
    this.held.add(res);
    res.on('close', () => this.held.delete(res));
  }

  /** Notes which call started a transaction. */
  started(txnId: string, tag: string | null): void {
    this.txnTags.set(txnId, tag);
    if (this.txnTags.size > 5000) {
      const oldest = this.txnTags.keys().next();
      if (!oldest.done) this.txnTags.delete(oldest.value);
    }
  }

  finished(txnId: string): void {
    this.txnTags.delete(txnId);
  }

  private isDead(tag: string | null): boolean {
    if (this.dead.has(null) || this.dead.has(tag)) return true;
    return tag !== null && this.buried.has(tag);
  }

  private start(fault: { at: number; mode: FaultMode } | null): void {
    this.counting = true;
    this.armed = fault;
    this.writeCount = 0;
    this.fired = false;
    this.waiters = [];
  }

  private fire(): void {
    this.fired = true;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private endDeadTransactions(): void {
    for (const tag of this.dead) this.endTransactionsOf(tag);
  }

  private endTransactionsOf(tag: string | null): void {
    for (const [id, t] of [...this.txnTags]) {
      if (t !== tag) continue;
      this.txnTags.delete(id);
      try {
        this.abortTxn(id);
      } catch {
        // Already committed or gone: nothing holds a lock.
      }
    }
  }
}
