/** Every collection, named in one place. Every document carries its `communityId` except the tenant records. */
export const COLLECTIONS = {
  streets: 'streets',
  communities: 'communities',
  councils: 'councils',
  grids: 'grids',
  members: 'members',
  memberHistory: 'member_history',
  /** Who acted for whom (a grid leader for an elderly resident). */
  proxyLog: 'proxy_log',
  /** Children in the 小小梯队, with their guardian's consent. */
  children: 'children',
  /** 双楼长: a building-group leader paired with a member. */
  buildingPairs: 'building_pairs',
  /** 微格分色: sensitive, kept apart from the member record. */
  memberColours: 'member_colours',
  /** Which grid holds a building (`_id` = communityId:building): one building, one grid, even under races. */
  gridBuildings: 'grid_buildings',
  /** The 总格长 of a 居民区 (`_id` = communityId). */
  gridChiefs: 'grid_chiefs',
  /** One entry per roster import: who imported how many, when. */
  rosterImports: 'roster_imports',
  /** The append-only ledger of hours and points (_core/ledger.ts). */
  ledgerEntries: 'ledger_entries',
  /** Each member's cached balance, moved only with its entry. */
  ledgerBalances: 'ledger_balances',
  /** Service points a member earned on one Shanghai day (`_id` = memberId:day), for the daily cap. */
  ledgerDayPoints: 'ledger_day_points',
  /** Point rules of a 居民区 (`_id` = communityId), set by the committee. */
  ledgerRules: 'ledger_rules',
  /** 积分超市 rewards of a 居民区, with their stock (moved only by recorded movements). */
  shopRewards: 'shop_rewards',
  /** Every change of a reward's stock: create, restock, redeem, cancel. */
  shopMovements: 'shop_movements',
  /** Redemptions, `_id` from the member and the tap's request id. */
  shopRedemptions: 'shop_redemptions',
  /** One document per redemption code (`_id` = the code): what keeps codes unique. */
  shopCodes: 'shop_codes',
  /** Honours the committee awards for the 风采展示墙 (`_id` = communityId-requestId). */
  honours: 'honours',
  /** What each member lets the wall and the leaderboard show (`_id` = memberId). */
  honourSettings: 'honour_settings',
  /** Issued service-hours certificates (`_id` = a hash of member, period and hours; `code` verifies it). */
  certificates: 'certificates',
  /** Star-level hours per 街道 (`_id` = streetId). */
  levelHours: 'level_hours',
  /** Who came to an event (`_id` = eventId:memberId): check-in, check-out, confirmed hours. */
  attendance: 'event_attendance',
  /** Short station handles (`_id` = handle) naming an event, so a station code fits a mini-program code's 32-character scene. */
  checkinCodes: 'checkin_codes',
  /** Events (活动) with their roles and places (`roles.<i>.taken` moves by conditional updates only). */
  events: 'events',
  /** Sign-ups, `_id` = `<eventId>:<memberId>`. */
  eventSignups: 'event_signups',
  /** An organizer's invitation of a suggested member (`_id` = `<eventId>:<memberId>`). */
  eventInvites: 'event_invites',
  /** 爱心格子屋 cabins of a 居民区: sections, hours, closures, keepers and duty volunteers. */
  cabins: 'cabins',
  /** Loan rules of a 居民区 per item class (`_id` = communityId). */
  cabinRules: 'cabin_rules',
  /** Cabin items of four kinds; a loanable item's status and holder move by conditional updates only. */
  cabinItems: 'cabin_items',
  /** Holds and queue places on loanable items (`_id` = `<itemId>:<memberId>`). */
  cabinHolds: 'cabin_holds',
  /** Loans, `_id` derived from the borrower and the tap's request id. */
  cabinLoans: 'cabin_loans',
  /** Open loans per person and class (`_id` = memberId): what keeps the per-class limit under races. */
  cabinBorrowers: 'cabin_borrowers',
  /** Every event of an item: stock movements, loans, holds, sales, edits. */
  cabinLog: 'cabin_log',
  /** Donation offers from residents. */
  cabinDonations: 'cabin_donations',
  /** Charity sales, `_id` = the item id (sold once). */
  cabinSales: 'cabin_sales',
  /** The duty roster: one shift of one volunteer. */
  cabinShifts: 'cabin_shifts',
  /** Notices (通知): `counts.targeted` set when published; what readers did is counted from `notice_receipts`. */
  notices: 'notices',
  /** One per (notice, resident) who opened it (`_id` = noticeId:memberId), with the groups they opened it in. */
  noticeReceipts: 'notice_receipts',
  /** WeChat groups bound to a grid (`_id` from the opengid). */
  noticeGroups: 'notice_groups',
  /** A grid's WeCom robot (`_id` = gridId): the webhook key is a secret, read by the notices function only. */
  wecomRobots: 'wecom_robots',
  /** Messages waiting for a WeCom robot (`_id` per notice, grid and kind): sent under the robot's rate limit. */
  wecomOutbox: 'wecom_outbox',
  /** Unused subscribe-message quota per person and template (`_id` = memberId:template): one unit per accepted tap. */
  subscriptionQuota: 'subscription_quota',
  /** Accepted taps already counted (`_id` = memberId:requestId), so a retried grant adds nothing. */
  subscriptionGrants: 'subscription_grants',
  /** Subscribe messages sent (`_id` = the sender's deterministic key), so one reminder is sent once. */
  subscriptionSends: 'subscription_sends',
  /** Image checks (`_id` from the image's slot, document and file; found by the platform's `traceId`): _core/media-check.ts. */
  mediaChecks: 'media_checks',
  /** 账目核对 reports, one per 居民区 and Shanghai day (`_id` = communityId:day), written by the nightly audit. */
  auditReports: 'audit_reports',
  /** Every counter the audit set to its recomputed value: who, when, before, after (`_id` from the request and the difference). */
  auditRepairs: 'audit_repairs',
  /** 一键上报: one document per report holding all its state and timeline (cloudfunctions/reports/reports.model.ts). */
  reports: 'reports',
  /** Report categories, clocks, public spots and handler points of a 居民区 (`_id` = communityId); missing = defaults. */
  reportSettings: 'report_settings',
  /** 居民议事: one document per proposal (cloudfunctions/participation/participation.model.ts). */
  proposals: 'proposals',
  /** One support per resident and proposal (`_id` = proposalId:memberId); withdrawn ones stay with active false. */
  proposalSupports: 'proposal_supports',
  /** Comments on proposals; the committee may hide one with a reason. */
  proposalComments: 'proposal_comments',
  /** Threshold, window, answer time and categories of a 居民区 (`_id` = communityId); missing = defaults. */
  participationSettings: 'participation_settings',
  /** 治理项目: goal, owner, milestones, progress, linked events, the proposal it came from. */
  projects: 'projects',
  /** Dated progress updates of a project. */
  projectUpdates: 'project_updates',
  /** Residents following a project (`_id` = projectId:memberId). */
  projectFollows: 'project_follows',
  /** 问卷与投票: one document per questionnaire (cloudfunctions/surveys/surveys.model.ts). */
  surveys: 'surveys',
  /** One answer per resident and survey (`_id` = surveyId:key; anonymous keys are keyed hashes, no member id). */
  surveyAnswers: 'survey_answers',
  /** A survey's counters in shards (`_id` = surveyId:tN), moved only with an answer in its transaction. */
  surveyTallies: 'survey_tallies',
  /** 邻援助老: elderly residents registered by proxy, with their sensitive fields (cloudfunctions/care/care.model.ts). */
  careElders: 'care_elders',
  /** One volunteer paired with one elder, with the visit plan. */
  carePairings: 'care_pairings',
  /** One visit per pairing and day (`_id` = pairingId:day): due, logged, confirmed (hours posted) or missed. */
  careVisits: 'care_visits',
  /** 云课堂: one document per course with its lessons and quiz (cloudfunctions/learning/learning.model.ts). */
  courses: 'courses',
  /** A learner's progress on a course (`_id` = courseId:memberId): lessons done, quiz attempts, best score. */
  courseProgress: 'course_progress',
  /** Quiz attempts (`_id` from the learner, the course and the page's request id). */
  courseAttempts: 'course_attempts',
  /** Finished courses and their certificates (`_id` = courseId:memberId; `code` verifies it); points owed until posted. */
  courseCompletions: 'course_completions',
  /** 优秀案例: the 街道's case library, tagged and searchable. */
  learningCases: 'learning_cases',
} as const;

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];
