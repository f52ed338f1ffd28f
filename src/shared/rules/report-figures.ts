import { OPEN_REPORT_STATES, REPORT_STATE_LABELS, type ReportFigures, type ReportState } from '../domain/report';
import { formatShanghai, monthsRange } from '../time';
import { csvText, maskPhonesIn, type CsvValue } from './csv';

/**
 * The month figures of 一键上报 (the committee's monthly report, the 街道's overview) and the committee's CSV, from
 * plain report records. Pure: the reports function reads the records, these functions count. Shared so the
 * definitions below are unit-tested once:
 * - A month is a Shanghai month; a report belongs to the month it was filed in (the cohort). Every figure but
 *   `overdueNow` is about that cohort, as it stands now.
 * - A report merged into another is the same problem: it counts once, as the report it joined.
 * - open: 待响应, 处理中, 等待居民; closed: 已办结; 待确认 is neither.
 * - overdueNow: reports open now with a clock overdue, filed in any month (a report filed on the 30th and late on the
 *   1st must still show), so the caller counts it over the whole 居民区.
 * - A report is measured on its current round: filing, or its latest reopen (`clockStartedAt`), which restarts both
 *   clocks and clears the overdue marks; a response or resolution from before it belongs to a round that was
 *   reopened (the reopen rate counts those).
 * - medianResponseMinutes / medianResolutionHours: from the start of the round to its response / resolution, wall
 *   time, over the reports that have one; the median of an even number of values is the mean of the middle two.
 * - respondedInTime: of the reports whose response clock has ended (responded, or marked 超时未响应), the share
 *   answered before it was due; resolvedInTime likewise for the resolution clock. Exactly at the due time is late,
 *   as the clock rule counts it due.
 * - reopenRate: of the reports ever resolved, the share the resident reopened at least once.
 * - satisfaction: the mean of the residents' stars (1-5).
 */

/** What the figures need of one report: no person, no text. */
export interface FigureRecord {
  state: ReportState;
  categoryKey: string;
  /** The name copied on the report (used when the category has left the settings). */
  categoryName: string;
  /** The micro-grid of the report's place; null for a public spot or a building in no grid. */
  gridId: string | null;
  filedAt: Date;
  /** When the clocks last started: filing, or the latest reopen (null: filing). */
  clockStartedAt: Date | null;
  respondedAt: Date | null;
  resolvedAt: Date | null;
  /** The due times as they stand (moved by pauses, restarted by a reopen); null when not known. */
  responseDueAt: Date | null;
  resolutionDueAt: Date | null;
  responseOverdue: boolean;
  resolutionOverdue: boolean;
  reopenCount: number;
  /** The resident's stars, null before they rated it. */
  stars: number | null;
}

export interface FigureNames {
  /** The 居民区's categories in their order: every active one is listed, with 0 when nothing was filed. */
  categories: readonly { key: string; name: string; active?: boolean }[];
  /** The 居民区's micro-grids in their order: every one is listed, with 0 when nothing was filed. */
  grids: readonly { id: string; name: string }[];
}

/** Reports at a public spot or a building in no grid. */
export const NO_GRID_NAME = '公共区域及未分微格';

const OPEN = new Set<ReportState>(OPEN_REPORT_STATES);

/** The median of `values` (any order); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `part / whole`, null when there is nothing to measure. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

const round = (n: number | null, places: number): number | null => (n === null ? null : Math.round(n * 10 ** places) / 10 ** places);

/** Is a report open now with one of its clocks marked overdue? */
export function isOverdueNow(r: Pick<FigureRecord, 'state' | 'responseOverdue' | 'resolutionOverdue'>): boolean {
  return OPEN.has(r.state) && (r.responseOverdue || r.resolutionOverdue);
}

const roundStart = (r: Pick<FigureRecord, 'filedAt' | 'clockStartedAt'>): Date => r.clockStartedAt ?? r.filedAt;

/** `at` if it happened in the report's current round, else null. */
const inRound = (r: FigureRecord, at: Date | null): Date | null => (at && at.getTime() >= roundStart(r).getTime() ? at : null);

/** Minutes from the start of the round to its response; null when it has none. */
export function responseMinutes(r: FigureRecord): number | null {
  const at = inRound(r, r.respondedAt);
  return at ? (at.getTime() - roundStart(r).getTime()) / 60_000 : null;
}

/** Hours from the start of the round to its resolution; null when it has none. */
export function resolutionHours(r: FigureRecord): number | null {
  const at = inRound(r, r.resolvedAt);
  return at ? (at.getTime() - roundStart(r).getTime()) / 3_600_000 : null;
}

/** Answered before its due time (and never marked late by the timer); null while the response clock runs. */
export function respondedInTime(r: FigureRecord): boolean | null {
  const at = inRound(r, r.respondedAt);
  if (!at && !r.responseOverdue) return null;
  return !!at && !r.responseOverdue && (!r.responseDueAt || at.getTime() < r.responseDueAt.getTime());
}

/** Resolved before its due time (and never marked late by the timer); null while the resolution clock runs. */
export function resolvedInTime(r: FigureRecord): boolean | null {
  const at = inRound(r, r.resolvedAt);
  if (!at && !r.resolutionOverdue) return null;
  return !!at && !r.resolutionOverdue && (!r.resolutionDueAt || at.getTime() < r.resolutionDueAt.getTime());
}

