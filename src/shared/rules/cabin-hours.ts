import type { ClockTime, Closure, DayString, OpenState, TimeRange, WeeklyHours } from '../domain/cabin';
import { WEEKDAY_LABELS } from '../domain/cabin';
import { inShanghai, SHANGHAI_OFFSET_MINUTES } from '../time';

/**
 * Opening hours of a cabin and its sections, reasoned in Asia/Shanghai: weekly hours (index 0 = Monday), holidays
 * and closures as whole days, a section's own hours (the paper rack's 9:00-10:00). Pure; the server and the
 * pages use the same answers.
 */

/** How far ahead "opens at" looks. */
export const LOOKAHEAD_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

export function isClockTime(s: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(s) || s === '24:00';
}

export function isDayString(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const minutesOf = (t: ClockTime): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Ranges of one day are each from < to, in order, and do not overlap. */
export function rangesValid(ranges: readonly TimeRange[]): boolean {
  return ranges.every((r, i) => r.from < r.to && (i === 0 || ranges[i - 1]!.to <= r.from));
}

/** The Shanghai calendar day of an instant. */
export function dayOf(at: Date): DayString {
  return inShanghai(at).format('YYYY-MM-DD');
}

/** The instant a Shanghai day and clock time name. */
export function instantAt(day: DayString, time: ClockTime): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + (minutesOf(time) - SHANGHAI_OFFSET_MINUTES) * 60_000);
}

export function addDays(day: DayString, days: number): DayString {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday ... 6 = Sunday, the index into WeeklyHours. */
export function weekdayIndex(day: DayString): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The UTC instants a Shanghai month `YYYY-MM` starts and ends (end exclusive). */
export function monthRange(month: string): { start: Date; end: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { start: instantAt(`${month}-01`, '00:00'), end: instantAt(next, '00:00') };
}

/** The closure that closes `day` for the cabin (sectionKey undefined) or for one section, if any. */
function closureOn(closures: readonly Closure[], day: DayString, sectionKey?: string): Closure | null {
  return closures.find((c) => c.from <= day && day <= c.to && (!c.sectionKey || c.sectionKey === sectionKey)) ?? null;
}

/** Ranges of one day, adjacent ones merged (9:00-10:00 and 10:00-12:00 close at 12:00). */
function dayRanges(hours: WeeklyHours, day: DayString): TimeRange[] {
  const merged: TimeRange[] = [];
  for (const r of [...(hours[weekdayIndex(day)] ?? [])].sort((a, b) => a.from.localeCompare(b.from))) {
    const last = merged[merged.length - 1];
    if (last && r.from <= last.to) last.to = r.to > last.to ? r.to : last.to;
    else merged.push({ ...r });
  }
  return merged;
}

/** Does the cabin (or section) open at all on `day`? */
export function opensOn(hours: WeeklyHours, closures: readonly Closure[], day: DayString, sectionKey?: string): boolean {
  return !closureOn(closures, day, sectionKey) && dayRanges(hours, day).length > 0;
}

/** "Open now / opens at" for hours and closures at `now`. */
export function openState(hours: WeeklyHours, closures: readonly Closure[], now: Date, sectionKey?: string): OpenState {
  const today = dayOf(now);
  const closedToday = closureOn(closures, today, sectionKey);
  if (!closedToday) {
    const minute = inShanghai(now).hour() * 60 + inShanghai(now).minute();
    const current = dayRanges(hours, today).find((r) => minutesOf(r.from) <= minute && minute < minutesOf(r.to));
    if (current) {
      const closesAt = instantAt(today, current.to);
      return { open: true, closesAt: closesAt.toISOString(), opensAt: null, closedFor: null, label: `开放中，${shortTime(current.to)}关门` };
    }
  }
  const opensAt = nextOpening(hours, closures, now, sectionKey);
  return {
    open: false,
    closesAt: null,
    opensAt: opensAt?.toISOString() ?? null,
    closedFor: closedToday?.reason ?? null,
    label: closedLabel(opensAt, now, closedToday?.reason ?? null),
  };
}

/** The next instant after `now` the cabin (or section) opens, within LOOKAHEAD_DAYS. */
export function nextOpening(hours: WeeklyHours, closures: readonly Closure[], now: Date, sectionKey?: string): Date | null {
  const today = dayOf(now);
  for (let i = 0; i <= LOOKAHEAD_DAYS; i += 1) {
    const day = addDays(today, i);
    if (closureOn(closures, day, sectionKey)) continue;
    const next = dayRanges(hours, day)
      .map((r) => instantAt(day, r.from))
      .find((at) => at.getTime() > now.getTime());
    if (next) return next;
  }
  return null;
}

/** 09:00 -> 9:00, as the elderly read it. */
function shortTime(t: ClockTime): string {
  return t.replace(/^0/, '');
}

function closedLabel(opensAt: Date | null, now: Date, reason: string | null): string {
  const prefix = reason ? `${reason}，` : '';
  if (!opensAt) return `${prefix}暂停开放`;
  const day = dayOf(opensAt);
  const time = shortTime(inShanghai(opensAt).format('HH:mm'));
  const today = dayOf(now);
  const when =
    day === today
      ? '今天'
      : day === addDays(today, 1)
        ? '明天'
        : day <= addDays(today, 6)
          ? WEEKDAY_LABELS[weekdayIndex(day)]
          : inShanghai(opensAt).format('M月D日');
  return `${prefix}${when} ${time} 开门`;
}
