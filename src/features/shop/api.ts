import { callCloud } from '@/services/cloud';
import type { InputOf } from '@shared/catalogue';
import type { RedemptionStatus } from '@shared/domain/shop';

/** The shop function's actions, as the pages use them. */
export const shopApi = {
  list: (page: number, includeRetired = false) => callCloud('shop', 'list', { page, includeRetired }),
  create: (input: InputOf<'shop', 'create'>) => callCloud('shop', 'create', input),
  update: (input: InputOf<'shop', 'update'>) => callCloud('shop', 'update', input),
  restock: (rewardId: string, quantity: number, requestId: string) => callCloud('shop', 'restock', { rewardId, quantity, requestId }),
  retire: (rewardId: string) => callCloud('shop', 'retire', { rewardId }),
  restore: (rewardId: string) => callCloud('shop', 'restore', { rewardId }),
  movements: (rewardId: string, page: number) => callCloud('shop', 'movements', { rewardId, page }),
  redeem: (rewardId: string, requestId: string) => callCloud('shop', 'redeem', { rewardId, requestId }),
  mine: (page: number) => callCloud('shop', 'mine', { page }),
  codeImage: (redemptionId: string) => callCloud('shop', 'codeImage', { redemptionId }),
  redemptions: (page: number, status?: RedemptionStatus) => callCloud('shop', 'redemptions', status ? { page, status } : { page }),
  markUsed: (code: string) => callCloud('shop', 'markUsed', { code }),
  cancel: (redemptionId: string) => callCloud('shop', 'cancel', { redemptionId }),
};

export const SHOP_PAGES = {
  list: '/packages/shop/pages/list/index',
  mine: '/packages/shop/pages/mine/index',
  verify: '/packages/shop/pages/verify/index',
  admin: '/packages/admin/pages/shop/index',
};

export { newRequestId } from '@/services/request-id';
