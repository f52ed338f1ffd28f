import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { startHarness, type Harness } from '../../support/harness';
import { allow, fileReport, freeze, HOUR, MINUTE, reportDoc, rid, sent, setNow } from './support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(async () => {
  await h.reset();
  h.stack.clock.frozenAtMs = null;
});

const DAY = 24 * HOUR;
const clocks = () => h.timer('reports', 'report-clocks');
const change = (action: string, openid: string, payload: Record<string, unknown>) => h.call('reports', action, { requestId: rid(action), ...payload }, openid);
const steps = async (id: string) => (await reportDoc(id)).steps.map((s) => s.kind);

async function settingsWith(patch: (c: any) => any, extra: Record<string, unknown> = {}) {
  const s = await h.call('reports', 'settings', {}, h.identities.committee);
  await h.call('reports', 'saveSettings', { settings: { categories: s.categories.map(patch), spots: [], handlerPoints: 0, ...extra } }, h.identities.committee);
}

describe('the response clock (15 minutes)', () => {
  it('one minute before: nothing; exactly at the boundary: 超时未响应 once, the 总格长 joins and is told once', async () => {
    const t0 = freeze(h);
    await allow(h, [h.identities.committee], ['report-overdue'], 2);
    const report = await fileReport(h, h.identities.resident);
    setNow(h, t0 + 14 * MINUTE);
    expect(await clocks()).toMatchObject({ responseOverdue: 0 });
    expect(await reportDoc(report.id)).toMatchObject({ responseOverdue: false, version: 0 });
    setNow(h, t0 + 15 * MINUTE);
    expect(await clocks()).toMatchObject({ responseOverdue: 1 });
    const doc = await reportDoc(report.id);
    expect(doc).toMatchObject({ responseOverdue: true, version: 1, state: 'submitted' });
    expect(doc.handlerIds).toEqual([h.memberIdOf('gridLeader'), h.memberIdOf('committee')]);
    expect(doc.steps.at(-1)).toMatchObject({ kind: 'responseOverdue', byRole: 'system' });
    expect(sent(h, 'report-overdue').map((m) => m.openid)).toEqual([h.identities.committee]);
    // The rerun (same minute, and later ones) escalates nothing twice and messages nobody twice.
    expect(await clocks()).toMatchObject({ responseOverdue: 0 });
    setNow(h, t0 + 20 * MINUTE);
    expect(await clocks()).toMatchObject({ responseOverdue: 0 });
    expect(await steps(report.id)).toEqual(['filed', 'responseOverdue']);
    expect(sent(h, 'report-overdue')).toHaveLength(1);
    // The escalated chief now finds it in 待处理 (next due first) and the resident sees it overdue.
    const queue = await h.call('reports', 'queue', {}, h.identities.committee);
    expect(queue.items.map((r: { id: string }) => r.id)).toContain(report.id);
    expect((await h.call('reports', 'get', { reportId: report.id }, h.identities.resident)).report).toMatchObject({ responseOverdue: true, steps: [{ kind: 'filed' }, { kind: 'responseOverdue', by: '系统' }] });
  });

  it('a report answered in time is never marked', async () => {
    const t0 = freeze(h);
    const report = await fileReport(h, h.identities.resident);
    setNow(h, t0 + 14 * MINUTE);
    await change('accept', h.identities.gridLeader, { reportId: report.id, version: 0, message: '收到，马上去看' });
    setNow(h, t0 + 16 * MINUTE);
    expect(await clocks()).toMatchObject({ responseOverdue: 0 });
    expect(await reportDoc(report.id)).toMatchObject({ state: 'accepted', responseOverdue: false });
  });

  it('quiet hours shift the response clock to their end (shown as the due time); filed a minute before, they do not', async () => {
    await settingsWith((c) => (c.key === 'clutter' ? { ...c, quietHours: { from: '22:00', to: '07:00' } } : c));
    const night = new Date('2026-12-05T23:30:00+08:00').getTime();
    freeze(h);
    setNow(h, night);
    const report = await fileReport(h, h.identities.resident);
    expect(report.dueAt).toBe(new Date('2026-12-06T07:15:00+08:00').toISOString());
    setNow(h, night + 15 * MINUTE);
    expect(await clocks()).toMatchObject({ responseOverdue: 0 });
    setNow(h, new Date('2026-12-06T07:14:00+08:00'));
    expect(await clocks()).toMatchObject({ responseOverdue: 0 });
    setNow(h, new Date('2026-12-06T07:15:00+08:00'));
    expect(await clocks()).toMatchObject({ responseOverdue: 1 });
    // Resolution still counts from filing: 24 hours after 23:30.
    expect((await reportDoc(report.id)).resolutionDueAt).toEqual(new Date(night + DAY));

    setNow(h, new Date('2026-12-06T21:59:00+08:00'));
    const evening = await fileReport(h, h.identities.resident);
    expect(evening.dueAt).toBe(new Date('2026-12-06T22:14:00+08:00').toISOString());
  });
});

