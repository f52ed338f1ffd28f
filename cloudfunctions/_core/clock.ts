/** The server's clock, a port so tests and the local dev server can move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

let current: Clock = systemClock;

export function clock(): Clock {
  return current;
}

/** For hosts (tests, the local dev server) only; deployed functions keep the system clock. */
export function setClock(next: Clock): void {
  current = next;
}
