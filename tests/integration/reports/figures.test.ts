import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { DEMO_PEOPLE } from '../../../emulator/seed/demo-data';
import type { WriteOp } from '../../../emulator/store';
import type { ReportFigures, ReportView, StreetReportRow } from '../../../src/shared/domain/report';
import { parseCsv } from '../../../src/shared/rules/roster-csv';
import { fromShanghai, inShanghai, monthsRange } from '../../../src/shared/time';
import { withCountingStack } from '../../bench/support';
import { startHarness, type Harness } from '../../support/harness';
import { fileReport, freeze, HOUR, MINUTE, rid, setNow } from './support';

/**
 * reports.figures, exportCsv and street through the real SDK and the emulator: reports filed and handled through the
 * real actions with the clock moved, the timer escalating them, then the month's figures as the committee and the
 * 街道 read them; who may read them; and the database requests over 10,000 reports.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(() => h.stop());
beforeEach(() => h.reset());

const figuresOf = (month: string, who: string) => h.call<ReportFigures>('reports', 'figures', { month }, who);
const codeOf = async (fn: string, action: string, payload: unknown, who: string) => {
  const res = await h.invoke(fn, { action, payload }, who);
  return res.ok ? 'ok' : res.error.code;
};

/** Freezes the clock at 09:00 on the 3rd of next month (Shanghai), so every seeded report is of an earlier month. */
function startNextMonth(): { month: string; t0: number } {
  const now = freeze(h);
  const month = inShanghai(now).add(1, 'month').format('YYYY-MM');
  const t0 = new Date(fromShanghai(`${month}-03`, '09:00')).getTime();
  setNow(h, t0);
  return { month, t0 };
}

const accept = async (r: ReportView, at: number) => {
  setNow(h, at);
  return (await h.call('reports', 'accept', { reportId: r.id, version: r.version, message: '收到，马上来看', requestId: rid('acc') }, h.identities.gridLeader)).report as ReportView;
};
const resolve = async (r: ReportView, at: number) => {
  setNow(h, at);
  return (await h.call('reports', 'resolve', { reportId: r.id, version: r.version, summary: '已处理好了', requestId: rid('res') }, h.identities.gridLeader)).report as ReportView;
};
const confirm = async (r: ReportView, at: number, answer: { solved: boolean; stars?: number }) => {
  setNow(h, at);
  return (await h.call('reports', 'confirm', { reportId: r.id, version: r.version, ...answer, requestId: rid('cfm') }, h.identities.resident)).report as ReportView;
};

/**
 * The month worked by hand (t0 = 09:00 on the 3rd):
 * R1 王秀兰, 3号楼 楼道堆物: answered at +5 min, resolved at +2 h, confirmed with 4 stars (closed, in time).
 * R2 王秀兰, 1号楼 漏水渗水: nobody answers; at +15 min the timer marks it 超时未响应; answered at +20 min; at +24 h the
 *    timer marks it 超时未办结; resolved at +25 h; she says it is not solved: reopened, its clocks restart.
 * R3 李建国, 小区大门 环境卫生 (a public spot: the 总格长): never answered, marked late by the +24 h run.
 */
async function handMonth(): Promise<{ month: string; r1: ReportView }> {
  // The demo reports, filed before this month: their open ones count in overdueNow once late.
  await h.stack.seed({ reports: true });
  const { month, t0 } = startNextMonth();
  let r1 = await fileReport(h, h.identities.resident, { text: '3号楼2单元楼道里堆了纸箱，有事打我电话13900001001' });
  let r2 = await fileReport(h, h.identities.resident, { categoryKey: 'leak', building: '1号楼', text: '楼上漏水，厨房天花板在滴水' });
  expect(await figuresOf(month, h.identities.committee)).toMatchObject({ filed: 2, open: 2, closed: 0, medianResponseMinutes: null, respondedInTime: null });

  r1 = await accept(r1, t0 + 5 * MINUTE);
  setNow(h, t0 + 15 * MINUTE);
  await h.timer('reports', 'report-clocks');
  r2 = await h.call('reports', 'get', { reportId: r2.id }, h.identities.gridLeader).then((x) => x.report as ReportView);
  expect(r2.responseOverdue).toBe(true);
  r2 = await accept(r2, t0 + 20 * MINUTE);
  r1 = await resolve(r1, t0 + 2 * HOUR);
  r1 = await confirm(r1, t0 + 2 * HOUR + MINUTE, { solved: true, stars: 4 });
  expect(r1.state).toBe('closed');

  setNow(h, t0 + 3 * HOUR);
  await fileReport(h, h.identities.member, { categoryKey: 'sanitation', spot: '小区大门', text: '大门口的垃圾没人清' });
  setNow(h, t0 + 24 * HOUR);
  await h.timer('reports', 'report-clocks');
  r2 = await h.call('reports', 'get', { reportId: r2.id }, h.identities.gridLeader).then((x) => x.report as ReportView);
  expect(r2.resolutionOverdue).toBe(true);
  r2 = await resolve(r2, t0 + 25 * HOUR);
  r2 = await confirm(r2, t0 + 25 * HOUR + MINUTE, { solved: false });
  expect(r2.state).toBe('submitted');
  return { month, r1 };
}

