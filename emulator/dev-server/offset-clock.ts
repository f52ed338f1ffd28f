import type { Clock } from '../../cloudfunctions/_core/clock';

/** The local stack's one clock, shared by the functions and the gateway's serverDate; can be moved forward for trials. */
export class OffsetClock implements Clock {
  offsetMs = 0;
  /** When set, the clock stands still at this instant (plus offsetMs): the crash matrix compares times exactly. */
  frozenAtMs: number | null = null;
  now(): Date {
    return new Date(this.nowMs());
  }
  nowMs(): number {
    return (this.frozenAtMs ?? Date.now()) + this.offsetMs;
  }
}
