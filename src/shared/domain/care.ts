/**
 * 邻援助老: volunteers paired with elderly residents living alone. The committee or a grid leader registers an elder
 * (by proxy, with consent and a family contact); the grid leader pairs one or two volunteers, helped by suggestions;
 * a plan per pairing makes due visits; the volunteer logs each visit; hours reach the ledger once the grid leader
 * confirms, or 72 hours after the log if nobody challenged it.
 */

/** What an elder may need help with (the needs list a visit log picks from). */
export const CARE_NEEDS = ['shopping', 'medicine', 'chat', 'safety', 'clinic', 'haircut', 'other'] as const;
export type CareNeed = (typeof CARE_NEEDS)[number];
export const CARE_NEED_LABELS: Record<CareNeed, string> = {
  shopping: '买菜',
  medicine: '配药',
  chat: '陪聊',
  safety: '安全检查',
  clinic: '陪同就医',
  haircut: '理发',
  other: '其他',
};

/** Talent-pool skills that help with a need (the pairing suggestions count a volunteer's visible skills). */
export const NEED_SKILLS: Record<CareNeed, readonly string[]> = {
  shopping: [],
  medicine: ['医生', '护士'],
  chat: ['心理咨询'],
  safety: ['水电维修', '家电维修'],
  clinic: ['医生', '护士'],
  haircut: ['理发'],
  other: [],
};

/** How often the elder would like a visit (what the grid leader plans for). */
export const CARE_FREQUENCIES = ['twiceWeekly', 'weekly', 'biweekly', 'monthly'] as const;
export type CareFrequency = (typeof CARE_FREQUENCIES)[number];
export const CARE_FREQUENCY_LABELS: Record<CareFrequency, string> = {
  twiceWeekly: '每周两次',
  weekly: '每周一次',
  biweekly: '两周一次',
  monthly: '每月一次',
};

/** How the elder was at a visit. */
export const CARE_MOODS = ['good', 'fair', 'poor'] as const;
export type CareMood = (typeof CARE_MOODS)[number];
export const CARE_MOOD_LABELS: Record<CareMood, string> = { good: '状态不错', fair: '一般', poor: '不太好' };

/**
 * proposed: the grid leader asked the volunteer (待接受); active: accepted, the plan makes visits (结对中);
 * declined: the volunteer said no (已婉拒); ended: the leader, the committee or the volunteer ended it (已结束).
 */
export const PAIRING_STATES = ['proposed', 'active', 'declined', 'ended'] as const;
export type PairingState = (typeof PAIRING_STATES)[number];
export const PAIRING_STATE_LABELS: Record<PairingState, string> = { proposed: '待接受', active: '结对中', declined: '已婉拒', ended: '已结束' };

/**
 * due: planned, not yet logged (待探访); logged: the volunteer logged it, hours wait for confirmation (待确认);
 * challenged: the grid leader questioned the log (有疑问), no hours until confirmed; confirmed: hours posted
 * (已确认); missed: its day passed without a log (未探访); cancelled: its pairing ended before the day (已取消).
 */
export const VISIT_STATES = ['due', 'logged', 'challenged', 'confirmed', 'missed', 'cancelled'] as const;
export type VisitState = (typeof VISIT_STATES)[number];
export const VISIT_STATE_LABELS: Record<VisitState, string> = {
  due: '待探访',
  logged: '待确认',
  challenged: '有疑问',
  confirmed: '已确认',
  missed: '未探访',
  cancelled: '已取消',
};

/** One elder has at most this many volunteers (proposed or active). */
export const MAX_VOLUNTEERS_PER_ELDER = 2;
/** A volunteer carries at most this many elders (proposed or active): suggestions leave out anyone at it. */
export const MAX_ELDERS_PER_VOLUNTEER = 3;
/** A logged visit nobody challenged is confirmed after this long. */
export const AUTO_CONFIRM_HOURS = 72;
/** Two missed visits in a row tell the grid leader. */
export const MISSED_IN_ROW_TELLS_LEADER = 2;
/** The committee's list puts first the elders without a visit in this many days. */
export const STALE_AFTER_DAYS = 14;
/** The plan makes due visits this many days ahead, so a volunteer sees the coming ones. */
export const PLAN_HORIZON_DAYS = 7;
/** A visit may be logged up to this many days after its day (a missed one too: it becomes logged). */
export const LATE_LOG_DAYS = 7;
/** The longest visit one log may claim. */
export const MAX_VISIT_MINUTES = 8 * 60;
/** The ledger's event type for visit hours (its rate is the 居民区's default unless the committee sets one). */
export const CARE_EVENT_TYPE = '邻援助老';

