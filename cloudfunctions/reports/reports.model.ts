import {
  DEFAULT_REPORT_CATEGORIES,
  DEFAULT_RESOLUTION_HOURS,
  DEFAULT_RESPONSE_MINUTES,
  type ReportCategory,
  type ReportPlace,
  type ReportState,
  type ReportStepKind,
} from '../../src/shared/domain/report';
import type { ClockRule } from '../../src/shared/rules/report-clock';

/**
 * The stored shapes of 一键上报 (collections `reports` and `report_settings`). ALL of a report's state lives in its
 * one document, so every state change is ONE conditional write: `where({ _id, version })`, with `version + 1`.
 */

/** Who a step was taken by, as the timeline names them (网格长 王, 楼组长 李, 总格长 张, 居委 陈, 分会 刘; 居民; 系统). */
export type ReportStepRole = 'reporter' | 'resident' | 'grid_leader' | 'building_leader' | 'chief' | 'committee' | 'council' | 'system';

/** Who holds a report, as stored (names are looked up when it is shown, so a renamed grid shows its new name). */
export type ReportAssigneeDoc =
  | { kind: 'grid'; gridId: string }
  | { kind: 'chief' }
  | { kind: 'council'; councilId: string }
  | { kind: 'committee' };

/** One step of the timeline, as stored. */
export interface ReportStepDoc {
  kind: ReportStepKind;
  at: Date;
  /** Who took it; null for the timer's steps. */
  byMemberId: string | null;
  byRole: ReportStepRole;
  /** The actor's surname as it was then (staff show as role and surname); '' for residents and the timer. */
  bySurname: string;
  /** The caller's words (the reply to the resident, the reason, what was done), or the timer's reason. */
  text: string;
  /** Photos of this step (the filing's, a visit's, the result's); shown once their check passed (see `photos`). */
  photos: string[];
  /** For a visit: when it was, whom they saw, what they found. */
  visit?: { at: Date; whom: string; found: string };
  /** The request that made this step: a retried call finds it here and answers ok without a second change. */
  requestId?: string;
  /** For merged / mergedIn: the other report. */
  otherReportId?: string;
}

/** `reports`: one document per report, `_id` derived from (caller, requestId) so a retried `file` finds it. */
export interface ReportDoc {
  _id: string;
  communityId: string;
  /** Short number residents quote: R-YYYYMMDD-NNNN (Shanghai day of filing, digits from the id). */
  number: string;
  state: ReportState;
  /** Moves by one with every state change; every change is conditional on the version the caller saw. */
  version: number;
  /** Copied at filing, so renaming or retiring a category never changes an old report. */
  categoryKey: string;
  categoryName: string;
  /** The category's clocks when filed (a reopen restarts them with these, whatever the settings became since). */
  rule: ClockRule;
  place: ReportPlace;
  text: string;
  /**
   * Every photo of the report whose image check passed (the filing's and every step's; `media_checks` slot
   * `reportPhoto`); a step shows those of its photos found here. Moved by the check's verdict only, never by a
   * state change, so the two never overwrite each other.
   */
  photos: string[];
  /** Photos still under check (moved into `photos` or dropped by the verdict). */
  pendingImages: string[];
  /** How many photos the check refused. */
  refusedImages: number;
  /** The resident the report is for. */
  reporterId: string;
  /** The grid leader who filed it for the reporter (代办), or null. */
  proxyBy: string | null;
  /** Residents who said "me too" (not the reporter), capped at MAX_FOLLOWERS. */
  followers: string[];
  /** The grid of the place when filed (null for a public spot or a building of no grid): the committee's grid filter. */
  gridId: string | null;
  assignee: ReportAssigneeDoc;
  /** Members who may act on it now (grid leader + the building's 双楼长 pair, or the chief, or the chair(s)); the committee always may. */
  handlerIds: string[];
  /** The 总格长 when last routed (named as such on the timeline; added to the handlers by a response overdue). */
  chiefId: string | null;
  /** Everyone who was ever a handler: they keep seeing the reports they handled. */
  pastHandlerIds: string[];
  filedAt: Date;
  /** When the clocks last started: filing, or the latest reopen. */
  clockStartedAt: Date;
  responseDueAt: Date;
  resolutionDueAt: Date;
  /** What 待处理 sorts by: the response due time while submitted, the resolution due time while accepted or waiting, null once done. */
  nextDueAt: Date | null;
  respondedAt: Date | null;
  resolvedAt: Date | null;
  /** Who resolved it: the handler its points go to. */
  resolvedBy: string | null;
  closedAt: Date | null;
  /** While waiting: when the pause began. */
  pausedAt: Date | null;
  waitingReason: string | null;
  /** Set once by the timer (with a timeline step); cleared by a reopen. */
  responseOverdue: boolean;
  resolutionOverdue: boolean;
  reopenCount: number;
  rating: { stars: number; comment: string } | null;
  /** The report this one was merged into, or null. */
  mergedInto: string | null;
  steps: ReportStepDoc[];
  /**
   * Handler points: null when none are owed (not closed within the clocks, or the 居民区 gives none); false while owed
   * and not yet posted (the closing call posts them, the timer finishes what a crash left); true once posted.
   */
  pointsPosted: boolean | null;
  /** The points owed, fixed when it closed (settings may change later). */
  points: number;
  /**
   * Set by every change that has someone to tell; cleared (with `toldSteps`) once the messages of the steps from
   * `toldSteps` on were handed to the outbox. A call that died before telling leaves it, and the timer tells.
   */
  untold: boolean;
  /** How many steps' messages were handed to the outbox. */
  toldSteps: number;
  updatedAt: Date;
}

/** `report_settings` (`_id` = communityId): the committee's categories, public spots and handler points. Missing = defaults. */
export interface ReportSettingsDoc {
  _id: string;
  communityId: string;
  categories: ReportCategory[];
  /** Public places residents may pick (小区大门, 垃圾厢房…). */
  spots: string[];
  /** Points a handler earns for a report closed within its clocks (0 for none). */
  handlerPoints: number;
  updatedBy: string;
  updatedAt: Date;
}

/** How many residents may follow one report (the document stays small). */
export const MAX_FOLLOWERS = 500;

/** Categories whose 居民区 usually wants longer (or skilled) handling than the defaults. */
const DEFAULT_RESOLUTION_OVERRIDES: Record<string, number> = { dispute: 72 };
const DEFAULT_SKILLS: Record<string, string[]> = { charging: ['电工'], leak: ['水电工'], facility: ['维修'] };

/** The categories of a 居民区 that never saved settings. */
export function defaultCategories(): ReportCategory[] {
  return DEFAULT_REPORT_CATEGORIES.map(({ key, name }) => ({
    key,
    name,
    responseMinutes: DEFAULT_RESPONSE_MINUTES,
    resolutionHours: DEFAULT_RESOLUTION_OVERRIDES[key] ?? DEFAULT_RESOLUTION_HOURS,
    quietHours: null,
    councilId: null,
    skills: [...(DEFAULT_SKILLS[key] ?? [])],
    active: true,
  }));
}

/** The settings in force: the stored ones, or the defaults (no spots, no quiet hours, no councils, no points). */
export function settingsIn(doc: ReportSettingsDoc | null): Pick<ReportSettingsDoc, 'categories' | 'spots' | 'handlerPoints'> {
  if (!doc) return { categories: defaultCategories(), spots: [], handlerPoints: 0 };
  return { categories: doc.categories, spots: doc.spots, handlerPoints: doc.handlerPoints };
}
