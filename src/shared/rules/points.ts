import type { PointRules } from '../domain/ledger';

export interface ServiceInput {
  /** The event's type; a type the rules do not list earns the default rate. */
  eventType: string;
  /** Confirmed service, in whole half-hours (rules/hours.ts). */
  halfHours: number;
  /** Points this member already earned from service on the same Shanghai day (for the daily cap). */
  pointsAlreadyToday: number;
}

/** The rate per hour for an event type; unknown types earn the default rate. */
export function rateFor(rules: PointRules, eventType: string): number {
  const type = rules.eventTypes.find((t) => t.name === eventType.trim());
  return type ? type.pointsPerHour : rules.pointsPerHour;
}

/**
 * Points for one confirmed service. A half-hour earns half the hourly rate; a half point rounds up (in the
 * volunteer's favour), so 0.5 h at 5 points an hour earns 3. The daily cap limits what the day adds up to: a service
 * that would pass it earns only what is left of the cap, never less than 0. Nonsense input (negative, fractional or
 * infinite half-hours, a negative rate) earns nothing rather than taking points away.
 */
export function pointsForService(rules: PointRules, input: ServiceInput): number {
  const halfHours = Number.isFinite(input.halfHours) ? Math.max(0, Math.floor(input.halfHours)) : 0;
  const rate = rateFor(rules, input.eventType);
  if (halfHours === 0 || !Number.isFinite(rate) || rate <= 0) return 0;
  const earned = Math.round((halfHours * rate) / 2);
  if (rules.dailyCap === null) return earned;
  const already = Number.isFinite(input.pointsAlreadyToday) ? Math.max(0, input.pointsAlreadyToday) : 0;
  return Math.max(0, Math.min(earned, rules.dailyCap - already));
}
