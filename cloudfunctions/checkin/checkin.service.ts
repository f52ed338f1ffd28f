import type { AttendanceCounts, ConfirmResult, PassView, ReviewView, ScanKind, ScanResult, StationAnswer, StationCounts } from '../../src/shared/domain/checkin';
import { pointsForService } from '../../src/shared/rules/points';
import { inShanghai } from '../../src/shared/time';
import { can } from '../_core/authorize';
import type { Caller } from '../_core/caller';
import { eventHandle, handleOf, passToken, readPassToken, readStationToken, sceneOf, stationToken, withEventId } from '../_core/checkin-token';
import { clock } from '../_core/clock';
import { withChairs, findPeople } from '../_core/council-chairs';
import { ensurePublishable } from '../_core/content-check';
import type { Identity } from '../_core/identity';
import { AppError } from '../_core/errors';
import { postEntry } from '../_core/ledger';
import { postedNow } from '../_core/posted-for';
import { wechat } from '../_core/ports/wechat';
import { rulesDoc, rulesIn } from '../_core/point-rules';
import {
  attendanceId,
  checkinOpensAt,
  tokenExpiry,
  toRow,
  toScanResult,
  windowAt,
  type AttendanceDoc,
  type CheckinEventDoc,
} from './checkin.model';
import * as q from './checkin.queries';
import { matchShortCode, shortCode, slotExpiry } from './short-code';

const WINDOW_ERRORS = { cancelled: 'CHECKIN.EVENT_CANCELLED', not_open: 'CHECKIN.NOT_OPEN', closed: 'CHECKIN.CLOSED' } as const;

function ensureWindowOpen(event: CheckinEventDoc, now: Date): void {
  const state = windowAt(event, now);
  if (state !== 'open') throw new AppError(WINDOW_ERRORS[state]);
}

/** The event in the caller's 居民区, or NOT_FOUND (ids of another 居民区 cannot be probed). One round trip. */
async function eventFor(caller: Caller, eventId: string): Promise<CheckinEventDoc> {
  const event = await q.findEvent(eventId);
  if (!event || !caller.communityId || event.communityId !== caller.communityId) throw new AppError('COMMON.NOT_FOUND');
  return event;
}

/**
 * May the caller run the station (`checkin.station`) or confirm (`checkin.confirm`)? The organizer always may, named
 * scanners may scan, the committee may; a council chair of the organizing council costs 1-2 round trips more.
 */
async function ensureStaff(caller: Caller, event: CheckinEventDoc, permission: 'checkin.station' | 'checkin.confirm'): Promise<void> {
  if (caller.memberId === event.organizerId) return;
  if (permission === 'checkin.station' && event.scannerIds.includes(caller.memberId)) return;
  const target = { communityId: event.communityId, councilId: event.councilId ?? null };
  if (can(caller, permission, target)) return;
  if (event.councilId) {
    const council = await q.findCouncil(event.councilId);
    if (council && can(await withChairs(caller, [council]), permission, target)) return;
  }
  throw new AppError('COMMON.FORBIDDEN');
}

function ensureSelf(caller: Caller): void {
  if (!can(caller, 'checkin.self', { memberId: caller.memberId, communityId: caller.communityId })) throw new AppError('COMMON.FORBIDDEN');
}

const tokenError = (reason: 'invalid' | 'expired') => new AppError(reason === 'expired' ? 'CHECKIN.TOKEN_EXPIRED' : 'CHECKIN.TOKEN_INVALID');

/**
 * Checks a member in (the first time stands) or out. The signed token already vouched for the event, its window and
 * walk-ins, so nothing here reads the event. Round trips: check-in 2 (sign-up, add), check-out 1 (conditional
 * update); plus 1 to read the standing time when it had already happened.
 */