/** A visit plan: which weekdays (1 = Monday ... 7 = Sunday), every how many weeks, counted from the anchor week. */
export interface VisitPlan {
  weekdays: number[];
  everyWeeks: 1 | 2 | 4;
}

export const PLAN_EVERY_WEEKS = [1, 2, 4] as const;

export const planText = (p: VisitPlan): string => {
  const days = [...p.weekdays].sort((a, b) => a - b).map((d) => `周${'一二三四五六日'[d - 1] ?? ''}`).join('、');
  const every = p.everyWeeks === 1 ? '每周' : p.everyWeeks === 2 ? '每两周' : '每四周';
  return `${every}${days}`;
};

const DAY_MS = 86_400_000;
/** Days since 1970-01-01 of a YYYY-MM-DD calendar day (no time zone: a calendar day is a calendar day). */
export const dayNumber = (day: string): number => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
export const dayOfNumber = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
export const addDays = (day: string, n: number): string => dayOfNumber(dayNumber(day) + n);
/** 1 = Monday ... 7 = Sunday. */
export const weekdayOf = (day: string): number => ((dayNumber(day) + 3) % 7) + 1;
/** The Monday of the day's week, as a day number. */
const mondayOf = (n: number) => n - (((n + 3) % 7 + 7) % 7);

/**
 * The due days of a plan after `after` up to and including `through` (YYYY-MM-DD): the plan's weekdays in the weeks
 * counted from the anchor day's week, every `everyWeeks`. Never a day before the anchor. Pure, so the timer and the
 * tests agree on it whatever the clock says.
 */
export function dueDays(plan: VisitPlan, anchor: string, after: string, through: string): string[] {
  const start = Math.max(dayNumber(after) + 1, dayNumber(anchor));
  const end = dayNumber(through);
  const anchorMonday = mondayOf(dayNumber(anchor));
  const out: string[] = [];
  for (let n = start; n <= end; n++) {
    const weeks = Math.floor((mondayOf(n) - anchorMonday) / 7);
    if (weeks % plan.everyWeeks !== 0) continue;
    if (plan.weekdays.includes(((n + 3) % 7) + 1)) out.push(dayOfNumber(n));
  }
  return out;
}

/** The building's number (`12号楼` -> 12), or null for a building without one. */
export function buildingNumber(building: string): number | null {
  const m = /^(\d+)号楼$/.exec(building);
  return m ? Number(m[1]) : null;
}

/** How far two buildings are, in building numbers: 0 the same one, null when either has no number. */
export function buildingDistance(a: string, b: string): number | null {
  if (a && a === b) return 0;
  const x = buildingNumber(a);
  const y = buildingNumber(b);
  return x === null || y === null ? null : Math.abs(x - y);
}

/** Nearby buildings the suggestions look in: the elder's and up to `reach` numbers either side. */
export function nearbyBuildings(building: string, reach: number): string[] {
  const n = buildingNumber(building);
  if (n === null) return building ? [building] : [];
  const out: string[] = [];
  for (let i = Math.max(1, n - reach); i <= n + reach; i++) out.push(`${i}号楼`);
  return out;
}

/** What a suggestion is scored on (only what the volunteer lets the grid leader see). */
export interface CandidateFacts {
  distance: number | null;
  sameGrid: boolean;
  skills: string[];
  availability: string[];
  load: number;
}

export interface SuggestionScore {
  score: number;
  reasons: string[];
  matchedSkills: string[];
  matchedTimes: string[];
}

/**
 * The pairing suggestions' rule: nearest building first (same building 40, one away 30, two 20, three 10, same grid
 * 10 more), 10 for each skill matching the elder's needs (at most 3), 8 for each free time the elder prefers, 15
 * less for each elder the volunteer already carries. Reasons are what the grid leader reads.
 */
export function scoreCandidate(facts: CandidateFacts, needs: readonly CareNeed[], preferredTimes: readonly string[]): SuggestionScore {
  const reasons: string[] = [];
  let score = 0;
  if (facts.distance !== null && facts.distance <= 3) {
    score += 40 - facts.distance * 10;
    reasons.push(facts.distance === 0 ? '同一栋楼' : `相隔${facts.distance}栋`);
  }
  if (facts.sameGrid) {
    score += 10;
    if (facts.distance !== 0) reasons.push('同一微格');
  }
  const wanted = new Set(needs.flatMap((n) => NEED_SKILLS[n]));
  const matchedSkills = facts.skills.filter((s) => wanted.has(s)).slice(0, 3);
  score += matchedSkills.length * 10;
  if (matchedSkills.length) reasons.push(`会${matchedSkills.join('、')}`);
  const matchedTimes = facts.availability.filter((t) => preferredTimes.includes(t));
  score += matchedTimes.length * 8;
  if (matchedTimes.length) reasons.push(`${matchedTimes.join('、')}有空`);
  score -= facts.load * 15;
  reasons.push(facts.load === 0 ? '目前没有结对' : `已结对${facts.load}位老人`);
  return { score, reasons, matchedSkills, matchedTimes };
}

