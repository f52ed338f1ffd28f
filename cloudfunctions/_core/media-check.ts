import tcb from '@cloudbase/node-sdk';
import { createHash } from 'crypto';
import type { ImageReview } from '../../src/shared/domain/media';
import { COLLECTIONS } from './collections';
import { command, getDb, insertOnce } from './db';
import type { Identity } from './identity';
import { wechat } from './ports/wechat';
import { inTransaction } from './transaction';

/**
 * The image check (WeChat's mediaCheckAsync). A document that shows images keeps its approved ones in its own field
 * and the ones still being checked in `pendingImages`, so every step is a single-document conditional update:
 * - a save puts the newly added images in `pendingImages` (with the document's own write), then records a check per
 *   image (`media_checks`, `_id` from slot, document and file) BEFORE asking the platform, then stores the trace id;
 * - the platform's verdict (a `wxa_media_check` push to the media function) moves the image from `pendingImages` into
 *   the field (pass) or drops it and counts it in `refusedImages` (refused), only while it is still pending there.
 * A retried save finishes what its first call left (a check recorded but never submitted), and re-applies a verdict
 * already known for an image the owner added again, so an edit racing a verdict cannot leave an image pending.
 * A refused image's file is deleted from cloud storage. The media function's timer (resubmitStaleChecks) sees that
 * no image stays under check for ever.
 */

/** Where checked images live: the document's collection and field, one image or a list. */
export const IMAGE_SLOTS = {
  notice: { collection: COLLECTIONS.notices, field: 'images', many: true, none: null },
  eventCover: { collection: COLLECTIONS.events, field: 'cover', many: false, none: '' },
  cabinItemPhoto: { collection: COLLECTIONS.cabinItems, field: 'photo', many: false, none: null },
  donationPhoto: { collection: COLLECTIONS.cabinDonations, field: 'photo', many: false, none: null },
  rewardPhoto: { collection: COLLECTIONS.shopRewards, field: 'photoUrl', many: false, none: null },
  honourPhoto: { collection: COLLECTIONS.honours, field: 'photoUrl', many: false, none: null },
  /** Every photo of a report (the filing's, visits', the result's): a step shows those of its photos that passed. */
  reportPhoto: { collection: COLLECTIONS.reports, field: 'photos', many: true, none: null },
  /** A proposal's photos (up to 6). */
  proposalPhoto: { collection: COLLECTIONS.proposals, field: 'photos', many: true, none: null },
  /** A course's cover and its lessons' images, approved ones in `approvedImages` (a lesson shows those of its images there). */
  courseImage: { collection: COLLECTIONS.courses, field: 'approvedImages', many: true, none: null },
  /** A case's images (优秀案例). */
  caseImage: { collection: COLLECTIONS.learningCases, field: 'images', many: true, none: null },
  /** A project progress update's photos, before and after alike: each list shows those of its photos that passed. */
  progressPhoto: { collection: COLLECTIONS.projectUpdates, field: 'photos', many: true, none: null },
} as const;

export type ImageSlot = keyof typeof IMAGE_SLOTS;

/**
 * submitting: recorded, not (known to be) with the platform; checking: the platform has it under `traceId`;
 * passed / refused: the verdict; expired: the timer gave up waiting (the image was removed, as if refused, but a save
 * that adds it again checks it afresh).
 */
export type CheckState = 'submitting' | 'checking' | 'passed' | 'refused' | 'expired';

/** `media_checks`: one image of one document, from the save that added it to the platform's verdict. */
export interface MediaCheckDoc {
  _id: string;
  slot: ImageSlot;
  docId: string;
  fileId: string;
  /** The member who added it. */
  ownerId: string;
  /** The platform's id for the check; null until it answered. Never sent to a client. */
  traceId: string | null;
  state: CheckState;
  /** The platform's label for a refusal (e.g. 20002 porn), kept for the committee's questions. */
  label: number | null;
  createdAt: Date;
  decidedAt: Date | null;
  /** When it was last handed to the platform (or recorded for that); the timer resubmits what waits too long. */
  submittedAt?: Date;
  /** How many times it was handed to the platform (counted before each call, so a crash still counts). */
  attempts?: number;
}