async function record(input: {
  kind: ScanKind;
  event: { _id: string; title: string; communityId: string };
  member: { _id: string; name: string };
  signedUp: boolean | null;
  walkIns: boolean;
  nonce: string;
  by: string;
}): Promise<ScanResult> {
  const { kind, event, member, nonce } = input;
  const id = attendanceId(event._id, member._id);
  const now = clock().now();
  if (kind === 'out') {
    if (await q.checkOut(id, now, nonce, input.by)) return toScanResult('out', 'done', now, event, member.name);
    const doc = await q.findAttendance(id);
    if (!doc?.checkedInAt) throw new AppError('CHECKIN.NOT_CHECKED_IN');
    return toScanResult('out', doc.outNonce === nonce ? 'done' : 'already', doc.checkedOutAt!, event, member.name);
  }
  let signup: { roleKey: string } | null = null;
  if (input.signedUp === null) {
    const found = await q.findSignup(id);
    signup = found?.status === 'confirmed' ? found : null;
  } else if (input.signedUp) signup = { roleKey: '' };
  if (!signup && !input.walkIns) throw new AppError('CHECKIN.NOT_SIGNED_UP');
  const doc: AttendanceDoc = {
    _id: id,
    eventId: event._id,
    communityId: event.communityId,
    memberId: member._id,
    memberName: member.name,
    roleKey: signup?.roleKey || null,
    walkIn: !signup,
    checkedInAt: now,
    noShow: false,
    inNonce: nonce,
    inBy: input.by,
    checkedOutAt: null,
    outNonce: null,
    outBy: null,
  };
  if (await q.addAttendance(doc)) return toScanResult('in', 'done', now, event, member.name);
  const first = await q.findAttendance(id);
  // A no-show recorded by a confirmation already made: attendance is settled.
  if (!first?.checkedInAt) throw new AppError('CHECKIN.CLOSED');
  return toScanResult('in', first.inNonce === nonce ? 'done' : 'already', first.checkedInAt, event, member.name);
}

/**
 * A volunteer scanned the station. Round trips: caller 1 + check-in 2 (or check-out 1); +1 when it had already
 * happened; +1 for a long event id's scene-form code (its handle).
 */
export async function scan(caller: Caller, input: { token: string; nonce: string; eventId?: string }): Promise<ScanResult> {
  ensureSelf(caller);
  const token = await fullToken(input.token, caller.communityId!);
  const checked = readStationToken(token, caller.communityId!, clock().now());
  if (!checked.ok) throw tokenError(checked.reason);
  const { claims } = checked;
  if (input.eventId && input.eventId !== claims.eventId) throw new AppError('CHECKIN.WRONG_EVENT');
  // The title is not in the token (kept short for the mini-program code's scene): the page shows its own.
  return record({
    kind: claims.kind,
    event: { _id: claims.eventId, title: '', communityId: caller.communityId! },
    member: { _id: caller.memberId, name: caller.record?.name ?? '' },
    signedUp: null,
    walkIns: claims.walkIns,
    nonce: input.nonce,
    by: caller.memberId,
  });
}

/** Wrong short codes allowed per person, event and window: 5 in 10 minutes makes guessing 1 in ~30 million. */
export const MAX_WRONG = 5;
export const TRIES_WINDOW_MS = 10 * 60_000;

/**
 * A resident typed the station's 6-character code. Round trips: caller 1 + check-in 2, as a scan (the budget's 3).
 * A wrong code is counted once per request nonce, so a retried request never uses up a second try.
 * The lock after too many wrong codes is on the caller's own record, read anyway to know who calls, so a right code
 * costs nothing more; only a wrong code pays for its counting: the conditional increment 1 (+1 reading the count,
 * +1 inserting the window's first) and, when it used up the tries, 1 to lock. The lock covers every event until the
 * window ends, so trying codes at two events in turn does not lift it.
 */
export async function typeCode(caller: Caller, input: { eventId: string; code: string; nonce: string }): Promise<ScanResult> {
  ensureSelf(caller);
  const communityId = caller.communityId!;
  const now = clock().now();
  const locked = caller.record?.codeLockedUntil ? new Date(caller.record.codeLockedUntil) : null;
  if (locked && locked > now) throw tooManyTries(locked);
  const match = matchShortCode(input.code, input.eventId, communityId, now);
  if (!match) {
    const windowStart = Math.floor(now.getTime() / TRIES_WINDOW_MS) * TRIES_WINDOW_MS;
    const until = new Date(windowStart + TRIES_WINDOW_MS);
    const triesId = `tries:${input.eventId}:${caller.memberId}:${windowStart.toString(36)}`;
    const wrong = await q.countWrong({ _id: triesId, eventId: input.eventId, communityId, memberId: caller.memberId, until }, MAX_WRONG, input.nonce);
    if (wrong === null || wrong >= MAX_WRONG) await q.lockTyping(caller.memberId, until);
    if (wrong === null) throw tooManyTries(until);
    throw new AppError('CHECKIN.CODE_WRONG', { remaining: String(MAX_WRONG - wrong), retryAt: until.toISOString() });
  }
  return record({
    kind: match.kind,
    event: { _id: input.eventId, title: '', communityId },
    member: { _id: caller.memberId, name: caller.record?.name ?? '' },
    signedUp: null,
    walkIns: match.walkIns,
    nonce: input.nonce,
    by: caller.memberId,
  });
}

const tooManyTries = (until: Date) => new AppError('CHECKIN.TOO_MANY_TRIES', { retryAt: until.toISOString() });

