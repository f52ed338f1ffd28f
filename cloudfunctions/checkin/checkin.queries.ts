import { COLLECTIONS } from '../_core/collections';
import { command, getDb, insertOnce } from '../_core/db';
import type { CouncilDoc } from '../_core/council-chairs';
import type { AttendanceDoc, CheckinEventDoc, CheckinSignupDoc } from './checkin.model';

/** Each function here is one database round trip. */

export async function findEvent(eventId: string): Promise<CheckinEventDoc | null> {
  const res = await getDb().collection(COLLECTIONS.events).doc(eventId).get();
  return (res.data?.[0] as CheckinEventDoc | undefined) ?? null;
}

/** A station handle: which event a scene-form code names. */
export interface HandleDoc {
  _id: string;
  eventId: string;
  communityId: string;
}

/** Idempotent: the same event always writes the same handle document. */
export async function saveHandle(doc: HandleDoc): Promise<void> {
  const { _id, ...fields } = doc;
  await getDb().collection(COLLECTIONS.checkinCodes).doc(_id).set(fields);
}

export async function findHandle(handle: string): Promise<HandleDoc | null> {
  const res = await getDb().collection(COLLECTIONS.checkinCodes).doc(handle).get();
  return (res.data?.[0] as HandleDoc | undefined) ?? null;
}

export async function findSignup(id: string): Promise<CheckinSignupDoc | null> {
  const res = await getDb().collection(COLLECTIONS.eventSignups).doc(id).get();
  return (res.data?.[0] as CheckinSignupDoc | undefined) ?? null;
}

export async function findAttendance(id: string): Promise<AttendanceDoc | null> {
  const res = await getDb().collection(COLLECTIONS.attendance).doc(id).get();
  return (res.data?.[0] as AttendanceDoc | undefined) ?? null;
}

/** Creates the check-in; false when it already exists (the first check-in stands). */
export function addAttendance(doc: AttendanceDoc): Promise<boolean> {
  return insertOnce(COLLECTIONS.attendance, doc);
}

/** Sets the check-out once: only for someone who checked in (not a recorded no-show) and has none yet. */
export async function checkOut(id: string, at: Date, nonce: string, by: string): Promise<boolean> {
  const _ = command();
  const res = await getDb()
    .collection(COLLECTIONS.attendance)
    .where({ _id: id, noShow: false, checkedOutAt: _.eq(null) })
    .update({ checkedOutAt: at, outNonce: nonce, outBy: by });
  return (res.updated ?? 0) > 0;
}

/** Who came: every check-in, and those of them who signed up (walk-ins are the difference). */
export async function countCame(eventId: string, signedUpOnly: boolean): Promise<number> {
  const where = signedUpOnly ? { eventId, noShow: false, walkIn: false } : { eventId, noShow: false };
  const res = await getDb().collection(COLLECTIONS.attendance).where(where).count();
  return res.total ?? 0;
}

/** Who has checked out. */
export async function countLeft(eventId: string): Promise<number> {
  const res = await getDb().collection(COLLECTIONS.attendance).where({ eventId, noShow: false, checkedOutAt: command().neq(null) }).count();
  return res.total ?? 0;
}

export async function countConfirmedSignups(eventId: string): Promise<number> {
  const res = await getDb().collection(COLLECTIONS.eventSignups).where({ eventId, status: 'confirmed' }).count();
  return res.total ?? 0;
}

const MAX_READ = 1000;

/** One page of up to 1000 (the SDK's limit); events have far fewer people than that. */
export async function findCouncil(councilId: string): Promise<CouncilDoc | null> {
  const res = await getDb().collection(COLLECTIONS.councils).doc(councilId).get();
  return (res.data?.[0] as CouncilDoc | undefined) ?? null;
}

/** Records a signed-up member who never came; an existing attendance is left alone. */
export async function addNoShow(doc: AttendanceDoc): Promise<void> {
  await addAttendance(doc);
}

export async function confirmedSignups(eventId: string, skip: number): Promise<CheckinSignupDoc[]> {
  const res = await getDb()
    .collection(COLLECTIONS.eventSignups)
    .where({ eventId, status: 'confirmed' })
    .orderBy('_id', 'asc')
    .skip(skip)
    .limit(MAX_READ)
    .get();
  return res.data as CheckinSignupDoc[];
}

export async function attendanceOf(eventId: string, skip: number): Promise<AttendanceDoc[]> {
  const res = await getDb().collection(COLLECTIONS.attendance).where({ eventId }).orderBy('_id', 'asc').skip(skip).limit(MAX_READ).get();
  return res.data as AttendanceDoc[];
}

/** Records the organizer's adjustment (before confirmation only). */
export async function adjust(id: string, halfHours: number, reason: string): Promise<void> {
  const _ = command();
  await getDb().collection(COLLECTIONS.attendance).where({ _id: id, confirmedAt: _.exists(false) }).update({ adjustedHalfHours: halfHours, adjustReason: reason });
}

/** Marks one attendance confirmed; the ledger key makes the posting itself once-only. */
export async function markConfirmed(id: string, at: Date): Promise<void> {
  const _ = command();
  await getDb().collection(COLLECTIONS.attendance).where({ _id: id, confirmedAt: _.exists(false) }).update({ confirmedAt: at });
}

/** Wrong short codes of one person at one event in one 10-minute window (`_id` names all three). */
export interface TriesDoc {
  _id: string;
  eventId: string;
  communityId: string;
  memberId: string;
  wrong: number;
  until: Date;
  /** The request nonces counted, in order: a retried request is counted once. */
  nonces?: string[];
}

export async function findTries(id: string): Promise<TriesDoc | null> {
  const res = await getDb().collection(COLLECTIONS.checkinCodes).doc(id).get();
  return (res.data?.[0] as TriesDoc | undefined) ?? null;
}

/**
 * Counts one wrong code, never past `limit` and once per request `nonce`: a conditional increment that records the
 * nonce it counts (its write falsifies its own guard, so concurrent guesses each take one of the remaining tries or
 * none, and a retried request none), the first of a window inserted. The count after this request's, or null when
 * the limit was reached before it.
 */
export async function countWrong(doc: Omit<TriesDoc, 'wrong' | 'nonces'>, limit: number, nonce: string): Promise<number | null> {
  const _ = command();
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const res = await getDb()
      .collection(COLLECTIONS.checkinCodes)
      .where({ _id: doc._id, wrong: _.lt(limit), nonces: _.neq(nonce) })
      .update({ wrong: _.inc(1), nonces: _.push([nonce]) });
    if ((res.updated ?? 0) > 0) return (await findTries(doc._id))?.wrong ?? limit;
    if (await insertOnce(COLLECTIONS.checkinCodes, { ...doc, wrong: 1, nonces: [nonce] })) return 1;
    const now = await findTries(doc._id);
    // This request was counted already (a retry): the count it made.
    const at = now?.nonces?.indexOf(nonce) ?? -1;
    if (at >= 0) return at + 1;
    if (now && now.wrong >= limit) return null;
  }
  return null;
}

/** Refuses typed codes from this member until `until` (set when their wrong codes used up the tries; idempotent). */
export async function lockTyping(memberId: string, until: Date): Promise<void> {
  await getDb().collection(COLLECTIONS.members).doc(memberId).update({ codeLockedUntil: until });
}
