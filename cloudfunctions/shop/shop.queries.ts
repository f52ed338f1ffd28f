import type { RedemptionStatus } from '../../src/shared/domain/shop';
import { COLLECTIONS } from '../_core/collections';
import { command, getDb, insertOnce } from '../_core/db';
import type { MemberDoc } from '../_core/member-record';
import type { CodeDoc, MovementDoc, RedemptionDoc, RewardDoc } from './shop.model';
import { PAGE_FETCH, pageStart, toPage } from '../_core/paging';

/** Each function here is one database round trip. */

const rewards = () => getDb().collection(COLLECTIONS.shopRewards);
const movements = () => getDb().collection(COLLECTIONS.shopMovements);
const redemptions = () => getDb().collection(COLLECTIONS.shopRedemptions);
const codes = () => getDb().collection(COLLECTIONS.shopCodes);

type Paged<T> = { rows: T[]; hasMore: boolean };


async function byId<T>(collection: ReturnType<typeof rewards>, id: string): Promise<T | null> {
  const res = await collection.doc(id).get();
  return (res.data?.[0] as T | undefined) ?? null;
}

export const findReward = (id: string) => byId<RewardDoc>(rewards(), id);
export const findRedemption = (id: string) => byId<RedemptionDoc>(redemptions(), id);
export const findCode = (code: string) => byId<CodeDoc>(codes(), code);
export const insertReward = (doc: RewardDoc) => insertOnce(COLLECTIONS.shopRewards, doc);
export const insertMovement = (doc: MovementDoc) => insertOnce(COLLECTIONS.shopMovements, doc);
export const insertRedemption = (doc: RedemptionDoc) => insertOnce(COLLECTIONS.shopRedemptions, doc);
export const insertCode = (doc: CodeDoc) => insertOnce(COLLECTIONS.shopCodes, doc);

/** Active rewards, cheapest first; with retired ones after them for the committee. */
export async function listRewardsPage(communityId: string, includeRetired: boolean, page: number): Promise<Paged<RewardDoc>> {
  const res = await rewards()
    .where(includeRetired ? { communityId } : { communityId, active: true })
    .orderBy('active', 'desc')
    .orderBy('price', 'asc')
    .orderBy('_id', 'asc')
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .get();
  return toPage(res.data as RewardDoc[]);
}

/** Does any reward of the 居民区 name this resident as its keeper? */
export async function keepsAnyReward(communityId: string, memberId: string): Promise<boolean> {
  const res = await rewards().where({ communityId, keeperIds: memberId }).count();
  return (res.total as number) > 0;
}

/** A conditional update of one reward: the write happens only while `guard` holds. Answers whether it did. */
export async function updateRewardIf(id: string, guard: Record<string, unknown>, patch: Record<string, unknown>): Promise<boolean> {
  const res = await rewards()
    .where({ _id: id, ...guard })
    .update(patch);
  return res.updated === 1;
}

export async function listMovementsPage(rewardId: string, page: number): Promise<Paged<MovementDoc>> {
  const res = await movements()
    .where({ rewardId })
    .orderBy('at', 'desc')
    .orderBy('_id', 'asc')
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .get();
  return toPage(res.data as MovementDoc[]);
}

export async function listOwnRedemptionsPage(memberId: string, page: number): Promise<Paged<RedemptionDoc>> {
  const res = await redemptions()
    .where({ memberId })
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'asc')
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .get();
  return toPage(res.data as RedemptionDoc[]);
}

export async function listRedemptionsPage(communityId: string, status: RedemptionStatus | undefined, page: number): Promise<Paged<RedemptionDoc>> {
  const res = await redemptions()
    .where(status ? { communityId, status } : { communityId })
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'asc')
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .get();
  return toPage(res.data as RedemptionDoc[]);
}

export async function findRedemptionByCode(communityId: string, code: string): Promise<RedemptionDoc | null> {
  const res = await redemptions().where({ communityId, code }).limit(1).get();
  return (res.data?.[0] as RedemptionDoc | undefined) ?? null;
}

export async function updateRedemptionIf(id: string, guard: Record<string, unknown>, patch: Record<string, unknown>): Promise<boolean> {
  const res = await redemptions()
    .where({ _id: id, ...guard })
    .update(patch);
  return res.updated === 1;
}

export type ResidentDoc = Pick<MemberDoc, '_id' | 'name' | 'phone'>;

/** Live residents of a 居民区 with these phones (a reward's keepers). */
export async function findResidentsByPhone(communityId: string, phones: string[]): Promise<ResidentDoc[]> {
  if (phones.length === 0) return [];
  const _ = command();
  const res = await getDb()
    .collection(COLLECTIONS.members)
    .where({ communityId, phone: _.in(phones), deletedAt: _.exists(false), accountKey: _.neq(null) })
    .field({ _id: true, name: true, phone: true })
    .limit(20)
    .get();
  return res.data as ResidentDoc[];
}