/** The organizer scanned a pass. Round trips: caller 1 + event 1 + check-in 1 (the pass vouches for the sign-up). */
export async function scanPass(caller: Caller, input: { eventId: string; kind: ScanKind; token: string; nonce: string }): Promise<ScanResult> {
  const event = await eventFor(caller, input.eventId);
  await ensureStaff(caller, event, 'checkin.station');
  const now = clock().now();
  const checked = readPassToken(input.token, event.communityId, now);
  if (!checked.ok) throw tokenError(checked.reason);
  if (checked.claims.eventId !== event._id) throw new AppError('CHECKIN.WRONG_EVENT');
  ensureWindowOpen(event, now);
  return record({
    kind: input.kind,
    event,
    member: { _id: checked.claims.memberId, name: '' },
    signedUp: checked.claims.signedUp,
    walkIns: event.allowWalkIns,
    nonce: input.nonce,
    by: caller.memberId,
  });
}

/** The page a station code opens; it reads the token from `scene`. */
export const SCAN_PAGE = 'packages/checkin/pages/scan/index';
const MAX_SCENE = 32;

/**
 * The token as a mini-program code (an ordinary QR locally) opening the check-in page. A token over a scene's 32
 * characters goes in its scene form, naming the event by a short handle saved once (1 round trip, idempotent).
 */
