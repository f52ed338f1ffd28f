import type {
  ChairView,
  CouncilDetail,
  CouncilPerson,
  CouncilSummary,
  PositionView,
  RotationLogEntry,
} from '../../src/shared/domain/council';
import type { RotationTerm } from '../../src/shared/rules/rotation';
import { chairsNow, isInCouncil, planOf, type CouncilDoc, type People, type RotationLogDoc } from '../_core/council-chairs';

export {
  chairsNow,
  changesOf,
  eligibilityIn,
  isInCouncil,
  planOf,
  type CouncilDoc,
  type People,
  type PersonDoc,
  type RotationDoc,
  type RotationLogDoc,
} from '../_core/council-chairs';

/** The log entries shown on the detail page. */
export const LOG_SHOWN = 50;

const LEFT_NAME = '已注销的成员';

export function nameOf(people: People, memberId: string): string {
  const person = people.get(memberId);
  return person && !person.deletedAt && person.name ? person.name : LEFT_NAME;
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
