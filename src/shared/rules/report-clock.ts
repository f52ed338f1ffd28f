import type { QuietHours } from '../domain/report';
import { AUTO_CLOSE_DAYS } from '../domain/report';
import { SHANGHAI_OFFSET_MINUTES } from '../time';

/**
 * The clocks of a report (一键上报), pure so the app shows the same due times the timer acts on:
 * - response due `responseMinutes` after the clock starts; a report filed inside the category's quiet hours (Shanghai
 *   wall clock, the period may wrap midnight) starts its response clock when that quiet period ends;
 * - resolution due `resolutionHours` after the clock starts (quiet hours do not move it: the promise is the promise);
 * - 等待居民 pauses both: on resume each clock not yet met moves later by the paused time;
 * - a clock is due exactly at its due time (now == due counts as due).
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** The part of a category the clocks read. */
export interface ClockRule {
  responseMinutes: number;
  resolutionHours: number;
  quietHours: QuietHours | null;
}

export interface DueTimes {
  responseDueAt: Date;
  resolutionDueAt: Date;
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Minutes since Shanghai midnight of an instant, and that midnight as an instant. */
function shanghaiDay(at: Date): { minute: number; midnight: number } {
  const local = at.getTime() + SHANGHAI_OFFSET_MINUTES * MINUTE_MS;
  const midnightLocal = Math.floor(local / DAY_MS) * DAY_MS;
  return { minute: Math.floor((local - midnightLocal) / MINUTE_MS), midnight: midnightLocal - SHANGHAI_OFFSET_MINUTES * MINUTE_MS };
}

/** Whether `at` falls inside the quiet hours [from, to) (Shanghai), which may wrap midnight (22:00-07:00). */
export function inQuietHours(at: Date, quiet: QuietHours | null): boolean {
  if (!quiet || quiet.from === quiet.to) return false;
  const { minute } = shanghaiDay(at);
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/** When the quiet period holding `at` ends, or null when `at` is not inside quiet hours. */
export function quietHoursEnd(at: Date, quiet: QuietHours | null): Date | null {
  if (!quiet || !inQuietHours(at, quiet)) return null;
  const { minute, midnight } = shanghaiDay(at);
  const to = minutesOf(quiet.to);
  // Before `to` on the same Shanghai day (a daytime period, or the morning part of one wrapping midnight): today's
  // `to`; in the evening part of a wrapping period: tomorrow's.
  const day = minute < to ? midnight : midnight + DAY_MS;
  return new Date(day + to * MINUTE_MS);
}

/** When the response clock of a report whose clocks start at `start` begins counting. */
export function responseClockStart(start: Date, quiet: QuietHours | null): Date {
  return quietHoursEnd(start, quiet) ?? start;
}

/** Both due times for clocks starting at `start` (filing, or a reopen). */
export function dueTimes(start: Date, rule: ClockRule): DueTimes {
  return {
    responseDueAt: new Date(responseClockStart(start, rule.quietHours).getTime() + rule.responseMinutes * MINUTE_MS),
    resolutionDueAt: new Date(start.getTime() + rule.resolutionHours * HOUR_MS),
  };
}

/** What a resume needs: the due times, which clocks were met before the pause, and when it began. */
export interface PausedClocks extends DueTimes {
  respondedAt: Date | null;
  resolvedAt: Date | null;
  pausedAt: Date;
}

/**
 * The due times after a pause that ran from `pausedAt` to `now`: each clock not yet met moves later by the paused
 * duration; a met clock keeps its due time (it is history).
 */
export function resumedDueTimes(clocks: PausedClocks, now: Date): DueTimes {
  const paused = Math.max(0, now.getTime() - clocks.pausedAt.getTime());
  const shift = (due: Date, met: Date | null) => (met ? due : new Date(due.getTime() + paused));
  return { responseDueAt: shift(clocks.responseDueAt, clocks.respondedAt), resolutionDueAt: shift(clocks.resolutionDueAt, clocks.resolvedAt) };
}

/** A clock is due at its due time exactly and after. */
export const isDue = (due: Date, now: Date): boolean => now.getTime() >= due.getTime();

/** What the overdue checks read of a report. */
export interface ClockState extends DueTimes {
  state: string;
  responseOverdue: boolean;
  resolutionOverdue: boolean;
}

/** An unanswered report past its response due time, not yet marked: the timer escalates it to the 总格长. */
export function responseOverdueNow(r: ClockState, now: Date): boolean {
  return r.state === 'submitted' && !r.responseOverdue && isDue(r.responseDueAt, now);
}

/** An open, running report past its resolution due time, not yet marked (a paused one waits for its resume). */
export function resolutionOverdueNow(r: ClockState, now: Date): boolean {
  return (r.state === 'submitted' || r.state === 'accepted') && !r.resolutionOverdue && isDue(r.resolutionDueAt, now);
}

/** When a resolved report nobody confirmed is closed by the timer. */
export const autoCloseAt = (resolvedAt: Date): Date => new Date(resolvedAt.getTime() + AUTO_CLOSE_DAYS * DAY_MS);

export const autoCloseNow = (r: { state: string; resolvedAt: Date | null }, now: Date): boolean =>
  r.state === 'resolved' && !!r.resolvedAt && isDue(autoCloseAt(r.resolvedAt), now);

/** Answered and settled within both clocks: what earns the handler points. */
export function metClocks(r: DueTimes & { respondedAt: Date | null; resolvedAt: Date | null; responseOverdue: boolean; resolutionOverdue: boolean }): boolean {
  if (r.responseOverdue || r.resolutionOverdue || !r.respondedAt || !r.resolvedAt) return false;
  return r.respondedAt.getTime() < r.responseDueAt.getTime() && r.resolvedAt.getTime() < r.resolutionDueAt.getTime();
}

/** The clock a list shows: response while submitted, resolution while accepted; none while paused or done. */
export function nextDue(r: { state: string } & DueTimes): { dueAt: Date | null; dueKind: 'response' | 'resolution' | null } {
  if (r.state === 'submitted') return { dueAt: r.responseDueAt, dueKind: 'response' };
  if (r.state === 'accepted') return { dueAt: r.resolutionDueAt, dueKind: 'resolution' };
  return { dueAt: null, dueKind: null };
}
