import type { AttendanceRow, ScanKind, ScanResult } from '../../src/shared/domain/checkin';
import { halfHoursBetween } from '../../src/shared/rules/hours';

/** The fields of an event (`events`, owned by the events function) that check-in reads. */
export interface CheckinEventDoc {
  _id: string;
  communityId: string;
  title: string;
  type: string;
  startAt: Date;
  endAt: Date;
  allowWalkIns: boolean;
  checkinOpensMinutesBefore: number;
  checkinGraceMinutesAfter: number;
  organizerId: string;
  scannerIds: string[];
  status: 'published' | 'cancelled';
  councilId?: string;
}

/** The fields of a sign-up (`event_signups`, `_id` = eventId:memberId) that check-in reads. */
export interface CheckinSignupDoc {
  _id: string;
  eventId: string;
  communityId: string;
  memberId: string;
  roleKey: string;
  status: 'confirmed' | 'waiting' | 'cancelled';
}

/** One member at one event (`_id` = eventId:memberId): the first check-in and check-out stand. */
export interface AttendanceDoc {
  _id: string;
  eventId: string;
  communityId: string;
  memberId: string;
  memberName: string;
  roleKey: string | null;
  walkIn: boolean;
  /** Null for a no-show recorded at confirmation. */
  checkedInAt: Date | null;
  noShow: boolean;
  /** The scan's nonce: a retry of the same request answers `done` again. */
  inNonce: string | null;
  inBy: string | null;
  checkedOutAt: Date | null;
  outNonce: string | null;
  outBy: string | null;
  /** The organizer's adjustment, with its reason. */
  adjustedHalfHours?: number;
  adjustReason?: string;
  confirmedAt?: Date;
}

export const attendanceId = (eventId: string, memberId: string): string => `${eventId}:${memberId}`;

/** A station code lives for its 30-second slot and the next one, so a code scanned just before it changes still works. */
export const ROTATE_MS = 30_000;
export const TOKEN_LIFE_MS = 2 * ROTATE_MS;
const MINUTE = 60_000;

export function checkinOpensAt(event: CheckinEventDoc): Date {
  return new Date(event.startAt.getTime() - event.checkinOpensMinutesBefore * MINUTE);
}

export function checkinClosesAt(event: CheckinEventDoc): Date {
  return new Date(event.endAt.getTime() + event.checkinGraceMinutesAfter * MINUTE);
}

export type WindowState = 'cancelled' | 'not_open' | 'open' | 'closed';

export function windowAt(event: CheckinEventDoc, now: Date): WindowState {
  if (event.status === 'cancelled') return 'cancelled';
  if (now < checkinOpensAt(event)) return 'not_open';
  if (now >= checkinClosesAt(event)) return 'closed';
  return 'open';
}

/** A code expires at the end of the next 30-second slot, never after check-in closes. */
export function tokenExpiry(event: CheckinEventDoc, now: Date): { expiresAt: Date; refreshAt: Date } {
  const slotEnd = Math.floor(now.getTime() / ROTATE_MS) * ROTATE_MS + ROTATE_MS;
  const expiresAt = new Date(Math.min(slotEnd + ROTATE_MS, checkinClosesAt(event).getTime()));
  return { expiresAt, refreshAt: new Date(Math.min(slotEnd, expiresAt.getTime())) };
}

export function toScanResult(kind: ScanKind, outcome: 'done' | 'already', at: Date, event: { _id: string; title: string }, memberName: string): ScanResult {
  return { kind, outcome, at: at.toISOString(), eventId: event._id, eventTitle: event.title, memberName };
}

/** Hours that confirmation posts: the organizer's adjustment, or derived from check-in and check-out. */
export function derivedHalfHours(doc: AttendanceDoc | undefined, event: CheckinEventDoc): number {
  if (!doc?.checkedInAt) return 0;
  // Someone who never checked out served until the event's end (not the grace period).
  const out = doc.checkedOutAt ?? (doc.checkedInAt < event.endAt ? event.endAt : doc.checkedInAt);
  return halfHoursBetween(doc.checkedInAt, out);
}

export function toRow(memberId: string, name: string, doc: AttendanceDoc | undefined, event: CheckinEventDoc): AttendanceRow {
  const derived = derivedHalfHours(doc, event);
  return {
    memberId,
    name,
    status: !doc?.checkedInAt ? 'absent' : doc.checkedOutAt ? 'left' : 'present',
    checkedInAt: doc?.checkedInAt?.toISOString() ?? null,
    checkedOutAt: doc?.checkedOutAt?.toISOString() ?? null,
    walkIn: doc?.walkIn ?? false,
    derivedHalfHours: derived,
    halfHours: doc?.adjustedHalfHours ?? derived,
    adjustReason: doc?.adjustReason ?? null,
  };
}