export const checkIdOf = (slot: ImageSlot, docId: string, fileId: string): string =>
  createHash('sha256').update(`${slot}\n${docId}\n${fileId}`).digest('hex').slice(0, 32);

const checks = () => getDb().collection(COLLECTIONS.mediaChecks);

/** The images of a document as stored: approved (its field) and pending. Missing fields are from before the check. */
export function storedImages(slot: ImageSlot, stored: object | null): { approved: string[]; pending: string[] } {
  if (!stored) return { approved: [], pending: [] };
  const doc = stored as Record<string, unknown>;
  const value = doc[IMAGE_SLOTS[slot].field];
  const approved = Array.isArray(value) ? (value as string[]) : typeof value === 'string' && value ? [value] : [];
  return { approved, pending: Array.isArray(doc.pendingImages) ? (doc.pendingImages as string[]) : [] };
}

/**
 * What a save stores for the images the owner wants now (in their order): those already approved stay shown, every
 * other one waits for the check. Answers the document fields to write (the slot's field, pendingImages, and the
 * refusal note reset, since the owner has now seen the form).
 */
export function imageFields(slot: ImageSlot, current: object | null, wanted: readonly string[]): Record<string, unknown> & ImageReview {
  const def = IMAGE_SLOTS[slot];
  const { approved } = storedImages(slot, current);
  const unique = [...new Set(wanted.filter(Boolean))];
  const shown = unique.filter((f) => approved.includes(f));
  const pending = unique.filter((f) => !approved.includes(f));
  return { [def.field]: def.many ? shown : (shown[0] ?? def.none), pendingImages: pending, refusedImages: 0 };
}

/** The owner's (and managers') view of a document's checks; others get none. */
export function imageReviewOf(doc: Partial<ImageReview> | null, visible: boolean): ImageReview {
  return visible && doc ? { pendingImages: doc.pendingImages ?? [], refusedImages: doc.refusedImages ?? 0 } : { pendingImages: [], refusedImages: 0 };
}

/**
 * Submits the document's pending images for checking (call it after the document's write, and again on a retry: it
 * submits only what is not yet with the platform). Round trips: 1 (their checks) + per new image 1 (record) + the
 * platform call + 1 (trace id); an image with a known verdict 1 (apply it).
 */
export async function ensureImagesPublishable(identity: Identity, slot: ImageSlot, docId: string, ownerId: string, pending: readonly string[], now: Date): Promise<void> {
  if (pending.length === 0) return;
  const ids = pending.map((f) => checkIdOf(slot, docId, f));
  const res = await checks()
    .where({ _id: command().in(ids) })
    .limit(ids.length)
    .get();
  const known = new Map((res.data as MediaCheckDoc[]).map((c) => [c._id, c]));
  for (const [i, fileId] of pending.entries()) {
    const id = ids[i]!;
    let check = known.get(id);
    if (!check) {
      check = { _id: id, slot, docId, fileId, ownerId, traceId: null, state: 'submitting', label: null, createdAt: now, decidedAt: null, submittedAt: now, attempts: 1 };
      // Recorded before the platform call, so a crash after it leaves a trace to finish on the retry (or the timer).
      await insertOnce(COLLECTIONS.mediaChecks, check);
    } else if (check.state === 'expired') {
      // The timer gave up on it once; the owner added it again, so it is checked afresh.
      const res = await checks()
        .where({ _id: id, state: 'expired' })
        .update({ state: 'submitting', traceId: null, submittedAt: now, attempts: 1, decidedAt: null });
      if (res.updated === 1) check = { ...check, state: 'submitting' };
    }
    if (check.state === 'submitting') {
      const { traceId } = await wechat().checkImage({ openid: identity.openid, fileId });
      await checks()
        .where({ _id: id, state: 'submitting' })
        .update({ traceId, state: 'checking' });
    } else if (check.state === 'passed' || check.state === 'refused') {
      await applyVerdict(check, check.state === 'passed');
    }
  }
}