describe('the resolution clock (24 hours)', () => {
  it('one minute before: nothing; at the boundary: marked once, the committee told, the assignee stays', async () => {
    const t0 = freeze(h);
    await allow(h, [h.identities.committee], ['report-overdue'], 3);
    const report = await fileReport(h, h.identities.resident);
    await change('accept', h.identities.gridLeader, { reportId: report.id, version: 0, message: '收到' });
    setNow(h, t0 + DAY - MINUTE);
    expect(await clocks()).toMatchObject({ resolutionOverdue: 0 });
    setNow(h, t0 + DAY);
    expect(await clocks()).toMatchObject({ resolutionOverdue: 1 });
    expect(await clocks()).toMatchObject({ resolutionOverdue: 0 });
    const doc = await reportDoc(report.id);
    expect(doc).toMatchObject({ resolutionOverdue: true, state: 'accepted', assignee: { kind: 'grid' } });
    expect(doc.steps.map((s) => s.kind)).toEqual(['filed', 'accepted', 'resolutionOverdue']);
    expect(sent(h, 'report-overdue').map((m) => m.openid)).toEqual([h.identities.committee]);
    const overdue = await h.call('reports', 'list', { filters: { overdue: true } }, h.identities.committee);
    expect(overdue.items.map((r: { id: string }) => r.id)).toEqual([report.id]);
  });

  it('邻里纠纷 runs 72 hours', async () => {
    const t0 = freeze(h);
    const report = await fileReport(h, h.identities.resident, { categoryKey: 'dispute' });
    await change('accept', h.identities.gridLeader, { reportId: report.id, version: 0, message: '收到' });
    setNow(h, t0 + 72 * HOUR - MINUTE);
    expect(await clocks()).toMatchObject({ resolutionOverdue: 0 });
    setNow(h, t0 + 72 * HOUR);
    expect(await clocks()).toMatchObject({ resolutionOverdue: 1 });
  });
});

