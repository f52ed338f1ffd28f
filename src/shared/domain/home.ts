/**
 * What 首页 shows first, "what matters today": counts for each role the caller holds, each section present only
 * for a role the caller has (and scoped to their own 居民区, grids or 街道). Answered by `home.today`.
 */

/** The caller's next event they signed up for (confirmed or waiting), and where its check-in stands. */
export interface NextEventView {
  id: string;
  title: string;
  startAt: string;
  place: string;
  /** 'waiting': on the waiting list; 'confirmed': a place is theirs. */
  status: 'confirmed' | 'waiting';
  /** before: check-in not open yet; open: they can check in now. */
  checkin: 'before' | 'open';
  checkinOpensAt: string;
}

/** The 格子屋 of the caller's 居民区 right now. */
export interface CabinNowView {
  id: string;
  name: string;
  open: boolean;
  /** Ready to show: 开放中，10:00 关门 / 明天 9:00 开门 / 暂停开放. */
  label: string;
}

export interface ResidentToday {
  nextEvent: NextEventView | null;
  /** Events they signed up for that are still to come. */
  upcomingEvents: number;
  /** Published notices for them they have not opened. */
  unreadNotices: number;
  /** Their open loans, those due within two days (not yet overdue) and those overdue. */
  loans: { open: number; dueSoon: number; overdue: number };
  cabin: CabinNowView | null;
  /** Their points balance; null before they joined the echelon. */
  points: number | null;
}

/** A grid leader's grids: who lives there, who needs a visit (红/黄), and the notices they wrote. */
export interface GridToday {
  grids: number;
  residents: number;
  /** Residents coloured 红 or 黄 in their grids: those to visit first. */
  toVisit: number;
  /** Targeted residents who have not yet opened a published notice the leader wrote. */
  noticeUnread: number;
  /** Their own drafts and scheduled notices: 代办. */
  drafts: number;
  scheduled: number;
  /** 一键上报 waiting for them (待处理: open reports they are a handler of), and how many of those are overdue. */
  reports: { open: number; overdue: number };
}

/** What waits for the committee of one 居民区. */
export interface CommitteeToday {
  pendingApplications: number;
  donationsToReview: number;
  overdueLoans: number;
  /** Drafts and scheduled notices of the 居民区: still to publish. */
  noticeDrafts: number;
  noticeScheduled: number;
  /** Open 一键上报 of the 居民区 past their response or resolution clock. */
  overdueReports: number;
}

/** The 街道's totals over its 居民区: counts only. */
export interface StreetToday {
  communities: number;
  residents: number;
  members: number;
  pending: number;
}

export interface HomeToday {
  /** The server's clock, so the page says "today" as the server sees it. */
  now: string;
  resident: ResidentToday | null;
  grid: GridToday | null;
  committee: CommitteeToday | null;
  street: StreetToday | null;
}