/** Moves one pending image into view (pass) or out with a note (refused), only while it is still pending. */
async function applyVerdict(check: Pick<MediaCheckDoc, 'slot' | 'docId' | 'fileId'>, pass: boolean): Promise<boolean> {
  const def = IMAGE_SLOTS[check.slot];
  if (!def) return false;
  const _ = command();
  const patch: Record<string, unknown> = pass
    ? { pendingImages: _.pull(check.fileId), [def.field]: def.many ? _.push([check.fileId]) : check.fileId }
    : { pendingImages: _.pull(check.fileId), refusedImages: _.inc(1) };
  const res = await getDb()
    .collection(def.collection)
    .where({ _id: check.docId, pendingImages: check.fileId })
    .update(patch);
  return res.updated === 1;
}

export interface MediaCheckPush {
  traceId: string;
  /** pass, or risky / review (anything but pass keeps the image from other residents). */
  suggest: string;
  label: number | null;
}

/** The verdict in a `wxa_media_check` push (version 2); null for a message of another shape. */
export function parseMediaCheckPush(message: Record<string, unknown>): MediaCheckPush | null {
  const traceId = message.trace_id;
  const result = message.result as { suggest?: unknown; label?: unknown } | undefined;
  if (typeof traceId !== 'string' || !traceId || traceId.length > 128) return null;
  if (!result || typeof result !== 'object' || typeof result.suggest !== 'string') return null;
  return { traceId, suggest: result.suggest, label: typeof result.label === 'number' ? result.label : null };
}

/**
 * Applies a verdict to the image its trace id names. An unknown trace id changes nothing; a repeated push changes
 * nothing twice (the document moves only while the image is pending, the check only while it is checking). Round
 * trips: 1 (the check) + 1 (the document) + 1 (the check's state).
 */
export async function receiveVerdict(push: MediaCheckPush, now: Date): Promise<{ applied: number; unknown: number }> {
  const res = await checks().where({ traceId: push.traceId }).limit(1).get();
  const check = (res.data as MediaCheckDoc[])[0];
  if (!check) return { applied: 0, unknown: 1 };
  const pass = check.state === 'checking' ? push.suggest === 'pass' : check.state === 'passed';
  const applied = await applyVerdict(check, pass);
  if (check.state === 'checking') {
    await checks()
      .where({ _id: check._id, state: 'checking', traceId: push.traceId })
      .update({ state: pass ? 'passed' : 'refused', label: pass ? null : push.label, decidedAt: now });
  }
  // A repeated push deletes again: the first may have died before it got there (deleting a missing file is no error).
  if (!pass) await deleteStoredFile(check.fileId);
  return { applied: applied ? 1 : 0, unknown: 0 };
}

let app: ReturnType<typeof tcb.init> | undefined;

/**
 * Deletes a refused image from cloud storage (node-sdk deleteFile, one call). Only our own storage's fileIDs: an
 * https address is someone else's file. A file already gone is not an error.
 */
export async function deleteStoredFile(fileId: string): Promise<boolean> {
  if (!fileId.startsWith('cloud://')) return false;
  app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
  const res = (await app.deleteFile({ fileList: [fileId] })) as { code?: string; message?: string; fileList?: { code: string }[] };
  if (res.code) throw new Error(`deleteFile ${fileId}: ${res.code} ${res.message ?? ''}`);
  return res.fileList?.[0]?.code === 'SUCCESS';
}

/**
 * Gives up on one check: the check becomes `expired` and the image leaves its document (as a refusal), in one
 * transaction. Why: as two writes, a run that died after marking the check expired left the image pending for ever
 * (the next run no longer sees an expired check), found by the crash matrix. Guarded on the state and count the
 * check was read with, so a verdict or another run in between wins. Round trips: 6 (start, 2 reads, 2 writes, commit).
 */
