import { getDb } from './db';
import { AppError } from './errors';

/** The SDK's transaction handle: single-document operations only. */
export type Tx = Awaited<ReturnType<ReturnType<typeof getDb>['startTransaction']>>;

const CONFLICT = 'DATABASE_TRANSACTION_CONFLICT';
/** The service ends a transaction not committed within 30 s; nothing of it was written, so it is run again. */
const EXPIRED = /TransactionNotExist/;
/** Enough for dozens of simultaneous writers on one document; past it the caller is told to try again. */
const ATTEMPTS = 30;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` in a transaction, retrying only conflicts and expiries, with growing jittered waits. The SDK's own runTransaction
 * retries every error (our refusals too) at once and drops the result, so it is not used.
 */
export async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const tx = await getDb().startTransaction();
    try {
      const result = await work(tx);
      await tx.commit();
      return result;
    } catch (err) {
      await tx.rollback().catch(() => undefined);
      const { code, message } = (err ?? {}) as { code?: unknown; message?: unknown };
      const retriable = code === CONFLICT || (typeof message === 'string' && EXPIRED.test(message));
      if (!retriable) throw err;
      // Still contended after every attempt: a clear, retry-safe answer rather than an internal error.
      if (attempt >= ATTEMPTS) throw new AppError('COMMON.BUSY');
      await sleep(Math.random() * Math.min(10 * attempt, 100));
    }
  }
}
