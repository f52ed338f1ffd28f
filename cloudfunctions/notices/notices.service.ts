import { GRID_COLOUR_LABELS, GRID_COLOURS } from '../../src/shared/domain/grid';
import { audienceKeysOf, memberKeysOf } from '../../src/shared/rules/notice-audience';
import { authorize, can, ensureSameCommunity } from '../_core/authorize';
import { loadCaller, type Caller } from '../_core/caller';
import { clock } from '../_core/clock';
import { COLLECTIONS } from '../_core/collections';
import { ensurePublishable } from '../_core/content-check';
import { ensureImagesPublishable, imageFields } from '../_core/media-check';
import { withChairs } from '../_core/council-chairs';
import { command } from '../_core/db';
import { oneOffOwner } from '../_core/message-outbox';
import { AppError } from '../_core/errors';
import { memberIdFor, type Identity } from '../_core/identity';
import type { CallContext } from '../_core/router';
import { authorizeTarget, callerTargeted, canManage, opengidFrom, seesColour } from './access';
import * as m from './notices.model';
import * as q from './notices.queries';
import type { In, Out } from './notices.types';
import { deliveriesOf } from './outbox';
import { deliverPublished, publish } from './publishing';

/** The writer's side of notices (targets, write, publish) and the resident's (list, open). */

type Fields = In<'create'>['notice'];
type Schedule = In<'create'>['publish'];

const UNPUBLISHED = ['draft', 'scheduled'];

/** Round trips: 1 (caller) + 2 (grids, councils) + up to 2 for a council chair. */
export async function targets(_input: In<'targets'>, { identity }: CallContext): Out<'targets'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'notices.view', { communityId: caller.communityId });
  const communityId = caller.communityId!;
  const [grids, councils] = await Promise.all([q.gridsOf(communityId), q.councilsOf(communityId)]);
  const active = councils.filter((c) => c.active);
  const chair = caller.roles.includes('committee') ? caller : await withChairs(caller, active);
  const may = (gridId?: string) => can(caller, 'notices.publish', { communityId, gridId });
  const mayColour = (gridId?: string) => may(gridId) && can(caller, 'grids.viewColour', { communityId, gridId });
  const colourGridIds = grids.filter((g) => mayColour(g._id)).map((g) => g._id);
  const colourWholeCommunity = mayColour();
  return {
    community: may(),
    grids: grids.filter((g) => may(g._id)).map((g) => ({ id: g._id, name: g.name })),
    councils: active.filter((c) => can(chair, 'notices.publish', { communityId, councilId: c._id })).map((c) => ({ id: c._id, name: c.name })),
    colours: colourWholeCommunity || colourGridIds.length ? GRID_COLOURS.map((colour) => ({ colour, label: `${GRID_COLOUR_LABELS[colour]}色` })) : [],
    colourGridIds,
    colourWholeCommunity,
  };
}

/** Whether the caller may write notices at all: grid leaders, the committee, and whoever chairs a council now. */
async function canWrite(caller: Caller): Promise<boolean> {
  if (caller.roles.includes('committee') || caller.roles.includes('grid_leader')) return true;
  const councilIds = caller.record?.councilIds ?? [];
  if (councilIds.length === 0) return false;
  const chair = await withChairs(caller, await q.byIds(COLLECTIONS.councils, councilIds));
  return chair.chairCouncilIds.length > 0;
}

/** Round trips: 1 (caller) + 1 (their colour) + 1 (the page with their receipts joined), + up to 2 for a council member. */
export async function list(input: In<'list'>, { identity }: CallContext): Out<'list'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'notices.view', { communityId: caller.communityId });
  const record = caller.record!;
  const [colour, writer] = await Promise.all([q.colourOf(caller.memberId), canWrite(caller)]);
  const keys = memberKeysOf({ gridId: record.gridId, councilIds: record.councilIds ?? [], colour });
  const { rows, hasMore } = await q.residentPage(caller.communityId!, caller.memberId, keys, input.page);
  const now = clock().now();
  const managedIds = rows.filter((doc) => canManage(caller, doc)).map((doc) => doc._id);
  const counted = await q.tallies(managedIds);
  const items = rows.map((doc) =>
    m.toSummary(doc, now, m.toMyReceipt(doc.r[0]), managedIds.includes(doc._id) ? (counted.get(doc._id) ?? m.EMPTY_TALLY) : null, seesColour(caller, doc)),
  );
  return { items, page: input.page, hasMore, canWrite: writer };
}

