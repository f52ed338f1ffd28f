import type { MonthlyReport, ReportRow } from '@shared/domain/ledger';
import { csvCell } from '@shared/rules/csv';
import { formatHours } from '@shared/rules/hours';

/** +5 / -5 / 0, for an entry's change. */
export function signed(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}

/** +1.5小时 / -2小时, for an entry's change of hours. */
export function signedHours(halfHours: number): string {
  const text = formatHours(Math.abs(halfHours));
  return halfHours < 0 ? `-${text}` : `+${text}`;
}

/** 2024-03 -> 2024年3月 */
export function monthLabel(month: string): string {
  const [year, mon] = month.split('-');
  return `${year}年${Number(mon)}月`;
}

/** The month before or after `month` (YYYY-MM). */
export function shiftMonth(month: string, by: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (mon - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Hours typed in a form (whole or half hours, e.g. "1.5") as whole half-hours; null when it is not a multiple of half
 * an hour. An empty field is 0.
 */
export function parseHours(text: string): number | null {
  const trimmed = text.trim();
  if (!trimmed) return 0;
  const hours = Number(trimmed);
  if (!Number.isFinite(hours) || hours < 0 || !Number.isInteger(hours * 2)) return null;
  return hours * 2;
}

/** The monthly report as CSV (with a BOM so spreadsheet programs read the Chinese correctly). */
export function reportCsv(report: MonthlyReport): string {
  const line = (kind: string, row: ReportRow) => [kind, row.name, row.members, row.halfHours / 2, row.points].map(csvCell).join(',');
  const lines = [
    `${monthLabel(report.month)}服务时长与积分`,
    ['分类', '名称', '参与人数', '服务时长（小时）', '积分'].join(','),
    ...report.byCouncil.map((r) => line('分会', r)),
    ...report.byGrid.map((r) => line('微格', r)),
    line('合计', report.total),
  ];
  return `\uFEFF${lines.join('\n')}\n`;
}
