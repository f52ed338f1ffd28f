/**
 * 一键上报 at the size of a large 居民区, through the real `reports` function and SDK against the in-memory emulator:
 * filing (function calls and database requests, with and without the grid leader told), the grid leader's 待处理 over
 * 10,000 reports, the `report-clocks` timer over 5,000 open reports (a share of them due) and idle, and the month
 * figures. The bulk reports are written straight into the store, cloned from the seed's submitted report (the stored
 * shape stays the seed's). Also runnable alone: `npx tsx tests/bench/reports.bench.ts`.
 */
import { performance } from 'perf_hooks';
import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import type { ReportDoc } from '../../cloudfunctions/reports/reports.model';
import type { Doc, Store } from '../../emulator/store';
import { cloneValue } from '../../emulator/store';
import { DEMO_PEOPLE } from '../../emulator/seed/demo-data';
import { percentile, runStandalone, withCountingStack } from './support';

const FILINGS = 50;
const QUEUE_REPORTS = 10_000;
const TIMER_REPORTS = 5_000;
/** About one open report in twenty is past a due time when the timer runs (it runs every few minutes). */
const DUE_SHARE = 0.05;
const MINUTE = 60_000;
const GRIDS = ['cm-baiyu1-g1', 'cm-baiyu1-g2', 'cm-baiyu1-g3'];
const STATES = ['submitted', 'accepted', 'waiting', 'resolved', 'closed'] as const;

const openidOf = (key: string) => DEMO_PEOPLE.find((p) => p.key === key)!.openid;

/** Writes `n` reports cloned from the seed's submitted one, spread over grids, states and due times. */
function bulkReports(store: Store, template: ReportDoc, n: number, now: number, label: string, open: (i: number) => boolean, due: (i: number) => boolean): void {
  const ops = Array.from({ length: n }, (_, i) => {
    const doc = cloneValue(template);
    const state = open(i) ? STATES[i % 3]! : STATES[3 + (i % 2)]!;
    const filedAt = new Date(now - (i % 720) * 60 * MINUTE - MINUTE);
    const dueAt = due(i) ? new Date(now - (1 + (i % 30)) * MINUTE) : new Date(now + (1 + (i % 600)) * MINUTE);
    const grid = GRIDS[i % GRIDS.length]!;
    Object.assign(doc, {
      _id: `bench-${label}-${i}`,
      state,
      gridId: grid,
      assignee: { kind: 'grid', gridId: grid },
      // Only 第一微格 is led by the demo grid leader; the other grids' handlers are other people.
      handlerIds: grid === GRIDS[0] ? template.handlerIds : [`bench-leader-${grid}`],
      filedAt,
      clockStartedAt: filedAt,
      responseDueAt: state === 'submitted' ? dueAt : new Date(filedAt.getTime() + 15 * MINUTE),
      resolutionDueAt: state === 'submitted' ? new Date(dueAt.getTime() + 48 * 60 * MINUTE) : dueAt,
      nextDueAt: state === 'submitted' || state === 'accepted' || state === 'waiting' ? dueAt : null,
      respondedAt: state === 'submitted' ? null : new Date(filedAt.getTime() + 5 * MINUTE),
      resolvedAt: state === 'resolved' || state === 'closed' ? new Date(filedAt.getTime() + 60 * MINUTE) : null,
      closedAt: state === 'closed' ? new Date(filedAt.getTime() + 120 * MINUTE) : null,
      pausedAt: state === 'waiting' ? new Date(filedAt.getTime() + 30 * MINUTE) : null,
      waitingReason: state === 'waiting' ? '等物业派人' : null,
      updatedAt: new Date(now),
    });
    return { op: 'put' as const, coll: COLLECTIONS.reports, doc: doc as unknown as Doc };
  });
  store.commit(ops);
}

