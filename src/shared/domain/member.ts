/** Staff roles held on top of being a resident. Echelon membership is the application's state, not a role. */
export const STAFF_ROLES = ['grid_leader', 'committee', 'street_admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

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
