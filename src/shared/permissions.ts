/**
 * The permission matrix: for each action, which roles may call it and how far their grant reaches. Every service
 * checks the caller against it (cloudfunctions/_core/authorize.ts); the README renders it. Nothing crosses a 居民区:
 * every scope but `street` is inside the caller's own 居民区, and `street` gives counts only.
 */
export const ROLES = ['resident', 'member', 'grid_leader', 'council_chair', 'committee', 'street_admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  member: '梯队成员',
  grid_leader: '微格长',
  council_chair: '分会轮值会长',
  committee: '居委',
  street_admin: '街道',
};

/**
 * self: the caller's own records; grid: records in the micro-grids they lead; council: the councils they chair now;
 * community: their 居民区; street: their 街道's 居民区, aggregated counts only.
 */
export type Scope = 'self' | 'grid' | 'council' | 'community' | 'street';

export const SCOPE_LABELS: Record<Scope, string> = {
  self: '本人',
  grid: '所管微格',
  council: '所任分会',
  community: '本居民区',
  street: '本街道（仅统计）',
};

type Grants = Partial<Record<Role, Scope>>;

export const PERMISSIONS = {
  'members.review': { committee: 'community' },
  'members.viewHistory': { committee: 'community', resident: 'self' },
  'members.setStaffRole': { committee: 'community' },
  'members.actForResident': { grid_leader: 'grid', committee: 'community' },
  'members.viewProxyLog': { committee: 'community', resident: 'self' },
  'members.invite': { committee: 'community' },
  /** Allow and see one's own subscribe-message reminders. */
  'members.subscribe': { resident: 'self' },
  'councils.view': { resident: 'community' },
  'councils.join': { member: 'self' },
  'councils.manage': { committee: 'community' },
  'councils.viewMembers': { committee: 'community', council_chair: 'council' },
  'councils.changeRotation': { committee: 'community', council_chair: 'council' },
  'grids.view': { resident: 'community' },
  'grids.manage': { committee: 'community' },
  'grids.viewRoster': { grid_leader: 'grid', committee: 'community' },
  'grids.setColour': { committee: 'community' },
  'grids.viewColour': { grid_leader: 'grid', committee: 'community' },
  'talent.search': { committee: 'community', grid_leader: 'community', council_chair: 'community' },
  'roster.import': { committee: 'community' },
  'street.viewCounts': { street_admin: 'street' },
  'ledger.viewOwn': { resident: 'self' },
  'ledger.viewMembers': { committee: 'community' },
  'ledger.award': { committee: 'community' },
  'ledger.correct': { committee: 'community' },
  'ledger.setRules': { committee: 'community' },
  'ledger.viewReport': { committee: 'community' },
  'ledger.audit': { committee: 'community' },
  'shop.view': { resident: 'community' },
  'shop.manage': { committee: 'community' },
  'shop.redeem': { member: 'self' },
  'shop.viewOwn': { resident: 'self' },
  /** resident@self: a resident the reward names as its keeper (the partner shop), for that reward's codes only. */
  'shop.markUsed': { committee: 'community', resident: 'self' },
  'shop.cancel': { committee: 'community', resident: 'self' },
  'honours.viewOwn': { member: 'self' },
  'honours.viewWall': { resident: 'community' },
  'honours.viewLeaderboard': { member: 'community' },
  'honours.award': { committee: 'community' },
  'honours.viewLevels': { resident: 'community', street_admin: 'street' },
  'honours.setLevels': { street_admin: 'street' },
  /** Run an event's check-in station and scan passes; the event's organizer and named scanners may too (checked by the service). */
  'checkin.station': { committee: 'community', council_chair: 'council' },
  /** Review and confirm an event's attendance (hours and points); the organizer may too. */
  'checkin.confirm': { committee: 'community', council_chair: 'council' },
  /** Check oneself in and out, show one's own pass. */
  'checkin.self': { resident: 'self' },
  'events.view': { resident: 'community' },
  'events.manage': { committee: 'community', council_chair: 'council' },
  'events.signUp': { resident: 'self' },
  /** A grid leader signs up an elderly resident of their grid (recorded in the proxy log). */
  'events.signUpFor': { grid_leader: 'grid', committee: 'community' },
  /** Browse a cabin's items, hours and sections. */
  'cabin.view': { resident: 'community' },
  /** Hold, borrow, renew, take consumables, offer donations; see one's own loans, holds and offers. */
  'cabin.borrow': { resident: 'self' },
  /** Lend and take back at the desk, see the cabin's loans; member@self: a keeper or duty volunteer the cabin names. */
  'cabin.desk': { committee: 'community', member: 'self' },
  /** Items, stock, sales, donations, reminders, roster, report; member@self: a keeper the cabin names. */
  'cabin.manage': { committee: 'community', member: 'self' },
  /** Cabins, their hours, sections, keepers and volunteers; the loan rules of the 居民区. */
  'cabin.setup': { committee: 'community' },
  /** Post duty shifts' hours to the ledger. */
  'cabin.postDuty': { committee: 'community' },
  'notices.view': { resident: 'community' },
  /** Publish to the grids one leads, the council one chairs, the whole 居民区 (committee); colour groups need grids.viewColour too. */
  'notices.publish': { grid_leader: 'grid', council_chair: 'council', committee: 'community' },
  /** Edit a draft, see receipts, remind the unread: resident@self is the notice's writer. */
  'notices.manage': { committee: 'community', resident: 'self' },
  /** Bind, rename and unbind the WeChat groups of a grid. */
  'notices.bindGroup': { grid_leader: 'grid', committee: 'community' },
  /** A grid's WeCom robot webhook (a secret). */
  'notices.manageRobots': { committee: 'community' },
  /** 账目核对: recompute every counter of the 居民区 from its records. */
  'audit.run': { committee: 'community' },
  /** Set a counter to what its records give, logged. */
  'audit.repair': { committee: 'community' },
  /** The nightly reports; the street sees how many differences each 居民区 has, nothing more. */
  'audit.viewReports': { committee: 'community', street_admin: 'street' },
  /** 一键上报: file one's own report, follow one (me too), confirm or reopen it when done. */
  'reports.file': { resident: 'self' },
  /**
   * Act on a report: accept, hand over, pause, visit, resolve. resident@self: a member the report names among its
   * handlers now (the grid's 微格长, the building's 双楼长, the 总格长, a council's chair), checked by the service.
   */
  'reports.handle': { committee: 'community', resident: 'self' },
  /** Every report of the 居民区: the list, categories and clocks, merging duplicates, the month's figures and CSV. */
  'reports.manage': { committee: 'community' },
  /** The month's report figures per 居民区, without any personal detail. */
  'reports.viewStreet': { street_admin: 'street' },
  /** 居民议事: write a proposal, support or withdraw, comment; follow a project (a resident with a profile). */
  'proposals.take': { resident: 'self' },
  /**
   * Answer a proposal that reached the threshold: the committee any, a sub-council's chair those its category
   * routes to the council (checked by the service).
   */
  'proposals.answer': { committee: 'community', council_chair: 'council' },
  /** Threshold, window, answer time and categories; hiding a comment with a reason. */
  'proposals.manage': { committee: 'community' },
  /** Create and edit governance projects (goal, owner, milestones, linked events, status). */
  'projects.manage': { committee: 'community' },
  /** Post a dated progress update: the committee, or the chair of the owner sub-council. */
  'projects.progress': { committee: 'community', council_chair: 'council' },
  /** Every project of every 居民区 of the street: title, status, progress; no personal detail. */
  'projects.viewStreet': { street_admin: 'street' },
  /** Answer a questionnaire or vote one is in the audience of, and see its public results. */
  'surveys.answer': { resident: 'self' },
  /** Create, publish and close questionnaires: any audience (committee), one's council, one's grids. */
  'surveys.create': { grid_leader: 'grid', council_chair: 'council', committee: 'community' },
  /** Named results (who answered what) and the CSV export. */
  'surveys.viewNamed': { committee: 'community' },
  /**
   * 邻援助老: register elders (by proxy, with consent), pair volunteers, confirm or question visits, see health notes
   * and the month's figures: the committee any elder of the 居民区, a grid leader those of their grids.
   */
  'care.manage': { committee: 'community', grid_leader: 'grid' },
  /** Delete an elder's record (anonymised visit counts stay). */
  'care.remove': { committee: 'community' },
  /**
   * Answer a pairing, log visits, see one's elders: a member the pairing names as its volunteer (checked by the
   * service); health notes only while the pairing is active.
   */
  'care.visit': { member: 'self' },
  /** 云课堂: take the courses of one's 居民区 and 街道, hand in quizzes, see one's certificates and the case library. */
  'learning.learn': { resident: 'self' },
  /** Write, publish and take down courses: the committee for its 居民区, the 街道 for all its 居民区. */
  'learning.manageCourses': { committee: 'community', street_admin: 'street' },
  /** Who holding a role has not finished a course required of it (names, buildings, phones). */
  'learning.viewGaps': { committee: 'community' },
  /** 优秀案例: write, publish and withdraw the 街道's cases. */
  'learning.manageCases': { street_admin: 'street' },
  /** Read the 街道's published cases. */
  'learning.viewCases': { resident: 'community', street_admin: 'street' },
} as const satisfies Record<string, Grants>;

export type Permission = keyof typeof PERMISSIONS;

/** The scopes `roles` hold for `permission`, widest first. */
export function scopesFor(permission: Permission, roles: readonly Role[]): Scope[] {
  const grants: Grants = PERMISSIONS[permission];
  const order: Scope[] = ['street', 'community', 'council', 'grid', 'self'];
  const held = new Set(roles.map((r) => grants[r]).filter((s): s is Scope => !!s));
  return order.filter((s) => held.has(s));
}