describe('reports.figures', () => {
  it('works out a month of reports filed and handled through the real actions, with the clock moved', async () => {
    const { month } = await handMonth();
    expect(await figuresOf(month, h.identities.committee)).toEqual({
      month,
      filed: 3,
      closed: 1,
      // R2 (reopened) and R3; none is 待确认.
      open: 2,
      // R3, and the seed's three open reports of an earlier month, all past their clocks by now; R2's marks were
      // cleared by its reopen.
      overdueNow: 4,
      byCategory: [
        { key: 'clutter', name: '楼道堆物', count: 1 },
        { key: 'charging', name: '飞线充电', count: 0 },
        { key: 'leak', name: '漏水渗水', count: 1 },
        { key: 'facility', name: '设施损坏', count: 0 },
        { key: 'sanitation', name: '环境卫生', count: 1 },
        { key: 'noise', name: '噪音扰民', count: 0 },
        { key: 'dispute', name: '邻里纠纷', count: 0 },
        { key: 'other', name: '其他', count: 0 },
      ],
      byGrid: [
        { gridId: 'cm-baiyu1-g1', name: '第一微格', count: 2 },
        { gridId: 'cm-baiyu1-g2', name: '第二微格', count: 0 },
        { gridId: 'cm-baiyu1-g3', name: '第三微格', count: 0 },
        { gridId: null, name: '公共区域及未分微格', count: 1 },
      ],
      // Only R1 has a response and a resolution in its current round (R2's belong to the round it reopened).
      medianResponseMinutes: 5,
      medianResolutionHours: 2,
      // Ended: R1 (in time), R3 (late).
      respondedInTime: 0.5,
      resolvedInTime: 1,
      // Ever resolved: R1, R2; reopened: R2.
      reopenRate: 0.5,
      satisfaction: 4,
    });
  });

  it('counts a report at Shanghai midnight in the month it was filed in Shanghai', async () => {
    const { month } = startNextMonth();
    const first = monthsRange(month, month).start.getTime();
    setNow(h, first - 1000);
    await fileReport(h, h.identities.resident, { text: '月底最后一分钟' });
    setNow(h, first);
    await fileReport(h, h.identities.resident, { categoryKey: 'noise', text: '月初第一秒' });
    const previous = inShanghai(first - 1000).format('YYYY-MM');
    expect((await figuresOf(month, h.identities.committee)).byCategory.filter((c) => c.count)).toEqual([{ key: 'noise', name: '噪音扰民', count: 1 }]);
    expect((await figuresOf(previous, h.identities.committee)).byCategory.find((c) => c.key === 'clutter')!.count).toBeGreaterThanOrEqual(1);
  });

  it('exports the month as CSV for the committee: one row a report, no names, no phone numbers', async () => {
    const { month } = await handMonth();
    const { fileName, csv } = await h.call<{ fileName: string; csv: string }>('reports', 'exportCsv', { month }, h.identities.committee);
    expect(fileName).toBe(`上报明细-${month}.csv`);
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error('unparsable CSV');
    const [header, ...rows] = parsed.records.map((r) => r.fields);
    expect(header![0]).toBe('编号');
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r[5])).toEqual(['已办结', '待响应', '待响应']);
    expect(rows[0]![16]).toBe('3号楼2单元楼道里堆了纸箱，有事打我电话139****1001');
    for (const p of DEMO_PEOPLE.filter((d) => d.phone)) {
      expect(csv).not.toContain(p.phone);
      if (p.name) expect(csv).not.toContain(p.name);
    }
  });
});

