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