/** The reports of `month` among `records` (merged ones left out). */
export function monthCohort<T extends Pick<FigureRecord, 'filedAt' | 'state'>>(month: string, records: readonly T[]): T[] {
  const { start, end } = monthsRange(month, month);
  return records.filter((r) => r.state !== 'merged' && r.filedAt >= start && r.filedAt < end);
}

/**
 * The figures of `month` from the reports filed in it (others among `records` are ignored), with `overdueNow`
 * counted by the caller over the whole 居民区 (isOverdueNow).
 */
export function monthFigures(month: string, records: readonly FigureRecord[], names: FigureNames, overdueNow: number): ReportFigures {
  const cohort = monthCohort(month, records);

  const byCategory = new Map(names.categories.filter((c) => c.active !== false).map((c) => [c.key, { key: c.key, name: c.name, count: 0 }]));
  const byGrid = new Map<string | null, { gridId: string | null; name: string; count: number }>(
    names.grids.map((g) => [g.id, { gridId: g.id, name: g.name, count: 0 }]),
  );
  const categoryName = new Map(names.categories.map((c) => [c.key, c.name]));

  const responseTimes: number[] = [];
  const resolutionTimes: number[] = [];
  const stars: number[] = [];
  let closed = 0;
  let open = 0;
  let responseEnded = 0;
  let responseMet = 0;
  let resolutionEnded = 0;
  let resolutionMet = 0;
  let everResolved = 0;
  let reopened = 0;

  for (const r of cohort) {
    if (r.state === 'closed') closed += 1;
    if (OPEN.has(r.state)) open += 1;

    const category = byCategory.get(r.categoryKey) ?? { key: r.categoryKey, name: categoryName.get(r.categoryKey) ?? r.categoryName, count: 0 };
    category.count += 1;
    byCategory.set(r.categoryKey, category);
    // A grid since removed keeps its reports, under its id.
    const grid = byGrid.get(r.gridId) ?? { gridId: r.gridId, name: r.gridId ?? NO_GRID_NAME, count: 0 };
    grid.count += 1;
    byGrid.set(r.gridId, grid);

    const minutes = responseMinutes(r);
    if (minutes !== null) responseTimes.push(minutes);
    const hours = resolutionHours(r);
    if (hours !== null) resolutionTimes.push(hours);
    const responded = respondedInTime(r);
    if (responded !== null) {
      responseEnded += 1;
      if (responded) responseMet += 1;
    }
    const resolved = resolvedInTime(r);
    if (resolved !== null) {
      resolutionEnded += 1;
      if (resolved) resolutionMet += 1;
    }
    if (r.resolvedAt || r.reopenCount > 0) {
      everResolved += 1;
      if (r.reopenCount > 0) reopened += 1;
    }
    if (r.stars !== null) stars.push(r.stars);
  }

  // Grids first in their order, then reports in no grid.
  const grids = [...byGrid.values()].sort((a, b) => Number(a.gridId === null) - Number(b.gridId === null));
  return {
    month,
    filed: cohort.length,
    closed,
    open,
    overdueNow,
    byCategory: [...byCategory.values()],
    byGrid: grids,
    medianResponseMinutes: round(median(responseTimes), 1),
    medianResolutionHours: round(median(resolutionTimes), 1),
    respondedInTime: round(share(responseMet, responseEnded), 4),
    resolvedInTime: round(share(resolutionMet, resolutionEnded), 4),
    reopenRate: round(share(reopened, everResolved), 4),
    satisfaction: round(share(stars.reduce((a, b) => a + b, 0), stars.length), 2),
  };
}

/** One report as a row of the committee's CSV: no names, no phone numbers (masked even in the resident's words). */
export interface CsvRecord extends FigureRecord {
  number: string;
  placeText: string;
  gridName: string;
  text: string;
  closedAt: Date | null;
  followers: number;
}

export const REPORT_CSV_HEADER = [
  '编号',
  '上报时间',
  '类别',
  '地点',
  '微格',
  '状态',
  '响应时间',
  '响应用时（分钟）',
  '按时响应',
  '办结时间',
  '办结用时（小时）',
  '按时办结',
  '办结确认时间',
  '重新打开次数',
  '评分',
  '附议人数',
  '问题描述',
] as const;

const when = (at: Date | null): string => (at ? formatShanghai(at) : '');
const yesNo = (met: boolean | null): string => (met === null ? '' : met ? '是' : '否');

/** The month's reports as CSV for the committee, oldest first (records of other months are left out). */
export function reportsCsv(month: string, records: readonly CsvRecord[]): string {
  const cohort = monthCohort(month, records).sort((a, b) => a.filedAt.getTime() - b.filedAt.getTime());
  const rows: CsvValue[][] = [
    [...REPORT_CSV_HEADER],
    ...cohort.map((r) => [
      r.number,
      when(r.filedAt),
      r.categoryName,
      r.placeText,
      r.gridName,
      REPORT_STATE_LABELS[r.state],
      when(r.respondedAt),
      round(responseMinutes(r), 1),
      yesNo(respondedInTime(r)),
      when(r.resolvedAt),
      round(resolutionHours(r), 1),
      yesNo(resolvedInTime(r)),
      when(r.closedAt),
      r.reopenCount,
      r.stars,
      r.followers,
      maskPhonesIn(r.text),
    ]),
  ];
  return csvText(rows);
}

/** The export's file name: 上报明细-2026-12.csv. */
export const reportsCsvFileName = (month: string): string => `上报明细-${month}.csv`;
