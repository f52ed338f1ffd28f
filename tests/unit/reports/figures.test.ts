import {
  isOverdueNow,
  median,
  monthCohort,
  monthFigures,
  NO_GRID_NAME,
  REPORT_CSV_HEADER,
  reportsCsv,
  reportsCsvFileName,
  type CsvRecord,
  type FigureRecord,
} from '../../../src/shared/rules/report-figures';
import { parseCsv } from '../../../src/shared/rules/roster-csv';
import { monthOf, monthsRange } from '../../../src/shared/time';

/** Shanghai wall-clock time as an instant: sh('2026-11-03 08:00'). */
const sh = (text: string) => new Date(`${text.replace(' ', 'T')}:00+08:00`);
const MIN = 60_000;
const HOUR = 60 * MIN;

const record = (fields: Partial<FigureRecord> & Pick<FigureRecord, 'filedAt'>): FigureRecord => ({
  state: 'submitted',
  categoryKey: 'clutter',
  categoryName: '楼道堆物',
  gridId: 'g1',
  clockStartedAt: null,
  respondedAt: null,
  resolvedAt: null,
  responseDueAt: new Date(fields.filedAt.getTime() + 15 * MIN),
  resolutionDueAt: new Date(fields.filedAt.getTime() + 24 * HOUR),
  responseOverdue: false,
  resolutionOverdue: false,
  reopenCount: 0,
  stars: null,
  ...fields,
});

const names = {
  categories: [
    { key: 'clutter', name: '楼道堆物' },
    { key: 'leak', name: '漏水渗水' },
    { key: 'noise', name: '噪音扰民', active: false },
  ],
  grids: [
    { id: 'g1', name: '第一微格' },
    { id: 'g2', name: '第二微格' },
  ],
};

describe('Shanghai months', () => {
  it('start and end at Shanghai midnight, the end exclusive', () => {
    expect(monthsRange('2026-11', '2026-11')).toEqual({ start: new Date('2026-10-31T16:00:00Z'), end: new Date('2026-11-30T16:00:00Z') });
    expect(monthsRange('2026-12', '2026-12').end).toEqual(new Date('2026-12-31T16:00:00Z'));
    expect(monthOf(new Date('2026-10-31T16:00:00Z'))).toBe('2026-11');
    expect(monthOf(new Date('2026-10-31T15:59:59.999Z'))).toBe('2026-10');
  });

  it('counts a report filed at 00:00 on the 1st in the new month and one at 23:59:59 on the last day in the old', () => {
    const first = record({ filedAt: sh('2026-12-01 00:00') });
    const last = record({ filedAt: new Date(sh('2026-12-01 00:00').getTime() - 1000) });
    expect(monthCohort('2026-12', [first, last])).toEqual([first]);
    expect(monthCohort('2026-11', [first, last])).toEqual([last]);
    // In UTC the late-November report is on the 30th, the December one still on November 30th: only Shanghai decides.
    expect(first.filedAt.toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });
});

describe('median', () => {
  it('takes the middle of an odd count and the mean of the middle two of an even one, in any order', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([5, 5, 100, 1])).toBe(5);
  });
});

