/**
 * Honours over a 13,125-resident 居民区 whose 5,250 members have 10 ledger entries each (52,500 entries): database
 * round trips per call (requests reaching the gateway) and p50/p99 latency (ms) of the real functions through the real
 * SDK against the in-memory emulator. Runnable alone: `npx tsx tests/bench/honours.bench.ts`.
 */
import { performance } from 'perf_hooks';
import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { getDb } from '../../cloudfunctions/_core/db';
import { DEMO_PEOPLE } from '../../emulator/seed/demo-data';
import { syntheticResidents } from '../support/synthetic-residents';
import { percentile, runStandalone, withCountingStack } from './support';

const RESIDENTS = 13_125;
const ENTRIES_EACH = 10;
const COMMUNITY = 'cm-baiyu1';
const ROUNDS = 30;
const BATCH = 1000;
const DAY = 86_400_000;


async function addAll(collection: string, docs: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) await getDb().collection(collection).add(docs.slice(i, i + BATCH));
}

/** Residents, 40% of them members with entries over the last 300 days, their balances, and their display choices. */
async function seedCommunity(now: Date): Promise<void> {
  const rows = syntheticResidents(RESIDENTS, { buildings: 60 });
  const members = rows.map((r, i) => ({
    _id: `bench-${i}`,
    openid: null,
    accountKey: null,
    appid: 'bench',
    communityId: COMMUNITY,
    ...r,
    roles: [],
    gridId: null,
    leadsGridIds: [],
    councilIds: [],
    application: i % 10 < 4 ? { status: 'approved', submittedAt: now, reviewedAt: now } : { status: 'none' },
    source: 'import',
    createdAt: now,
    updatedAt: now,
  }));
  await addAll(COLLECTIONS.members, members);
  const served = members.filter((m) => m.application.status === 'approved');
  const entries: Record<string, unknown>[] = [];
  const balances: Record<string, unknown>[] = [];
  served.forEach((m, i) => {
    let halfHours = 0;
    let last = new Date(0);
    for (let k = 0; k < ENTRIES_EACH; k += 1) {
      const at = new Date(now.getTime() - ((i * 7 + k * 29) % 300) * DAY);
      const half = 1 + ((i + k) % 6);
      halfHours += half;
      if (at > last) last = at;
      entries.push({ _id: `bench:${m._id}:${k}`, communityId: COMMUNITY, memberId: m._id, halfHours: half, points: half * 5, source: 'event', sourceId: `e-${k}`, reason: '服务', by: 'bench', at });
    }
    balances.push({ _id: m._id, communityId: COMMUNITY, halfHours, points: halfHours * 5, entries: ENTRIES_EACH, updatedAt: last });
  });
  await addAll(COLLECTIONS.ledgerEntries, entries);
  await addAll(COLLECTIONS.ledgerBalances, balances);
  const settings = served
    .filter((_m, i) => i % 3 === 0 || i % 10 === 1)
    .map((m, i) => ({ _id: m._id, communityId: COMMUNITY, showOnWall: i % 4 !== 0, onLeaderboard: i % 2 === 0, updatedAt: now }));
  await addAll(COLLECTIONS.honourSettings, settings);
}

export async function bench(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  await withCountingStack(async ({ stack, requests }) => {
    const now = stack.clock.now();
    const t0 = performance.now();
    await seedCommunity(now);
    out['seed 13,125 residents, 52,500 entries (s)'] = (performance.now() - t0) / 1000;

    const openid = (key: string) => DEMO_PEOPLE.find((p) => p.key === key)!.openid;
    const measure = async (label: string, action: string, payload: (i: number) => unknown, caller: string) => {
      const times: number[] = [];
      let trips = 0;
      for (let i = 0; i < ROUNDS + 3; i += 1) {
        const before = requests();
        const t = performance.now();
        const res = await stack.host.invoke('honours', { action, payload: payload(i) }, { openid: caller });
        const ms = performance.now() - t;
        if (!res.ok) throw new Error(`${label}: ${JSON.stringify(res)}`);
        if (i >= 3) {
          times.push(ms);
          trips += requests() - before;
        }
      }
      times.sort((a, b) => a - b);
      out[`${label}: round trips per call`] = trips / ROUNDS;
      out[`${label}: p50 ms`] = percentile(times, 50);
      out[`${label}: p99 ms`] = percentile(times, 99);
    };
    await measure('wall, page 1', 'wall', () => ({ page: 1 }), openid('resident'));
    await measure('milestones, pages 1-5', 'milestones', (i) => ({ page: (i % 5) + 1 }), openid('resident'));
    await measure('leaderboard, this month, pages 1-3', 'leaderboard', (i) => ({ page: (i % 3) + 1 }), openid('member'));
    await measure('mine', 'mine', () => ({}), openid('member'));
    await measure('verifyCertificate (unknown code)', 'verifyCertificate', () => ({ code: 'ABCDEFGHJKLM' }), openid('newcomer'));
    await measure('setDisplay', 'setDisplay', (i) => ({ onLeaderboard: i % 2 === 0 }), openid('member'));
  });
  return out;
}

if (require.main === module) runStandalone(bench);
