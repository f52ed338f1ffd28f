/**
 * 账目核对: every counter the functions keep beside their records (balances, places, stock, queue counts),
 * recomputed from the records themselves. Notices keep no read or answer counter: they are counted from the receipts
 * whenever shown, so there is nothing to drift. Answered by `audit.run`, stored nightly, repaired by `audit.repair`.
 */

export const AUDIT_CHECKS = ['ledger', 'eventPlaces', 'cabinStock', 'cabinWaiting', 'shopStock', 'proposalSupports', 'projectFollowers', 'surveyTallies', 'careMissedInRow', 'courseAttempts'] as const;
export type AuditCheck = (typeof AUDIT_CHECKS)[number];

/** What each check proves, as the committee reads it. */
export const AUDIT_CHECK_LABELS: Record<AuditCheck, string> = {
  ledger: '时长与积分余额',
  eventPlaces: '活动已报名额',
  cabinStock: '格子屋物品库存',
  cabinWaiting: '格子屋排队人数',
  shopStock: '积分超市库存',
  proposalSupports: '议题支持人数',
  projectFollowers: '项目关注人数',
  surveyTallies: '问卷结果计数',
  careMissedInRow: '邻援助老连续未探访次数',
  courseAttempts: '课程测验次数',
};

/** Where each check's numbers come from, in words. */
export const AUDIT_CHECK_SOURCES: Record<AuditCheck, string> = {
  ledger: '按每位成员的全部时长积分记录重新相加',
  eventPlaces: '按每个岗位已确认的报名重新清点',
  cabinStock: '按每件物品的出入库记录重新相加',
  cabinWaiting: '按每件物品正在排队的预约重新清点',
  shopStock: '按每件奖品的上架、补货、兑换和取消记录重新相加',
  proposalSupports: '按每条议题仍有效的支持记录重新清点',
  projectFollowers: '按每个项目仍有效的关注记录重新清点',
  surveyTallies: '按每份问卷的全部答卷重新清点每个选项、评分和答卷数',
  careMissedInRow: '按每个结对的探访记录，重新数最近一次探访之后的未探访次数',
  courseAttempts: '按每位学员交过的测验答卷重新清点测验次数',
};

/** One counter of a record: its stored value and the value its records give. */
export interface AuditValue {
  /** The stored field, e.g. `points` or `roles.0.taken`. */
  field: string;
  /** The field in words: 积分, 已报名额. */
  label: string;
  recorded: number;
  recomputed: number;
}

/** The records behind a recomputed value: how many, and the first ids (to look them up). */
export interface AuditRecords {
  collection: string;
  /** In words: 时长积分记录, 已确认报名. */
  label: string;
  count: number;
  ids: string[];
}

export interface AuditDifference {
  /** `<check>:<record id>`: stable while the difference stands, so 修正 names it. */
  id: string;
  check: AuditCheck;
  /** The record the counter lives on (a member, an event, an item, a notice, a reward). */
  subjectId: string;
  subjectName: string;
  values: AuditValue[];
  records: AuditRecords[];
  /** The difference in one plain sentence. */
  text: string;
}

export type AuditCheckStatus = 'clean' | 'differences' | 'failed';

export interface AuditCheckResult {
  check: AuditCheck;
  label: string;
  status: AuditCheckStatus;
  /** Counters compared. */
  scanned: number;
  /** Every difference found (the first 200 are listed; `differenceCount` counts them all). */
  differences: AuditDifference[];
  differenceCount: number;
}

export interface AuditReport {
  communityId: string;
  at: string;
  checks: AuditCheckResult[];
  /** Differences over every check. */
  differences: number;
  /** Checks that could not run (a database error): run again. */
  failed: number;
}

export interface AuditRepairView {
  differenceId: string;
  check: AuditCheck;
  subjectName: string;
  /** repaired: set to the recomputed value; changed: the counter moved meanwhile and was left alone (run again). */
  outcome: 'repaired' | 'changed';
  before: Record<string, number>;
  after: Record<string, number>;
  records: number;
  at: string;
}

/** A stored report as the street reads it: counts per check only. */
export interface AuditSummaryView {
  communityId: string;
  communityName: string;
  at: string;
  differences: number;
  failed: number;
  checks: { check: AuditCheck; label: string; status: AuditCheckStatus; differences: number }[];
}