/** Round trips: 1 (caller) + 1 (the page). */
export async function managed(input: In<'managed'>, { identity }: CallContext): Out<'managed'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'notices.manage', { communityId: caller.communityId, memberId: caller.memberId });
  const all = can(caller, 'notices.manage', { communityId: caller.communityId, memberId: null });
  const { rows, hasMore } = await q.managedPage(caller.communityId!, all ? null : caller.memberId, input.page);
  const now = clock().now();
  const counted = await q.tallies(rows.map((doc) => doc._id));
  return { items: rows.map((doc) => m.toSummary(doc, now, null, counted.get(doc._id) ?? m.EMPTY_TALLY, seesColour(caller, doc))), page: input.page, hasMore };
}

/**
 * Records that the caller opened a published notice: a receipt once per (notice, resident), its bound group once
 * per (notice, resident, group). Each is one write that decides itself (an insert under a derived id, a push guarded
 * by `_.neq`), and every count is taken from the receipts when shown, so 500 concurrent opens count 500 and a call
 * that dies between writes counts nothing twice or never. Round trips: 1 (insert); a first read in a group +1 (its
 * name); a repeat open in a new group 1.
 */
async function recordRead(
  caller: Caller,
  notice: m.NoticeDoc,
  existing: m.ReceiptDoc | null,
  group: m.GroupDoc | null,
  now: Date,
): Promise<m.ReceiptDoc> {
  const id = m.receiptIdOf(notice._id, caller.memberId);
  // The name goes first: a call that dies after it leaves a name and no read, which the retry completes.
  if (group && notice.groupNames?.[group._id] !== group.name) await q.keepGroupName(notice._id, group._id, group.name);
  if (!existing) {
    const targeted = await callerTargeted(caller, notice);
    const doc: m.ReceiptDoc = {
      _id: id,
      noticeId: notice._id,
      communityId: notice.communityId,
      memberId: caller.memberId,
      targeted,
      state: 'read',
      readAt: now,
      groupIds: group ? [group._id] : [],
      elsewhere: !group,
      confirmedAt: null,
      reply: null,
    };
    if (await q.insertReceipt(doc)) return doc;
    existing = await q.findReceipt(id);
    if (!existing) throw new AppError('COMMON.BUSY');
  }
  if (group && !existing.groupIds.includes(group._id) && (await q.addReceiptGroup(id, group._id))) {
    return { ...existing, groupIds: [...existing.groupIds, group._id] };
  }
  return existing;
}

/**
 * Round trips: 1 (caller, notice, own receipt and the group, at once) + the read (0-2, +1 for a colour group) +
 * 1 for a manager (robot deliveries).
 */
export async function open(input: In<'open'>, { identity, event }: CallContext): Out<'open'> {
  // The group's CloudID is resolved by the platform alongside the first reads.
  const [caller, found, receipt, group] = await Promise.all([
    loadCaller(identity),
    q.findNotice(input.noticeId),
    q.findReceipt(m.receiptIdOf(input.noticeId, memberIdFor(identity))),
    opengidFrom(event, identity).then((opengid) => (opengid ? q.byId<m.GroupDoc>(COLLECTIONS.noticeGroups, m.groupIdOf(opengid)) : null)),
  ]);
  authorize(caller, 'notices.view', { communityId: caller.communityId });
  const notice = ensureSameCommunity(caller, found);
  const manager = canManage(caller, notice);
  const now = clock().now();
  let mine: m.ReceiptDoc | null = receipt?.memberId === caller.memberId ? receipt : null;
  if (notice.status !== 'published') {
    if (!manager) throw new AppError('COMMON.NOT_FOUND');
  } else {
    mine = await recordRead(caller, notice, mine, group?.communityId === notice.communityId ? group : null, now);
  }
  const [deliveries, reads] = manager ? await Promise.all([deliveriesOf(notice._id), q.readsOf(notice._id)]) : [[], null];
  return {
    notice: m.toView(notice, now, mine ? m.toMyReceipt(mine) : null, { canManage: manager, deliveries, tally: reads?.tally, replies: reads?.replies }, seesColour(caller, notice)),
  };
}

