import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { learningActions } from '../../src/shared/actions/learning';
import { authorize, can } from '../_core/authorize';
import { clock } from '../_core/clock';
import { ensurePublishable } from '../_core/content-check';
import type { Identity } from '../_core/identity';
import { ensureImagesPublishable, imageFields } from '../_core/media-check';
import { AppError } from '../_core/errors';
import type { CallContext } from '../_core/router';
import { caseIdOf, type CaseDoc } from './learning.model';
import * as q from './learning.queries';
import { toCaseSummary, toCaseView, type Place } from './learning.views';
import { loadPlace } from './place';

type A = typeof learningActions;
type In<K extends keyof A> = ActionParsed<A[K]>;
type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;
type Fields = In<'createCase'>['case'];

const PAGE = 20;

const managesCases = (place: Place) => !!place.caller.streetId && can(place.caller, 'learning.manageCases', { streetId: place.caller.streetId });

/**
 * The 街道 admin of the case's 街道 only; a case of another 街道 answers as missing. Images a call left unsubmitted
 * are submitted first, so a retry, even one the version then refuses, finishes the check.
 */
async function managedCase(place: Place, identity: Identity, caseId: string, version: number): Promise<CaseDoc> {
  authorize(place.caller, 'learning.manageCases', { streetId: place.caller.streetId });
  const doc = await q.findCase(caseId);
  if (!doc || doc.streetId !== place.caller.streetId) throw new AppError('COMMON.NOT_FOUND');
  await ensureImagesPublishable(identity, 'caseImage', doc._id, doc.createdBy.memberId, doc.pendingImages, doc.updatedAt);
  if (doc.version !== version) throw new AppError('LEARNING.CHANGED');
  return doc;
}

/** The case's fields as stored; the 居民区 named must be one of the 街道's (one round trip). */
async function stored(place: Place, f: Fields): Promise<Pick<CaseDoc, 'title' | 'summary' | 'text' | 'tags' | 'source' | 'communityId' | 'communityName'>> {
  let communityName = '';
  if (f.communityId) {
    const community = await q.findCommunity(f.communityId);
    if (!community || community.streetId !== place.caller.streetId) throw new AppError('LEARNING.COMMUNITY_NOT_FOUND');
    communityName = community.name;
  }
  return { title: f.title, summary: f.summary, text: f.text, tags: f.tags, source: f.source, communityId: f.communityId, communityName };
}

const textsOf = (f: Fields) => [f.title, f.summary, f.text, f.source];

/** A draft case under an id from (author, request id): a retry answers the same one. Round trips: 2-3 + check + 1. */
export async function createCase(input: In<'createCase'>, { identity }: CallContext): Out<'createCase'> {
  const place = await loadPlace(identity);
  authorize(place.caller, 'learning.manageCases', { streetId: place.caller.streetId });
  const fields = await stored(place, input.case);
  await ensurePublishable(identity, textsOf(input.case));
  const now = clock().now();
  const doc: CaseDoc = {
    _id: caseIdOf(place.caller.memberId, input.requestId),
    streetId: place.caller.streetId!,
    ...fields,
    ...(imageFields('caseImage', null, input.case.images) as Pick<CaseDoc, 'images' | 'pendingImages' | 'refusedImages'>),
    published: false,
    publishedAt: null,
    version: 0,
    createdBy: { memberId: place.caller.memberId, name: place.caller.record?.name ?? '' },
    createdAt: now,
    updatedAt: now,
  };
  const saved = ((await q.insertCase(doc)) ? doc : await q.findCase(doc._id)) ?? doc;
  // Each image shows once its check passes; a retry submits what its first call left.
  await ensureImagesPublishable(identity, 'caseImage', saved._id, saved.createdBy.memberId, saved.pendingImages, saved.createdAt);
  return { case: toCaseView(saved, true) };
}

export async function updateCase(input: In<'updateCase'>, { identity }: CallContext): Out<'updateCase'> {
  const place = await loadPlace(identity);
  const doc = await managedCase(place, identity, input.caseId, input.version);
  const fields = await stored(place, input.case);
  await ensurePublishable(identity, textsOf(input.case));
  const now = clock().now();
  const patch = { ...fields, ...(imageFields('caseImage', doc, input.case.images) as Pick<CaseDoc, 'images' | 'pendingImages' | 'refusedImages'>), updatedAt: now };
  if (!(await q.updateCaseIf(doc._id, doc.version, patch))) throw new AppError('LEARNING.CHANGED');
  await ensureImagesPublishable(identity, 'caseImage', doc._id, doc.createdBy.memberId, patch.pendingImages, now);
  return { case: toCaseView({ ...doc, ...patch, version: doc.version + 1 }, true) };
}

/** Publishes or withdraws (one conditional write on the version); the same state again changes nothing. */
export async function publishCase(input: In<'publishCase'>, { identity }: CallContext): Out<'publishCase'> {
  const place = await loadPlace(identity);
  authorize(place.caller, 'learning.manageCases', { streetId: place.caller.streetId });
  const found = await q.findCase(input.caseId);
  if (!found || found.streetId !== place.caller.streetId) throw new AppError('COMMON.NOT_FOUND');
  if (found.published === input.published) return { case: toCaseView(found, true) };
  if (found.version !== input.version) throw new AppError('LEARNING.CHANGED');
  const doc = found;
  const now = clock().now();
  const patch = { published: input.published, publishedAt: input.published ? now : doc.publishedAt, updatedAt: now };
  if (!(await q.updateCaseIf(doc._id, doc.version, patch))) throw new AppError('LEARNING.CHANGED');
  return { case: toCaseView({ ...doc, ...patch, version: doc.version + 1 }, true) };
}

/** The caller's 街道's cases by tag and words. Round trips: 2 (caller, 居民区) + 1 (the page). */
export async function listCases(input: In<'listCases'>, { identity }: CallContext): Out<'listCases'> {
  const place = await loadPlace(identity);
  const drafts = managesCases(place);
  const streetId = drafts ? place.caller.streetId : place.streetId;
  if (!streetId || !(drafts || can(place.caller, 'learning.viewCases', { communityId: place.communityId }))) throw new AppError('COMMON.FORBIDDEN');
  const rows = await q.casesPage(streetId, { drafts, tag: input.tag, query: input.query }, (input.page - 1) * PAGE, PAGE + 1);
  return { items: rows.slice(0, PAGE).map(toCaseSummary), page: input.page, hasMore: rows.length > PAGE };
}

/** A published case of the caller's 街道 (drafts to its admin); anything else answers as missing. Round trips: 3. */
export async function getCase(input: In<'getCase'>, { identity }: CallContext): Out<'getCase'> {
  const place = await loadPlace(identity);
  const doc = await q.findCase(input.caseId);
  const manager = managesCases(place) && doc?.streetId === place.caller.streetId;
  const reader = !!doc && doc.published && doc.streetId === place.streetId && can(place.caller, 'learning.viewCases', { communityId: place.communityId });
  if (!doc || !(manager || reader)) throw new AppError('COMMON.NOT_FOUND');
  return { case: toCaseView(doc, manager) };
}