/** When a logged visit is confirmed by itself if nobody challenged it. */
export const autoConfirmAt = (loggedAt: Date): Date => new Date(loggedAt.getTime() + AUTO_CONFIRM_HOURS * 3_600_000);

/** Whether an elder's last visit (or none) puts them at the top of the committee's list. */
export function isStale(lastVisitDay: string | null, today: string): boolean {
  return lastVisitDay === null || dayNumber(today) - dayNumber(lastVisitDay) >= STALE_AFTER_DAYS;
}

/** The missed rate of a set of visits: missed over missed and visited (confirmed, logged, challenged); 0 for none. */
export function missedRate(missed: number, visited: number): number {
  const all = missed + visited;
  return all === 0 ? 0 : Math.round((missed / all) * 1000) / 1000;
}

// ---- Views (what the functions answer) ----

/** A person as the care pages name them: name and building; the phone masked except for the committee. */
export interface CarePersonView {
  memberId: string;
  name: string;
  building: string;
  phone: string;
}

export interface FamilyContactView {
  name: string;
  relation: string;
  /** Masked except for the committee. */
  phone: string;
}

/**
 * One elder as the caller may see them. Sensitive fields are present only for the roles allowed: `healthNotes` for
 * the committee, the grid leader of the elder's grid and a volunteer whose pairing is active; `family` likewise.
 */
export interface ElderView {
  id: string;
  name: string;
  building: string;
  room: string;
  gridId: string | null;
  gridName: string;
  /** Masked except for the committee. */
  phone: string;
  needs: CareNeed[];
  frequency: CareFrequency;
  preferredTimes: string[];
  /** Absent when the caller may not see it. */
  healthNotes?: string;
  family?: FamilyContactView;
  consent: { at: string; by: string; note: string };
  /** Linked member record, if the elder is on WeChat. */
  memberId: string | null;
  lastVisitDay: string | null;
  /** No visit in 14 days (or never). */
  stale: boolean;
  activeVolunteers: number;
  openPairings: number;
  version: number;
  registeredAt: string;
  /** What the caller may do. */
  may: { edit: boolean; pair: boolean; remove: boolean };
}

export interface ElderSummaryView {
  id: string;
  name: string;
  building: string;
  gridName: string;
  needs: CareNeed[];
  lastVisitDay: string | null;
  stale: boolean;
  activeVolunteers: number;
}

export interface PairingView {
  id: string;
  elderId: string;
  elderName: string;
  elderBuilding: string;
  volunteer: CarePersonView;
  state: PairingState;
  plan: VisitPlan;
  planText: string;
  missedInRow: number;
  proposedAt: string;
  acceptedAt: string | null;
  endedAt: string | null;
  note: string;
  may: { respond: boolean; end: boolean };
}

export interface SuggestionView {
  memberId: string;
  name: string;
  building: string;
  score: number;
  reasons: string[];
  skills: string[];
  times: string[];
  load: number;
}

export interface VisitLogView {
  at: string;
  minutes: number;
  done: CareNeed[];
  mood: CareMood;
  note: string;
  /** The concern's words, or '' for none. */
  concern: string;
}

export interface VisitView {
  id: string;
  pairingId: string;
  elderId: string;
  elderName: string;
  volunteerName: string;
  day: string;
  state: VisitState;
  log: VisitLogView | null;
  halfHours: number;
  confirmAfter: string | null;
  challengeReason: string;
  may: { log: boolean; confirm: boolean; challenge: boolean };
}

export interface CareGridFigures {
  gridId: string | null;
  gridName: string;
  elders: number;
  covered: number;
  visits: number;
  halfHours: number;
  missed: number;
  missedRate: number;
}

export interface CareFiguresView {
  month: string;
  grids: CareGridFigures[];
  total: Omit<CareGridFigures, 'gridId' | 'gridName'>;
}

/** The elder's own data (an elder on WeChat): the one export that holds their health notes. */
export interface MyCareData {
  asElder: {
    name: string;
    building: string;
    room: string;
    needs: CareNeed[];
    frequency: CareFrequency;
    healthNotes: string;
    family: FamilyContactView;
    consent: { at: string; note: string };
    visits: { day: string; state: VisitState; minutes: number; done: CareNeed[] }[];
  } | null;
  /** As a volunteer: their pairings and visit logs (no elder's health notes). */
  asVolunteer: { pairings: { elderName: string; state: PairingState; plan: string }[]; visits: { day: string; elderName: string; state: VisitState; minutes: number; halfHours: number }[] };
}
