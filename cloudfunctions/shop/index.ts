import { shopActions } from '../../src/shared/actions/shop';
import { createFunction } from '../_core/router';
import * as redemptions from './redemptions.service';
import * as rewards from './rewards.service';

/** The `shop` cloud function: the 积分超市 (rewards and stock, redemptions, codes marked used at the counter). */
export const main = createFunction('shop', shopActions, {
  list: rewards.list,
  create: rewards.create,
  update: rewards.update,
  restock: rewards.restock,
  retire: rewards.retire,
  restore: rewards.restore,
  movements: rewards.movements,
  redeem: redemptions.redeem,
  mine: redemptions.mine,
  codeImage: redemptions.codeImage,
  redemptions: redemptions.redemptions,
  markUsed: redemptions.markUsed,
  cancel: redemptions.cancel,
});
