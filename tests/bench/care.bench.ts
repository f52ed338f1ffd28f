/**
 * 邻援助老 at the size of a large 居民区, through the real `care` function and SDK against the in-memory emulator:
 * pairing suggestions for an elder among 13,125 residents (database requests, which go in two round trips by
 * construction: the caller and the elder side by side, then the elder's building, the nearest ones, the elder's grid,
 * the skilled and the volunteers' loads side by side; p50/p99), and the `care-visits` timer over 2,000 active pairings with one
 * visit each past its day (requests and time until nothing is left), then idle. The residents, elders, pairings and
 * visits are written straight into the store. Also runnable alone: `npx tsx tests/bench/care.bench.ts`.
 */
import { performance } from 'perf_hooks';
import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { noUntold, type ElderDoc, type PairingDoc } from '../../cloudfunctions/care/care.model';
import { dueVisit } from '../../cloudfunctions/care/plan';
import type { Doc } from '../../emulator/store';
import { DEMO_PEOPLE } from '../../emulator/seed/demo-data';
import { addDays, weekdayOf } from '../../src/shared/domain/care';
import { DEFAULT_VISIBILITY, FIELD_VISIBILITIES } from '../../src/shared/domain/member';
import { gridOfBuilding } from '../../src/shared/domain/grid';
import { formatShanghai } from '../../src/shared/time';
import { syntheticResidents } from '../support/synthetic-residents';
import { percentile, runStandalone, withCountingStack } from './support';

const COMMUNITY = 'cm-baiyu1';
const RESIDENTS = 13_125;
const BUILDINGS = 60;
const PAIRINGS = 2_000;
const ROUNDS = 50;
const DAY = 24 * 60 * 60_000;
const GRIDS = [1, 2, 3].map((g) => ({ _id: `${COMMUNITY}-g${g}`, buildings: Array.from({ length: 20 }, (_v, i) => `${(g - 1) * 20 + i + 1}号楼`) }));
const openidOf = (key: string) => DEMO_PEOPLE.find((p) => p.key === key)!.openid;

