import { authorize, can, ensureSameCommunity } from '../_core/authorize';
import { loadCaller, type Caller } from '../_core/caller';
import { clock } from '../_core/clock';
import { ensurePublishable } from '../_core/content-check';
import { AppError } from '../_core/errors';
import type { Identity } from '../_core/identity';
import { balanceOf } from '../_core/ledger';
import { ensureImagesPublishable, imageFields } from '../_core/media-check';
import type { CallContext } from '../_core/router';
import * as m from './shop.model';
import * as q from './shop.queries';
import { moveStock } from './stock';
import type { In, Out } from './shop.types';

const nameOf = (caller: Caller) => caller.record?.name ?? '';

/** The committee of the caller's 居民区: one round trip. */
async function loadCommittee(identity: Identity): Promise<Caller> {
  const caller = await loadCaller(identity);
  authorize(caller, 'shop.manage', { communityId: caller.communityId });
  return caller;
}

/** A reward found by an id the caller sent: one from another 居民区 answers like a missing one. */
async function rewardOf(caller: Caller, rewardId: string): Promise<m.RewardDoc> {
  return ensureSameCommunity(caller, await q.findReward(rewardId));
}

/** The residents behind the phones the committee typed, every one found, or a field error naming the missing. */
async function keepersOf(communityId: string, phones: string[]): Promise<m.KeeperDoc[]> {
  const found = await q.findResidentsByPhone(communityId, phones);
  const fields: Record<string, string> = {};
  phones.forEach((phone, i) => {
    if (!found.some((r) => r.phone === phone)) fields[`keeperPhones.${i}`] = `没有找到手机号 ${phone} 的居民`;
  });
  if (Object.keys(fields).length) throw new AppError('SHOP.KEEPER_NOT_FOUND', fields);
  return phones.map((phone) => {
    const r = found.find((x) => x.phone === phone)!;
    return { memberId: r._id, name: r.name, phone };
  });
}

const view = (doc: m.RewardDoc) => ({ reward: m.toRewardView(doc, true) });

/**
 * Round trips: 3 (the caller; the page of rewards, the caller's balance and whether they keep any reward, side by
 * side). Residents see the shelf too, so they know what joining the echelon leads to; members redeem.
 */
export async function list(input: In<'list'>, { identity }: CallContext): Out<'list'> {
  const caller = await loadCaller(identity);
  authorize(caller, input.includeRetired ? 'shop.manage' : 'shop.view', { communityId: caller.communityId });
  const communityId = caller.communityId!;
  const canManage = can(caller, 'shop.manage', { communityId });
  const [{ rows, hasMore }, balance, keeps] = await Promise.all([
    q.listRewardsPage(communityId, input.includeRetired, input.page),
    balanceOf(caller.memberId),
    canManage ? Promise.resolve(false) : q.keepsAnyReward(communityId, caller.memberId),
  ]);
  return {
    items: rows.map((r) => m.toRewardView(r, canManage)),
    page: input.page,
    hasMore,
    points: balance.points,
    canRedeem: can(caller, 'shop.redeem', { communityId, memberId: caller.memberId }),
    canManage,
    canVerify: canManage || keeps,
  };
}

/**
 * Round trips: 5 (the caller; the keepers; the reward and its opening movement, side by side; on a retry the
 * reward read back), plus the content check. The `_id` comes from the form's request id, so a retry lists it once.
 */