describe('who may read the figures', () => {
  it('refuses residents and grid leaders; another 居民区’s committee reads only its own; the 街道 only `street`', async () => {
    const { month } = await handMonth();
    for (const action of ['figures', 'exportCsv', 'street']) {
      expect(await codeOf('reports', action, { month }, h.identities.resident)).toBe('COMMON.FORBIDDEN');
      expect(await codeOf('reports', action, { month }, h.identities.gridLeader)).toBe('COMMON.FORBIDDEN');
    }
    expect(await codeOf('reports', 'street', { month }, h.identities.committee)).toBe('COMMON.FORBIDDEN');
    expect(await codeOf('reports', 'figures', { month }, h.identities.streetAdmin)).toBe('COMMON.FORBIDDEN');
    expect(await codeOf('reports', 'exportCsv', { month }, h.identities.streetAdmin)).toBe('COMMON.FORBIDDEN');
    expect(await codeOf('reports', 'figures', { month: '2026-13' }, h.identities.committee)).toBe('COMMON.INVALID_INPUT');

    const other = await figuresOf(month, h.identities.otherCommittee);
    expect(other).toMatchObject({ filed: 0, overdueNow: 0 });
    const otherCsv = (await h.call('reports', 'exportCsv', { month }, h.identities.otherCommittee)).csv as string;
    expect(parseCsv(otherCsv)).toMatchObject({ ok: true, records: [expect.anything()] });
  });

  it('gives the 街道 each 居民区’s figures, the committee’s own numbers, and nothing personal', async () => {
    const { month, r1 } = await handMonth();
    const { items } = await h.call<{ items: StreetReportRow[] }>('reports', 'street', { month }, h.identities.streetAdmin);
    expect(items.map((i) => i.communityName)).toEqual(['白玉新村第一居民区', '长风一村', '雅仕汇都']);
    expect(items[0]!.figures).toEqual(await figuresOf(month, h.identities.committee));
    expect(items[1]!.figures).toEqual(await figuresOf(month, h.identities.otherCommittee));
    const text = JSON.stringify(items);
    for (const p of DEMO_PEOPLE.filter((d) => d.name)) {
      expect(text).not.toContain(p.name);
      expect(text).not.toContain(p.phone);
      expect(text).not.toContain(h.memberIdOf(p.key as never));
    }
    expect(text).not.toContain(r1.id);
    expect(text).not.toContain(r1.number);
    expect(text).not.toContain('纸箱');
  });
});

// 20,000 reports written straight into the store (filing them through the function would take hours); no wall-clock
// budget is asserted, the database requests are.
jest.setTimeout(600_000);

const COMMUNITY = 'cm-baiyu1';
const openidOf = (key: string) => DEMO_PEOPLE.find((p) => p.key === key)!.openid;

function loadReports(store: { commit(ops: WriteOp[]): void }, prefix: string, n: number, filedAt: (i: number) => Date): void {
  const categories = ['clutter', 'charging', 'leak', 'facility', 'sanitation', 'noise', 'dispute', 'other'];
  let ops: WriteOp[] = [];
  for (let i = 0; i < n; i += 1) {
    const at = filedAt(i);
    const closed = i % 4 !== 0;
    ops.push({
      op: 'put',
      coll: COLLECTIONS.reports,
      doc: {
        _id: `${prefix}-${i.toString().padStart(6, '0')}`,
        communityId: COMMUNITY,
        state: closed ? 'closed' : 'accepted',
        categoryKey: categories[i % categories.length]!,
        categoryName: '类别',
        gridId: `cm-baiyu1-g${(i % 3) + 1}`,
        filedAt: at,
        clockStartedAt: at,
        responseDueAt: new Date(at.getTime() + 15 * MINUTE),
        resolutionDueAt: new Date(at.getTime() + 24 * HOUR),
        respondedAt: new Date(at.getTime() + ((i % 20) + 1) * MINUTE),
        resolvedAt: closed ? new Date(at.getTime() + ((i % 30) + 1) * HOUR) : null,
        responseOverdue: i % 20 >= 15,
        resolutionOverdue: i % 30 >= 24,
        reopenCount: i % 10 === 0 ? 1 : 0,
        rating: closed ? { stars: (i % 5) + 1, comment: '' } : null,
        closedAt: closed ? new Date(at.getTime() + 40 * HOUR) : null,
        number: `R-${i}`,
        place: { building: `${(i % 10) + 1}号楼`, unit: '', spot: '', point: null },
        text: '楼道里堆了东西',
        followers: [],
      },
    });
    if (ops.length >= 5000) {
      store.commit(ops);
      ops = [];
    }
  }
  store.commit(ops);
}