describe('monthFigures', () => {
  it('lists every active category and grid with 0 for an empty month, and nothing to measure', () => {
    expect(monthFigures('2026-11', [], names, 3)).toEqual({
      month: '2026-11',
      filed: 0,
      closed: 0,
      open: 0,
      overdueNow: 3,
      byCategory: [
        { key: 'clutter', name: '楼道堆物', count: 0 },
        { key: 'leak', name: '漏水渗水', count: 0 },
      ],
      byGrid: [
        { gridId: 'g1', name: '第一微格', count: 0 },
        { gridId: 'g2', name: '第二微格', count: 0 },
      ],
      medianResponseMinutes: null,
      medianResolutionHours: null,
      respondedInTime: null,
      resolvedInTime: null,
      reopenRate: null,
      satisfaction: null,
    });
  });

  it('works out a month by hand', () => {
    const day = (d: number, time = '09:00') => sh(`2026-11-${String(d).padStart(2, '0')} ${time}`);
    const after = (at: Date, ms: number) => new Date(at.getTime() + ms);
    const a = day(2);
    const b = day(3);
    const c = day(4);
    const d = day(5);
    const e = day(6);
    const f = day(7);
    const records: FigureRecord[] = [
      // A: answered in 5 min, resolved in 10 h, closed, 5 stars.
      record({ filedAt: a, state: 'closed', respondedAt: after(a, 5 * MIN), resolvedAt: after(a, 10 * HOUR), stars: 5 }),
      // B: answered in 20 min (marked late), resolved in 30 h (late), reopened once, then closed with 3 stars.
      record({
        filedAt: b, state: 'closed', categoryKey: 'leak', categoryName: '漏水渗水', gridId: 'g2',
        respondedAt: after(b, 20 * MIN), resolvedAt: after(b, 30 * HOUR), responseOverdue: true, resolutionOverdue: true, reopenCount: 1, stars: 3,
      }),
      // C: answered in 10 min, resolved in 2 h, 待确认.
      record({ filedAt: c, state: 'resolved', gridId: null, respondedAt: after(c, 10 * MIN), resolvedAt: after(c, 2 * HOUR) }),
      // D: not answered and marked 超时未响应: open and overdue.
      record({ filedAt: d, state: 'submitted', responseOverdue: true }),
      // E: fresh, nothing due yet.
      record({ filedAt: e, state: 'submitted', categoryKey: 'noise', categoryName: '噪音扰民', gridId: 'g-gone' }),
      // F: answered exactly at its due time before the timer marked it: late all the same.
      record({ filedAt: f, state: 'accepted', respondedAt: after(f, 15 * MIN) }),
      // G: reopened on the 9th; its response and resolution belong to the round before, the new round has none yet.
      record({
        filedAt: day(8), clockStartedAt: day(9), state: 'submitted', reopenCount: 1,
        respondedAt: after(day(8), 4 * MIN), resolvedAt: after(day(8), 1 * HOUR),
        responseDueAt: after(day(9), 15 * MIN), resolutionDueAt: after(day(9), 24 * HOUR),
      }),
      // H: reopened on the 11th and answered 3 minutes into the new round.
      record({
        filedAt: day(10), clockStartedAt: day(11), state: 'accepted', reopenCount: 2, respondedAt: after(day(11), 3 * MIN),
        responseDueAt: after(day(11), 15 * MIN), resolutionDueAt: after(day(11), 24 * HOUR),
      }),
      // A duplicate merged into A, and a report of October: neither counts.
      record({ filedAt: a, state: 'merged' }),
      record({ filedAt: sh('2026-10-31 23:59'), state: 'closed', respondedAt: sh('2026-11-01 00:01'), stars: 1 }),
    ];
    const figures = monthFigures('2026-11', records, names, 1);
    expect(figures).toEqual({
      month: '2026-11',
      filed: 8,
      closed: 2,
      // D, E, F, G, H; C is 待确认.
      open: 5,
      overdueNow: 1,
      byCategory: [
        { key: 'clutter', name: '楼道堆物', count: 6 },
        { key: 'leak', name: '漏水渗水', count: 1 },
        // A retired category shows when it has reports, by its settings name.
        { key: 'noise', name: '噪音扰民', count: 1 },
      ],
      byGrid: [
        { gridId: 'g1', name: '第一微格', count: 5 },
        { gridId: 'g2', name: '第二微格', count: 1 },
        { gridId: 'g-gone', name: 'g-gone', count: 1 },
        { gridId: null, name: NO_GRID_NAME, count: 1 },
      ],
      // Responses in their round: 5, 20, 10, 15 and H's 3 -> 10.
      medianResponseMinutes: 10,
      // Resolutions 10, 30, 2 -> 10.
      medianResolutionHours: 10,
      // Ended: A, B, C, D, F, H; in time: A, C, H.
      respondedInTime: 0.5,
      // Ended: A, B, C; in time: A, C.
      resolvedInTime: 0.6667,
      // Ever resolved: A, B, C, G, H; reopened: B, G, H.
      reopenRate: 0.6,
      satisfaction: 4,
    });
    expect(records.filter(isOverdueNow)).toHaveLength(1);
  });

  it('counts an overdue report open now whatever month it was filed in, not once it is resolved', () => {
    const filedAt = sh('2026-10-30 09:00');
    expect(isOverdueNow(record({ filedAt, state: 'waiting', resolutionOverdue: true }))).toBe(true);
    expect(isOverdueNow(record({ filedAt, state: 'accepted' }))).toBe(false);
    expect(isOverdueNow(record({ filedAt, state: 'resolved', resolutionOverdue: true }))).toBe(false);
    expect(isOverdueNow(record({ filedAt, state: 'closed', responseOverdue: true }))).toBe(false);
  });

  it('takes the mean of the middle two of an even number of response times', () => {
    const filedAt = sh('2026-11-10 10:00');
    const answered = [2, 4, 6, 30].map((m) => record({ filedAt, state: 'accepted', respondedAt: new Date(filedAt.getTime() + m * MIN) }));
    const figures = monthFigures('2026-11', answered, names, 0);
    expect(figures.medianResponseMinutes).toBe(5);
    // 30 minutes is past the 15-minute clock even without the timer's mark.
    expect(figures.respondedInTime).toBe(0.75);
  });

  it('rounds the mean of the stars to two places', () => {
    const filedAt = sh('2026-11-10 10:00');
    const rated = [5, 4, 4].map((stars) => record({ filedAt, state: 'closed', stars }));
    expect(monthFigures('2026-11', rated, names, 0).satisfaction).toBe(4.33);
  });
});

