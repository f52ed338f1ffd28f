/**
 * Hours and points as the app shows them. The ledger itself lives in cloudfunctions/_core/ledger.ts; hours are kept
 * as whole half-hours (rules/hours.ts) and points as integers, so sums are exact.
 */
export const LEDGER_SOURCE_LABELS = {
  event: '活动服务',
  manual: '手动登记',
  redemption: '积分兑换',
  correction: '更正',
  duty: '值班',
  report: '处理上报',
  care: '邻援助老探访',
  course: '完成课程',
} as const;

export type LedgerSourceName = keyof typeof LEDGER_SOURCE_LABELS;

/** The event types a 居民区 starts with; the committee may rename, add or remove them. */
export const DEFAULT_EVENT_TYPES = ['公益课堂', '网格巡逻', '绿化养护', '邻援助老', '阅读节'] as const;

/** How service earns points in one 居民区 (stored per 居民区, set by the committee). */
export interface PointRules {
  /** Points for each confirmed hour of service of a type not listed below. */
  pointsPerHour: number;
  /** A type's own rate per confirmed hour, instead of `pointsPerHour`. */
  eventTypes: { name: string; pointsPerHour: number }[];
  /** At most this many points from service a day (Shanghai day); null: no cap. */
  dailyCap: number | null;
}

export const DEFAULT_POINT_RULES: PointRules = {
  pointsPerHour: 10,
  eventTypes: DEFAULT_EVENT_TYPES.map((name) => ({ name, pointsPerHour: 10 })),
  dailyCap: 50,
};

export interface PointRulesView extends PointRules {
  /** Who last changed them and when (ISO); null while the defaults apply. */
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface LedgerTotals {
  halfHours: number;
  points: number;
  entries: number;
}

/** One entry as a member (or the committee) reads it. Names, never ids, for people. */
export interface LedgerEntryView {
  id: string;
  /** ISO, UTC. */
  at: string;
  source: LedgerSourceName;
  /** What it was for, written at posting time (an event's title, the committee's reason). */
  reason: string;
  halfHours: number;
  points: number;
  /** Who confirmed or posted it. */
  byName: string;
  /** For a correction: the entry it reverses. */
  reverses: string | null;
  /** This entry was reversed by a later correction. */
  corrected: boolean;
}

export interface MonthTotals {
  /** Shanghai month, YYYY-MM. */
  month: string;
  halfHours: number;
  points: number;
  entries: number;
}

/** A member of the 居民区 as the committee's points page lists them. */
export interface LedgerMemberRow {
  memberId: string;
  name: string;
  building: string;
  halfHours: number;
  points: number;
}

export interface ReportRow {
  /** A council or grid id; '' for members in none. */
  id: string;
  name: string;
  /** Members with at least one entry that month. */
  members: number;
  halfHours: number;
  points: number;
}

export interface MonthlyReport {
  month: string;
  total: ReportRow;
  byCouncil: ReportRow[];
  byGrid: ReportRow[];
}

export interface DriftRow {
  memberId: string;
  name: string;
  cached: LedgerTotals;
  ledger: LedgerTotals;
}

/** Names shown where a person has no name on record (an erased account). */
export const UNKNOWN_PERSON = '已注销用户';
