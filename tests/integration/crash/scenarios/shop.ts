// The shop's writing actions for the crash matrix (tests/support/crash-matrix.ts, docs/crash-safety.md).
import { demoRewardId } from '../../../../emulator/seed/shop';
import type { RedemptionView } from '../../../../src/shared/domain/shop';
import { scenario, type CrashScenario } from '../../../support/crash-matrix';
import type { Harness } from '../../../support/harness';

const HAIRCUT = demoRewardId('haircut');
const PHOTO = 'https://example.com/crash/reward.jpg';
const reward = { name: '义诊一次', description: '社区卫生站陈医生坐诊', price: 10, giver: '白玉居委会', keeperPhones: [] as string[] };

/** The demo member redeems a haircut (with a request id of the setup's own), as a setup step. */
async function redeemed(h: Harness): Promise<RedemptionView> {
  const { redemption } = await h.call<{ redemption: RedemptionView }>('shop', 'redeem', { rewardId: HAIRCUT, requestId: 'crash-setup-redeem' }, h.identities.member);
  return redemption;
}

export const scenarios: CrashScenario[] = [
  {
    name: 'shop.redeem',
    fn: 'shop',
    action: 'redeem',
    caller: 'member',
    payload: () => ({ rewardId: HAIRCUT, requestId: 'crash-redeem-0001' }),
  },
  scenario({
    name: 'shop.cancel (by the member)',
    fn: 'shop',
    action: 'cancel',
    caller: 'member',
    setup: redeemed,
    payload: (r) => ({ redemptionId: r.id }),
  }),
  scenario({
    name: 'shop.cancel (by the committee)',
    fn: 'shop',
    action: 'cancel',
    caller: 'committee',
    setup: redeemed,
    payload: (r) => ({ redemptionId: r.id }),
  }),
  scenario({
    name: 'shop.markUsed (fulfil)',
    fn: 'shop',
    action: 'markUsed',
    caller: 'committee',
    setup: redeemed,
    payload: (r) => ({ code: r.code }),
  }),
  scenario({
    // A read (0 write points) with a row of its own: it needs a redemption of the caller's.
    name: 'shop.codeImage',
    fn: 'shop',
    action: 'codeImage',
    caller: 'member',
    setup: redeemed,
    payload: (r) => ({ redemptionId: r.id }),
  }),
  {
    name: 'shop.create',
    fn: 'shop',
    action: 'create',
    caller: 'committee',
    payload: () => ({ ...reward, stock: 3, requestId: 'crash-create-0001' }),
  },
  {
    name: 'shop.create (with a photo)',
    fn: 'shop',
    action: 'create',
    caller: 'committee',
    payload: () => ({ ...reward, stock: 3, photoUrl: PHOTO, requestId: 'crash-create-0002' }),
  },
  {
    name: 'shop.update (with a new photo)',
    fn: 'shop',
    action: 'update',
    caller: 'committee',
    payload: () => ({ ...reward, rewardId: HAIRCUT, photoUrl: PHOTO }),
  },
  {
    name: 'shop.restock',
    fn: 'shop',
    action: 'restock',
    caller: 'committee',
    payload: () => ({ rewardId: HAIRCUT, quantity: 5, requestId: 'crash-restock-0001' }),
  },
  {
    name: 'shop.retire',
    fn: 'shop',
    action: 'retire',
    caller: 'committee',
    payload: () => ({ rewardId: HAIRCUT }),
  },
  {
    name: 'shop.restore',
    fn: 'shop',
    action: 'restore',
    caller: 'committee',
    setup: async (h) => {
      await h.call('shop', 'retire', { rewardId: HAIRCUT }, h.identities.committee);
    },
    payload: () => ({ rewardId: HAIRCUT }),
  },
];
