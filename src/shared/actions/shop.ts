import * as v from 'valibot';
import { cleanChars, idSchema, multilineText, requestIdSchema as requestId, requiredText } from '../schemas';
import type { ActionMap } from '../action';
import { action } from '../action';
import { isCode, normalizeCode, type MovementView, type RedemptionStatus, type RedemptionView, type RewardView } from '../domain/shop';
import type { Page } from '../result';

const id = idSchema(64);
const page = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)), 1);
/** Made by the page once per form or tap, so a retried submission is recognised as the same one. */
const count = (label: string, min: number, max: number) =>
  v.pipe(v.number(`请填写${label}`), v.integer(`${label}要是整数`), v.minValue(min, `${label}至少${min}`), v.maxValue(max, `${label}最多${max}`));
const photoUrl = v.optional(
  v.union([v.literal(''), v.pipe(v.string(), v.trim(), v.maxLength(500, '图片地址太长'), v.regex(/^(https:|cloud:)\/\//, '图片地址要以 https:// 开头'), cleanChars('图片地址'))], '图片地址要以 https:// 开头'),
  '',
);
const keeperPhones = v.optional(
  v.pipe(
    v.array(v.pipe(v.string('请填写11位手机号'), v.trim(), v.regex(/^1\d{10}$/, '请填写11位手机号')), '手机号格式不对'),
    v.maxLength(3, '最多指定3位核销人'),
    v.transform((list) => [...new Set(list)]),
  ),
  [],
);
const code = v.pipe(
  v.string('请输入兑换码'),
  v.transform(normalizeCode),
  v.check(isCode, '兑换码是8位字母和数字，请核对'),
);

const rewardFields = {
  name: requiredText('名称', 20),
  description: multilineText('说明', 200),
  price: count('所需积分', 1, 100_000),
  photoUrl,
  giver: requiredText('提供方', 20),
  /** The giver is a 友邻联盟 partner shop. */
  partner: v.optional(v.boolean(), false),
  /** Phones of residents who may mark this reward's codes used (the partner shop's keeper). */
  keeperPhones,
};

/** What the committee's and the members' shop pages show above the list. */
export interface ShopPageInfo {
  /** The caller's points balance. */
  points: number;
  canRedeem: boolean;
  canManage: boolean;
  /** The committee, or someone a reward names as its keeper. */
  canVerify: boolean;
}

export type MarkUsedResult = { outcome: 'used' | 'alreadyUsed'; redemption: RedemptionView };

const REDEEM_ERRORS = ['SHOP.MEMBERS_ONLY', 'COMMON.NOT_FOUND', 'SHOP.RETIRED', 'SHOP.OUT_OF_STOCK', 'LEDGER.INSUFFICIENT_POINTS'] as const;

export const shopActions = {
  /** The rewards of the caller's 居民区, cheapest first, 20 a page; the committee may include retired ones. */
  list: action<Page<RewardView> & ShopPageInfo>()({
    input: v.object({ page, includeRetired: v.optional(v.boolean(), false) }),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /** The committee lists a reward with its first stock; the form's request id makes a retry list it once. */
  create: action<{ reward: RewardView }>()({
    input: v.object({ ...rewardFields, stock: count('库存', 0, 10_000), requestId }),
    errors: ['COMMON.FORBIDDEN', 'SHOP.KEEPER_NOT_FOUND', 'COMMON.CONTENT_REJECTED'],
  }),

  /** The committee changes what a reward is (not its stock: that moves only by restock, redemption and cancellation). */
  update: action<{ reward: RewardView }>()({
    input: v.object({ rewardId: id, ...rewardFields }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'SHOP.KEEPER_NOT_FOUND', 'COMMON.CONTENT_REJECTED'],
  }),

  /** Adds stock, recorded as a movement; the request id makes a retry add it once. */
  restock: action<{ reward: RewardView }>()({
    input: v.object({ rewardId: id, quantity: count('补货数量', 1, 10_000), requestId }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /** Takes a reward off the shelf; codes already given stay valid. */
  retire: action<{ reward: RewardView }>()({
    input: v.object({ rewardId: id }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  restore: action<{ reward: RewardView }>()({
    input: v.object({ rewardId: id }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /** A reward's stock history, newest first. */
  movements: action<Page<MovementView>>()({
    input: v.object({ rewardId: id, page }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /** A member spends points on a reward and gets a code; the tap's request id makes a retry redeem once. */
  redeem: action<{ redemption: RedemptionView }>()({
    input: v.object({ rewardId: id, requestId }),
    errors: REDEEM_ERRORS,
  }),

  /** The caller's own redemptions, newest first. */
  mine: action<Page<RedemptionView>>()({
    input: v.object({ page }),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /** The mini-program code of one's own unused redemption, for the shop to scan. */
  codeImage: action<{ page: string; scene: string; image: string }>()({
    input: v.object({ redemptionId: id }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'SHOP.CANCELLED', 'SHOP.ALREADY_USED'],
  }),

  /** Every redemption of the 居民区, newest first, optionally of one status: the committee. */
  redemptions: action<Page<RedemptionView>>()({
    input: v.object({ page, status: v.optional(v.picklist(['pending', 'used', 'cancelled'] satisfies RedemptionStatus[], '请选择状态')) }),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /** The committee or the reward's keeper marks a code used; a second mark answers when it was used. */
  markUsed: action<MarkUsedResult>()({
    input: v.object({ code }),
    errors: ['COMMON.FORBIDDEN', 'SHOP.CODE_NOT_FOUND', 'SHOP.CANCELLED'],
  }),

  /** The committee, or the member before use, cancels: the points and the stock come back, once. */
  cancel: action<{ redemption: RedemptionView }>()({
    input: v.object({ redemptionId: id }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'SHOP.ALREADY_USED'],
  }),
} satisfies ActionMap;
