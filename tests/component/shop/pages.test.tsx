import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import AdminShopPage from '@/packages/admin/pages/shop/index';
import ShopListPage from '@/packages/shop/pages/list/index';
import MyRedemptionsPage from '@/packages/shop/pages/mine/index';
import VerifyPage from '@/packages/shop/pages/verify/index';
import { demoRewardId } from '../../../emulator/seed/shop';
import { navigateTo, showModal } from '../../__mocks__/taro';
import { __setRouterParams, setupPagesHarness } from '../support/pages';
import { byClass, typeInto } from '../support/taro-events';

const ctx = setupPagesHarness();

const rowOf = (className: string, attr: string, id: string) =>
  byClass(className).find((el) => el.getAttribute(attr) === id) as HTMLElement | undefined;
const clickIn = (el: Element, className: string) => {
  const target = el.getElementsByClassName(className)[0];
  if (!target) throw new Error(`no .${className}`);
  fireEvent.click(target);
};
const idle = () => waitFor(() => expect(byClass('is-busy')).toHaveLength(0));
const HAIRCUT = demoRewardId('haircut');
/** The demo member's balance (the ledger's seed and the shop's both post to it). */
const memberPoints = async (): Promise<number> => (await ctx.h.call('shop', 'list', {}, ctx.h.identities.member)).points;
const redeemAs = async (rewardId = HAIRCUT) =>
  (await ctx.h.call('shop', 'redeem', { rewardId, requestId: `req-${Math.random().toString(36).slice(2, 12)}` }, ctx.h.identities.member)).redemption;

describe('积分超市', () => {
  it('shows a member their points and the shelf, and redeems with one confirmed tap', async () => {
    const start = await memberPoints();
    ctx.signIn('member');
    render(<ShopListPage />);
    await screen.findByText('免费理发一次');
    await idle();
    expect(screen.getByText(String(start))).toBeTruthy();
    const haircut = rowOf('reward-card', 'data-reward-id', HAIRCUT)!;
    expect(within(haircut).getByText('提供：老李理发店')).toBeTruthy();
    expect(within(haircut).getByText('友邻联盟')).toBeTruthy();
    clickIn(haircut, 'btn-redeem');
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/shop/pages/mine/index' }));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '用 30 积分兑换“免费理发一次”？' }));
    await waitFor(() => expect(screen.getByText(String(start - 30))).toBeTruthy());
    expect(within(rowOf('reward-card', 'data-reward-id', HAIRCUT)!).getByText('还剩 9 份')).toBeTruthy();
  });

  it('says how many points are missing instead of offering what the member cannot afford', async () => {
    const price = (await memberPoints()) + 20;
    const { reward } = await ctx.h.call('shop', 'create', { name: '年度之星纪念册', description: '', price, stock: 1, giver: '白玉居委会', requestId: 'req-dear-reward' }, ctx.h.identities.committee);
    ctx.signIn('member');
    render(<ShopListPage />);
    await screen.findByText('年度之星纪念册');
    await idle();
    const card = rowOf('reward-card', 'data-reward-id', reward.id)!;
    expect(within(card).getByText('还差 20 积分')).toBeTruthy();
    expect(card.querySelector('.btn-redeem')!.className).toContain('disabled');
  });

  it('lets a resident look, with a hint to join, and no redeem button', async () => {
    ctx.signIn('resident');
    render(<ShopListPage />);
    await screen.findByText('免费理发一次');
    await idle();
    expect(byClass('btn-redeem')).toHaveLength(0);
    expect(screen.getByText('加入第二梯队后，参加服务攒积分，就能在这里兑换。')).toBeTruthy();
    expect(byClass('btn-open-verify')).toHaveLength(0);
  });
});

describe('我的兑换', () => {
  it('shows an unused code in large type, its mini-program code on request, and cancels with the points back', async () => {
    const start = await memberPoints();
    const r = await redeemAs();
    ctx.signIn('member');
    render(<MyRedemptionsPage />);
    await screen.findByText(`${r.code.slice(0, 4)} ${r.code.slice(4)}`);
    await idle();
    const card = rowOf('redemption-card', 'data-redemption-id', r.id)!;
    expect(within(card).getByText('待使用')).toBeTruthy();
    clickIn(card, 'btn-show-qr');
    await waitFor(() => expect(card.querySelector('.redemption-card__qr')).toBeTruthy());
    clickIn(card, 'btn-cancel-redemption');
    await waitFor(() => expect(within(rowOf('redemption-card', 'data-redemption-id', r.id)!).getByText('已取消')).toBeTruthy());
    expect(await memberPoints()).toBe(start);
  });
});

