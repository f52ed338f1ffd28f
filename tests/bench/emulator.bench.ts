/**
 * Emulator round trips through the real @cloudbase/node-sdk: p50/p99 latency (ms) of a get() and of a
 * conditional update (`where({_id, n: lt}).update(inc)`), with 1 client and with 50 concurrent clients,
 * against a memory store and (conditional update) against a durable store (one fdatasync per write).
 * Imported by tests/bench/run.ts; also runnable alone: `npx tsx tests/bench/emulator.bench.ts`.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { performance } from 'perf_hooks';
import { startGateway } from '../../emulator/gateway';
import { sdkEnv } from '../../emulator/sdk-env';
import { openStore, type Store } from '../../emulator/store';
import { percentile, runStandalone } from './support';

 
const ROUNDS = 200;


async function measure(clients: any[], rounds: number, op: (db: any, i: number) => Promise<unknown>): Promise<[number, number]> {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    await Promise.all(
      clients.map(async (db, i) => {
        const t = performance.now();
        await op(db, r * clients.length + i);
        times.push(performance.now() - t);
      }),
    );
  }
  times.sort((a, b) => a - b);
  return [percentile(times, 50), percentile(times, 99)];
}

async function benchOne(store: Store | undefined, label: string, out: Record<string, number>, withGets: boolean): Promise<void> {
  const gw = await startGateway(store ? { store } : {});
  const saved = { ...process.env };
  Object.assign(process.env, sdkEnv(gw.url));
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tcb = require('@cloudbase/node-sdk');
    const newDb = (): any => tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }).database();
    const one = [newDb()];
    const fifty = Array.from({ length: 50 }, newDb);
    const seed = one[0];
    await seed.collection('residents').add(Array.from({ length: 500 }, (_v, i) => ({ _id: `r${i}`, name: `resident ${i}`, grid: i % 20, points: i })));
    await seed.collection('events').add({ _id: 'e', taken: 0 });
    const _ = seed.command;
    const get = (db: any, i: number): Promise<unknown> => db.collection('residents').where({ grid: i % 20 }).orderBy('points', 'desc').limit(20).get();
    const cond = (db: any): Promise<unknown> => db.collection('events').where({ _id: 'e', taken: _.lt(1e12) }).update({ taken: _.inc(1) });
    await measure(one, 20, get); // warm-up
    if (withGets) {
      [out[`${label} get p50 ms (1 client)`], out[`${label} get p99 ms (1 client)`]] = await measure(one, ROUNDS, get);
      [out[`${label} get p50 ms (50 clients)`], out[`${label} get p99 ms (50 clients)`]] = await measure(fifty, ROUNDS / 10, get);
    }
    [out[`${label} conditional update p50 ms (1 client)`], out[`${label} conditional update p99 ms (1 client)`]] = await measure(one, ROUNDS, cond);
    [out[`${label} conditional update p50 ms (50 clients)`], out[`${label} conditional update p99 ms (50 clients)`]] = await measure(fifty, ROUNDS / 10, cond);
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
    await gw.close();
  }
}

export async function bench(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  await benchOne(undefined, 'memory', out, true);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-bench-'));
  const store = openStore({ dir });
  try {
    await benchOne(store, 'durable', out, false);
  } finally {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (require.main === module) runStandalone(bench);