/** The stored fields of a notice from the form. */
async function fieldsOf(caller: Caller, fields: Fields, now: Date) {
  if (fields.expiresAt && fields.expiresAt <= now) throw new AppError('COMMON.INVALID_INPUT', { 'notice.expiresAt': '截止时间要晚于现在' });
  const [grids, councils, survey] = await Promise.all([
    q.gridsOf(caller.communityId!),
    q.councilsOf(caller.communityId!),
    fields.surveyId ? q.findSurvey(fields.surveyId) : null,
  ]);
  // A questionnaire of another 居民区 is refused as a missing one is: its existence is not told.
  if (fields.surveyId && survey?.communityId !== caller.communityId) {
    throw new AppError('COMMON.INVALID_INPUT', { 'notice.surveyId': '找不到这份问卷，请重新选择本居民区的问卷' });
  }
  await authorizeTarget(caller, fields.target, { gridIds: new Set(grids.map((g) => g._id)), councils });
  const names = new Map<string, string>([...grids, ...councils].map((x) => [x._id, x.name]));
  return {
    title: fields.title,
    body: fields.body,
    target: fields.target,
    audienceKeys: audienceKeysOf(fields.target),
    targetLabel: m.targetLabelOf(fields.target, names),
    publicLabel: m.publicLabelOf(fields.target, names),
    mode: fields.mode,
    question: fields.mode === 'reply' ? fields.question : null,
    expiresAt: fields.expiresAt,
    templateKey: fields.templateKey,
    survey: survey ? { id: survey._id, title: survey.title } : null,
  };
}

function scheduleOf(schedule: Schedule, now: Date): { status: m.NoticeDoc['status']; publishAt: Date | null } {
  if (schedule.kind === 'draft') return { status: 'draft', publishAt: null };
  if (schedule.kind === 'now') return { status: 'published', publishAt: now };
  if (schedule.at <= now) throw new AppError('NOTICES.PUBLISH_AT_PAST');
  return { status: 'scheduled', publishAt: schedule.at };
}

async function checkText(identity: Identity, fields: Fields): Promise<void> {
  await ensurePublishable(identity, [fields.title, fields.body, fields.question?.text ?? '', ...(fields.question?.options ?? [])]);
}

/**
 * Round trips: 1 (caller) + 2 (grids, councils) + 1 (insert); publishing now adds 1 (count the targeted) + 1
 * (status) + the robots. The content check runs before anything is stored.
 */
export async function create(input: In<'create'>, { identity }: CallContext): Out<'create'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'notices.view', { communityId: caller.communityId });
  const now = clock().now();
  const fields = await fieldsOf(caller, input.notice, now);
  const { status, publishAt } = scheduleOf(input.publish, now);
  await checkText(identity, input.notice);
  const doc: m.NoticeDoc = {
    _id: m.noticeIdOf(caller.communityId!, input.requestId),
    communityId: caller.communityId!,
    writerId: caller.memberId,
    writerName: caller.record?.name ?? '',
    ...fields,
    ...(imageFields('notice', null, input.notice.images) as Pick<m.NoticeDoc, 'images' | 'pendingImages' | 'refusedImages'>),
    status: status === 'published' ? 'draft' : status,
    publishAt,
    publishedAt: null,
    counts: { targeted: 0 },
    groupNames: {},
    remindRound: 0,
    remindRequestId: null,
    announce: null,
    createdAt: now,
    updatedAt: now,
  };
  // Stored as a draft first, then published by the same conditional step the timer uses; a retry finishes it.
  const stored = (await q.insertNotice(doc)) ? doc : ownRetry(caller, await q.findNotice(doc._id));
  // Text is published as usual; each new image shows once its check passes (a retry submits what is left).
  await ensureImagesPublishable(identity, 'notice', stored._id, caller.memberId, stored.pendingImages ?? [], now);
  const owner = `req:${input.requestId}`;
  let saved = stored;
  if (status === 'published' && stored.status === 'draft') saved = (await publish(stored, (n) => n.status === 'draft', now, owner)) ?? stored;
  // A retry of a call that died after publishing finishes its deliveries (each step is idempotent).
  else if (status === 'published' && stored.status === 'published' && stored.publishedBy === owner) await deliverPublished(stored, now, owner);
  return { notice: m.toView(saved, now, null, { canManage: true, deliveries: await deliveriesOf(saved._id) }, seesColour(caller, saved)) };
}

