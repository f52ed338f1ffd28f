import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { postEntry } from '../../cloudfunctions/_core/ledger';
import { movementId, type MovementDoc, type RewardDoc } from '../../cloudfunctions/shop/shop.model';
import { demoPerson } from './demo-data';
import { demoMemberId, type Ensure } from './seed';

const COMMUNITY = 'cm-baiyu1';

/** The 积分超市 of 白玉: honour first, goods second; one reward from a 友邻联盟 shop. */
export const DEMO_REWARDS = [
  {
    key: 'haircut',
    name: '免费理发一次',
    description: '友邻联盟商户老李理发店提供，凭兑换码到店即可，周一店休。',
    price: 30,
    stock: 10,
    giver: '老李理发店',
    partner: true,
  },
  {
    key: 'glasses',
    name: '眼镜清洗和小修',
    description: '换鼻托、紧螺丝、超声波清洗，明亮眼镜店提供。',
    price: 20,
    stock: 8,
    giver: '明亮眼镜店',
    partner: true,
  },
  {
    key: 'bag',
    name: '环保布袋',
    description: '印有“同心梯队”字样的帆布袋，到居委会领取。',
    price: 15,
    stock: 20,
    giver: '白玉居委会',
    partner: false,
  },
  {
    key: 'mug',
    name: '梯队纪念搪瓷杯',
    description: '感谢您为邻里的付出。到居委会领取。',
    price: 60,
    stock: 5,
    giver: '白玉居委会',
    partner: false,
  },
] as const;

export const demoRewardId = (key: (typeof DEMO_REWARDS)[number]['key']) => `${COMMUNITY}-seed-${key}`;

/** Points the demo member has to spend in the shop. */
export const DEMO_MEMBER_SHOP_POINTS = 100;

/** Demo rewards, their opening stock movements, and points for the demo member (posted through the ledger). */
export async function seedShop(ensure: Ensure, now: Date): Promise<number> {
  const committeeId = demoMemberId(demoPerson('committee'));
  let added = 0;
  for (const r of DEMO_REWARDS) {
    const { key, ...fields } = r;
    const reward: RewardDoc = {
      _id: demoRewardId(key),
      communityId: COMMUNITY,
      ...fields,
      photoUrl: null,
      keeperIds: [],
      keepers: [],
      active: true,
      createdAt: now,
      createdBy: committeeId,
      updatedAt: now,
    };
    const movement: MovementDoc = {
      _id: movementId.create(reward._id),
      communityId: COMMUNITY,
      rewardId: reward._id,
      kind: 'create',
      delta: reward.stock,
      by: committeeId,
      byName: demoPerson('committee').name,
      at: now,
    };
    if (await ensure(COLLECTIONS.shopRewards, { ...reward })) added += 1;
    if (await ensure(COLLECTIONS.shopMovements, { ...movement })) added += 1;
  }
  const posted = await postEntry({
    key: 'seed:shop:member-points',
    communityId: COMMUNITY,
    memberId: demoMemberId(demoPerson('member')),
    halfHours: 0,
    points: DEMO_MEMBER_SHOP_POINTS,
    source: 'manual',
    sourceId: null,
    reason: '示范积分：参加社区服务',
    by: committeeId,
    at: now,
  });
  return added + (posted.created ? 1 : 0);
}
