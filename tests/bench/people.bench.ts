/**
 * Talent search and grid roster over a 13,125-resident 居民区 (长风新村街道's count): database round trips per call
 * (requests reaching the gateway, counted by wrapping its HTTP listener) and p50/p99 latency (ms) of the real
 * functions through the real SDK against the in-memory emulator. Imported by tests/bench/run.ts; also runnable
 * alone: `npx tsx tests/bench/people.bench.ts`.
 */
import { performance } from 'perf_hooks';
import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { getDb } from '../../cloudfunctions/_core/db';
import { DEMO_PEOPLE } from '../../emulator/seed/demo-data';
import { DEFAULT_VISIBILITY, FIELD_VISIBILITIES } from '../../src/shared/domain/member';
import { GRID_COLOURS, gridOfBuilding } from '../../src/shared/domain/grid';
import { syntheticResidents } from '../support/synthetic-residents';
import { percentile, runStandalone, withCountingStack } from './support';

const RESIDENTS = 13_125;
const BUILDINGS = 60;
const COMMUNITY = 'cm-baiyu1';
const ROUNDS = 100;
const BATCH = 1000;


/** Grids of 20 buildings each, so each holds about 4,400 residents. */
const GRIDS = [1, 2, 3].map((g) => ({
  _id: `${COMMUNITY}-g${g}`,
  buildings: Array.from({ length: 20 }, (_v, i) => `${(g - 1) * 20 + i + 1}号楼`),
}));

async function seedCommunity(now: Date): Promise<void> {
  const db = getDb();
  for (const g of GRIDS) {
    await db.collection(COLLECTIONS.grids).doc(g._id).update({ buildings: g.buildings });
  }
  const rows = syntheticResidents(RESIDENTS, { buildings: BUILDINGS });
  const docs = rows.map((r, i) => ({
    _id: `bench-${i}`,
    openid: null,
    accountKey: null,
    appid: 'bench',
    communityId: COMMUNITY,
    ...r,
    // A mix of every visibility choice, most leaving the default.
    visibility: i % 5 === 0 ? { ...DEFAULT_VISIBILITY, skills: FIELD_VISIBILITIES[i % 3]! } : DEFAULT_VISIBILITY,
    roles: [],
    gridId: gridOfBuilding(GRIDS, r.building),
    leadsGridIds: [],
    councilIds: i % 4 === 0 ? [`${COMMUNITY}-service`] : [],
    application: i % 10 < 4 ? { status: 'approved', submittedAt: now, reviewedAt: now } : { status: 'none' },
    source: 'import',
    createdAt: now,
    updatedAt: now,
  }));
  for (let i = 0; i < docs.length; i += BATCH) await db.collection(COLLECTIONS.members).add(docs.slice(i, i + BATCH));
  // Every resident colour-coded, as in 长风.
  const colours = docs.map((d, i) => ({ _id: d._id, memberId: d._id, communityId: COMMUNITY, colour: GRID_COLOURS[i % 4], setBy: 'bench', setAt: now }));
  for (let i = 0; i < colours.length; i += BATCH) await db.collection(COLLECTIONS.memberColours).add(colours.slice(i, i + BATCH));
}

export async function bench(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  await withCountingStack(async ({ stack, requests }) => {
    const t0 = performance.now();
    await seedCommunity(stack.clock.now());
    out['seed 13,125 residents + colours (s)'] = (performance.now() - t0) / 1000;

    const openid = (key: string) => DEMO_PEOPLE.find((p) => p.key === key)!.openid;
    const measure = async (label: string, fn: string, action: string, payload: (i: number) => unknown, caller: string) => {
      const times: number[] = [];
      let trips = 0;
      for (let i = 0; i < ROUNDS + 5; i += 1) {
        const before = requests();
        const t = performance.now();
        const res = await stack.host.invoke(fn, { action, payload: payload(i) }, { openid: caller });
        const ms = performance.now() - t;
        if (!res.ok) throw new Error(`${label}: ${JSON.stringify(res)}`);
        // The first few calls warm up.
        if (i >= 5) {
          times.push(ms);
          trips += requests() - before;
        }
      }
      times.sort((a, b) => a - b);
      out[`${label}: round trips per call`] = trips / ROUNDS;
      out[`${label}: p50 ms`] = percentile(times, 50);
      out[`${label}: p99 ms`] = percentile(times, 99);
    };
    const skills = ['医生', '律师', '水电维修', '瑜伽', '摄影'];
    await measure('talent search, committee, by skill', 'talent', 'search', (i) => ({ skills: [skills[i % 5]], page: (i % 3) + 1 }), openid('committee'));
    await measure('talent search, grid leader, skill+time', 'talent', 'search', (i) => ({ skills: [skills[i % 5]], availability: ['周末'] }), openid('gridLeader'));
    await measure('talent search, committee, by building', 'talent', 'search', (i) => ({ building: `${(i % 60) + 1}号楼` }), openid('committee'));
    await measure('grid roster, grid leader, with colours', 'grids', 'roster', (i) => ({ page: (i % 10) + 1 }), openid('gridLeader'));
    await measure('grid roster, committee, one building', 'grids', 'roster', (i) => ({ gridId: `${COMMUNITY}-g2`, building: `${(i % 20) + 21}号楼` }), openid('committee'));
  });
  return out;
}

if (require.main === module) runStandalone(bench);