describe('核销兑换码', () => {
  it('marks a typed code used, then answers when it was used', async () => {
    const r = await redeemAs();
    ctx.signIn('committee');
    render(<VerifyPage />);
    typeInto('verify-code', r.code.toLowerCase());
    // A code is spent once: asked first, naming it; 再想想 leaves it unused.
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(byClass('btn-mark-used')[0]!);
    await waitFor(() => expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '核销兑换码', content: expect.stringContaining(r.code.toUpperCase()) })));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(byClass('verify-result')).toHaveLength(0);
    expect((await ctx.h.call('shop', 'mine', {}, ctx.h.identities.member)).items.find((x: { id: string }) => x.id === r.id)).toMatchObject({ status: 'pending' });
    fireEvent.click(byClass('btn-mark-used')[0]!);
    await screen.findByText('核销成功');
    expect(screen.getByText('兑换人：李建国')).toBeTruthy();
    typeInto('verify-code', r.code);
    fireEvent.click(byClass('btn-mark-used')[0]!);
    expect(await screen.findByText(/^已于 \d\d:\d\d 核销$/)).toBeTruthy();
  });

  it('fills the code from a scanned mini-program code, and explains a wrong code', async () => {
    const r = await redeemAs();
    ctx.signIn('committee');
    __setRouterParams({ scene: encodeURIComponent(`r=${r.code}`) });
    render(<VerifyPage />);
    expect((document.getElementById('verify-code') as HTMLInputElement).value ?? '').toBe(r.code);
    typeInto('verify-code', 'AAAA2222');
    fireEvent.click(byClass('btn-mark-used')[0]!);
    expect(await screen.findByText('没有找到这个兑换码，请核对后再试')).toBeTruthy();
  });
});

describe('积分超市管理', () => {
  it('lists a new reward, restocks it and retires it; the shelf and its history follow', async () => {
    ctx.signIn('committee');
    render(<AdminShopPage />);
    await screen.findByText('免费理发一次');
    await idle();
    typeInto('reward-new-name', '义诊一次');
    typeInto('reward-new-price', '10');
    typeInto('reward-new-stock', '2');
    typeInto('reward-new-giver', '白玉居委会');
    fireEvent.click(byClass('btn-save-reward')[0]!);
    await screen.findByText('义诊一次');
    await idle();
    const row = () => byClass('shop-admin-row').find((el) => el.textContent?.includes('义诊一次')) as HTMLElement;
    typeInto(`restock-${row().getAttribute('data-reward-id')}`, '3');
    clickIn(row(), 'btn-restock');
    await waitFor(() => expect(within(row()).getByText('还剩 5 份')).toBeTruthy());
    await idle();
    clickIn(row(), 'btn-movements');
    await waitFor(() => expect(within(row()).getByText(/补货 \+3/)).toBeTruthy());
    expect(within(row()).getByText(/上架 \+2/)).toBeTruthy();
    clickIn(row(), 'btn-retire-reward');
    await waitFor(() => expect(within(row()).getByText('已下架')).toBeTruthy());
  });

  it('shows the function’s field errors on the form', async () => {
    ctx.signIn('committee');
    render(<AdminShopPage />);
    await screen.findByText('免费理发一次');
    await idle();
    typeInto('reward-new-name', '理发');
    typeInto('reward-new-price', '10');
    typeInto('reward-new-stock', '1');
    typeInto('reward-new-giver', '老李理发店');
    typeInto('reward-new-keepers', '13900002001');
    fireEvent.click(byClass('btn-save-reward')[0]!);
    expect(await screen.findByText('没有找到手机号 13900002001 的居民')).toBeTruthy();
  });

  it('lists redemptions by status and cancels one', async () => {
    const r = await redeemAs();
    ctx.signIn('committee');
    render(<AdminShopPage />);
    const card = await waitFor(() => {
      const found = rowOf('redemption-card', 'data-redemption-id', r.id);
      if (!found) throw new Error('not yet');
      return found;
    });
    expect(within(card).getByText(/李建国/)).toBeTruthy();
    await idle();
    clickIn(card, 'btn-cancel-redemption');
    await waitFor(() => expect(within(rowOf('redemption-card', 'data-redemption-id', r.id)!).getByText('已取消')).toBeTruthy());
    fireEvent.click(byClass('choice-chip').find((el) => el.getAttribute('data-value') === 'pending')!);
    await waitFor(() => expect(rowOf('redemption-card', 'data-redemption-id', r.id)).toBeUndefined());
  });
});
