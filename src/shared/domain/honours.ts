import type { BadgeId } from '../rules/levels';
import type { ImageReview } from './media';

/** What a member lets others see; stored in `honour_settings`, never on the member record. */
export interface HonourSettings {
  /** On the 风采展示墙 of their 居民区 (shown unless they opt out). */
  showOnWall: boolean;
  /** On the monthly leaderboard (only if they opt in). */
  onLeaderboard: boolean;
}

export const DEFAULT_HONOUR_SETTINGS: HonourSettings = { showOnWall: true, onLeaderboard: false };

export interface LevelView {
  stars: number;
  title: string | null;
  next: { stars: number; title: string; halfHoursToGo: number } | null;
}

export interface BadgeView {
  id: BadgeId;
  label: string;
  hint: string;
  earned: boolean;
}

/** The member's own page: hours, level, badges, display choices. */
export interface MyHonours {
  halfHours: number;
  level: LevelView;
  badges: BadgeView[];
  settings: HonourSettings;
  /** Hours for one to five stars in their 街道. */
  levelHours: number[];
}

/** An honour the committee awarded, as the wall shows it. Dates are ISO strings (UTC). */
export interface WallHonour {
  id: string;
  name: string;
  title: string;
  citation: string;
  photoUrl: string | null;
  awardedAt: string;
}

/** A member on the wall's milestones: their level and badges (no member id: the wall is public to residents). */
export interface WallMilestone {
  key: string;
  name: string;
  levelTitle: string | null;
  badges: { id: BadgeId; label: string }[];
}

/**
 * An honour in the committee's list: revoked ones too, and whether the member keeps off the wall; a photo still under
 * check (`pendingImages`, 审核中) and the refusal note (`refusedImages`) are for the committee only.
 */
export interface AdminHonour extends WallHonour, ImageReview {
  memberId: string;
  revoked: boolean;
  /** The member chose not to be shown: the wall leaves this honour out. */
  hiddenByMember: boolean;
}

/** A member the committee may honour. */
export interface HonourCandidate {
  memberId: string;
  name: string;
  building: string;
}

/**
 * How a line of a certificate came to be: service confirmed by an event or a duty shift; hours the committee entered
 * by hand (补录); a correction of hours recorded before (更正). 民政部令第67号 asks that what was entered by hand be
 * told apart.
 */
export type CertificateLineKind = 'service' | 'manual' | 'correction';

/** One record on a certificate, listed by the Shanghai day the service was given (YYYY-MM-DD). */
export interface CertificateLine {
  day: string;
  /** What it was: the event's title, the duty shift, the committee's reason. */
  reason: string;
  /** Whole half-hours; negative for a correction that takes hours back. */
  halfHours: number;
  kind: CertificateLineKind;
  /** Recorded before the day of service was stored: `day` is the day it was entered, and the certificate says so. */
  dayFromPosting: boolean;
}

/** What a certificate states. `from`/`to` are Shanghai months (YYYY-MM). */
export interface CertificateView {
  code: string;
  name: string;
  communityName: string;
  /** The total: the sum of `lines`, and of `parts`. */
  halfHours: number;
  from: string;
  to: string;
  issuedAt: string;
  /** Every record in the period by day of service; null on a certificate issued before records were listed. */
  lines: CertificateLine[] | null;
  /** The total split by kind; null on a certificate issued before records were listed. */
  parts: Record<CertificateLineKind, number> | null;
}

export const CERTIFICATE_LINE_MARK: Record<CertificateLineKind, string> = { service: '', manual: '补录', correction: '更正' };

export type VerifyResult = { genuine: true; certificate: CertificateView } | { genuine: false };

export interface LeaderRow {
  rank: number;
  name: string;
  halfHours: number;
  isMe: boolean;
}

export interface LevelSettings {
  levelHours: number[];
  /** The 街道 has not set its own: Shanghai's defaults apply. */
  isDefault: boolean;
  canSet: boolean;
}

/** Shanghai months: `YYYY-MM`. */
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

// Shanghai months live in time.ts (reports read them too); re-exported here for the honours code that names them.
export { monthOf, monthsRange } from '../time';

/** Months from `from` to `to`, both counted (`2025-01`..`2025-03` is 3). */
export function monthsSpanned(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/** The period as residents read it: `2025年1月至2025年6月`, or one month alone. */
export function periodText(from: string, to: string): string {
  const text = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`;
  return from === to ? text(from) : `${text(from)}至${text(to)}`;
}

/** Codes as printed: four letters a group (`ABCD-EFGH-JKLM`). Verification reads them with or without dashes. */
export function formatCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/** Letters and digits that cannot be mistaken for each other when read aloud or typed (no 0/O, 1/I). */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CODE_LENGTH = 12;

/** A typed code made comparable: upper case, without spaces and dashes. */
export function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}