describe('database requests over 10,000 reports of a 居民区', () => {
  it('are a handful, and one more per further 1000 reports of the month', async () => {
    await withCountingStack(async ({ stack, requests, store }) => {
      const cost = async (action: string, month: string, who: string) => {
        const before = requests();
        const res = (await stack.host.invoke('reports', { action, payload: { month } }, { openid: openidOf(who) })) as { ok: boolean; data: any };
        expect(res.ok).toBe(true);
        return { used: requests() - before, data: res.data };
      };
      // A year of 10,000 reports, one every 52.56 minutes through 2025: about 850 a month.
      const yearStart = new Date('2024-12-31T16:00:00Z').getTime();
      const step = (365 * 24 * HOUR) / 10_000;
      loadReports(store, 'year', 10_000, (i) => new Date(yearStart + Math.floor(i * step)));
      const yearIn = (month: string) => {
        const { start, end } = monthsRange(month, month);
        return Array.from({ length: 10_000 }, (_, i) => yearStart + Math.floor(i * step)).filter((t) => t >= start.getTime() && t < end.getTime()).length;
      };
      const inJune = yearIn('2025-06');

      const figures = await cost('figures', '2025-06', 'committee');
      expect(figures.data.filed).toBe(inJune);
      const street = await cost('street', '2025-06', 'streetAdmin');
      const csv = await cost('exportCsv', '2025-06', 'committee');
      // The caller; then side by side the categories, the grids, the overdue count and one page of the month.
      expect(figures.used).toBe(5);
      // The caller, the street's 居民区, then the same side by side over all of them.
      expect(street.used).toBe(6);
      // As figures, without the overdue count.
      expect(csv.used).toBe(4);

      // 10,000 reports in one month: ten full pages and the one that finds the end.
      loadReports(store, 'busy', 10_000, (i) => new Date(new Date('2025-02-28T16:00:00Z').getTime() + i * 4 * MINUTE));
      const busy = await cost('figures', '2025-03', 'committee');
      expect(busy.data.filed).toBe(10_000 + yearIn('2025-03'));
      const busyStreet = await cost('street', '2025-03', 'streetAdmin');
      console.log(
        `reports figures database requests: a month of ${inJune} reports: figures ${figures.used}, street ${street.used}, exportCsv ${csv.used}; ` +
          `a month of ${busy.data.filed} reports: figures ${busy.used}, street ${busyStreet.used}`,
      );
      expect(busy.used).toBe(4 + Math.ceil((busy.data.filed + 1) / 1000));
      expect(busyStreet.used).toBe(5 + Math.ceil((busy.data.filed + 1) / 1000));

      // Reports filed at the very same instant across a page's end (a bulk import, a clock's coarse tick), and a page
      // made of one instant only: each report is read once, none is skipped.
      const base = new Date('2024-03-10T02:00:00Z').getTime();
      loadReports(store, 'tie', 1200, (i) => new Date(i >= 990 && i < 1010 ? base + 990_000 : base + i * 1000));
      loadReports(store, 'same', 1500, () => new Date('2024-04-10T02:00:00Z'));
      const tie = await cost('figures', '2024-03', 'committee');
      expect(tie.data.filed).toBe(1200);
      expect(tie.used).toBe(4 + 2);
      const same = await cost('figures', '2024-04', 'committee');
      expect(same.data.filed).toBe(1500);
      expect(same.data.byCategory.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(1500);
    });
  });
});
