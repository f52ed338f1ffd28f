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
