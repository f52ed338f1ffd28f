import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { accountKeyOf, memberIdFor } from '../../../cloudfunctions/_core/identity';
import { auditBalances, balanceOf, postEntry } from '../../../cloudfunctions/_core/ledger';
import { newMemberDoc } from '../../../cloudfunctions/_core/member-record';
import { LOCAL_APPID } from '../../../emulator/dev-server/functions-host';
import { CONTENT_CHECK_TEST_PHRASE } from '../../../emulator/platform/wechat.local';
import { demoRewardId } from '../../../emulator/seed/shop';
import type { RedemptionView, RewardView } from '../../../src/shared/domain/shop';
import { startHarness, type DemoIdentity, type Harness } from '../../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
/** The demo member's points after seeding (the ledger's seed and the shop's both post to them). */
let START = 0;
beforeEach(async () => {
  await h.reset();
  START = (await balanceOf(h.memberIdOf('member'))).points;
});

type Who = DemoIdentity | string;
const openidOf = (who: Who) => (who in h.identities ? h.identities[who as DemoIdentity] : who);
const invoke = (action: string, payload: unknown, who: Who) => h.invoke('shop', { action, payload }, openidOf(who));
const call = <T = any>(action: string, payload: unknown, who: Who) => h.call<T>('shop', action, payload, openidOf(who));
const refused = async (action: string, payload: unknown, who: Who, code: string) => {
  const res = await invoke(action, payload, who);
  expect(res).toMatchObject({ ok: false, error: { code } });
  return res;
};
let requests = 0;
const requestId = () => `req-${Date.now().toString(36)}-${(requests += 1)}`;

const HAIRCUT = () => demoRewardId('haircut');
const MUG = () => demoRewardId('mug');
const pointsOf = async (who: DemoIdentity | string) => (await balanceOf(who in h.identities ? h.memberIdOf(who as DemoIdentity) : who)).points;
const rewardDoc = async (id: string) => (await getDb().collection(COLLECTIONS.shopRewards).doc(id).get()).data[0];
const movementSum = async (rewardId: string) => {
  const res = await getDb().collection(COLLECTIONS.shopMovements).where({ rewardId }).limit(1000).get();
  return (res.data as { delta: number }[]).reduce((s, m) => s + m.delta, 0);
};
const redeem = (rewardId: string, who: Who = 'member', req = requestId()) => invoke('redeem', { rewardId, requestId: req }, who);
const redeemed = async (rewardId: string, who: Who = 'member', req?: string): Promise<RedemptionView> => {
  const res = await redeem(rewardId, who, req);
  if (!res.ok) throw new Error(res.error.code);
  return (res.data as { redemption: RedemptionView }).redemption;
};

const newReward = { name: '义诊一次', description: '社区卫生站陈医生坐诊', price: 10, stock: 3, giver: '白玉居委会' };

/** Approved echelon members of 白玉 with WeChat accounts, each with `points`. Answers their openids. */
async function addMembers(count: number, points: number): Promise<string[]> {
  const now = new Date();
  const openids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const openid = `shop-race-${i}`;
    const identity = { openid, appid: LOCAL_APPID };
    const id = memberIdFor(identity);
    const doc = newMemberDoc(id, openid, LOCAL_APPID, now, accountKeyOf(identity));
    await getDb()
      .collection(COLLECTIONS.members)
      .add({ ...doc, communityId: 'cm-baiyu1', name: `成员${i}`, application: { status: 'approved', submittedAt: now, reviewedAt: now } });
    if (points) {
      await postEntry({ key: `test:${openid}`, communityId: 'cm-baiyu1', memberId: id, halfHours: 0, points, source: 'manual', sourceId: null, reason: '测试', by: 'test', at: now });
    }
    openids.push(openid);
  }
  return openids;
}