async function codeImage(token: string, event: CheckinEventDoc): Promise<string | null> {
  let scene = token;
  if (token.length > MAX_SCENE) {
    scene = sceneOf(token);
    if (scene.length > MAX_SCENE) return null;
    await q.saveHandle({ _id: eventHandle(event._id), eventId: event._id, communityId: event.communityId });
  }
  const png = await wechat().miniProgramCode({ scene, page: SCAN_PAGE });
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** A scene-form token back to the full one: 1 round trip (only for codes scanned from a mini-program code). */
async function fullToken(token: string, communityId: string): Promise<string> {
  const handle = handleOf(token);
  if (!handle) return token;
  const doc = await q.findHandle(handle);
  if (!doc || doc.communityId !== communityId) throw new AppError('CHECKIN.TOKEN_INVALID');
  return withEventId(token, doc.eventId);
}

/** The live counts of an event: 4 counts sent at once (4 round trips, one wait). */
async function countsOf(eventId: string): Promise<AttendanceCounts> {
  const [expected, signedUpCame, came, left] = await Promise.all([
    q.countConfirmedSignups(eventId),
    q.countCame(eventId, true),
    q.countCame(eventId, false),
    q.countLeft(eventId),
  ]);
  return { expected, present: came - left, left, absent: Math.max(0, expected - signedUpCame), walkIns: came - signedUpCame };
}

/**
 * The station: the current code and the live counts; before check-in opens, when it opens (and the counts), so the
 * organizer who opens it early sees when to come back rather than an error. Round trips: caller 1 + event 1 + 4
 * counts (+1 saving a long event id's handle once).
 */
export async function station(caller: Caller, input: { eventId: string; kind: ScanKind }): Promise<StationAnswer> {
  const event = await eventFor(caller, input.eventId);
  await ensureStaff(caller, event, 'checkin.station');
  const now = clock().now();
  if (windowAt(event, now) === 'not_open') {
    const opensAt = checkinOpensAt(event).toISOString();
    return { state: 'not_open', eventId: event._id, title: event.title, kind: input.kind, opensAt, refreshAt: opensAt, counts: await countsOf(event._id) };
  }
  ensureWindowOpen(event, now);
  const { expiresAt, refreshAt } = tokenExpiry(event, now);
  const token = stationToken({ eventId: event._id, kind: input.kind, walkIns: event.allowWalkIns, expiresAt }, event.communityId);
  const counts = await countsOf(event._id);
  return {
    state: 'open',
    eventId: event._id,
    title: event.title,
    kind: input.kind,
    token,
    shortCode: shortCode({ eventId: event._id, kind: input.kind, walkIns: event.allowWalkIns, expiresAt: slotExpiry(now) }, event.communityId),
    image: await codeImage(token, event),
    expiresAt: expiresAt.toISOString(),
    refreshAt: refreshAt.toISOString(),
    counts,
  };
}

/**
 * The station's count alone, polled every few seconds apart from the code's rotation. Same permission as the
 * station. Round trips: caller 1 + event 1 + 4 counts (sent at once); +1-2 for a council chair.
 */
export async function counts(caller: Caller, input: { eventId: string }): Promise<StationCounts> {
  const event = await eventFor(caller, input.eventId);
  await ensureStaff(caller, event, 'checkin.station');
  return { eventId: event._id, counts: await countsOf(event._id), at: clock().now().toISOString() };
}

/** The caller's pass for one event. Round trips: caller 1 + event 1 + sign-up 1. */
export async function pass(caller: Caller, input: { eventId: string }): Promise<PassView> {
  ensureSelf(caller);
  const event = await eventFor(caller, input.eventId);
  const signup = await q.findSignup(attendanceId(event._id, caller.memberId));
  const signedUp = signup?.status === 'confirmed';
  const { expiresAt, refreshAt } = tokenExpiry(event, clock().now());
  const token = passToken({ eventId: event._id, memberId: caller.memberId, signedUp, expiresAt }, event.communityId);
  return { eventId: event._id, token, expiresAt: expiresAt.toISOString(), refreshAt: refreshAt.toISOString(), signedUp };
}

async function attendanceSheet(event: CheckinEventDoc) {
  const [signups, docs] = await Promise.all([q.confirmedSignups(event._id, 0), q.attendanceOf(event._id, 0)]);
  const byMember = new Map(docs.map((d) => [d.memberId, d]));
  const ids = [...new Set([...signups.map((s) => s.memberId), ...docs.map((d) => d.memberId)])];
  const people = await findPeople(ids);
  return { signups, byMember, ids, people };
}

/** Everyone signed up or come. Round trips: caller 1 + event 1 + sign-ups 1 + attendance 1 + names 1. */
export async function review(caller: Caller, input: { eventId: string }): Promise<ReviewView> {
  const event = await eventFor(caller, input.eventId);
  await ensureStaff(caller, event, 'checkin.confirm');
  const { byMember, ids, people } = await attendanceSheet(event);
  const rows = ids
    .map((id) => toRow(id, people.get(id)?.name ?? byMember.get(id)?.memberName ?? '', byMember.get(id), event))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return {
    eventId: event._id,
    title: event.title,
    ended: clock().now() >= event.endAt,
    confirmed: [...byMember.values()].some((d) => !!d.confirmedAt),
    rows,
  };
}

/**
 * Confirms in one step: adjustments are recorded with their reason, no-shows are recorded, and each attendance posts
 * its hours and points once (ledger key `event:<eventId>:<memberId>`), however often or concurrently confirmed.
 */
export async function confirm(
  caller: Caller,
  input: { eventId: string; adjustments: { memberId: string; halfHours: number; reason: string }[] },
  identity: Identity,
): Promise<ConfirmResult> {
  const event = await eventFor(caller, input.eventId);
  await ensureStaff(caller, event, 'checkin.confirm');
  // An adjustment's reason shows in the volunteer's ledger.
  await ensurePublishable(identity, input.adjustments.map((a) => a.reason));
  const now = clock().now();
  if (now < event.endAt) throw new AppError('CHECKIN.NOT_ENDED');
  const sheet = await attendanceSheet(event);
  for (const a of input.adjustments) {
    const doc = sheet.byMember.get(a.memberId);
    if (!doc || doc.confirmedAt) continue;
    await q.adjust(doc._id, a.halfHours, a.reason);
    sheet.byMember.set(a.memberId, { ...doc, adjustedHalfHours: a.halfHours, adjustReason: a.reason });
  }
  const rules = rulesIn(await rulesDoc(event.communityId));
  // The cap counts what the volunteer earned on the day they served, across events and duty shifts.
  const serviceDay = inShanghai(event.startAt).format('YYYY-MM-DD');
  let posted = 0;
  let served = 0;
  let noShows = 0;
  for (const id of sheet.ids) {
    const doc = sheet.byMember.get(id);
    const row = toRow(id, '', doc, event);
    if (!doc?.checkedInAt) {
      noShows += 1;
      await q.addNoShow({
        _id: attendanceId(event._id, id),
        eventId: event._id,
        communityId: event.communityId,
        memberId: id,
        memberName: sheet.people.get(id)?.name ?? '',
        roleKey: sheet.signups.find((s) => s.memberId === id)?.roleKey ?? null,
        walkIn: false,
        checkedInAt: null,
        noShow: true,
        inNonce: null,
        inBy: null,
        checkedOutAt: null,
        outNonce: null,
        outBy: null,
        confirmedAt: now,
      });
      continue;
    }
    if (row.halfHours > 0) {
      served += 1;
      const points = pointsForService(rules, { eventType: event.type, halfHours: row.halfHours, pointsAlreadyToday: 0 });
      const posting = { communityId: event.communityId, memberId: id, source: 'event' as const, sourceId: event._id };
      const result = await postEntry({
        key: `event:${event._id}:${id}`,
        ...posting,
        halfHours: row.halfHours,
        points,
        reason: event.title,
        by: caller.memberId,
        at: now,
      }, { dailyCap: { day: serviceDay, cap: rules.dailyCap } });
      // Counted (and the attendance marked confirmed) only when the entry is this member's for this event.
      if (postedNow(result, posting)) posted += 1;
    }
    await q.markConfirmed(doc._id, now);
  }
  return { posted, served, noShows };
}
