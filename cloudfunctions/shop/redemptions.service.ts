import { CODE_SCENE_PREFIX, VERIFY_PAGE } from '../../src/shared/domain/shop';
import { authorize, can, ensureSameCommunity, type Target } from '../_core/authorize';
import { loadCaller, type Caller } from '../_core/caller';
import { clock } from '../_core/clock';
import { AppError } from '../_core/errors';
import { entryId, postEntry } from '../_core/ledger';
import { wechat } from '../_core/ports/wechat';
import type { CallContext } from '../_core/router';
import * as m from './shop.model';
import * as q from './shop.queries';
import { moveStock, undoMove } from './stock';
import type { In, Out } from './shop.types';

/** Collisions of an 8-character code are rare (31^8 codes); a few more attempts are plenty. */
const CODE_ATTEMPTS = 8;

/** Claims the redemption's code in shop_codes (its `_id` is the code, so no two redemptions share one). */
async function claimCode(redemptionId: string, communityId: string): Promise<string> {
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt += 1) {
    const code = m.codeFor(redemptionId, attempt);
    if (await q.insertCode({ _id: code, communityId, redemptionId })) return code;
    // Taken: by this very redemption (a retry, a racing copy of the same tap) or by another one.
    if ((await q.findCode(code))?.redemptionId === redemptionId) return code;
  }
  throw new Error(`no free redemption code for ${redemptionId}`);
}

/**
 * A chain of steps keyed by the tap's request id (the redemption id), so a retry after a crash at any point completes
 * what is missing and repeats nothing:
 * 1. the unit: its `redeem` movement and the stock, one transaction (stock.ts); a retry finds the movement;
 * 2. the points: a ledger entry keyed by the redemption, refused below zero; a retry finds the entry;
 * 3. the code, claimed under its own `_id`; 4. the redemption itself, the step a retry checks first.
 * Refused points give the unit back (the movement is removed with it). Any other failure leaves the unit with its
 * movement, stock and movements still agreeing, for the retry to finish: undoing it would be wrong when the points
 * did commit and only the answer was lost.
 *
 * Round trips, first time: 1 (the caller) + 1 (the redemption and the reward, side by side) + 5 and a commit (the
 * unit) + 5 and a commit (the points, _core/ledger) + 1 (the code) + 1 (the redemption). A retry of a tap that
 * finished: 2, answering the redemption already made.
 */
export async function redeem(input: In<'redeem'>, { identity }: CallContext): Out<'redeem'> {
  const caller = await loadCaller(identity);
  if (!caller.roles.includes('member')) throw new AppError('SHOP.MEMBERS_ONLY');
  authorize(caller, 'shop.redeem', { communityId: caller.communityId, memberId: caller.memberId });
  const redemptionId = m.redemptionIdOf(caller.memberId, input.requestId);
  const [existing, found] = await Promise.all([q.findRedemption(redemptionId), q.findReward(input.rewardId)]);
  if (existing) return { redemption: m.toRedemptionView(existing, 'owner') };
  const reward = ensureSameCommunity(caller, found);
  const at = clock().now();
  const movement: m.MovementDoc = {
    _id: m.movementId.redeem(redemptionId),
    communityId: reward.communityId,
    rewardId: reward._id,
    kind: 'redeem',
    delta: -1,
    by: caller.memberId,
    byName: caller.record?.name ?? '',
    at,
    redemptionId,
  };
  const taken = await moveStock(movement, { onShelfOnly: true });
  if (taken === 'retired') throw new AppError('SHOP.RETIRED');
  if (taken === 'short') throw new AppError('SHOP.OUT_OF_STOCK');

  let posted: Awaited<ReturnType<typeof postEntry>>;
  try {
    posted = await postEntry(
      {
        key: m.spendKey(redemptionId),
        communityId: reward.communityId,
        memberId: caller.memberId,
        halfHours: 0,
        points: -reward.price,
        source: 'redemption',
        sourceId: reward._id,
        reason: `兑换：${reward.name}`,
        by: caller.memberId,
        at,
      },
      { floorPoints: 0 },
    );
  } catch (err) {
    if (err instanceof AppError && err.code === 'LEDGER.INSUFFICIENT_POINTS') await undoMove(movement._id, reward._id);
    throw err;
  }

  const code = await claimCode(redemptionId, reward.communityId);
  const doc: m.RedemptionDoc = {
    _id: redemptionId,
    communityId: reward.communityId,
    memberId: caller.memberId,
    memberName: caller.record?.name ?? '',
    rewardId: reward._id,
    rewardName: reward.name,
    giver: reward.giver,
    // From the entry, so a retry or a racing copy of one tap writes the very same record.
    price: -posted.entry.points,
    code,
    status: 'pending',
    createdAt: posted.entry.at,
  };
  const saved = (await q.insertRedemption(doc)) ? doc : ((await q.findRedemption(redemptionId)) ?? doc);
  return { redemption: m.toRedemptionView(saved, 'owner') };
}

