/**
 * The ledger: a posting's database round trips (requests reaching the gateway, counted by wrapping its HTTP
 * listener) and p50/p99 latency (ms) with 1 and 50 concurrent clients, through the real SDK against the in-memory
 * emulator; and a member's ledger summary (myLedger page 1 + mySummary) with 5,000 entries. Imported by
 * tests/bench/run.ts; also runnable alone: `npx tsx tests/bench/ledger.bench.ts`.
 */
import { performance } from 'perf_hooks';
import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { getDb } from '../../cloudfunctions/_core/db';
import { accountKeyOf } from '../../cloudfunctions/_core/identity';
import { postEntry, type LedgerEntryDoc } from '../../cloudfunctions/_core/ledger';
import { LOCAL_APPID } from '../../emulator/dev-server/functions-host';
import { DEMO_PEOPLE } from '../../emulator/seed/demo-data';
import { demoMemberId } from '../../emulator/seed/seed';
import { percentile, runStandalone, withCountingStack } from './support';

const COMMUNITY = 'cm-baiyu1';
const ROUNDS = 100;
const CLIENTS = 50;
const HISTORY = 5_000;
const BATCH = 1000;
const DAY_MS = 86_400_000;


export async function bench(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  await withCountingStack(async ({ stack, requests }) => {
    const openid = (key: string) => DEMO_PEOPLE.find((p) => p.key === key)!.openid;
    const committee = demoMemberId({ openid: openid('committee') });
    let n = 0;
    const entry = (memberId: string) => ({
      key: `req:bench-${++n}`,
      communityId: COMMUNITY,
      memberId,
      halfHours: 1,
      points: 5,
      source: 'manual' as const,
      sourceId: null,
      reason: '压力测试',
      by: committee,
      at: new Date(),
    });

    /** `rounds` rounds of `clients` concurrent calls; round trips per call and p50/p99 of each call. */
    const measure = async (label: string, clients: number, call: (client: number) => Promise<unknown>) => {
      const times: number[] = [];
      let failed = 0;
      for (let r = 0; r < 5; r += 1) await call(0); // warm-up
      const start = requests();
      const rounds = clients === 1 ? ROUNDS : ROUNDS / 10;
      for (let r = 0; r < rounds; r += 1) {
        await Promise.all(
          Array.from({ length: clients }, async (_v, c) => {
            const t = performance.now();
            // A call that gives up (e.g. conflicts past the retry limit) is counted, not hidden.
            const ok = await call(c).then(
              (res) => !(res && typeof res === 'object' && 'ok' in res && res.ok === false),
              () => false,
            );
            if (!ok) failed += 1;
            times.push(performance.now() - t);
          }),
        );
      }
      times.sort((a, b) => a - b);
      out[`${label}: round trips per call`] = (requests() - start) / times.length;
      out[`${label}: p50 ms`] = percentile(times, 50);
      out[`${label}: p99 ms`] = percentile(times, 99);
      out[`${label}: failed calls`] = `${failed} of ${times.length}`;
    };

    await measure('postEntry, 1 client', 1, () => postEntry(entry('bench-member-0')));
    await measure(`postEntry, ${CLIENTS} clients, ${CLIENTS} members`, CLIENTS, (c) => postEntry(entry(`bench-member-${c}`)));
    await measure(`postEntry, ${CLIENTS} clients, one member (conflicts retried)`, CLIENTS, () => postEntry(entry('bench-hot-member')));

    // The committee awarding 50 different members at once (bench-only approved members).
    const db = getDb();
    const now = Date.now();
    const memberDoc = (_id: string, name: string, extra: Record<string, unknown> = {}) => ({
      _id, openid: null, accountKey: null, appid: LOCAL_APPID, communityId: COMMUNITY, name, building: '1号楼', room: '101',
      phone: '', skills: [], interests: [], availability: [], roles: [], gridId: `${COMMUNITY}-g1`, leadsGridIds: [], councilIds: [],
      application: { status: 'approved' }, source: 'import', createdAt: new Date(now), updatedAt: new Date(now), ...extra,
    });
    await db.collection(COLLECTIONS.members).add(Array.from({ length: CLIENTS }, (_v, c) => memberDoc(`bench-awardee-${c}`, `队员${c}`)));
    const award = (c: number) =>
      stack.host.invoke(
        'ledger',
        { action: 'award', payload: { requestId: `bench-award-${++n}`, memberId: `bench-awardee-${c}`, points: 5, reason: '压力测试' } },
        { openid: openid('committee') },
      );
    await measure('ledger.award (function), 1 client', 1, award);
    await measure(`ledger.award (function), ${CLIENTS} clients, ${CLIENTS} members`, CLIENTS, award);

    // A member with 5,000 entries over about four years, written directly (bench only) with the matching balance.
    const veteran = 'bench-veteran';
    const history: LedgerEntryDoc[] = Array.from({ length: HISTORY }, (_v, i) => ({
      _id: `bench-veteran-${i}`,
      communityId: COMMUNITY,
      memberId: veteran,
      halfHours: (i % 4) + 1,
      points: (i % 4) * 5 + 5,
      source: i % 5 === 0 ? 'manual' : 'event',
      sourceId: i % 5 === 0 ? null : `bench-event-${i}`,
      reason: `服务 ${i}`,
      by: committee,
      at: new Date(now - Math.floor((i * 1460 * DAY_MS) / HISTORY)),
    }));
    const t0 = performance.now();
    for (let i = 0; i < history.length; i += BATCH) await db.collection(COLLECTIONS.ledgerEntries).add(history.slice(i, i + BATCH));
    await db.collection(COLLECTIONS.ledgerBalances).doc(veteran).set({
      communityId: COMMUNITY,
      halfHours: history.reduce((s, e) => s + e.halfHours, 0),
      points: history.reduce((s, e) => s + e.points, 0),
      entries: HISTORY,
      updatedAt: new Date(now),
    });
    out[`seed ${HISTORY} entries for one member (s)`] = (performance.now() - t0) / 1000;
    const asVeteran = { openid: 'bench-veteran-openid' };
    await db.collection(COLLECTIONS.members).add(
      memberDoc(veteran, '老队员', { openid: asVeteran.openid, accountKey: accountKeyOf({ openid: asVeteran.openid, appid: LOCAL_APPID }), source: 'wechat' }),
    );

    const summary = async () => {
      const [page, months] = await Promise.all([
        stack.host.invoke('ledger', { action: 'myLedger', payload: { page: 1 } }, asVeteran),
        stack.host.invoke('ledger', { action: 'mySummary', payload: {} }, asVeteran),
      ]);
      if (!page.ok || !months.ok) throw new Error(`summary: ${JSON.stringify([page, months]).slice(0, 300)}`);
      const data = page.data as { items: unknown[]; totals: { entries: number } };
      if (data.items.length !== 20 || data.totals.entries !== HISTORY) throw new Error('summary: wrong page');
    };
    await measure(`ledger summary (myLedger page 1 + mySummary), ${HISTORY} entries`, 1, summary);
    await measure(`myLedger page 100, ${HISTORY} entries`, 1, () => stack.host.invoke('ledger', { action: 'myLedger', payload: { page: 100 } }, asVeteran));
    await measure('committee monthly report (this month)', 1, () =>
      stack.host.invoke('ledger', { action: 'report', payload: { month: new Date(now + 8 * 3600_000).toISOString().slice(0, 7) } }, { openid: openid('committee') }),
    );
  });
  return out;
}

if (require.main === module) runStandalone(bench);
