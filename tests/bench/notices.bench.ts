/**
 * Notices at the size of a large micro-grid: 500 residents of 第一微格 opening one notice at once (half from a bound
 * WeChat group), then the writer's receipts view of those 500, through the real `notices` function and SDK against the
 * in-memory emulator. Figures: open p50/p99 (ms), receipts left (must be exactly 500) and read count, and database
 * round trips of one receipts page (requests reaching the gateway; calls made at once still count one each). Also
 * runnable alone: `npx tsx tests/bench/notices.bench.ts`.
 */
import { performance } from 'perf_hooks';
import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { getDb } from '../../cloudfunctions/_core/db';
import { accountKeyOf, memberIdFor } from '../../cloudfunctions/_core/identity';
import { newMemberDoc } from '../../cloudfunctions/_core/member-record';
import { LOCAL_APPID } from '../../emulator/dev-server/functions-host';
import { DEMO_PEOPLE } from '../../emulator/seed/demo-data';
import { percentile, runStandalone, withCountingStack } from './support';

const RESIDENTS = 500;
/** Residents who open one after another, after the burst: the latency of one open on a quiet server. */
const ONE_BY_ONE = 20;
const GRID = 'cm-baiyu1-g1';

async function addResidents(now: Date): Promise<string[]> {
  const openids = Array.from({ length: RESIDENTS + ONE_BY_ONE }, (_, i) => `bench-notice-${i}`);
  for (let i = 0; i < openids.length; i += 50) {
    await Promise.all(
      openids.slice(i, i + 50).map((openid, j) => {
        const identity = { openid, appid: LOCAL_APPID };
        return getDb()
          .collection(COLLECTIONS.members)
          .add({
            ...newMemberDoc(memberIdFor(identity), openid, LOCAL_APPID, now, accountKeyOf(identity)),
            communityId: 'cm-baiyu1',
            name: `居民${i + j}`,
            building: `${1 + ((i + j) % 4)}号楼`,
            room: String(100 + i + j),
            phone: '13800000000',
            gridId: GRID,
          });
      }),
    );
  }
  return openids;
}

export async function bench(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  await withCountingStack(async ({ stack, requests }) => {
    const leader = DEMO_PEOPLE.find((p) => p.key === 'gridLeader')!.openid;
    const everyone = await addResidents(stack.clock.now());
    const openids = everyone.slice(0, RESIDENTS);
    const call = (action: string, payload: unknown, openid: string, extra: Record<string, unknown> = {}) =>
      stack.host.invoke('notices', { action, payload, ...extra }, { openid }) as Promise<{ ok: boolean; data?: any; error?: { code: string } }>;
    const created = await call(
      'create',
      { notice: { title: '明天上午停水', body: '1-4号楼明天上午停水，请提前储水。', target: { kind: 'grids', gridIds: [GRID] }, mode: 'confirm' }, publish: { kind: 'now' }, requestId: 'bench-notice-1' },
      leader,
    );
    if (!created.ok) throw new Error(`create failed: ${created.error?.code}`);
    const noticeId = created.data.notice.id as string;

    const times: number[] = [];
    let failed = 0;
    const openTrips = requests();
    const start = performance.now();
    await Promise.all(
      openids.map(async (openid, i) => {
        const extra = i % 2 ? { groupCloudId: stack.wechat.openData.mintGroupCloudId('g1-A', LOCAL_APPID) } : {};
        const t = performance.now();
        const res = await call('open', { noticeId }, openid, extra);
        times.push(performance.now() - t);
        if (!res.ok) failed += 1;
      }),
    );
    const elapsed = performance.now() - start;
    const tripsPerOpen = (requests() - openTrips) / RESIDENTS;
    times.sort((a, b) => a - b);
    const quiet: number[] = [];
    for (const openid of everyone.slice(RESIDENTS)) {
      const t = performance.now();
      await call('open', { noticeId }, openid);
      quiet.push(performance.now() - t);
    }
    quiet.sort((a, b) => a - b);
    const receipts = (await getDb().collection(COLLECTIONS.noticeReceipts).where({ noticeId }).count()).total;
    const doc = (await getDb().collection(COLLECTIONS.notices).doc(noticeId).get()).data[0] as { counts: { targeted: number } };
    const counted = (await call('receipts', { noticeId, page: 1 }, leader)) as { data: { counts: { read: number } } };

    const trips = async (payload: Record<string, unknown>) => {
      const before = requests();
      const t = performance.now();
      const res = await call('receipts', { noticeId, page: 1, ...payload }, leader);
      if (!res.ok) throw new Error(`receipts failed: ${res.error?.code}`);
      return { trips: requests() - before, ms: performance.now() - t };
    };
    const all = await trips({});
    const pending = await trips({ filter: 'pending' });

    out['residents targeted (第一微格, the seed included)'] = doc.counts.targeted;
    out['concurrent opens'] = RESIDENTS;
    out['all opened after s'] = elapsed / 1000;
    out['opens/s (all 500 issued at once)'] = RESIDENTS / (elapsed / 1000);
    out['database requests per open'] = tripsPerOpen;
    out['open p50 ms'] = percentile(times, 50);
    out['open p99 ms'] = percentile(times, 99);
    out['failed opens'] = failed;
    out[`one open at a time p50 ms (${ONE_BY_ONE} residents, after the burst)`] = percentile(quiet, 50);
    out['receipts (must be 500 + the one-at-a-time opens)'] = receipts;
    out['read count, counted from the receipts (must equal the receipts)'] = counted.data.counts.read;
    out['receipts view: database requests (the caller, the notice with its page, and the counts, at once)'] = all.trips;
    out['receipts view ms'] = all.ms;
    out['receipts view, pending filter: database requests'] = pending.trips;
    out['receipts view, pending filter ms'] = pending.ms;
  });
  return out;
}

if (require.main === module) runStandalone(bench);
