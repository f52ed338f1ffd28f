import http from 'http';

/**
 * A call that dies before its n-th write reaches the database: the SDK's request for that write is destroyed on the
 * client side, so it is never applied and the call ends with an error. Only the transport is touched, never our code.
 * A write is what the gateway applies durably: insert, modify and remove outside a transaction, and a commit.
 */
const WRITES = new Set(['database.insertDocument', 'database.modifyDocument', 'database.modifyAndReturnDoc', 'database.removeDocument']);

function isWrite(body: string): boolean {
  let parsed: { action?: unknown; transactionId?: unknown };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return false;
  }
  if (parsed.action === 'database.commitTransaction') return true;
  return typeof parsed.action === 'string' && WRITES.has(parsed.action) && !parsed.transactionId;
}

export interface WriteFaults {
  /** From now on, counts writes and refuses the n-th. */
  failAt(n: number): void;
  /** Whether the armed write was refused. */
  readonly fired: boolean;
  /** Writes counted since the last failAt. */
  readonly writes: number;
  disarm(): void;
  restore(): void;
}

export function installWriteFaults(): WriteFaults {
  const realRequest = http.request;
  let target = 0;
  let seen = 0;
  let fired = false;
  (http as { request: typeof http.request }).request = ((...args: Parameters<typeof http.request>) => {
    const req = realRequest(...args);
    const write = req.write.bind(req) as (...a: unknown[]) => boolean;
    const end = req.end.bind(req) as (...a: unknown[]) => http.ClientRequest;
    const chunks: unknown[][] = [];
    req.write = ((...a: unknown[]) => {
      chunks.push(a);
      return true;
    }) as typeof req.write;
    req.end = ((...a: unknown[]) => {
      const last = typeof a[0] === 'function' ? undefined : a[0];
      const body = chunks.map((c) => String(c[0])).join('') + (last === undefined || last === null ? '' : String(last));
      if (target > 0 && isWrite(body)) {
        seen += 1;
        if (seen === target) {
          fired = true;
          target = 0;
          req.destroy(new Error('injected fault: the call died before this write'));
          return req;
        }
      }
      for (const c of chunks) write(...c);
      return end(...a);
    }) as typeof req.end;
    return req;
  }) as typeof http.request;
  return {
    failAt(n) {
      target = n;
      seen = 0;
      fired = false;
    },
    get fired() {
      return fired;
    },
    get writes() {
      return seen;
    },
    disarm() {
      target = 0;
    },
    restore() {
      (http as { request: typeof http.request }).request = realRequest;
    },
  };
}