describe('等待居民 pauses, reopen restarts', () => {
  it('a pause of 3 hours moves the resolution clock 3 hours later', async () => {
    const t0 = freeze(h);
    await allow(h, [h.identities.resident], ['report-progress'], 3);
    const report = await fileReport(h, h.identities.resident);
    await change('accept', h.identities.gridLeader, { reportId: report.id, version: 0, message: '收到' });
    setNow(h, t0 + HOUR);
    const waiting = (await change('wait', h.identities.gridLeader, { reportId: report.id, version: 1, reason: '等您周末在家时上门查看' })).report;
    expect(waiting).toMatchObject({ state: 'waiting', waitingReason: '等您周末在家时上门查看', dueAt: null });
    // Paused: past the first due time, nothing is marked.
    setNow(h, t0 + DAY + MINUTE);
    expect(await clocks()).toMatchObject({ resolutionOverdue: 0 });
    setNow(h, t0 + 4 * HOUR);
    const resumed = (await change('resume', h.identities.resident, { reportId: report.id, version: 2 })).report;
    expect(resumed).toMatchObject({ state: 'accepted', dueAt: new Date(t0 + DAY + 3 * HOUR).toISOString() });
    setNow(h, t0 + DAY + 3 * HOUR - MINUTE);
    expect(await clocks()).toMatchObject({ resolutionOverdue: 0 });
    setNow(h, t0 + DAY + 3 * HOUR);
    expect(await clocks()).toMatchObject({ resolutionOverdue: 1 });
    // The resident was told of the accept and the pause (not of their own resume).
    expect(sent(h, 'report-progress').map((m) => m.data.phrase2?.value)).toEqual(['处理中', '等待居民']);
  });

  it('reopen: clocks restart from the reopen, flags cleared, counted', async () => {
    const t0 = freeze(h);
    const report = await fileReport(h, h.identities.resident);
    setNow(h, t0 + 20 * MINUTE);
    await clocks();
    await change('accept', h.identities.gridLeader, { reportId: report.id, version: 1, message: '收到' });
    await change('resolve', h.identities.gridLeader, { reportId: report.id, version: 2, summary: '纸箱已清走', photos: [] });
    setNow(h, t0 + 2 * HOUR);
    const reopened = (await change('confirm', h.identities.resident, { reportId: report.id, version: 3, solved: false, comment: '又堆上了' })).report;
    expect(reopened).toMatchObject({ state: 'submitted', responseOverdue: false, dueAt: new Date(t0 + 2 * HOUR + 15 * MINUTE).toISOString() });
    expect(await reportDoc(report.id)).toMatchObject({ reopenCount: 1, respondedAt: null, resolvedAt: null, resolutionDueAt: new Date(t0 + 2 * HOUR + DAY) });
    setNow(h, t0 + 2 * HOUR + 14 * MINUTE);
    expect(await clocks()).toMatchObject({ responseOverdue: 0 });
    setNow(h, t0 + 2 * HOUR + 15 * MINUTE);
    expect(await clocks()).toMatchObject({ responseOverdue: 1 });
  });
});

describe('closing', () => {
  it('confirmed within the clocks: closed with the rating, handler points posted once through the ledger', async () => {
    const t0 = freeze(h);
    await settingsWith((c) => c, { handlerPoints: 5 });
    const report = await fileReport(h, h.identities.resident);
    await change('accept', h.identities.gridLeader, { reportId: report.id, version: 0, message: '收到' });
    setNow(h, t0 + HOUR);
    await change('resolve', h.identities.gridLeader, { reportId: report.id, version: 1, summary: '已清理', photos: [] });
    const confirmRequest = { reportId: report.id, version: 2, solved: true, stars: 5, comment: '谢谢网格长', requestId: rid('confirm') };
    const closed = (await h.call('reports', 'confirm', confirmRequest, h.identities.resident)).report;
    expect(closed).toMatchObject({ state: 'closed', rating: { stars: 5, comment: '谢谢网格长' } });
    await h.call('reports', 'confirm', confirmRequest, h.identities.resident);
    await clocks();
    const entries = h.store.list(COLLECTIONS.ledgerEntries).filter((e: any) => e.source === 'report');
    expect(entries).toEqual([expect.objectContaining({ memberId: h.memberIdOf('gridLeader'), points: 5, sourceId: report.id })]);
    expect(await reportDoc(report.id)).toMatchObject({ pointsPosted: true, points: 5 });
  });

  it('late reports earn no points; a resolved report nobody confirms closes after 7 days, at the boundary', async () => {
    const t0 = freeze(h);
    await settingsWith((c) => c, { handlerPoints: 5 });
    const report = await fileReport(h, h.identities.resident);
    setNow(h, t0 + 16 * MINUTE);
    await clocks();
    await change('resolve', h.identities.gridLeader, { reportId: report.id, version: 1, summary: '已清理', photos: [] });
    setNow(h, t0 + 16 * MINUTE + 7 * DAY - MINUTE);
    expect(await clocks()).toMatchObject({ autoClosed: 0 });
    setNow(h, t0 + 16 * MINUTE + 7 * DAY);
    expect(await clocks()).toMatchObject({ autoClosed: 1 });
    expect(await clocks()).toMatchObject({ autoClosed: 0 });
    expect(await reportDoc(report.id)).toMatchObject({ state: 'closed', pointsPosted: null });
    expect(h.store.list(COLLECTIONS.ledgerEntries).filter((e: any) => e.source === 'report')).toEqual([]);
  });
});
