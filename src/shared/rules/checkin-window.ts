/** When an event's check-in is open: from `checkinOpensMinutesBefore` its start to `checkinGraceMinutesAfter` its end. */
export interface CheckinTimes {
  startAt: string | Date;
  endAt: string | Date;
  checkinOpensMinutesBefore: number;
  checkinGraceMinutesAfter: number;
}

const MINUTE = 60_000;

export function checkinOpensAtMs(event: CheckinTimes): number {
  return new Date(event.startAt).getTime() - event.checkinOpensMinutesBefore * MINUTE;
}

export function checkinClosesAtMs(event: CheckinTimes): number {
  return new Date(event.endAt).getTime() + event.checkinGraceMinutesAfter * MINUTE;
}

/** 'before' it opens, 'open', or 'after' it closed (cancellation is the caller's to check). */
export function checkinPhase(event: CheckinTimes, nowMs: number): 'before' | 'open' | 'after' {
  if (nowMs < checkinOpensAtMs(event)) return 'before';
  if (nowMs >= checkinClosesAtMs(event)) return 'after';
  return 'open';
}
