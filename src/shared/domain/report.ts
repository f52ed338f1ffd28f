/**
 * 一键上报: a resident reports a problem; the micro-grid leader of the place answers within the response clock
 * (15 minutes by default) and settles it within the resolution clock (24 hours by default).
 */

/** The categories every 居民区 starts with; the committee may rename, add and tune them. */
export const DEFAULT_REPORT_CATEGORIES = [
  { key: 'clutter', name: '楼道堆物' },
  { key: 'charging', name: '飞线充电' },
  { key: 'leak', name: '漏水渗水' },
  { key: 'facility', name: '设施损坏' },
  { key: 'sanitation', name: '环境卫生' },
  { key: 'noise', name: '噪音扰民' },
  { key: 'dispute', name: '邻里纠纷' },
  { key: 'other', name: '其他' },
] as const;

export const DEFAULT_RESPONSE_MINUTES = 15;
export const DEFAULT_RESOLUTION_HOURS = 24;
/** A resolved report the resident neither confirms nor reopens is closed after this many days. */
export const AUTO_CLOSE_DAYS = 7;
export const MAX_REPORT_PHOTOS = 6;

/** Quiet hours ("HH:mm" in Shanghai time, may wrap midnight): a report filed inside them is answered from `to`. */
export interface QuietHours {
  from: string;
  to: string;
}

export interface ReportCategory {
  key: string;
  name: string;
  responseMinutes: number;
  resolutionHours: number;
  quietHours: QuietHours | null;
  /** A sub-council that takes this category by default after the grid (e.g. 环境分会 for 环境卫生); null for none. */
  councilId: string | null;
  /** Skills to ask the talent pool for (e.g. 电工 for 飞线充电). */
  skills: string[];
  /** Retired categories stay on old reports but are not offered for new ones. */
  active: boolean;
}

/** The report settings of a 居民区: its categories and public spots. */
export interface ReportSettingsView {
  categories: ReportCategory[];
  /** Public places residents may pick: 小区大门, 3号楼前绿地, 垃圾厢房… */
  spots: string[];
  /** The caller's own building and room, offered as the default place (null when the caller has none). */
  home: { building: string; room: string } | null;
  /** Points a handler earns for a report closed within its clocks (0 for none). */
  handlerPoints: number;
}

/**
 * submitted: waiting for a response (待响应); accepted: someone is on it (处理中); waiting: paused for the resident
 * (等待居民); resolved: the handler says it is done, the resident may confirm or reopen (待确认); closed: confirmed or
 * auto-closed (已办结); merged: joined into another report (已合并).
 */
export const REPORT_STATES = ['submitted', 'accepted', 'waiting', 'resolved', 'closed', 'merged'] as const;
export type ReportState = (typeof REPORT_STATES)[number];
/** States whose clocks run (or are paused) and that a handler still has to act on. */
export const OPEN_REPORT_STATES = ['submitted', 'accepted', 'waiting'] as const satisfies readonly ReportState[];

export const REPORT_STATE_LABELS: Record<ReportState, string> = {
  submitted: '待响应',
  accepted: '处理中',
  waiting: '等待居民',
  resolved: '待确认',
  closed: '已办结',
  merged: '已合并',
};

export interface ReportPlace {
  /** A building of the 居民区 (normal form, e.g. 3号楼) or '' when `spot` is set. */
  building: string;
  /** 单元 or room within the building, optional. */
  unit: string;
  /** A public spot of the 居民区, or ''. */
  spot: string;
  point: { latitude: number; longitude: number } | null;
}

/** Who holds a report now. */
export type ReportAssignee =
  | { kind: 'grid'; gridId: string; name: string }
  | { kind: 'chief'; name: string }
  | { kind: 'council'; councilId: string; name: string }
  | { kind: 'committee'; name: string };

export const REPORT_STEP_KINDS = [
  'filed',
  'joined',
  'accepted',
  'handedOver',
  'waiting',
  'resumed',
  'visited',
  'helpAsked',
  'resolved',
  'confirmed',
  'reopened',
  'closed',
  'merged',
  'mergedIn',
  'responseOverdue',
  'resolutionOverdue',
] as const;
export type ReportStepKind = (typeof REPORT_STEP_KINDS)[number];

/** One step of a report's timeline, as the viewer may see it. */
export interface ReportStepView {
  kind: ReportStepKind;
  at: string;
  /** Staff appear as role and surname (网格长 王), the reporter as 我 to themself, others as 居民/系统. */
  by: string;
  text: string;
  photos: string[];
  /** For visits: when the visit was, whom they saw, what they found. */
  visit?: { at: string; whom: string; found: string };
}

/** A report in a list. */
export interface ReportSummaryView {
  id: string;
  /** Short number residents can quote (e.g. R-20261205-0042). */
  number: string;
  categoryKey: string;
  categoryName: string;
  placeText: string;
  excerpt: string;
  state: ReportState;
  filedAt: string;
  /** When the next clock is due (response while submitted, resolution while accepted), null when none runs. */
  dueAt: string | null;
  /** The clock that `dueAt` belongs to. */
  dueKind: 'response' | 'resolution' | null;
  responseOverdue: boolean;
  resolutionOverdue: boolean;
  /** Residents who said "me too" (besides the reporter). */
  followers: number;
  assignee: ReportAssignee;
}

/** One report with its timeline, as the viewer may see it. */
export interface ReportView extends ReportSummaryView {
  text: string;
  photos: string[];
  place: ReportPlace;
  version: number;
  /** Reporter: name and phone are present only for the assigned handler and the committee. */
  reporter: { name: string; building: string; room: string; phone: string } | null;
  /** Whether the caller filed it or joined it. */
  mine: boolean;
  /** Filed by a grid leader for this resident. */
  proxy: boolean;
  steps: ReportStepView[];
  /** While waiting: the reason, shown to the resident. */
  waitingReason: string | null;
  rating: { stars: number; comment: string } | null;
  mergedInto: string | null;
  /** What the caller may do now. */
  can: {
    accept: boolean;
    handOver: boolean;
    wait: boolean;
    resume: boolean;
    visit: boolean;
    resolve: boolean;
    confirm: boolean;
    merge: boolean;
  };
}

/** An open report of the same category at the same place: no one's name, only that neighbours reported it. */
export interface SimilarReportView {
  id: string;
  number: string;
  filedAt: string;
  state: ReportState;
  followers: number;
  excerpt: string;
  /** The caller already filed or joined it. */
  mine: boolean;
}

/** Where a handler can hand a report on to. */
export interface HandOverTargetsView {
  grids: { id: string; name: string }[];
  councils: { id: string; name: string }[];
  chief: boolean;
  committee: boolean;
}

/** Figures of one month (Shanghai), for a 居民区 or, on the 街道 overview, per 居民区. */
export interface ReportFigures {
  month: string;
  filed: number;
  closed: number;
  open: number;
  overdueNow: number;
  byCategory: { key: string; name: string; count: number }[];
  byGrid: { gridId: string | null; name: string; count: number }[];
  medianResponseMinutes: number | null;
  medianResolutionHours: number | null;
  /** Shares in 0..1, null when nothing to measure. */
  respondedInTime: number | null;
  resolvedInTime: number | null;
  reopenRate: number | null;
  satisfaction: number | null;
}

export interface StreetReportRow {
  communityId: string;
  communityName: string;
  figures: ReportFigures;
}