export async function bench(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  await withCountingStack(async ({ stack, requests, store }) => {
    stack.clock.frozenAtMs = Date.now();
    stack.clock.offsetMs = 0;
    const now = stack.clock.now();
    const today = formatShanghai(now, 'YYYY-MM-DD');
    const put = (coll: string, docs: object[]) => store.commit(docs.map((doc) => ({ op: 'put' as const, coll, doc: doc as unknown as Doc })));
    for (const g of GRIDS) put(COLLECTIONS.grids, [{ ...store.get(COLLECTIONS.grids, g._id)!, buildings: g.buildings }]);
    const rows = syntheticResidents(RESIDENTS, { buildings: BUILDINGS });
    const members = rows.map((r, i) => ({
      _id: `bench-${i}`,
      openid: null,
      accountKey: null,
      appid: 'bench',
      communityId: COMMUNITY,
      ...r,
      visibility: i % 5 === 0 ? { ...DEFAULT_VISIBILITY, skills: FIELD_VISIBILITIES[i % 3]! } : DEFAULT_VISIBILITY,
      roles: [],
      gridId: gridOfBuilding(GRIDS, r.building),
      leadsGridIds: [],
      councilIds: [],
      application: i % 10 < 4 ? { status: 'approved', submittedAt: now, reviewedAt: now } : { status: 'none' },
      source: 'import',
      createdAt: now,
      updatedAt: now,
    }));
    put(COLLECTIONS.members, members);
    const volunteers = members.filter((m) => m.application.status === 'approved').map((m) => m._id);

    // 1,000 elders in 第一微格's buildings, two volunteers each: 2,000 active pairings, accepted two weeks ago.
    const anchor = addDays(today, -14);
    const elders: ElderDoc[] = [];
    const pairings: PairingDoc[] = [];
    for (let i = 0; i < PAIRINGS / 2; i++) {
      const pair = [volunteers[(2 * i) % volunteers.length]!, volunteers[(2 * i + 1) % volunteers.length]!];
      elders.push({
        _id: `bench-el-${i}`, communityId: COMMUNITY, gridId: GRIDS[0]!._id, name: `老人${i}`, building: `${(i % 20) + 1}号楼`, room: '101', phone: '', needs: ['medicine', 'chat'],
        frequency: 'weekly', preferredTimes: ['周末'], healthNotes: '', family: { name: '家属', relation: '子女', phone: '13900000000' }, consent: { by: 'bench', at: now, note: '同意' },
        memberId: null, registeredBy: 'bench', volunteerIds: pair, activeVolunteerIds: pair, lastVisitDay: null, version: 0, createdAt: now, updatedAt: now, ...noUntold(),
      });
      for (const v of pair) {
        pairings.push({
          _id: `bench-cp-${pairings.length}`, communityId: COMMUNITY, elderId: `bench-el-${i}`, gridId: GRIDS[0]!._id, volunteerId: v, state: 'active', plan: { weekdays: [weekdayOf(anchor)], everyWeeks: 1 },
          note: '', proposedBy: 'bench', proposedAt: now, acceptedAt: now, anchorDay: anchor, plannedThrough: addDays(today, 7), missedInRow: 0, lastLoggedAt: null,
          endedAt: null, endedBy: null, endReason: '', updatedAt: now, ...noUntold(),
        });
      }
    }
    put(COLLECTIONS.careElders, elders);
    put(COLLECTIONS.carePairings, pairings);
    // One visit of each pairing past its day (a week ago), still due: the missed-visit timer's work.
    put(COLLECTIONS.careVisits, pairings.map((p) => dueVisit(p, addDays(today, -7), new Date(now.getTime() - 8 * DAY))));

    const leader = openidOf('gridLeader');
    const suggestTimes: number[] = [];
    let suggestRequests = 0;
    let shown = 0;
    for (let i = 0; i < ROUNDS + 5; i++) {
      const before = requests();
      const t = performance.now();
      const res = (await stack.host.invoke('care', { action: 'suggest', payload: { elderId: `bench-el-${i}` } }, { openid: leader })) as { ok: boolean; data?: { items: unknown[] } };
      const ms = performance.now() - t;
      if (!res.ok) throw new Error(`suggest failed: ${JSON.stringify(res)}`);
      if (i >= 5) {
        suggestTimes.push(ms);
        suggestRequests += requests() - before;
        shown += res.data!.items.length;
      }
    }
    suggestTimes.sort((a, b) => a - b);
    out[`suggest over ${RESIDENTS} residents and ${PAIRINGS} pairings: database requests (2 round trips: 2 side by side, then 5)`] = suggestRequests / ROUNDS;
    out['suggest: volunteers shown (average)'] = shown / ROUNDS;
    out[`suggest: p50 ms (${ROUNDS} calls)`] = percentile(suggestTimes, 50);
    out['suggest: p99 ms'] = percentile(suggestTimes, 99);

    let missed = 0;
    let runs = 0;
    const before = requests();
    const t = performance.now();
    for (;;) {
      const res = (await stack.host.fireTimer('care', 'care-visits')) as { ok: boolean; data?: Record<string, number> };
      if (!res.ok || !res.data) throw new Error(`care-visits failed: ${JSON.stringify(res)}`);
      runs += 1;
      missed += res.data.missed!;
      if (res.data.missed === 0 || runs > 40) break;
    }
    const ms = performance.now() - t;
    const trips = requests() - before;
    out[`timer over ${PAIRINGS} active pairings, ${PAIRINGS} visits past their day: visits marked missed`] = missed;
    out['timer: runs (250 visits a run, the last finds none)'] = runs;
    out['timer: database requests'] = trips;
    out['timer: database requests per missed visit'] = trips / Math.max(1, missed);
    out['timer: total ms'] = ms;
    out['timer: ms per run'] = ms / runs;
    const idleBefore = requests();
    const idleT = performance.now();
    await stack.host.fireTimer('care', 'care-visits');
    out['timer idle (nothing due): database requests'] = requests() - idleBefore;
    out['timer idle ms'] = performance.now() - idleT;
  });
  return out;
}

if (require.main === module) runStandalone(bench);
