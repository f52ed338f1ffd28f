import type { Clock } from '../../cloudfunctions/_core/clock';

/** The local stack's one clock, shared by the functions and the gateway's serverDate; can be moved forward for trials. */
export class OffsetClock implements Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(this.nowMs());
  }
  nowMs(): number {
    return Date.now() + this.offsetMs;
  }
}
