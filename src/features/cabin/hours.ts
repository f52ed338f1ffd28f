import type { TimeRange, WeeklyHours } from '@shared/domain/cabin';

/** A day's hours as a keeper types them: "09:00-10:00 14:00-16:30"; empty is closed. */
export const rangesText = (ranges: TimeRange[]): string => ranges.map((r) => `${r.from}-${r.to}`).join(' ');

/** The typed ranges of one day; null when a piece is not "HH:mm-HH:mm" (the function checks order and overlaps). */
export function parseRanges(text: string): TimeRange[] | null {
  const pieces = text.replace(/[，,、；;]/g, ' ').replace(/[—–~～至到]/g, '-').split(/\s+/).filter(Boolean);
  const ranges: TimeRange[] = [];
  for (const piece of pieces) {
    const m = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(piece.replace('：', ':').replace('：', ':'));
    if (!m) return null;
    ranges.push({ from: `${m[1]!.padStart(2, '0')}:${m[2]}`, to: `${m[3]!.padStart(2, '0')}:${m[4]}` });
  }
  return ranges;
}

export const emptyWeek = (): WeeklyHours => Array.from({ length: 7 }, () => []);

/** Seven typed days as weekly hours; null when a day does not read. */
export function parseWeek(days: string[]): WeeklyHours | null {
  if (days.length !== 7) return null;
  const week = days.map(parseRanges);
  return week.every((d): d is TimeRange[] => d !== null) ? week : null;
}

/** As the function allows: at most 4 ranges a day. */
export const MAX_RANGES_A_DAY = 4;

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const clockOf = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** The range 添加时段 proposes: 09:00-11:00 on a closed day, else two hours from an hour after the last one ends. */
export function nextRange(ranges: TimeRange[]): TimeRange {
  const last = ranges[ranges.length - 1];
  if (!last) return { from: '09:00', to: '11:00' };
  const from = Math.min(minutes(last.to) + 60, 23 * 60);
  return { from: clockOf(from), to: clockOf(Math.min(from + 120, 23 * 60 + 59)) };
}

/** A day's ranges in the order of their start, as the function wants them. */
export const sortedRanges = (ranges: TimeRange[]): TimeRange[] => [...ranges].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));

/** What is wrong with a day's picked ranges, in the function's words, or null (the function checks again). */
export function dayIssue(ranges: TimeRange[]): string | null {
  const sorted = sortedRanges(ranges);
  if (sorted.some((r) => r.from >= r.to)) return '结束时间要晚于开始时间';
  if (sorted.some((r, i) => i > 0 && sorted[i - 1]!.to > r.from)) return '同一天的时段不能重叠';
  return null;
}
