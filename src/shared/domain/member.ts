import type { MyCareData } from './care';
/** Roles held on top of being a resident. Echelon membership is the application's state, not a role. */
export const STAFF_ROLES = ['grid_leader', 'committee', 'street_admin', 'building_leader', 'first_echelon'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  grid_leader: '微格长',
  committee: '居委',
  street_admin: '街道',
  building_leader: '楼组长',
  first_echelon: '第一梯队',
};

/** The roles the committee grants by promotion in the member's page (grid leaders are set with their grid). */
export const PROMOTABLE_ROLES = ['building_leader', 'first_echelon'] as const satisfies readonly StaffRole[];
export type PromotableRole = (typeof PROMOTABLE_ROLES)[number];

/** When a member is usually free. */
export const AVAILABILITY_OPTIONS = ['工作日白天', '工作日晚上', '周末', '随时可约'] as const;

/** Who may see a talent-pool field: the leaders (committee, grid leaders, chairs), the committee only, or nobody else. */
export const FIELD_VISIBILITIES = ['leaders', 'committee', 'hidden'] as const;
export type FieldVisibility = (typeof FIELD_VISIBILITIES)[number];
export const FIELD_VISIBILITY_LABELS: Record<FieldVisibility, string> = {
  leaders: '居委、微格长和会长可见',
  committee: '仅居委可见',
  hidden: '不公开',
};
export interface Visibility {
  skills: FieldVisibility;
  interests: FieldVisibility;
  availability: FieldVisibility;
  phone: FieldVisibility;
}
export const DEFAULT_VISIBILITY: Visibility = { skills: 'leaders', interests: 'leaders', availability: 'leaders', phone: 'committee' };

export const APPLICATION_STATUSES = ['none', 'pending', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  none: '未申请',
  pending: '审核中',
  approved: '已加入第二梯队',
  rejected: '未通过',
};

export interface Application {
  status: ApplicationStatus;
  motivation?: string;
  submittedAt?: string;
  reviewedAt?: string;
  /** Why a refusal was made; shown to the applicant. */
  reason?: string;
}

/** A member as the app shows it. Dates are ISO strings (UTC). */
export interface MemberView {
  id: string;
  communityId: string | null;
  name: string;
  building: string;
  room: string;
  /** Masked (138****5678) for everyone but the committee and the person themself. */
  phone: string;
  skills: string[];
  interests: string[];
  /** When they are usually free, e.g. 工作日白天 / 周末. */
  availability: string[];
  /** The year they were born, when they chose to say (only on their own record). */
  birthYear?: number;
  /** Who may see their skills, interests, availability and phone in the talent pool. */
  visibility: Visibility;
  roles: StaffRole[];
  isMember: boolean;
  /** The micro-grid of their building. */
  gridId: string | null;
  /** Micro-grids they lead (微格长). */
  leadsGridIds: string[];
  /** Sub-councils they joined. */
  councilIds: string[];
  application: Application;
  createdAt: string;
}

/** One row of the committee's review list. */
export interface ApplicationView {
  memberId: string;
  name: string;
  building: string;
  room: string;
  phone: string;
  skills: string[];
  application: Application;
}

/** The skills offered as chips; residents may add free tags too. */
export const SUGGESTED_SKILLS = [
  '医生',
  '护士',
  '律师',
  '教师',
  '瑜伽',
  '舞蹈',
  '绘画',
  '书法',
  '摄影',
  '水电维修',
  '家电维修',
  '理发',
  '心理咨询',
  '编程',
] as const;

export function maskPhone(phone: string): string {
  if (phone.length < 7) return phone ? '****' : '';
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

export type HistoryKind = 'applied' | 'approved' | 'rejected' | 'role_granted' | 'role_revoked' | 'created_for';

export const HISTORY_LABELS: Record<HistoryKind, string> = {
  applied: '申请加入第二梯队',
  approved: '通过审核，加入第二梯队',
  rejected: '申请未通过',
  role_granted: '担任',
  role_revoked: '卸任',
  created_for: '由他人代为登记',
};

/** One line of a member's history (joined, roles held, promotions). */
export interface HistoryEntry {
  kind: HistoryKind;
  at: string;
  /** The role granted or revoked, for role entries. */
  role?: StaffRole;
  note?: string;
}

/** One action a grid leader or the committee took for a resident (代办), for the audit trail. */
export interface ProxyLogEntry {
  id: string;
  action: string;
  at: string;
  actorId: string;
  actorName: string;
  subjectId: string;
  subjectName: string;
}

/** A child in the 小小梯队, registered by their guardian with consent. */
export interface ChildView {
  id: string;
  name: string;
  birthYear: number;
  consentAt: string;
}

/** Where the caller stands with the privacy text. */
export interface PrivacyStatus {
  /** The current version. */
  version: string;
  accepted: boolean;
  /** The version they last accepted (an older one when the text has changed since), and when. */
  acceptedVersion: string | null;
  acceptedAt: string | null;
}

/** Everything stored about the caller, for 我的数据 and its JSON export. */
export interface MyData {
  exportedAt: string;
  member: MemberView;
  community: { id: string; name: string } | null;
  /** Their micro-grid and the sub-councils they joined, by name. */
  grid: { id: string; name: string } | null;
  councils: { id: string; name: string }[];
  privacy: { acceptedVersion: string | null; acceptedAt: string | null };
  history: HistoryEntry[];
  proxyActions: ProxyLogEntry[];
  children: ChildView[];
  /** Problems they reported (一键上报) and those they joined with 我也遇到了, newest first (at most 100 each). */
  reports: { filed: MyDataReport[]; joined: MyDataReport[] };
  /** 邻援助老: their record as an elder (with its health notes: the only export that has them), their pairings and visits as a volunteer. */
  care: MyCareData;
  /** 云课堂: courses they started or finished, with their certificate's code (at most 100, newest first). */
  courses: MyDataCourse[];
}

/** One course in the resident's own data. */
export interface MyDataCourse {
  courseId: string;
  title: string;
  lessonsDone: number;
  quizAttempts: number;
  bestPercent: number | null;
  startedAt: string;
  completedAt: string | null;
  certificateCode: string | null;
}

/** One report in the resident's own data: what they can see of it on 我的上报. */
export interface MyDataReport {
  id: string;
  number: string;
  category: string;
  place: string;
  text: string;
  /** The report's state (REPORT_STATE_LABELS names it). */
  state: string;
  filedAt: string;
}
