import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { DEMO_REPORTS, DEMO_REPORT_SPOTS } from '../../../emulator/seed/reports';
import type { ReportSettingsView, ReportSummaryView, ReportView } from '../../../src/shared/domain/report';
import type { Page } from '../../../src/shared/result';
import { startHarness, type Harness } from '../../support/harness';
import { MINUTE, rid } from './support';

/** The demo reports of 白玉一居 (`npm start`): what each role finds in them, read through the real functions. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(() => h.stop());
beforeEach(() => h.reset());

const reportsIn = () => h.store.list(COLLECTIONS.reports).length;

describe('the demo reports', () => {
  it('are seeded only when asked, once, with the 居民区’s settings', async () => {
    // Tests start from a 居民区 without reports or settings.
    expect(reportsIn()).toBe(0);
    expect(h.store.list(COLLECTIONS.reportSettings)).toHaveLength(0);
    expect(await h.stack.seed({ reports: true })).toBe(6);
    expect(await h.stack.seed({ reports: true })).toBe(0);
    expect(reportsIn()).toBe(5);
    const settings = await h.call<ReportSettingsView>('reports', 'settings', {}, h.identities.resident);
    expect(settings.spots).toEqual(DEMO_REPORT_SPOTS);
    expect(settings.handlerPoints).toBe(2);
    expect(settings.home).toEqual({ building: '3号楼', room: '201' });
  });

  it('show each role a report in every state a person meets first', async () => {
    await h.stack.seed({ reports: true });
    const list = await h.call<Page<ReportSummaryView>>('reports', 'list', { page: 1 }, h.identities.committee);
    const stateOf = (id: string) => list.items.find((r) => r.id === id);
    expect(list.items).toHaveLength(5);
    expect(stateOf(DEMO_REPORTS.fresh)).toMatchObject({ state: 'submitted', responseOverdue: false, dueKind: 'response', placeText: '3号楼 2单元' });
    expect(stateOf(DEMO_REPORTS.late)).toMatchObject({ state: 'submitted', responseOverdue: true, assignee: { kind: 'grid', name: '第一微格' } });
    expect(stateOf(DEMO_REPORTS.visited)).toMatchObject({ state: 'accepted', dueKind: 'resolution' });
    expect(stateOf(DEMO_REPORTS.resolved)).toMatchObject({ state: 'resolved', dueAt: null });
    expect(stateOf(DEMO_REPORTS.closed)).toMatchObject({ state: 'closed' });

    // 待处理 of the grid leader: the three open ones, the late one first.
    const queue = await h.call<Page<ReportSummaryView>>('reports', 'queue', { page: 1 }, h.identities.gridLeader);
    expect(queue.items.map((r) => r.id)).toEqual([DEMO_REPORTS.late, DEMO_REPORTS.fresh, DEMO_REPORTS.visited]);

    // The visit and the proxy filing show on the timeline, staff as role and surname.
    const visited = (await h.call('reports', 'get', { reportId: DEMO_REPORTS.visited }, h.identities.gridLeader)).report as ReportView;
    expect(visited.proxy).toBe(true);
    expect(visited.steps.map((s) => [s.kind, s.by])).toEqual([['filed', '网格长 张'], ['accepted', '网格长 张'], ['visited', '网格长 张']]);
    expect(visited.steps[2]!.visit).toMatchObject({ whom: '吴阿婆、楼上202住户' });
    const closed = (await h.call('reports', 'get', { reportId: DEMO_REPORTS.closed }, h.identities.committee)).report as ReportView;
    expect(closed.rating).toEqual({ stars: 5, comment: '处理得很快，谢谢！' });

    // 王秀兰 finds her two, and may confirm the one waiting for her.
    const mine = await h.call<Page<ReportSummaryView>>('reports', 'mine', { page: 1 }, h.identities.resident);
    expect(mine.items.map((r) => r.id).sort()).toEqual([DEMO_REPORTS.fresh, DEMO_REPORTS.resolved].sort());
    const resolved = (await h.call('reports', 'get', { reportId: DEMO_REPORTS.resolved }, h.identities.resident)).report as ReportView;
    expect(resolved.can.confirm).toBe(true);
    const confirmed = await h.call('reports', 'confirm', { reportId: resolved.id, version: resolved.version, solved: true, stars: 5, requestId: rid('demo') }, h.identities.resident);
    expect(confirmed.report.state).toBe('closed');
  });

  it('go on under the timer as filed reports do: the late one is not escalated twice, the fresh one is at 15 minutes', async () => {
    await h.stack.seed({ reports: true });
    const marks = async (id: string) => ((await h.call('reports', 'get', { reportId: id }, h.identities.committee)).report as ReportView).steps.filter((s) => s.kind === 'responseOverdue').length;
    await h.timer('reports', 'report-clocks');
    expect(await marks(DEMO_REPORTS.late)).toBe(1);
    expect(await marks(DEMO_REPORTS.fresh)).toBe(0);
    h.stack.clock.offsetMs += 12 * MINUTE;
    await h.timer('reports', 'report-clocks');
    expect(await marks(DEMO_REPORTS.late)).toBe(1);
    expect(await marks(DEMO_REPORTS.fresh)).toBe(1);
  });
});