/**
 * A retried create finds the notice its first call stored. Ids come from the request id, which anyone who saw a
 * notice's id could reuse: someone else's notice answers NOT_FOUND, as if it did not exist.
 */
function ownRetry(caller: Caller, found: m.NoticeDoc | null): m.NoticeDoc {
  const notice = ensureSameCommunity(caller, found);
  if (notice.writerId !== caller.memberId) throw new AppError('COMMON.NOT_FOUND');
  return notice;
}

/** Round trips: 1 (caller, notice) + 2 (grids, councils) + 1 (the change, conditional on still unpublished) + the publish. */
export async function update(input: In<'update'>, { identity }: CallContext): Out<'update'> {
  const [caller, found] = await Promise.all([loadCaller(identity), q.findNotice(input.noticeId)]);
  const notice = ensureSameCommunity(caller, found);
  if (!canManage(caller, notice)) throw new AppError('COMMON.FORBIDDEN');
  const owner = input.requestId ? `req:${input.requestId}` : oneOffOwner();
  const now = clock().now();
  if (notice.status === 'published' && notice.publishedBy === owner) {
    // The retry of a call that died after publishing: it finishes the deliveries and answers as the first would have.
    await deliverPublished(notice, now, owner);
    return { notice: m.toView(notice, now, null, { canManage: true, deliveries: await deliveriesOf(notice._id) }, seesColour(caller, notice)) };
  }
  if (notice.status === 'published') throw new AppError('NOTICES.ALREADY_PUBLISHED');
  const fields = { ...(await fieldsOf(caller, input.notice, now)), ...(imageFields('notice', notice, input.notice.images) as Pick<m.NoticeDoc, 'images' | 'pendingImages' | 'refusedImages'>) };
  const { status, publishAt } = scheduleOf(input.publish, now);
  await checkText(identity, input.notice);
  const guard = { status: command().in(UNPUBLISHED) };
  let saved: m.NoticeDoc | null;
  if (status === 'published') {
    saved = await publish(notice, (n) => UNPUBLISHED.includes(n.status), now, owner, { ...fields, publishAt });
  } else {
    const patch = { ...fields, status, publishAt, updatedAt: now };
    saved = (await q.updateIf(COLLECTIONS.notices, notice._id, guard, q.wholeValues(patch))) ? { ...notice, ...patch } : null;
  }
  if (!saved) throw new AppError('NOTICES.ALREADY_PUBLISHED');
  await ensureImagesPublishable(identity, 'notice', saved._id, notice.writerId, saved.pendingImages ?? [], now);
  return { notice: m.toView(saved, now, null, { canManage: true, deliveries: await deliveriesOf(saved._id) }, seesColour(caller, saved)) };
}

/** Round trips: 1 (caller, notice) + 1 (remove, conditional on still unpublished). */
export async function remove(input: In<'remove'>, { identity }: CallContext): Out<'remove'> {
  const [caller, found] = await Promise.all([loadCaller(identity), q.findNotice(input.noticeId)]);
  const notice = ensureSameCommunity(caller, found);
  if (!canManage(caller, notice)) throw new AppError('COMMON.FORBIDDEN');
  if (notice.status === 'published') throw new AppError('NOTICES.ALREADY_PUBLISHED');
  if (!(await q.removeIf(COLLECTIONS.notices, notice._id, { status: command().in(UNPUBLISHED) }))) throw new AppError('NOTICES.ALREADY_PUBLISHED');
  return { removed: true };
}