/** Round trips: 2. */
export async function mine(input: In<'mine'>, { identity }: CallContext): Out<'mine'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'shop.viewOwn', { memberId: caller.memberId, communityId: caller.communityId });
  const { rows, hasMore } = await q.listOwnRedemptionsPage(caller.memberId, input.page);
  return { items: rows.map((r) => m.toRedemptionView(r, 'owner')), page: input.page, hasMore };
}

/** Round trips: 2 (the caller; the redemption), plus one platform call. */
export async function codeImage(input: In<'codeImage'>, { identity }: CallContext): Out<'codeImage'> {
  const caller = await loadCaller(identity);
  const redemption = ensureSameCommunity(caller, await q.findRedemption(input.redemptionId));
  if (redemption.memberId !== caller.memberId) throw new AppError('COMMON.NOT_FOUND');
  authorize(caller, 'shop.viewOwn', { memberId: redemption.memberId, communityId: redemption.communityId });
  if (redemption.status === 'cancelled') throw new AppError('SHOP.CANCELLED');
  if (redemption.status === 'used') throw new AppError('SHOP.ALREADY_USED');
  const scene = `${CODE_SCENE_PREFIX}${redemption.code}`;
  const png = await wechat().miniProgramCode({ scene, page: VERIFY_PAGE });
  return { page: VERIFY_PAGE, scene, image: `data:image/png;base64,${png.toString('base64')}` };
}

/** Round trips: 2. */
export async function redemptions(input: In<'redemptions'>, { identity }: CallContext): Out<'redemptions'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'shop.manage', { communityId: caller.communityId });
  const { rows, hasMore } = await q.listRedemptionsPage(caller.communityId!, input.status, input.page);
  return { items: rows.map((r) => m.toRedemptionView(r, 'committee')), page: input.page, hasMore };
}

/**
 * Who may mark a code used: the committee, and residents a reward names as its keeper (the partner shop), for
 * that reward only. A keeper is the `self` of `shop.markUsed`: the target names them when the reward does.
 */
function markTarget(caller: Caller, redemption: m.RedemptionDoc, reward: m.RewardDoc | null): Target {
  const keeper = reward?.keeperIds.includes(caller.memberId) ? caller.memberId : null;
  return { communityId: redemption.communityId, memberId: keeper };
}

/**
 * Round trips: 3 for the committee (the caller; the code; the guarded update), 4 for a keeper (their reward too).
 * Validity before duplicate, as pretixSCAN: a cancelled code is refused; a used one answers when it was used.
 * To anyone else a real code answers like a missing one, so codes cannot be probed.
 */