export async function bench(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  await withCountingStack(async ({ stack, requests, store }) => {
    stack.clock.frozenAtMs = Date.now();
    stack.clock.offsetMs = 0;
    // The demo street leaves 一键上报 out unless asked; its reports give the bulk reports their stored shape.
    await stack.seed({ reports: true });
    const template = cloneValue(store.list(COLLECTIONS.reports).find((d) => (d as unknown as ReportDoc).state === 'submitted') as unknown as ReportDoc);
    const resident = openidOf('resident');
    const leader = openidOf('gridLeader');
    let calls = 0;
    const call = async (action: string, payload: unknown, openid: string) => {
      calls += 1;
      const res = (await stack.host.invoke('reports', { action, payload }, { openid })) as { ok: boolean; data?: unknown; error?: { code: string } };
      if (!res.ok) throw new Error(`${action} failed: ${res.error?.code}`);
      return res.data;
    };
    const measure = async (work: () => Promise<unknown>) => {
      const [c, r, t] = [calls, requests(), performance.now()];
      await work();
      return { calls: calls - c, trips: requests() - r, ms: performance.now() - t };
    };

    const draft = { categoryKey: 'clutter', place: { building: '3号楼', unit: '2单元', spot: '', point: null }, text: '楼道里堆了很多纸箱，挡住了消防通道', photos: [] };
    const filings = async (label: string) => {
      const runs = [];
      for (let i = 0; i < FILINGS; i++) runs.push(await measure(() => call('file', { report: draft, requestId: `bench-${label}-${i}` }, resident)));
      const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
      return { calls: runs[0]!.calls, trips: runs.reduce((s, r) => s + r.trips, 0) / runs.length, p50: percentile(ms, 50), p99: percentile(ms, 99) };
    };
    const silent = await filings('silent');
    // The leader allows as many 'report-assigned' messages as there are filings, as taps on 允许 would.
    for (let i = 0; i < FILINGS; i++) {
      await stack.host.invoke('members', { action: 'grantSubscriptions', payload: { requestId: `bench-tap-${i}`, templates: ['report-assigned'] } }, { openid: leader });
    }
    const told = await filings('told');
    out['file: function calls from the client'] = silent.calls;
    out['file, nobody told: database requests'] = silent.trips;
    out[`file, nobody told: p50 ms (${FILINGS} filings)`] = silent.p50;
    out['file, nobody told: p99 ms'] = silent.p99;
    out['file, grid leader told: database requests'] = told.trips;
    out['file, grid leader told: p50 ms'] = told.p50;
    out['file, grid leader told: p99 ms'] = told.p99;

    const now = stack.clock.nowMs();
    // 待处理 over 10,000 reports of 白玉一居: three in five open, one open report in twenty overdue.
    bulkReports(store, template, QUEUE_REPORTS, now, 'q', (i) => i % 5 < 3, (i) => i % 20 === 0);
    const queueRuns = [];
    for (let i = 0; i < 20; i++) queueRuns.push(await measure(() => call('queue', { page: 1 }, leader)));
    const queueMs = queueRuns.map((r) => r.ms).sort((a, b) => a - b);
    out[`queue over ${QUEUE_REPORTS} reports: function calls`] = queueRuns[0]!.calls;
    out['queue: database requests'] = queueRuns[0]!.trips;
    out['queue: p50 ms (20 calls)'] = percentile(queueMs, 50);
    out['queue: p99 ms'] = percentile(queueMs, 99);

    const month = new Date(now + 8 * 60 * MINUTE).toISOString().slice(0, 7);
    const fig = await measure(() => call('figures', { month }, openidOf('committee')));
    out[`month figures over ${store.count(COLLECTIONS.reports)} reports: database requests`] = fig.trips;
    out['month figures ms'] = fig.ms;

    // The timer over 5,000 open reports (the queue's reports removed first so they do not count).
    store.commit(store.list(COLLECTIONS.reports).map((d) => ({ op: 'del' as const, coll: COLLECTIONS.reports, id: d._id })));
    bulkReports(store, template, TIMER_REPORTS, now, 't', () => true, (i) => i % Math.round(1 / DUE_SHARE) === 0);
    const due = Math.ceil(TIMER_REPORTS * DUE_SHARE);
    let escalated = 0;
    const run = await measure(async () => {
      const res = (await stack.host.fireTimer('reports', 'report-clocks')) as { ok: boolean; data?: Record<string, number> };
      if (!res.ok || !res.data) throw new Error('report-clocks failed');
      escalated = res.data.responseOverdue! + res.data.resolutionOverdue! + res.data.autoClosed!;
    });
    // A third of the due ones are waiting (their clock paused): the timer rightly leaves them be.
    out[`timer over ${TIMER_REPORTS} open reports, ${due} past due (a third waiting): reports escalated`] = escalated;
    out['timer: database requests'] = run.trips;
    out['timer: database requests per escalated report'] = run.trips / escalated;
    out['timer: total ms'] = run.ms;
    const idle = await measure(() => stack.host.fireTimer('reports', 'report-clocks'));
    out['timer idle (nothing due): database requests'] = idle.trips;
    out['timer idle ms'] = idle.ms;
  });
  return out;
}

if (require.main === module) runStandalone(bench);
