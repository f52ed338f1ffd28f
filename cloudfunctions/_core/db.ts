import tcb from '@cloudbase/node-sdk';

type App = ReturnType<typeof tcb.init>;
export type Db = ReturnType<App['database']>;

let app: App | undefined;

/**
 * The SDK, set up once per process. Where it points comes from the environment only
 * (TCB_CONTEXT_CNFG and keys locally; the platform's own in the cloud), so there is no "if local" here.
 */
export function getDb(): Db {
  app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
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