export async function markUsed(input: In<'markUsed'>, { identity }: CallContext): Out<'markUsed'> {
  const caller = await loadCaller(identity);
  if (!caller.communityId || !caller.roles.includes('resident')) throw new AppError('COMMON.FORBIDDEN');
  const redemption = await q.findRedemptionByCode(caller.communityId, input.code);
  if (!redemption) throw new AppError('SHOP.CODE_NOT_FOUND');
  const committee = can(caller, 'shop.markUsed', { communityId: redemption.communityId });
  const reward = committee ? null : await q.findReward(redemption.rewardId);
  if (!committee && !can(caller, 'shop.markUsed', markTarget(caller, redemption, reward))) throw new AppError('SHOP.CODE_NOT_FOUND');
  const viewer: m.Viewer = committee ? 'committee' : 'keeper';
  const answer = (doc: m.RedemptionDoc, outcome: 'used' | 'alreadyUsed') => ({ outcome, redemption: m.toRedemptionView(doc, viewer) });

  if (redemption.status === 'cancelled') throw new AppError('SHOP.CANCELLED');
  if (redemption.status === 'used') return answer(redemption, 'alreadyUsed');
  const patch = { status: 'used' as const, usedAt: clock().now(), usedBy: caller.memberId, usedByName: caller.record?.name ?? '' };
  if (await q.updateRedemptionIf(redemption._id, { status: 'pending' }, patch)) return answer({ ...redemption, ...patch }, 'used');
  // Someone marked or cancelled it between our read and our write.
  const fresh = (await q.findRedemption(redemption._id))!;
  if (fresh.status === 'cancelled') throw new AppError('SHOP.CANCELLED');
  return answer(fresh, 'alreadyUsed');
}

/**
 * A chain keyed by the redemption: the guarded status flip, then the points back (an entry keyed by the redemption)
 * beside the unit back (its `cancel` movement and the stock in one transaction, stock.ts). A retry, or a cancel
 * racing another, flips the status once, finds the refund and the movement if they were made, and makes whichever a
 * crash left undone. Round trips: 3 for the status (the caller; the redemption; the guarded update), then the points
 * back (_core/ledger: 5 and a commit) beside the unit back (5 and a commit).
 */
export async function cancel(input: In<'cancel'>, { identity }: CallContext): Out<'cancel'> {
  const caller = await loadCaller(identity);
  const redemption = ensureSameCommunity(caller, await q.findRedemption(input.redemptionId));
  authorize(caller, 'shop.cancel', { communityId: redemption.communityId, memberId: redemption.memberId });
  const committee = can(caller, 'shop.manage', { communityId: redemption.communityId });
  const viewer: m.Viewer = redemption.memberId === caller.memberId ? 'owner' : 'committee';
  let doc = redemption;
  if (doc.status === 'pending') {
    const now = clock().now();
    const patch = { status: 'cancelled' as const, cancelledAt: now, cancelledBy: caller.memberId };
    if (await q.updateRedemptionIf(doc._id, { status: 'pending' }, patch)) doc = { ...doc, ...patch };
    else doc = (await q.findRedemption(doc._id))!;
  }
  if (doc.status === 'used') throw new AppError('SHOP.ALREADY_USED');
  const at = doc.cancelledAt ?? clock().now();
  await Promise.all([
    postEntry({
      key: m.refundKey(doc._id),
      communityId: doc.communityId,
      memberId: doc.memberId,
      halfHours: 0,
      points: doc.price,
      source: 'redemption',
      sourceId: doc.rewardId,
      reason: `${committee && viewer !== 'owner' ? '居委' : '本人'}取消兑换：${doc.rewardName}`,
      by: caller.memberId,
      at,
      reverses: entryId(m.spendKey(doc._id)),
    }),
    returnStock(doc, caller, at),
  ]);
  return { redemption: m.toRedemptionView(doc, viewer) };
}

/** The unit goes back once: with its movement, in one transaction. */
async function returnStock(doc: m.RedemptionDoc, caller: Caller, at: Date): Promise<void> {
  await moveStock({
    _id: m.movementId.cancel(doc._id),
    communityId: doc.communityId,
    rewardId: doc.rewardId,
    kind: 'cancel',
    delta: 1,
    by: caller.memberId,
    byName: caller.record?.name ?? '',
    at,
    redemptionId: doc._id,
  });
}
