import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** Shanghai has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact and needs no tz data. */
export const SHANGHAI_OFFSET_MINUTES = 8 * 60;

export function inShanghai(at: Date | string | number): dayjs.Dayjs {
  return dayjs(at).utcOffset(SHANGHAI_OFFSET_MINUTES);
}

export function formatShanghai(at: Date | string | number, pattern = 'YYYY-MM-DD HH:mm'): string {
  return inShanghai(at).format(pattern);
}

/** A Shanghai wall-clock date ("YYYY-MM-DD") and time ("HH:mm") as an ISO instant, as a date picker gives them. */
export function fromShanghai(date: string, time: string): string {
  return dayjs.utc(`${date}T${time}:00`).subtract(SHANGHAI_OFFSET_MINUTES, 'minute').toISOString();
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** "12月1日 周二", Shanghai time. */
export function dayText(at: Date | string | number): string {
  const day = inShanghai(at);
  return `${day.format('M月D日')} ${WEEKDAYS[day.day()]}`;
}

/** Tomorrow at a Shanghai wall-clock time ("09:00"), as an ISO instant: where a date picker starts. */
export function tomorrowAt(time: string, now: number = Date.now()): string {
  return fromShanghai(formatShanghai(now + 24 * 3600 * 1000, 'YYYY-MM-DD'), time);
}

/** The Shanghai month (`YYYY-MM`) `at` falls in. */
export function monthOf(at: Date | string | number): string {
  return inShanghai(at).format('YYYY-MM');
}

/** The instants a run of Shanghai months covers: from the start of `from` to the start of the month after `to`. */
export function monthsRange(from: string, to: string): { start: Date; end: Date } {
  const start = inShanghai(`${from}-01T00:00:00+08:00`).startOf('month');
  const end = inShanghai(`${to}-01T00:00:00+08:00`).add(1, 'month');
  return { start: start.toDate(), end: end.toDate() };
}
