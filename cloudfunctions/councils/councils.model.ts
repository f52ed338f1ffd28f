import type {
  ChairView,
  CouncilDetail,
  CouncilKind,
  CouncilPerson,
  CouncilSummary,
  PositionView,
  RotationLogEntry,
} from '../../src/shared/domain/council';
import {
  rotationAt,
  type IsEligible,
  type RotationChange,
  type RotationChangeKind,
  type RotationPlan,
  type RotationTerm,
} from '../../src/shared/rules/rotation';
import type { MemberDoc } from '../_core/member-record';

/** The rotation in force. `version` grows with each skip or swap, so two changes read against one state cannot both land. */
export interface RotationDoc {
  id: string;
  order: string[];
  termDays: number;
  startDate: string;
  version: number;
}

/** Append-only: every rotation change (set, skip, swap) with who, when and why. Skips and swaps feed the rule. */
export interface RotationLogDoc {
  key: string;
  kind: RotationChangeKind | 'set';
  rotationId: string;
  term?: number;
  memberId?: string;
  otherMemberId?: string;
  reason?: string;
  by: string;
  byName: string;
  at: Date;
}

export interface CouncilDoc {
  _id: string;
  communityId: string;
  name: string;
  kind: CouncilKind;
  order: number;
  active: boolean;
  positions?: { title: string; memberId: string }[];
  rotation?: RotationDoc | null;
  rotationLog?: RotationLogDoc[];
  createdAt?: Date;
  createdBy?: string;
  retiredAt?: Date;
  retiredBy?: string;
  updatedAt?: Date;
}

/** The few member fields councils read about other people. */
export type PersonDoc = Pick<MemberDoc, '_id' | 'name' | 'communityId' | 'councilIds' | 'deletedAt'>;
export type People = Map<string, PersonDoc>;

/** The log entries shown on the detail page. */
export const LOG_SHOWN = 50;

const LEFT_NAME = '已注销的成员';

/** Still a member of this council with a live account in its 居民区: may chair and hold a position. */
export function isInCouncil(council: CouncilDoc, person: PersonDoc | undefined): boolean {
  return !!person && !person.deletedAt && person.communityId === council.communityId && (person.councilIds ?? []).includes(council._id);
}

export function eligibilityIn(council: CouncilDoc, people: People): IsEligible {
  return (memberId) => isInCouncil(council, people.get(memberId));
}

export function nameOf(people: People, memberId: string): string {
  const person = people.get(memberId);
  return person && !person.deletedAt && person.name ? person.name : LEFT_NAME;
}

export function changesOf(council: CouncilDoc): RotationChange[] {
  const rotationId = council.rotation?.id;
  return (council.rotationLog ?? [])
    .filter((e) => e.rotationId === rotationId && (e.kind === 'skip' || e.kind === 'swap'))
    .map((e) => ({
      key: e.key,
      kind: e.kind as RotationChangeKind,
      term: e.term ?? 0,
      memberId: e.memberId ?? '',
      ...(e.otherMemberId ? { otherMemberId: e.otherMemberId } : {}),
    }));
}

export function planOf(council: CouncilDoc): RotationPlan | null {
  const r = council.rotation;
  if (!r || r.order.length === 0) return null;
  return { order: r.order, termDays: r.termDays, startDate: r.startDate, changes: changesOf(council) };
}

/** Everyone a council names: positions, the rotation order and the shown log. */
export function peopleIdsOf(council: CouncilDoc): string[] {
  const ids = new Set<string>();
  for (const p of council.positions ?? []) ids.add(p.memberId);
  for (const id of council.rotation?.order ?? []) ids.add(id);
  for (const e of shownLog(council)) {
    if (e.memberId) ids.add(e.memberId);
    if (e.otherMemberId) ids.add(e.otherMemberId);
  }
  return [...ids];
}

function shownLog(council: CouncilDoc): RotationLogDoc[] {
  return (council.rotationLog ?? []).slice(-LOG_SHOWN).reverse();
}

/** Who chairs now and next; none for a retired council or one without a rotation. */
export function chairsNow(council: CouncilDoc, people: People, now: Date): { current: RotationTerm | null; next: RotationTerm | null } {
  const plan = planOf(council);
  if (!plan || !council.active) return { current: null, next: null };
  const { current, next } = rotationAt(plan, eligibilityIn(council, people), now);
  return { current, next };
}

export function toChairView(term: RotationTerm | null, people: People): ChairView | null {
  if (!term?.chairId) return null;
  return { memberId: term.chairId, name: nameOf(people, term.chairId), startsOn: term.startsOn, endsOn: term.endsOn };
}

export function toSummary(council: CouncilDoc, people: People, memberCount: number, joined: boolean, now: Date): CouncilSummary {
  const { current, next } = chairsNow(council, people, now);
  return {
    id: council._id,
    name: council.name,
    kind: council.kind,
    active: council.active,
    memberCount,
    joined,
    current: toChairView(current, people),
    next: toChairView(next, people),
    hasRotation: planOf(council) !== null,
  };
}

export function toPositions(council: CouncilDoc, people: People): PositionView[] {
  return (council.positions ?? []).map((p) => ({
    title: p.title,
    memberId: p.memberId,
    name: nameOf(people, p.memberId),
    inCouncil: isInCouncil(council, people.get(p.memberId)),
  }));
}

function toLogEntry(e: RotationLogDoc): RotationLogEntry {
  return {
    key: e.key,
    kind: e.kind,
    ...(e.term !== undefined ? { term: e.term } : {}),
    ...(e.memberId ? { memberId: e.memberId } : {}),
    ...(e.otherMemberId ? { otherMemberId: e.otherMemberId } : {}),
    ...(e.reason ? { reason: e.reason } : {}),
    byName: e.byName,
    at: new Date(e.at).toISOString(),
  };
}

export function toDetail(council: CouncilDoc, people: People, memberCount: number, joined: boolean): CouncilDetail {
  const plan = planOf(council);
  const named: Record<string, CouncilPerson> = {};
  for (const id of peopleIdsOf(council)) named[id] = { name: nameOf(people, id), eligible: isInCouncil(council, people.get(id)) };
  return {
    id: council._id,
    name: council.name,
    kind: council.kind,
    active: council.active,
    memberCount,
    joined,
    positions: toPositions(council, people),
    rotation: plan && council.rotation ? { id: council.rotation.id, plan } : null,
    rotationLog: shownLog(council).map(toLogEntry),
    people: named,
  };
}