export async function create(input: In<'create'>, { identity }: CallContext): Out<'create'> {
  const caller = await loadCommittee(identity);
  const communityId = caller.communityId!;
  const keepers = await keepersOf(communityId, input.keeperPhones);
  await ensurePublishable(identity, [input.name, input.description, input.giver]);
  const now = clock().now();
  const doc: m.RewardDoc = {
    _id: `${communityId}-${input.requestId}`,
    communityId,
    name: input.name,
    description: input.description,
    price: input.price,
    stock: input.stock,
    // The photo shows once its image check passes; the committee sees it as 审核中 until then.
    ...(imageFields('rewardPhoto', null, [input.photoUrl]) as Pick<m.RewardDoc, 'photoUrl' | 'pendingImages' | 'refusedImages'>),
    giver: input.giver,
    partner: input.partner,
    keeperIds: keepers.map((k) => k.memberId),
    keepers,
    active: true,
    createdAt: now,
    createdBy: caller.memberId,
    updatedAt: now,
  };
  const movement: m.MovementDoc = {
    _id: m.movementId.create(doc._id),
    communityId,
    rewardId: doc._id,
    kind: 'create',
    delta: input.stock,
    by: caller.memberId,
    byName: nameOf(caller),
    at: now,
  };
  // The opening stock is a movement too; a retry finds both already there.
  const [added] = await Promise.all([q.insertReward(doc), q.insertMovement(movement)]);
  const saved = added ? doc : await rewardOf(caller, doc._id);
  // A retry submits only what its first call left unsubmitted.
  await ensureImagesPublishable(identity, 'rewardPhoto', saved._id, caller.memberId, saved.pendingImages ?? [], now);
  return view(saved);
}

/**
 * Round trips: 4 (the caller; the reward; the keepers; the update), plus the content check and a new photo's image
 * check. Stock is not touched here.
 */
export async function update(input: In<'update'>, { identity }: CallContext): Out<'update'> {
  const caller = await loadCommittee(identity);
  const reward = await rewardOf(caller, input.rewardId);
  const keepers = await keepersOf(reward.communityId, input.keeperPhones);
  await ensurePublishable(identity, [input.name, input.description, input.giver]);
  const now = clock().now();
  const patch = {
    name: input.name,
    description: input.description,
    price: input.price,
    // The approved photo stays shown; a new one waits for its check.
    ...(imageFields('rewardPhoto', reward, [input.photoUrl]) as Pick<m.RewardDoc, 'photoUrl' | 'pendingImages' | 'refusedImages'>),
    giver: input.giver,
    partner: input.partner,
    keeperIds: keepers.map((k) => k.memberId),
    keepers,
    updatedAt: now,
  };
  await q.updateRewardIf(reward._id, { communityId: reward.communityId }, patch);
  await ensureImagesPublishable(identity, 'rewardPhoto', reward._id, caller.memberId, patch.pendingImages ?? [], now);
  return view({ ...reward, ...patch });
}

/**
 * Round trips: 3 (the caller; the reward; the reward read back) + the stock move (5 and a commit). The movement, keyed
 * by the request id, and the stock commit together (stock.ts): a retry finds the movement and adds nothing twice, and
 * no crash can leave one without the other.
 */
export async function restock(input: In<'restock'>, { identity }: CallContext): Out<'restock'> {
  const caller = await loadCommittee(identity);
  const reward = await rewardOf(caller, input.rewardId);
  await moveStock({
    _id: m.movementId.restock(reward._id, input.requestId),
    communityId: reward.communityId,
    rewardId: reward._id,
    kind: 'restock',
    delta: input.quantity,
    by: caller.memberId,
    byName: nameOf(caller),
    at: clock().now(),
  });
  return view((await q.findReward(reward._id)) ?? reward);
}

/** Round trips: 3. Guarded on `active`, so a retry changes nothing twice. Codes already given stay valid. */
export async function retire(input: In<'retire'>, { identity }: CallContext): Out<'retire'> {
  return setActive(identity, input.rewardId, false);
}

/** Round trips: 3. */
export async function restore(input: In<'restore'>, { identity }: CallContext): Out<'restore'> {
  return setActive(identity, input.rewardId, true);
}

async function setActive(identity: Identity, rewardId: string, active: boolean) {
  const caller = await loadCommittee(identity);
  const reward = await rewardOf(caller, rewardId);
  if (reward.active !== active) {
    await q.updateRewardIf(reward._id, { communityId: reward.communityId, active: !active }, { active, updatedAt: clock().now() });
  }
  return view({ ...reward, active });
}

/** Round trips: 3 (the caller; the reward; a page of its movements). */
export async function movements(input: In<'movements'>, { identity }: CallContext): Out<'movements'> {
  const caller = await loadCommittee(identity);
  const reward = await rewardOf(caller, input.rewardId);
  const { rows, hasMore } = await q.listMovementsPage(reward._id, input.page);
  return { items: rows.map(m.toMovementView), page: input.page, hasMore };
}
