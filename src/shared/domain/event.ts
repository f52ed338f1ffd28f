/**
 * Events (活动) and their sign-ups. The stored shapes (`EventRecord`, `SignupRecord`) are the contract the
 * `events` and `checkin` functions share; the views are what the app shows (dates as ISO strings, UTC).
 */
import type { ImageReview } from './media';


export const EVENT_TYPES = ['公益课堂', '网格巡逻', '绿化养护', '邻援助老', '阅读节', '其他'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Who may join: the whole 居民区, one sub-council's members, or approved echelon members only. */
export type AudienceKind = 'community' | 'council' | 'members';
export const AUDIENCE_LABELS: Record<AudienceKind, string> = {
  community: '全体居民',
  council: '分会成员',
  members: '第二梯队成员',
};

export interface EventAudience {
  kind: AudienceKind;
  /** Set when kind is 'council'. */
  councilId?: string;
}

export type EventStatus = 'published' | 'cancelled';
export const EVENT_STATUS_LABELS: Record<EventStatus, string> = { published: '报名中', cancelled: '已取消' };

export type SignupStatus = 'confirmed' | 'waiting' | 'cancelled';
export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = {
  confirmed: '已报名',
  waiting: '候补中',
  cancelled: '已取消',
};

/** Check-in opens this many minutes before the start, and closes this many after the end, unless the event says otherwise. */
export const DEFAULT_CHECKIN_OPENS_MINUTES_BEFORE = 30;
export const DEFAULT_CHECKIN_GRACE_MINUTES_AFTER = 30;

/** One role of an event with its own places; `taken` moves only by conditional `_.inc` updates. */
export interface EventRole {
  key: string;
  name: string;
  places: number;
  skills: string[];
  taken: number;
}

/** An event as stored in `events`. */
export interface EventRecord {
  _id: string;
  communityId: string;
  title: string;
  /** Cover image fileID that passed the image check; absent on events made before covers. */
  cover?: string;
  /** _core/media-check.ts: a new cover still being checked, and how many were refused since the last edit. */
  pendingImages?: string[];
  refusedImages?: number;
  description: string;
  type: EventType;
  place: string;
  startAt: Date;
  endAt: Date;
  audience: EventAudience;
  signupOpensAt: Date;
  signupClosesAt: Date;
  roles: EventRole[];
  allowWalkIns: boolean;
  checkinOpensMinutesBefore: number;
  checkinGraceMinutesAfter: number;
  organizerId: string;
  scannerIds: string[];
  status: EventStatus;
  /** The organizing sub-council, when a council chair organizes it. */
  councilId?: string;
  /** Arrival-order counter for sign-ups (atomic `_.inc`). */
  signupSeq: number;
  /**
   * Per member, the last sign-up round that took its arrival number (and its place) here, encoded as
   * `round * 1000 + role index * 2 + (1 if it took a place)`: the claim a retried sign-up finds instead of taking twice.
   */
  claims?: Record<string, number>;
  /** The members of the latest claims, newest last (at most 100): recovers a claim's arrival number. */
  arrivals?: string[];
  createdAt: Date;
  updatedAt: Date;
  cancelledAt?: Date;
  cancelReason?: string;
}

/** A sign-up as stored in `event_signups`; `_id` = `<eventId>:<memberId>` so retries land on the same document. */
export interface SignupRecord {
  _id: string;
  eventId: string;
  communityId: string;
  memberId: string;
  roleKey: string;
  status: SignupStatus;
  /** Arrival order within the event: the waiting list is served by the lowest seq first. */
  seq: number;
  createdAt: Date;
  updatedAt?: Date;
  cancelledAt?: Date;
  /** The grid leader who signed up on the member's behalf. */
  byProxy?: string;
  /** How many times the member signed up for the event (1 the first time; a sign-up after a cancellation is the next). */
  round?: number;
  /** When a place came to them from the waiting list. */
  promotedAt?: Date;
  /**
   * Set in the promotion's own transaction and cleared once the message is handed to the messaging: a call that died
   * in between leaves it, and the next call on the event (its retry) tells them.
   */
  promotionUntold?: boolean;
}

export const signupId = (eventId: string, memberId: string): string => `${eventId}:${memberId}`;

export interface EventRoleView {
  key: string;
  name: string;
  places: number;
  skills: string[];
  taken: number;
  waiting: number;
}

export interface MySignupView {
  roleKey: string;
  status: SignupStatus;
  /** 1-based place on the waiting list of the role, when waiting. */
  waitingPosition: number | null;
  byProxy: boolean;
}

/** `pendingImages` / `refusedImages` (the cover under check, the refusal note) are for its organizers only. */
export interface EventView extends ImageReview {
  id: string;
  title: string;
  /** Cover image fileID, '' for none. */
  cover: string;
  description: string;
  type: EventType;
  place: string;
  startAt: string;
  endAt: string;
  audience: EventAudience;
  signupOpensAt: string;
  signupClosesAt: string;
  roles: EventRoleView[];
  allowWalkIns: boolean;
  checkinOpensMinutesBefore: number;
  checkinGraceMinutesAfter: number;
  organizerName: string;
  status: EventStatus;
  councilId: string | null;
  /** The caller's own sign-up, if any. */
  mine: MySignupView | null;
  /** The caller may edit, cancel and duplicate it. */
  canManage: boolean;
  /** The caller may sign up residents on their behalf (a grid leader for their grid, the committee). */
  canSignUpOthers: boolean;
}

export interface EventSummaryView {
  id: string;
  title: string;
  /** Cover image fileID, '' for none. */
  cover: string;
  type: EventType;
  place: string;
  startAt: string;
  endAt: string;
  status: EventStatus;
  placesLeft: number;
  mine: MySignupView | null;
}

/** A sign-up as the organizer sees it. */
export interface SignupView {
  memberId: string;
  name: string;
  roleKey: string;
  status: SignupStatus;
  seq: number;
  byProxy: boolean;
  createdAt: string;
}

/** A member suggested for a role wanting a skill (only what their talent-pool visibility lets the organizer see). */
export interface SkillSuggestionView {
  memberId: string;
  name: string;
  building: string;
  /** Their skills the role wants. */
  skills: string[];
  /** Free at the event's time by their stated availability; null when they keep it from this organizer or gave none. */
  freeThen: boolean | null;
  /** The organizer already invited them to this event. */
  invited: boolean;
}

/** An event someone was invited to (by an organizer, from the skill suggestions), not yet answered by signing up. */
export interface InvitationView {
  event: EventSummaryView;
  roleKey: string;
  roleName: string;
  invitedBy: string;
}
