import { ensureSameCommunity } from '../_core/authorize';
import { loadCaller } from '../_core/caller';
import { clock } from '../_core/clock';
import { ensurePublishable } from '../_core/content-check';
import { AppError } from '../_core/errors';
import { ensureImagesPublishable, imageFields } from '../_core/media-check';
import type { CallContext } from '../_core/router';
import { inTransaction } from '../_core/transaction';
import { ensureBorrower, ensureManage, ensureOwn, viewableCabin } from './access';
import { newItemDoc, shortId, toDonationView, type DonationDoc } from './cabin.model';
import * as q from './cabin.queries';
import * as t from './cabin.tx';
import type { In, Out } from './cabin.types';
import { item as itemView, logOf } from './items.service';
import { ownerOf, tellDonationAnswered } from './messages';

/**
 * Round trips: 1 (caller) + 1 (cabin) + 1 (the offer, once per request id); plus the content check.
 * One write of its own under an id from the request, then the photo's check (its own idempotent chain, keyed by the
 * offer): a retry finds the offer and completes the check.
 */
export async function offerDonation(input: In<'offerDonation'>, ctx: CallContext): Out<'offerDonation'> {
  const caller = await loadCaller(ctx.identity);
  ensureBorrower(caller);
  const cabin = await viewableCabin(caller, input.cabinId);
  await ensurePublishable(ctx.identity, [input.what, input.description, input.condition]);
  const doc: DonationDoc = {
    _id: shortId('dn', caller.memberId, input.requestId),
    communityId: cabin.communityId,
    cabinId: cabin._id,
    memberId: caller.memberId,
    memberName: caller.record?.name ?? '',
    what: input.what,
    description: input.description,
    condition: input.condition,
    ...(imageFields('donationPhoto', null, [input.photo ?? '']) as Pick<DonationDoc, 'photo' | 'pendingImages' | 'refusedImages'>),
    status: 'offered',
    answer: null,
    itemId: null,
    answeredBy: null,
    answeredAt: null,
    createdAt: clock().now(),
  };
  const saved = (await q.insertDonation(doc)) ? doc : ((await q.findDonation(doc._id)) ?? doc);
  // Keepers see the photo once its check passes; the donor sees it as 审核中 until then.
  await ensureImagesPublishable(ctx.identity, 'donationPhoto', saved._id, caller.memberId, saved.pendingImages ?? [], doc.createdAt);
  return { donation: toDonationView(saved, false) };
}

/** Round trips: 2. */
export async function myDonations(input: In<'myDonations'>, { identity }: CallContext): Out<'myDonations'> {
  const caller = await loadCaller(identity);
  ensureBorrower(caller);
  const { rows, hasMore } = await q.ownDonationsPage(caller.memberId, input.page);
  return { items: rows.map((d) => toDonationView(d, false)), page: input.page, hasMore };
}

/** Round trips: 1 (caller) + 1 (offer) + 1 (withdrawn, only while not answered). One conditional write; a retry finds it withdrawn. */
export async function withdrawDonation(input: In<'withdrawDonation'>, { identity }: CallContext): Out<'withdrawDonation'> {
  const caller = await loadCaller(identity);
  ensureBorrower(caller);
  const found = ensureOwn(caller, await q.findDonation(input.donationId));
  if (found.status === 'withdrawn') return { donation: toDonationView(found, false) };
  if (found.status !== 'offered' || !(await q.updateDonationIf(found._id, { status: 'offered' }, { status: 'withdrawn' }))) {
    throw new AppError('CABIN.DONATION_ANSWERED');
  }
  return { donation: toDonationView({ ...found, status: 'withdrawn' }, false) };
}

/** Round trips: 1 (caller) + 1 (cabin) + 1 (the page). */
export async function donations(input: In<'donations'>, { identity }: CallContext): Out<'donations'> {
  const caller = await loadCaller(identity);
  const cabin = await viewableCabin(caller, input.cabinId);
  ensureManage(caller, cabin);
  const { rows, hasMore } = await q.cabinDonationsPage(cabin._id, input.status, input.page);
  return { items: rows.map((d) => toDonationView(d, true)), page: input.page, hasMore };
}