describe('reportsCsv', () => {
  const csvRecord = (fields: Partial<CsvRecord> & Pick<CsvRecord, 'filedAt'>): CsvRecord => ({
    ...record(fields),
    number: 'R-20261105-0001',
    placeText: '3号楼 2单元',
    gridName: '第一微格',
    text: '楼道里堆了纸箱',
    closedAt: null,
    followers: 0,
    ...fields,
  });

  it('writes one row per report of the month, oldest first, in Shanghai time, with no phone number', () => {
    const filed = sh('2026-11-05 21:30');
    const csv = reportsCsv('2026-11', [
      csvRecord({
        filedAt: filed,
        number: 'R-20261105-0002',
        state: 'closed',
        respondedAt: new Date(filed.getTime() + 6 * MIN),
        resolvedAt: new Date(filed.getTime() + 3 * HOUR),
        closedAt: new Date(filed.getTime() + 20 * HOUR),
        stars: 4,
        followers: 2,
        text: '电线从5楼拉下来充电，联系我 139 0000 1001 或 13900001002',
      }),
      csvRecord({ filedAt: sh('2026-11-01 00:00'), number: 'R-20261101-0001' }),
      csvRecord({ filedAt: sh('2026-12-01 00:00'), number: 'R-20261201-0001' }),
      csvRecord({ filedAt: sh('2026-11-02 08:00'), number: 'R-20261102-0009', state: 'merged' }),
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error('unparsable');
    const [header, ...rows] = parsed.records.map((r) => r.fields);
    expect(header).toEqual([...REPORT_CSV_HEADER]);
    expect(rows.map((r) => r[0])).toEqual(['R-20261101-0001', 'R-20261105-0002']);
    expect(rows[1]).toEqual([
      'R-20261105-0002',
      '2026-11-05 21:30',
      '楼道堆物',
      '3号楼 2单元',
      '第一微格',
      '已办结',
      '2026-11-05 21:36',
      '6',
      '是',
      '2026-11-06 00:30',
      '3',
      '是',
      '2026-11-06 17:30',
      '0',
      '4',
      '2',
      '电线从5楼拉下来充电，联系我 139****1001 或 139****1002',
    ]);
    expect(csv).not.toMatch(/1\d{10}/);
    expect(reportsCsvFileName('2026-11')).toBe('上报明细-2026-11.csv');
  });

  it('quotes commas, quotes and line breaks, and defuses text a spreadsheet would run as a formula', () => {
    const csv = reportsCsv('2026-11', [
      csvRecord({ filedAt: sh('2026-11-03 10:00'), text: '=HYPERLINK("http://x","点我")', placeText: '+3号楼' }),
      csvRecord({ filedAt: sh('2026-11-03 11:00'), text: '第一行,\n第二行 "引号"', placeText: '@小区大门' }),
      csvRecord({ filedAt: sh('2026-11-03 12:00'), text: '-1+1', placeText: '\t门口' }),
    ]);
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error('unparsable');
    const rows = parsed.records.slice(1).map((r) => r.fields);
    expect(rows.map((r) => [r[3], r[16]])).toEqual([
      ["'+3号楼", `'=HYPERLINK("http://x","点我")`],
      ["'@小区大门", '第一行,\n第二行 "引号"'],
      ["'\t门口", "'-1+1"],
    ]);
    // Numbers stay numbers: a count is never prefixed.
    expect(rows[0]![13]).toBe('0');
  });
});
