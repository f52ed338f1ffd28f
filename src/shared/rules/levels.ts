/**
 * Star levels and milestone badges, from a member's confirmed service in the ledger. Levels follow cumulative hours
 * against thresholds each 街道 sets (Shanghai's usual 100/300/600/1000/1500 h by default); badges mark milestones.
 * Neither rates a person: they count service, never how well someone served.
 */

export const LEVEL_TITLES = ['一星志愿者', '二星志愿者', '三星志愿者', '四星志愿者', '五星志愿者'] as const;

/** Hours for one to five stars, as Shanghai's volunteer platform counts them. */
export const DEFAULT_LEVEL_HOURS: readonly number[] = [100, 300, 600, 1000, 1500];

export const MAX_LEVEL_HOURS = 100_000;

/** Five whole numbers of hours, each above the one before, from 1 to MAX_LEVEL_HOURS. */
export function validLevelHours(hours: readonly number[]): boolean {
  return (
    hours.length === LEVEL_TITLES.length &&
    hours.every((h, i) => Number.isInteger(h) && h >= 1 && h <= MAX_LEVEL_HOURS && (i === 0 || h > hours[i - 1]!))
  );
}

export interface Level {
  /** 0 before the first star. */
  stars: number;
  title: string | null;
  /** The next star and the half-hours still to serve for it; null at five stars. */
  next: { stars: number; title: string; halfHoursToGo: number } | null;
}

/** The level `halfHours` of service reach under `levelHours` (falls back to the defaults when those are unusable). */
export function levelOf(halfHours: number, levelHours: readonly number[] = DEFAULT_LEVEL_HOURS): Level {
  const hours = validLevelHours(levelHours) ? levelHours : DEFAULT_LEVEL_HOURS;
  const served = Math.max(0, halfHours);
  const stars = hours.filter((h) => served >= h * 2).length;
  const nextHours = hours[stars];
  return {
    stars,
    title: stars > 0 ? LEVEL_TITLES[stars - 1]! : null,
    next: nextHours === undefined ? null : { stars: stars + 1, title: LEVEL_TITLES[stars]!, halfHoursToGo: nextHours * 2 - served },
  };
}

/**
 * What the badges are read from: one aggregate over a member's ledger entries with hours. `services` counts entries
 * that added hours, less corrections that took hours back (a reversed service no longer counts).
 */
export interface ServiceSummary {
  halfHours: number;
  services: number;
  /** The first entry that added hours; null before any. */
  firstServiceAt: Date | null;
}

export const EMPTY_SUMMARY: ServiceSummary = { halfHours: 0, services: 0, firstServiceAt: null };

export type BadgeId = 'first_service' | 'services_10' | 'services_50' | 'hours_50' | 'hours_100' | 'hours_500' | 'one_year' | 'three_years';

export interface BadgeRule {
  id: BadgeId;
  label: string;
  /** What it takes, as the member reads it. */
  hint: string;
  earned(summary: ServiceSummary, now: Date): boolean;
}

/** Whole years from `since` to `now` by the calendar (a year of service: the same day a year later). */
function yearsBetween(since: Date, now: Date): number {
  let years = now.getUTCFullYear() - since.getUTCFullYear();
  const anniversary = new Date(since.getTime());
  anniversary.setUTCFullYear(since.getUTCFullYear() + years);
  if (anniversary.getTime() > now.getTime()) years -= 1;
  return years;
}

const served = (s: ServiceSummary) => s.services > 0 && s.firstServiceAt !== null;

export const BADGES: readonly BadgeRule[] = [
  { id: 'first_service', label: '初次服务', hint: '完成第一次志愿服务', earned: (s) => s.services >= 1 },
  { id: 'services_10', label: '服务十次', hint: '累计服务10次', earned: (s) => s.services >= 10 },
  { id: 'services_50', label: '服务五十次', hint: '累计服务50次', earned: (s) => s.services >= 50 },
  { id: 'hours_50', label: '服务满50小时', hint: '累计服务50小时', earned: (s) => s.halfHours >= 100 },
  { id: 'hours_100', label: '服务满100小时', hint: '累计服务100小时', earned: (s) => s.halfHours >= 200 },
  { id: 'hours_500', label: '服务满500小时', hint: '累计服务500小时', earned: (s) => s.halfHours >= 1000 },
  { id: 'one_year', label: '服务满一年', hint: '从第一次服务算起满一年', earned: (s, now) => served(s) && yearsBetween(s.firstServiceAt!, now) >= 1 },
  { id: 'three_years', label: '服务满三年', hint: '从第一次服务算起满三年', earned: (s, now) => served(s) && yearsBetween(s.firstServiceAt!, now) >= 3 },
];

/** The badges a summary has earned at `now`, in the order above. */
export function badgesOf(summary: ServiceSummary, now: Date): BadgeId[] {
  return BADGES.filter((b) => b.earned(summary, now)).map((b) => b.id);
}

export function badgeLabel(id: BadgeId): string {
  return BADGES.find((b) => b.id === id)?.label ?? '';
}
