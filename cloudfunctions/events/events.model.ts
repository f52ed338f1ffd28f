import type { EventRecord, EventSummaryView, EventView, MySignupView, SignupRecord, SignupView, SkillSuggestionView } from '../../src/shared/domain/event';
import { visibleTo, type TalentViewer } from '../../src/shared/domain/talent';
import { inShanghai } from '../../src/shared/time';
import type { Caller } from '../_core/caller';
import { imageReviewOf } from '../_core/media-check';
import type { SkilledDoc } from './events.queries';
import type { In } from './events.types';

export type EventDoc = EventRecord;
export type SignupDoc = SignupRecord;
export type EventFields = In<'create'>['event'];

/** Deterministic from the form's request id, so a retried create lands on the same document. */
export const eventIdOf = (communityId: string, requestId: string): string => `${communityId}-ev-${requestId}`;

/** The page a notice opens. */
export const detailPage = (eventId: string): string => `packages/events/pages/detail/index?id=${encodeURIComponent(eventId)}`;

/** May the caller join an event shown to this audience? (The committee sees everything of its 居民区.) */
export function inAudience(caller: Caller, event: Pick<EventDoc, 'audience'>): boolean {
  const record = caller.record;
  if (!record) return false;
  switch (event.audience.kind) {
    case 'community':
      return true;
    case 'members':
      return caller.roles.includes('member');
    case 'council':
      return caller.roles.includes('member') && record.councilIds.includes(event.audience.councilId ?? '');
  }
}

/** What a new (or duplicated) event starts with: its roles with no place taken, published, no sign-ups yet. */
export function freshEvent(roles: readonly Omit<EventDoc['roles'][number], 'taken'>[], organizerId: string, now: Date): Pick<EventDoc, 'roles' | 'organizerId' | 'scannerIds' | 'status' | 'signupSeq' | 'createdAt' | 'updatedAt'> {
  return { roles: roles.map((r) => ({ ...r, taken: 0 })), organizerId, scannerIds: [], status: 'published', signupSeq: 0, createdAt: now, updatedAt: now };
}

/** The stored fields of a new or edited event, from the form. */
export function storedFields(f: EventFields): Omit<EventDoc, '_id' | 'communityId' | 'roles' | 'organizerId' | 'scannerIds' | 'status' | 'signupSeq' | 'createdAt' | 'updatedAt'> {
  return {
    title: f.title,
    description: f.description,
    type: f.type,
    place: f.place,
    startAt: f.startAt,
    endAt: f.endAt,
    audience: f.audience.kind === 'council' ? { kind: 'council', councilId: f.audience.councilId } : { kind: f.audience.kind },
    signupOpensAt: f.signupOpensAt,
    signupClosesAt: f.signupClosesAt,
    allowWalkIns: f.allowWalkIns,
    checkinOpensMinutesBefore: f.checkinOpensMinutesBefore,
    checkinGraceMinutesAfter: f.checkinGraceMinutesAfter,
    ...(f.councilId ? { councilId: f.councilId } : {}),
  };
}

export function toMySignup(doc: SignupDoc | null, waitingPosition: number | null = null): MySignupView | null {
  if (!doc || doc.status === 'cancelled') return null;
  return { roleKey: doc.roleKey, status: doc.status, waitingPosition: doc.status === 'waiting' ? waitingPosition : null, byProxy: !!doc.byProxy };
}

export function toSummary(doc: EventDoc, mine: SignupDoc | null): EventSummaryView {
  return {
    id: doc._id,
    title: doc.title,
    cover: doc.cover ?? '',
    type: doc.type,
    place: doc.place,
    startAt: doc.startAt.toISOString(),
    endAt: doc.endAt.toISOString(),
    status: doc.status,
    placesLeft: doc.roles.reduce((n, r) => n + Math.max(0, r.places - r.taken), 0),
    mine: toMySignup(mine),
  };
}

export function toEventView(
  doc: EventDoc,
  extra: { organizerName: string; waitingByRole: Map<string, number>; mine: MySignupView | null; canManage: boolean; canSignUpOthers: boolean },
): EventView {
  return {
    id: doc._id,
    title: doc.title,
    cover: doc.cover ?? '',
    description: doc.description,
    type: doc.type,
    place: doc.place,
    startAt: doc.startAt.toISOString(),
    endAt: doc.endAt.toISOString(),
    audience: doc.audience,
    signupOpensAt: doc.signupOpensAt.toISOString(),
    signupClosesAt: doc.signupClosesAt.toISOString(),
    roles: doc.roles.map((r) => ({ ...r, waiting: extra.waitingByRole.get(r.key) ?? 0 })),
    allowWalkIns: doc.allowWalkIns,
    checkinOpensMinutesBefore: doc.checkinOpensMinutesBefore,
    checkinGraceMinutesAfter: doc.checkinGraceMinutesAfter,
    organizerName: extra.organizerName,
    status: doc.status,
    councilId: doc.councilId ?? null,
    mine: extra.mine,
    ...imageReviewOf(doc, extra.canManage),
    canManage: extra.canManage,
    canSignUpOthers: extra.canSignUpOthers,
  };
}

export function toSignupView(doc: SignupDoc, name: string): SignupView {
  return {
    memberId: doc.memberId,
    name,
    roleKey: doc.roleKey,
    status: doc.status,
    seq: doc.seq,
    byProxy: !!doc.byProxy,
    createdAt: doc.createdAt.toISOString(),
  };
}

/** The availability options (members' profile) that cover an event starting at `startAt`, Shanghai time. */
export function slotsAt(startAt: Date): string[] {
  const local = inShanghai(startAt);
  const weekend = local.day() === 0 || local.day() === 6;
  return ['随时可约', weekend ? '周末' : local.hour() < 18 ? '工作日白天' : '工作日晚上'];
}

export function toSuggestion(doc: SkilledDoc, wanted: readonly string[], slots: readonly string[], viewer: TalentViewer, invited: boolean): SkillSuggestionView {
  const availability = visibleTo(doc.visibility?.availability, viewer) ? (doc.availability ?? []) : [];
  return {
    memberId: doc._id,
    name: doc.name,
    building: doc.building,
    skills: (doc.skills ?? []).filter((s) => wanted.includes(s)),
    freeThen: availability.length ? availability.some((a) => slots.includes(a)) : null,
    invited,
  };
}

/** An organizer's invitation, `_id` = `<eventId>:<memberId>` so inviting twice is one invitation. */
export interface InviteDoc {
  _id: string;
  eventId: string;
  communityId: string;
  memberId: string;
  roleKey: string;
  invitedBy: string;
  at: Date;
}

export const inviteIdOf = (eventId: string, memberId: string): string => `${eventId}:${memberId}`;
