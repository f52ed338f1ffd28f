import type { RotationChangeKind, RotationPlan } from '../rules/rotation';

/** 总会 (the 居民区's council) or 分会 (a sub-council). */
export type CouncilKind = 'main' | 'branch';

export const COUNCIL_KIND_LABELS: Record<CouncilKind, string> = { main: '总会', branch: '分会' };

/** Titles the committee usually gives; any short title is allowed. */
export const SUGGESTED_POSITIONS = ['会长', '副会长', '秘书长'] as const;

/** A chair as everyone in the 居民区 sees it: name and the days of their term (Shanghai dates). */
export interface ChairView {
  memberId: string;
  name: string;
  startsOn: string;
  endsOn: string;
}

/** One council in the list of a 居民区. */
export interface CouncilSummary {
  id: string;
  name: string;
  kind: CouncilKind;
  active: boolean;
  memberCount: number;
  /** The caller joined it. */
  joined: boolean;
  /** null before the rotation starts, without a rotation, or when nobody in the order can chair. */
  current: ChairView | null;
  next: ChairView | null;
  /** A rotation is set up (an order of at least one member). */
  hasRotation: boolean;
}

export interface PositionView {
  title: string;
  memberId: string;
  name: string;
  /** false when the holder has left the council or deleted their account. */
  inCouncil: boolean;
}

/** A recorded change of the rotation: who, when, why. Dates are ISO strings (UTC). */
export interface RotationLogEntry {
  key: string;
  kind: RotationChangeKind | 'set';
  /** skip/swap: the term it changed. */
  term?: number;
  memberId?: string;
  otherMemberId?: string;
  reason?: string;
  byName: string;
  at: string;
}

/** A person named in a council's positions or rotation order. */
export interface CouncilPerson {
  name: string;
  /** Still a member of this council with a live account: can chair and hold a position. */
  eligible: boolean;
}

export interface RotationView {
  id: string;
  /** The plan the rotation rule reads (src/shared/rules/rotation.ts); the page computes the schedule from it. */
  plan: RotationPlan;
}

export interface CouncilDetail {
  id: string;
  name: string;
  kind: CouncilKind;
  active: boolean;
  memberCount: number;
  joined: boolean;
  positions: PositionView[];
  rotation: RotationView | null;
  /** Every rotation change, newest first (at most the last 50). */
  rotationLog: RotationLogEntry[];
  /** Names and eligibility of everyone in the positions and the rotation order (and the log). */
  people: Record<string, CouncilPerson>;
}

/** What the caller may do on this council, as the function decided it. */
export interface CouncilAbilities {
  viewMembers: boolean;
  manage: boolean;
  changeRotation: boolean;
  join: boolean;
}

/** A row of a council's member list (committee and the council's current chair only). */
export interface CouncilMemberView {
  memberId: string;
  name: string;
  building: string;
  /** Positions they hold in this council. */
  titles: string[];
}
