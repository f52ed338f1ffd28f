import http from 'http';
import type { AddressInfo } from 'net';
import { createLocalStack, type LocalStack } from '../../emulator/dev-server/local-stack';
import { createGateway } from '../../emulator/gateway';
import { sdkEnv } from '../../emulator/sdk-env';
import { openStore, type Store } from '../../emulator/store';

/** What every bench shares: percentiles, and running one bench file on its own (`npx tsx tests/bench/<name>.bench.ts`). */

export type Figures = Record<string, number | string>;

/** The p-th percentile of ascending `sorted` (NaN for none). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Prints a bench's figures and exits: for a bench file run directly rather than through tests/bench/run.ts. */
export function runStandalone(bench: () => Promise<Figures>): void {
  bench().then(
    (figures) => {
      for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(56)} ${typeof v === 'number' ? v.toFixed(2) : v}`);
      process.exit(0);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}

/**
 * Runs `work` against a fresh in-memory emulator with the demo street seeded, the real SDK pointed at it, and a count of
 * the requests the gateway has answered (database round trips), then puts the environment back.
 */
export async function withCountingStack<T>(work: (ctx: { stack: LocalStack; requests: () => number; store: Store }) => Promise<T>): Promise<T> {
  const store = openStore();
  const gateway = createGateway(store, { now: () => Date.now() });
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests += 1;
    gateway.listener(req, res);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const saved = { ...process.env };
  Object.assign(process.env, sdkEnv(`http://127.0.0.1:${(server.address() as AddressInfo).port}/admin`));
  try {
    const stack = createLocalStack();
    await stack.seed();
    return await work({ stack, requests: () => requests, store });
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    store.close();
  }
}
