import tcb from '@cloudbase/node-sdk';

type App = ReturnType<typeof tcb.init>;
export type Db = ReturnType<App['database']>;

let app: App | undefined;

/**
 * The SDK, set up once per process. Where it points comes from the environment only
 * (TCB_CONTEXT_CNFG and keys locally; the platform's own in the cloud), so there is no "if local" here.
 * TXTD_DB_TIMEOUT_MS, when set, replaces the SDK's request timeout (the local stand-in sets it, emulator/sdk-env.ts).
 */
export function getDb(): Db {
  const timeout = Number(process.env.TXTD_DB_TIMEOUT_MS) || undefined;
  app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV, ...(timeout ? { timeout } : {}) });
  return app.database();
}

export function command(): Db['command'] {
  return getDb().command;
}

/** The cloud's answer to a second `add` of the same `_id`: how deterministic ids make a write idempotent. */
export function isDuplicateWrite(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.includes('DUPLICATE');
}

/**
 * Adds a document under its deterministic `_id`: false when a retried or racing call added it first. This is how
 * a derived id makes a write idempotent. One round trip.
 */
export async function insertOnce<T extends { _id: string }>(collection: string, doc: T): Promise<boolean> {
  try {
    await getDb().collection(collection).add(doc);
    return true;
  } catch (err) {
    if (isDuplicateWrite(err)) return false;
    throw err;
  }
}
