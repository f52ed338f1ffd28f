import type { CouncilKind } from '../../src/shared/domain/council';
import {
  rotationAt,
  type IsEligible,
  type RotationChange,
  type RotationChangeKind,
  type RotationPlan,
  type RotationTerm,
} from '../../src/shared/rules/rotation';
import type { Caller } from './caller';
import { clock } from './clock';
import { COLLECTIONS } from './collections';
import { command, getDb } from './db';
import type { MemberDoc } from './member-record';

/**
 * Who chairs a council now follows from its rotation and the clock; several functions need it to know whether a
 * caller is a council chair (the permission matrix's council_chair), so it lives here.
 */

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

/** Still a member of this council with a live account in its 居民区: may chair and hold a position. */
export function isInCouncil(council: CouncilDoc, person: PersonDoc | undefined): boolean {
  return !!person && !person.deletedAt && person.communityId === council.communityId && (person.councilIds ?? []).includes(council._id);
}

export function eligibilityIn(council: CouncilDoc, people: People): IsEligible {
  return (memberId) => isInCouncil(council, people.get(memberId));
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

/** Who chairs now and next; none for a retired council or one without a rotation. */
export function chairsNow(council: CouncilDoc, people: People, now: Date): { current: RotationTerm | null; next: RotationTerm | null } {
  const plan = planOf(council);
  if (!plan || !council.active) return { current: null, next: null };
  const { current, next } = rotationAt(plan, eligibilityIn(council, people), now);
  return { current, next };
}

/** The people named by ids (positions, rotation orders), with only what councils need to know of them: one round trip. */
export async function findPeople(ids: readonly string[]): Promise<People> {
  const people: People = new Map();
  if (ids.length === 0) return people;
  const res = await getDb()
    .collection(COLLECTIONS.members)
    .where({ _id: command().in([...new Set(ids)]) })
    .field({ _id: true, name: true, communityId: true, councilIds: true, deletedAt: true })
    .limit(1000)
    .get();
  for (const p of res.data as PersonDoc[]) people.set(p._id, p);
  return people;
}

/**
 * Adds council_chair to a caller who chairs one of `councils` now (by the server's clock): one round trip for the
 * people in the rotation orders, whose eligibility the rule needs; none when the caller is in no rotation.
 */
export async function withChairs(caller: Caller, councils: readonly CouncilDoc[]): Promise<Caller> {
  const mine = councils.filter((c) => c.rotation?.order.includes(caller.memberId));
  if (mine.length === 0) return caller;
  const people = await findPeople(mine.flatMap((c) => c.rotation?.order ?? []));
  const now = clock().now();
  const chairs = mine.filter((c) => chairsNow(c, people, now).current?.chairId === caller.memberId).map((c) => c._id);
  return chairs.length ? { ...caller, roles: [...caller.roles, 'council_chair'], chairCouncilIds: chairs } : caller;
}