describe('list', () => {
  it('shows a member the active rewards of their 居民区, cheapest first, with their points', async () => {
    const res = await call('list', {}, 'member');
    expect(res.items.map((r: RewardView) => r.name)).toEqual(['环保布袋', '眼镜清洗和小修', '免费理发一次', '梯队纪念搪瓷杯']);
    expect(res.items.find((r: RewardView) => r.id === HAIRCUT())).toMatchObject({ giver: '老李理发店', partner: true, stock: 10, price: 30 });
    expect(res.items[0].keepers).toBeUndefined();
    expect(res).toMatchObject({ points: START, canRedeem: true, canManage: false, canVerify: false, hasMore: false });
  });

  it('lets a resident look but not redeem, and the committee manage, keepers included', async () => {
    expect(await call('list', {}, 'resident')).toMatchObject({ canRedeem: false, canManage: false, canVerify: false });
    const committee = await call('list', { includeRetired: true }, 'committee');
    expect(committee).toMatchObject({ canManage: true, canVerify: true });
    expect(committee.items[0].keepers).toEqual([]);
  });

  it('keeps each 居民区 to itself and refuses those without one', async () => {
    expect((await call('list', {}, 'otherCommittee')).items).toEqual([]);
    await refused('list', {}, 'newcomer', 'COMMON.FORBIDDEN');
    await refused('list', {}, 'streetAdmin', 'COMMON.FORBIDDEN');
    await refused('list', { includeRetired: true }, 'member', 'COMMON.FORBIDDEN');
  });

  it('pages 20 at a time', async () => {
    for (let i = 0; i < 17; i += 1) await call('create', { ...newReward, name: `奖品${i}`, requestId: requestId() }, 'committee');
    const first = await call('list', { page: 1 }, 'member');
    expect(first.items).toHaveLength(20);
    expect(first.hasMore).toBe(true);
    expect((await call('list', { page: 2 }, 'member')).items).toHaveLength(1);
  });
});

describe('the committee keeps the shelf', () => {
  it('lists a reward once per request, with its opening stock as a movement', async () => {
    const req = requestId();
    const [a, b] = await Promise.all([call('create', { ...newReward, requestId: req }, 'committee'), call('create', { ...newReward, requestId: req }, 'committee')]);
    expect(a.reward.id).toBe(b.reward.id);
    expect(a.reward).toMatchObject({ name: '义诊一次', stock: 3, active: true, photoUrl: null, partner: false });
    expect((await getDb().collection(COLLECTIONS.shopRewards).where({ name: '义诊一次' }).count()).total).toBe(1);
    const moves = await call('movements', { rewardId: a.reward.id }, 'committee');
    expect(moves.items).toEqual([expect.objectContaining({ kind: 'create', delta: 3, byName: '周敏' })]);
  });

  it('names a partner shop keeper by phone, and refuses a phone nobody in the 居民区 has', async () => {
    const res = await call('create', { ...newReward, partner: true, giver: '老李理发店', keeperPhones: ['13900001001'], requestId: requestId() }, 'committee');
    expect(res.reward.keepers).toEqual([{ memberId: h.memberIdOf('resident'), name: '王秀兰', phone: '13900001001' }]);
    const bad = await refused('create', { ...newReward, keeperPhones: ['13900002001'], requestId: requestId() }, 'committee', 'SHOP.KEEPER_NOT_FOUND');
    expect(bad).toMatchObject({ error: { fields: { 'keeperPhones.0': expect.stringContaining('13900002001') } } });
  });

  it('refuses bad input and text that may not be shown, changing nothing', async () => {
    const bad = await refused('create', { ...newReward, price: 0, photoUrl: 'ftp://x', requestId: requestId() }, 'committee', 'COMMON.INVALID_INPUT');
    expect(bad).toMatchObject({ error: { fields: { price: '所需积分至少1', photoUrl: '图片地址要以 https:// 开头' } } });
    await refused('create', { ...newReward, name: `理发${CONTENT_CHECK_TEST_PHRASE}`, requestId: requestId() }, 'committee', 'COMMON.CONTENT_REJECTED');
    expect((await getDb().collection(COLLECTIONS.shopRewards).where({ communityId: 'cm-baiyu1' }).count()).total).toBe(4);
  });

  it('updates what a reward is without touching its stock', async () => {
    const res = await call('update', { rewardId: MUG(), ...newReward, name: '搪瓷杯', price: 50 }, 'committee');
    expect(res.reward).toMatchObject({ name: '搪瓷杯', price: 50, stock: 5 });
    expect(await rewardDoc(MUG())).toMatchObject({ name: '搪瓷杯', stock: 5 });
  });

  it('restocks once per request, recorded', async () => {
    const req = requestId();
    await Promise.all([call('restock', { rewardId: MUG(), quantity: 4, requestId: req }, 'committee'), call('restock', { rewardId: MUG(), quantity: 4, requestId: req }, 'committee')]);
    expect((await rewardDoc(MUG())).stock).toBe(9);
    expect(await movementSum(MUG())).toBe(9);
  });

  it('retires and restores a reward; a retired one cannot be redeemed but its codes stay valid', async () => {
    const before = await redeemed(MUG());
    expect((await call('retire', { rewardId: MUG() }, 'committee')).reward.active).toBe(false);
    expect((await call('list', {}, 'member')).items.map((r: RewardView) => r.id)).not.toContain(MUG());
    await refused('redeem', { rewardId: MUG(), requestId: requestId() }, 'member', 'SHOP.RETIRED');
    expect((await call('markUsed', { code: before.code }, 'committee')).outcome).toBe('used');
    expect((await call('restore', { rewardId: MUG() }, 'committee')).reward.active).toBe(true);
  });

  it.each<[string, object]>([
    ['create', { ...newReward, requestId: 'req-outsider-1' }],
    ['update', { rewardId: 'cm-baiyu1-seed-mug', ...newReward }],
    ['restock', { rewardId: 'cm-baiyu1-seed-mug', quantity: 1, requestId: 'req-outsider-2' }],
    ['retire', { rewardId: 'cm-baiyu1-seed-mug' }],
    ['restore', { rewardId: 'cm-baiyu1-seed-mug' }],
    ['movements', { rewardId: 'cm-baiyu1-seed-mug' }],
    ['redemptions', {}],
  ])('%s: refused to members, residents, grid leaders and the street; another 居民区 finds nothing', async (action, payload) => {
    for (const who of ['member', 'resident', 'gridLeader', 'streetAdmin', 'newcomer'] as const) await refused(action, payload, who, 'COMMON.FORBIDDEN');
    if (action !== 'create' && action !== 'redemptions') await refused(action, payload, 'otherCommittee', 'COMMON.NOT_FOUND');
    expect(await rewardDoc(MUG())).toMatchObject({ stock: 5, active: true, name: '梯队纪念搪瓷杯' });
  });
});

