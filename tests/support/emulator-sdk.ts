// Test helper: a gateway on an ephemeral port with the real @cloudbase/node-sdk pointed at it by environment.
import { startGateway, type RunningGateway } from '../../emulator/gateway';
import { sdkEnv } from '../../emulator/sdk-env';
import type { Store } from '../../emulator/store';

 
export type SdkDb = any;

export interface EmulatorSdk {
  gateway: RunningGateway;
  store: Store;
  tcb: any;
  /** A database handle of one SDK app. */
  db: SdkDb;
  /** A database handle of a separate SDK app (another "client"). */
  newDb(): SdkDb;
  close(): Promise<void>;
}

export async function startEmulatorSdk(options: { store?: Store; now?: () => number } = {}): Promise<EmulatorSdk> {
  const gateway = await startGateway(options);
  Object.assign(process.env, sdkEnv(gateway.url));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tcb = require('@cloudbase/node-sdk');
  const newDb = (): SdkDb => tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }).database();
  return { gateway, store: gateway.store, tcb, db: newDb(), newDb, close: () => gateway.close() };
}

/** Resolves to the error a promise rejects with (fails if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await p;
  } catch (err) {
    return err as { code?: string; message: string };
  }
  throw new Error('expected a rejection');
}