async function expireCheck(check: MediaCheckDoc, now: Date): Promise<boolean> {
  const def = IMAGE_SLOTS[check.slot];
  const _ = command();
  return inTransaction(async (tx) => {
    const ref = tx.collection(COLLECTIONS.mediaChecks).doc(check._id);
    const current = (await ref.get()).data as MediaCheckDoc | null;
    if (!current || current.state !== check.state || current.attempts !== check.attempts) return false;
    await ref.update({ state: 'expired', traceId: null, decidedAt: now });
    if (def) {
      const owner = tx.collection(def.collection).doc(check.docId);
      const doc = (await owner.get()).data as { pendingImages?: string[] } | null;
      if (doc?.pendingImages?.includes(check.fileId)) await owner.update({ pendingImages: _.pull(check.fileId), refusedImages: _.inc(1) });
    }
    return true;
  });
}

/** How long a check may wait for its verdict before the timer hands it to the platform again. */
export const STALE_CHECK_MS = 30 * 60_000;
/** Submissions of one image (the save's and the timer's) before the timer gives up on it. */
export const MAX_CHECK_ATTEMPTS = 3;
/** Checks the timer handles per run (each costs up to 3 round trips and a platform call). */
const STALE_BATCH = 10;

/**
 * The media function's timer. The rule: a check still without a verdict (submitting or checking) STALE_CHECK_MS
 * after it was last handed to the platform is handed over again under a new trace id, the old one cleared first so
 * a late push for it changes nothing (it is then unknown); that covers a save that died after the platform call but
 * before the trace id was stored (a check recorded, no trace id) and a push that never came. After
 * MAX_CHECK_ATTEMPTS submissions the timer gives up: the image is removed from its document with the owner's note
 * (counted in refusedImages like a refusal) and the check is `expired`, so adding the image again checks it afresh.
 * The file itself stays (it was never judged). Round trips: 1 (the stale checks) + 1 (their owners) + per check
 * 2 (claim, trace id) and a platform call, or 6 (expireCheck's transaction) to give up.
 */
export async function resubmitStaleChecks(now: Date): Promise<{ resubmitted: number; expired: number; failed: number }> {
  const _ = command();
  const cutoff = new Date(now.getTime() - STALE_CHECK_MS);
  const res = await checks()
    .where({ state: _.in(['submitting', 'checking']), submittedAt: _.lt(cutoff) })
    // No order needed: each one handled leaves the stale set (submittedAt moves on, or it expires), so none starves.
    .limit(STALE_BATCH)
    .get();
  const stale = res.data as MediaCheckDoc[];
  const counts = { resubmitted: 0, expired: 0, failed: 0 };
  if (!stale.length) return counts;
  const owners = [...new Set(stale.map((c) => c.ownerId))];
  const members = await getDb()
    .collection(COLLECTIONS.members)
    .where({ _id: _.in(owners) })
    .field({ _id: true, openid: true })
    .limit(owners.length)
    .get();
  const openidOf = new Map((members.data as { _id: string; openid?: string | null }[]).map((m) => [m._id, m.openid ?? null]));
  for (const check of stale) {
    const attempts = check.attempts ?? 1;
    // Claimed on the state and the count it was read with: a verdict or another run in between wins.
    const guard = { _id: check._id, state: check.state, attempts: check.attempts === undefined ? _.exists(false) : attempts };
    const openid = openidOf.get(check.ownerId) ?? null;
    if (attempts >= MAX_CHECK_ATTEMPTS || !openid) {
      if (await expireCheck(check, now)) counts.expired += 1;
      continue;
    }
    const claimed = await checks()
      .where(guard)
      .update({ state: 'submitting', traceId: null, submittedAt: now, attempts: attempts + 1 });
    if (claimed.updated !== 1) continue;
    try {
      const { traceId } = await wechat().checkImage({ openid, fileId: check.fileId });
      await checks()
        .where({ _id: check._id, state: 'submitting', attempts: attempts + 1 })
        .update({ traceId, state: 'checking' });
      counts.resubmitted += 1;
    } catch (err) {
      // Left submitting with the attempt counted: the next run after STALE_CHECK_MS tries again or gives up.
      console.error('[media] resubmitting an image check failed', err);
      counts.failed += 1;
    }
  }
  return counts;
}