describe('redeem', () => {
  it('spends the points, takes one from stock, records the movement and answers a code', async () => {
    const r = await redeemed(HAIRCUT());
    expect(r).toMatchObject({ rewardName: '免费理发一次', giver: '老李理发店', price: 30, status: 'pending', memberName: '李建国' });
    expect(r.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{8}$/);
    expect(await pointsOf('member')).toBe(START - 30);
    expect((await rewardDoc(HAIRCUT())).stock).toBe(9);
    expect(await movementSum(HAIRCUT())).toBe(9);
    const mine = await call('mine', {}, 'member');
    expect(mine.items).toEqual([expect.objectContaining({ id: r.id, code: r.code, status: 'pending' })]);
  });

  it('redeems once for a retried tap, even when the copies race', async () => {
    const req = requestId();
    const results = await Promise.all(Array.from({ length: 8 }, () => redeemed(HAIRCUT(), 'member', req)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(new Set(results.map((r) => r.code)).size).toBe(1);
    expect(await pointsOf('member')).toBe(START - 30);
    expect((await rewardDoc(HAIRCUT())).stock).toBe(9);
    expect(await movementSum(HAIRCUT())).toBe(9);
    expect((await call('mine', {}, 'member')).items).toHaveLength(1);
  });

  it('refuses when points run short: stock back, nothing recorded', async () => {
    const [openid] = await addMembers(1, 70);
    await redeemed(MUG(), openid);
    await refused('redeem', { rewardId: MUG(), requestId: requestId() }, openid!, 'LEDGER.INSUFFICIENT_POINTS');
    expect(await pointsOf(memberIdFor({ openid: openid!, appid: LOCAL_APPID }))).toBe(10);
    expect((await rewardDoc(MUG())).stock).toBe(4);
    expect(await movementSum(MUG())).toBe(4);
    expect((await call('mine', {}, openid!)).items).toHaveLength(1);
  });

  it('gives the unit back when a tap that died after taking it is retried and the points fall short', async () => {
    const [openid] = await addMembers(1, 5);
    const payload = { rewardId: MUG(), requestId: requestId() };
    const before = (await rewardDoc(MUG())).stock;
    h.faults.arm({ at: 1, mode: 'crash' });
    const first = invoke('redeem', payload, openid!);
    await h.faults.whenTripped();
    // The call died right after taking the unit (with its movement).
    expect([(await rewardDoc(MUG())).stock, await movementSum(MUG())]).toEqual([before - 1, before - 1]);
    await refused('redeem', payload, openid!, 'LEDGER.INSUFFICIENT_POINTS');
    h.faults.reset();
    await first;
    expect([(await rewardDoc(MUG())).stock, await movementSum(MUG())]).toEqual([before, before]);
    expect((await call('mine', {}, openid!)).items).toHaveLength(0);
  });

  it('refuses a resident who has not joined, and a reward of another 居民区', async () => {
    await refused('redeem', { rewardId: HAIRCUT(), requestId: requestId() }, 'resident', 'SHOP.MEMBERS_ONLY');
    await refused('redeem', { rewardId: HAIRCUT(), requestId: requestId() }, 'committee', 'SHOP.MEMBERS_ONLY');
    const other = await call('create', { ...newReward, requestId: requestId() }, 'otherCommittee');
    await refused('redeem', { rewardId: other.reward.id, requestId: requestId() }, 'member', 'COMMON.NOT_FOUND');
    expect((await rewardDoc(other.reward.id)).stock).toBe(3);
  });

  it('answers out of stock at zero', async () => {
    const { reward } = await call('create', { ...newReward, stock: 1, requestId: requestId() }, 'committee');
    await redeemed(reward.id);
    await refused('redeem', { rewardId: reward.id, requestId: requestId() }, 'member', 'SHOP.OUT_OF_STOCK');
    expect((await rewardDoc(reward.id)).stock).toBe(0);
  });

  it('100 concurrent redemptions of a reward with stock 10: exactly 10 succeed, no negative balance, no drift', async () => {
    const openids = await addMembers(25, 25);
    const { reward } = await call('create', { ...newReward, stock: 10, requestId: requestId() }, 'committee');
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => redeem(reward.id, openids[i % 25]!)));
    const ok = results.filter((r) => r.ok);
    expect(ok).toHaveLength(10);
    const codes = results.filter((r) => !r.ok).map((r) => (r as { error: { code: string } }).error.code);
    expect(new Set(codes)).toEqual(new Set(['SHOP.OUT_OF_STOCK', ...(codes.includes('LEDGER.INSUFFICIENT_POINTS') ? ['LEDGER.INSUFFICIENT_POINTS'] : [])]));
    expect((await rewardDoc(reward.id)).stock).toBe(0);
    expect(await movementSum(reward.id)).toBe(0);
    const balances = await getDb().collection(COLLECTIONS.ledgerBalances).where({ communityId: 'cm-baiyu1' }).limit(1000).get();
    expect((balances.data as { points: number }[]).every((b) => b.points >= 0)).toBe(true);
    expect(await auditBalances('cm-baiyu1')).toMatchObject({ drift: [] });
    expect((await getDb().collection(COLLECTIONS.shopRedemptions).where({ rewardId: reward.id }).count()).total).toBe(10);
    const allCodes = ok.map((r) => (r as { data: { redemption: RedemptionView } }).data.redemption.code);
    expect(new Set(allCodes).size).toBe(10);
  }, 60_000);

  it('a member with points for exactly one of two concurrent redemptions gets one', async () => {
    const [openid] = await addMembers(1, 30);
    const results = await Promise.all([redeem(HAIRCUT(), openid!), redeem(HAIRCUT(), openid!)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: { code: 'LEDGER.INSUFFICIENT_POINTS' } });
    expect(await pointsOf(memberIdFor({ openid: openid!, appid: LOCAL_APPID }))).toBe(0);
    expect((await rewardDoc(HAIRCUT())).stock).toBe(9);
    expect(await auditBalances('cm-baiyu1')).toMatchObject({ drift: [] });
  });
});