/**
 * Round trips: 1 (caller) + 2 (offer, cabin) + the transaction (4: start, offer beside the item, the acceptance beside
 * the item and its history line, commit) + the donor's message + the item view (4).
 * One transaction: the offer accepted, the item (its id comes from the offer) and its history line land together,
 * so a retry or a second keeper's tap finds the offer answered and adds nothing. The donor's message goes after the
 * commit, on every call that finds it accepted: its key sends it once, and a retry of a call that died before
 * sending sends it.
 */
export async function acceptDonation(input: In<'acceptDonation'>, ctx: CallContext): Out<'acceptDonation'> {
  const caller = await loadCaller(ctx.identity);
  const found = ensureSameCommunity(caller, await q.findDonation(input.donationId));
  const cabin = ensureSameCommunity(caller, await q.findCabin(found.cabinId));
  ensureManage(caller, cabin);
  if (!cabin.sections.some((s) => s.key === input.item.sectionKey)) throw new AppError('CABIN.SECTION_NOT_FOUND');
  await ensurePublishable(ctx.identity, [input.item.name, input.item.description ?? '', input.item.condition ?? '', input.note]);
  const now = clock().now();
  const itemId = shortId('it', found._id);
  const doc = newItemDoc(itemId, cabin.communityId, cabin._id, input.item, caller.memberId, now, { id: found._id, photo: found.photo });
  const donation = await inTransaction(async (tx) => {
    const cur = await t.at<DonationDoc>(tx, 'cabinDonations', found._id);
    if (cur?.status === 'accepted' && cur.itemId === itemId) return cur;
    if (cur?.status !== 'offered') throw new AppError('CABIN.DONATION_ANSWERED');
    const patch = { status: 'accepted' as const, answer: input.note || null, itemId, answeredBy: caller.memberId, answeredAt: now };
    const stocked = doc.kind === 'consumable' && (doc.stock ?? 0) > 0;
    await Promise.all([
      t.patchIn(tx, 'cabinDonations', cur._id, patch),
      t.putIn(tx, 'cabinItems', doc),
      t.putLog(tx, logOf(doc, `${doc._id}:added`, stocked ? 'create' : 'added', caller, now, { delta: stocked ? doc.stock : null, note: `${cur.memberName}捐赠` })),
    ]);
    return { ...cur, ...patch };
  });
  const saved = (await q.findItem(itemId)) ?? doc;
  await ensureImagesPublishable(ctx.identity, 'cabinItemPhoto', itemId, caller.memberId, saved.pendingImages ?? [], now);
  await tellDonationAnswered(donation, ownerOf(input.requestId));
  const { item } = await itemView({ itemId }, ctx);
  return { donation: toDonationView(donation, true), item };
}

/**
 * Round trips: 1 (caller) + 2 (offer, cabin) + 1 (declined, only from 'offered') + the donor's message; plus the
 * content check. One write, then the message on every call that finds the offer declined: its key sends it once,
 * and a retry of a call that died before sending sends it.
 */
export async function declineDonation(input: In<'declineDonation'>, ctx: CallContext): Out<'declineDonation'> {
  const caller = await loadCaller(ctx.identity);
  const found = ensureSameCommunity(caller, await q.findDonation(input.donationId));
  ensureManage(caller, ensureSameCommunity(caller, await q.findCabin(found.cabinId)));
  let donation = found;
  if (found.status === 'offered') {
    await ensurePublishable(ctx.identity, [input.reason]);
    const patch = { status: 'declined' as const, answer: input.reason, answeredBy: caller.memberId, answeredAt: clock().now() };
    donation = (await q.updateDonationIf(found._id, { status: 'offered' }, patch)) ? { ...found, ...patch } : ((await q.findDonation(found._id)) ?? found);
  }
  if (donation.status !== 'declined') throw new AppError('CABIN.DONATION_ANSWERED');
  await tellDonationAnswered(donation, ownerOf(input.requestId));
  return { donation: toDonationView(donation, true) };
}