describe('markUsed', () => {
  it('marks a code used once; a second mark answers when it was used', async () => {
    const r = await redeemed(HAIRCUT());
    const first = await call('markUsed', { code: ` ${r.code.slice(0, 4).toLowerCase()}-${r.code.slice(4)} ` }, 'committee');
    expect(first).toMatchObject({ outcome: 'used', redemption: { status: 'used', usedByName: '周敏', memberName: '李建国' } });
    const second = await call('markUsed', { code: r.code }, 'committee');
    expect(second).toMatchObject({ outcome: 'alreadyUsed', redemption: { usedAt: first.redemption.usedAt } });
    expect((await call('mine', {}, 'member')).items[0]).toMatchObject({ status: 'used' });
  });

  it('takes a scanned mini-program code path as well as a typed code', async () => {
    const r = await redeemed(HAIRCUT());
    const img = await call('codeImage', { redemptionId: r.id }, 'member');
    expect(img).toMatchObject({ page: 'packages/shop/pages/verify/index', scene: `r=${r.code}`, image: expect.stringMatching(/^data:image\/png;base64,/) });
    const res = await call('markUsed', { code: `${img.page}?scene=${encodeURIComponent(img.scene)}` }, 'committee');
    expect(res.outcome).toBe('used');
    await refused('codeImage', { redemptionId: r.id }, 'member', 'SHOP.ALREADY_USED');
  });

  it('lets the keeper the reward names mark its codes, with the member’s name masked, and no other reward’s', async () => {
    await call('update', { rewardId: HAIRCUT(), name: '免费理发一次', description: '', price: 30, giver: '老李理发店', partner: true, keeperPhones: ['13900001001'] }, 'committee');
    expect((await call('list', {}, 'resident')).canVerify).toBe(true);
    const hair = await redeemed(HAIRCUT());
    const mug = await redeemed(MUG());
    expect(await call('markUsed', { code: hair.code }, 'resident')).toMatchObject({ outcome: 'used', redemption: { memberName: '李**', usedByName: '王秀兰' } });
    await refused('markUsed', { code: mug.code }, 'resident', 'SHOP.CODE_NOT_FOUND');
  });

  it('answers not found to anyone else, and for another 居民区’s code, and refuses those without a 居民区', async () => {
    const r = await redeemed(HAIRCUT());
    for (const who of ['member', 'gridLeader', 'resident', 'otherCommittee'] as const) await refused('markUsed', { code: r.code }, who, 'SHOP.CODE_NOT_FOUND');
    for (const who of ['newcomer', 'streetAdmin'] as const) await refused('markUsed', { code: r.code }, who, 'COMMON.FORBIDDEN');
    await refused('markUsed', { code: 'ABCD' }, 'committee', 'COMMON.INVALID_INPUT');
    await refused('markUsed', { code: 'AAAAAAAA' }, 'committee', 'SHOP.CODE_NOT_FOUND');
    expect((await call('mine', {}, 'member')).items[0].status).toBe('pending');
  });

  it('refuses a cancelled code, and two racing marks make one use', async () => {
    const a = await redeemed(HAIRCUT());
    await call('cancel', { redemptionId: a.id }, 'member');
    await refused('markUsed', { code: a.code }, 'committee', 'SHOP.CANCELLED');
    const b = await redeemed(HAIRCUT());
    const both = await Promise.all([call('markUsed', { code: b.code }, 'committee'), call('markUsed', { code: b.code }, 'committee')]);
    expect(both.map((x) => x.outcome).sort()).toEqual(['alreadyUsed', 'used']);
  });
});

describe('cancel', () => {
  it('returns the points and the stock once, however often it is retried or raced', async () => {
    const r = await redeemed(HAIRCUT());
    const results = await Promise.all([call('cancel', { redemptionId: r.id }, 'member'), call('cancel', { redemptionId: r.id }, 'committee'), call('cancel', { redemptionId: r.id }, 'member')]);
    expect(results.every((x) => x.redemption.status === 'cancelled')).toBe(true);
    await call('cancel', { redemptionId: r.id }, 'member');
    expect(await pointsOf('member')).toBe(START);
    expect((await rewardDoc(HAIRCUT())).stock).toBe(10);
    expect(await movementSum(HAIRCUT())).toBe(10);
    const refund = (await getDb().collection(COLLECTIONS.ledgerEntries).where({ memberId: h.memberIdOf('member'), points: 30 }).get()).data;
    expect(refund).toEqual([expect.objectContaining({ source: 'redemption', reverses: `redeem:${r.id}` })]);
    expect(await auditBalances('cm-baiyu1')).toMatchObject({ drift: [] });
    expect((await call('redemptions', { status: 'cancelled' }, 'committee')).items).toEqual([expect.objectContaining({ id: r.id })]);
  });

  it('refuses once used, and to anyone but the member and the committee', async () => {
    const r = await redeemed(HAIRCUT());
    for (const who of ['resident', 'gridLeader'] as const) await refused('cancel', { redemptionId: r.id }, who, 'COMMON.FORBIDDEN');
    await refused('cancel', { redemptionId: r.id }, 'otherCommittee', 'COMMON.NOT_FOUND');
    await refused('codeImage', { redemptionId: r.id }, 'committee', 'COMMON.NOT_FOUND');
    await call('markUsed', { code: r.code }, 'committee');
    await refused('cancel', { redemptionId: r.id }, 'member', 'SHOP.ALREADY_USED');
    expect(await pointsOf('member')).toBe(START - 30);
  });
});
