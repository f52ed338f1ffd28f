import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { showModal, showToast } from '../../__mocks__/taro';
import CabinDonatePage from '@/packages/cabin/pages/donate/index';
import CabinHomePage from '@/packages/cabin/pages/home/index';
import CabinItemPage from '@/packages/cabin/pages/item/index';
import CabinMinePage from '@/packages/cabin/pages/mine/index';
import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { demoCabinItemId } from '../../../emulator/seed/cabin';
import { openMonday } from '../../integration/cabin/support';
import { __setRouterParams, setupPagesHarness } from '../support/pages';
import { byClass, clickByClass, typeInto } from '../support/taro-events';

const ctx = setupPagesHarness();
// Borrowing needs the cabin open: every test starts on a Monday morning, whatever the hour it runs at.
beforeEach(() => openMonday(ctx.h));

const idle = () => waitFor(() => expect(byClass('is-busy')).toHaveLength(0));
const chip = (group: string, value: string) => {
  const el = byClass(`choice-chips--${group}`)[0]?.querySelector(`[data-value="${value}"]`);
  if (!el) throw new Error(`no chip ${value} in ${group}`);
  return el;
};
const SEW_1 = demoCabinItemId('sew-1');

describe('爱心格子屋 home', () => {
  it('shows the cabin open or when it opens, its sections, and the items; a resident gets no desk', async () => {
    ctx.signIn('resident');
    __setRouterParams({});
    render(<CabinHomePage />);
    await screen.findByText('针线包（一号）');
    await idle();
    const main = byClass('cabin-open--main')[0] as HTMLElement;
    expect(within(main).getByText('爱心格子屋')).toBeTruthy();
    expect(main.querySelector('.cabin-open__label')?.textContent).toMatch(/开放中|开门|暂停开放/);
    expect(byClass('cabin-open--section').map((el) => el.querySelector('.cabin-open__name')?.textContent)).toContain('报刊架');
    expect(byClass('btn-cabin-desk')).toHaveLength(0);
    expect(byClass('btn-cabin-manage')).toHaveLength(0);
  });

  it('filters by kind and searches by name', async () => {
    ctx.signIn('resident');
    __setRouterParams({});
    render(<CabinHomePage />);
    await screen.findByText('针线包（一号）');
    fireEvent.click(chip('cabin-kind', 'consumable'));
    await screen.findByText('纽扣（白色）');
    await idle();
    expect(screen.queryByText('针线包（一号）')).toBeNull();
    expect(screen.getByText(/剩 120 颗/)).toBeTruthy();
    fireEvent.click(chip('cabin-kind', 'all'));
    typeInto('cabin-search', '雨伞');
    clickByClass('btn-cabin-search');
    await screen.findByText('爱心雨伞（蓝）');
    await idle();
    expect(byClass('cabin-item-card')).toHaveLength(2);
  });

  it('opens on the shelf whose QR label was scanned', async () => {
    ctx.signIn('resident');
    __setRouterParams({ scene: encodeURIComponent('s=cabin-baiyu1.umbrellas') });
    render(<CabinHomePage />);
    await screen.findByText('爱心雨伞（蓝）');
    await idle();
    expect(byClass('cabin-item-card')).toHaveLength(2);
    expect(chip('cabin-section', 'umbrellas').className).toContain('chip--on');
  });

  it('offers keepers the desk and the management pages', async () => {
    ctx.signIn('member');
    __setRouterParams({});
    render(<CabinHomePage />);
    await screen.findByText('针线包（一号）');
    await waitFor(() => expect(byClass('btn-cabin-desk')).toHaveLength(1));
    expect(byClass('btn-cabin-manage')).toHaveLength(1);
  });
});

describe('物品详情', () => {
  it('a resident holds a sewing kit, then borrows it; the page shows the due day', async () => {
    ctx.signIn('resident');
    __setRouterParams({ id: SEW_1 });
    render(<CabinItemPage />);
    await screen.findByText('剪刀、顶针、十色线、针插，缝缝补补都够用。');
    await idle();
    expect(screen.getByText(/借期 7 天/)).toBeTruthy();
    clickByClass('btn-hold');
    await screen.findByText('已为你预留');
    await idle();
    expect(byClass('cabin-my-hold')[0]?.textContent).toMatch(/已为你预留，保留到/);
    clickByClass('btn-borrow');
    await screen.findByText('借用成功');
    await idle();
    expect(byClass('cabin-my-loan')[0]?.textContent).toMatch(/你正借着它：\d+月\d+日前归还/);
    expect(byClass('cabin-item-since')[0]?.textContent).toMatch(/^\d{4}年\d+月来到格子屋，已借出过 1 次$/);
    // Reminders only in answer to a tap: one of each allowed.
    clickByClass('btn-remind-me');
    await screen.findByText('好的，到期前会通过微信提醒你');
    const { quota } = await ctx.h.call('members', 'mySubscriptions', {}, ctx.h.identities.resident);
    expect(quota).toMatchObject({ 'loan-due': 1, 'loan-overdue': 1, 'hold-ready': 0 });
    const loans = (await getDb().collection(COLLECTIONS.cabinLoans).where({ itemId: SEW_1 }).get()).data;
    expect(loans).toHaveLength(1);
  });

  it('opens from the QR label scene and says in Chinese when the item is held for someone else', async () => {
    await ctx.h.call('cabin', 'hold', { itemId: SEW_1, requestId: 'req-hold-other' }, ctx.h.identities.member);
    ctx.signIn('resident');
    __setRouterParams({ scene: encodeURIComponent(`i=${SEW_1}`) });
    render(<CabinItemPage />);
    await screen.findByText('针线包（一号）');
    await idle();
    expect(byClass('btn-borrow')).toHaveLength(0);
    clickByClass('btn-hold');
    await screen.findByText('已加入排队');
    await idle();
    expect(byClass('cabin-my-hold')[0]?.textContent).toMatch(/^排队中，第 1 位/);
  });

  it('takes buttons from stock', async () => {
    ctx.signIn('resident');
    __setRouterParams({ id: demoCabinItemId('buttons') });
    render(<CabinItemPage />);
    await screen.findByText(/免费领取，用多少拿多少/);
    fireEvent.click(chip('take-quantity', '3'));
    clickByClass('btn-take');
    await screen.findByText('已领取 3 颗');
    await idle();
    expect(screen.getByText(/剩 117 颗/)).toBeTruthy();
  });
});

describe('我的借用', () => {
  it('lists a loan with its due day and renews it', async () => {
    await ctx.h.call('cabin', 'borrow', { itemId: SEW_1, requestId: 'req-borrow-1' }, ctx.h.identities.resident);
    ctx.h.stack.clock.offsetMs += 2 * 24 * 3600 * 1000;
    ctx.signIn('resident');
    render(<CabinMinePage />);
    await screen.findByText('针线包（一号）');
    const before = byClass('cabin-due')[0]!.textContent;
    clickByClass('btn-renew');
    await waitFor(() => expect(byClass('cabin-due')[0]!.textContent).not.toBe(before));
    expect(byClass('btn-renew')).toHaveLength(0);
  });

  it('shows an overdue loan in red', async () => {
    await ctx.h.call('cabin', 'borrow', { itemId: SEW_1, requestId: 'req-borrow-2' }, ctx.h.identities.resident);
    ctx.h.stack.clock.offsetMs += 10 * 24 * 3600 * 1000;
    ctx.signIn('resident');
    render(<CabinMinePage />);
    await screen.findByText('针线包（一号）');
    const due = byClass('cabin-due')[0]!;
    expect(due.textContent).toMatch(/^已逾期/);
    expect(due.className).toContain('cabin-overdue');
  });
});

describe('我的捐赠', () => {
  it('shows the donor the keeper’s thanks and reason', async () => {
    const { donation } = await ctx.h.call('cabin', 'offerDonation', { cabinId: 'cabin-baiyu1', what: '旧电熨斗', description: '', condition: '能用', photo: '', requestId: 'req-donate-iron-2' }, ctx.h.identities.resident);
    await ctx.h.call('cabin', 'declineDonation', { donationId: donation.id, reason: '电器不方便外借，谢谢你的好意' }, ctx.h.identities.member);
    ctx.signIn('resident');
    render(<CabinMinePage />);
    fireEvent.click(byClass('tab-donations')[0]!);
    await screen.findByText('旧电熨斗');
    expect(byClass('donation-status')[0]!.textContent).toBe('已婉谢');
    expect(byClass('donation-answer')[0]!.textContent).toBe('格子屋回复：电器不方便外借，谢谢你的好意');
  });

  it('cancels a hold from 我的预约', async () => {
    await ctx.h.call('cabin', 'hold', { itemId: SEW_1, requestId: 'req-hold-mine' }, ctx.h.identities.resident);
    ctx.signIn('resident');
    render(<CabinMinePage />);
    fireEvent.click(byClass('tab-holds')[0]!);
    await screen.findByText('针线包（一号）');
    expect(byClass('cabin-hold')[0]!.textContent).toMatch(/已为你预留，请在 .+ 前来借/);
    // Asked first, by name; 再想想 keeps the hold.
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    clickByClass('btn-cancel-hold');
    await waitFor(() => expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '取消预约', content: expect.stringContaining('针线包（一号）') })));
    await new Promise((r) => setTimeout(r, 50));
    expect(byClass('cabin-hold')).toHaveLength(1);
    expect((await getDb().collection(COLLECTIONS.cabinHolds).where({ itemId: SEW_1 }).get()).data[0]).toMatchObject({ status: 'ready' });
    clickByClass('btn-cancel-hold');
    await screen.findByText('现在没有预约。');
  });
});

describe('我要捐赠', () => {
  it('an empty offer: each message by its field, the page scrolled to the first, a toast, nothing kept', async () => {
    const scroll = jest.spyOn(Taro, 'pageScrollTo');
    ctx.signIn('resident');
    __setRouterParams({});
    render(<CabinDonatePage />);
    await screen.findByText('提交捐赠');
    await idle();
    clickByClass('btn-offer-donation');
    await waitFor(() => expect(byClass('field-error--what')).toHaveLength(1));
    expect(scroll).toHaveBeenCalledWith(expect.objectContaining({ selector: '.form-field--what' }));
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringContaining(byClass('field-error--what')[0]!.textContent!), icon: 'none' }));
    expect((await getDb().collection(COLLECTIONS.cabinDonations).get()).data).toHaveLength(0);
    scroll.mockRestore();
  });

  it('shows the content check refusal and keeps nothing; then sends an offer', async () => {
    ctx.signIn('resident');
    __setRouterParams({});
    render(<CabinDonatePage />);
    await screen.findByText('提交捐赠');
    await idle();
    typeInto('donation-what', '违规测试词');
    fireEvent.click(chip('donation-condition', '九成新'));
    clickByClass('btn-offer-donation');
    await waitFor(() => expect(byClass('donation-error').length).toBeGreaterThan(0));
    expect((await getDb().collection(COLLECTIONS.cabinDonations).get()).data).toHaveLength(0);
    typeInto('donation-what', '《红岩》一本');
    clickByClass('btn-offer-donation');
    await screen.findByText(/已收到「《红岩》一本」的捐赠意向/);
    const saved = (await getDb().collection(COLLECTIONS.cabinDonations).get()).data;
    expect(saved).toMatchObject([{ what: '《红岩》一本', condition: '九成新', status: 'offered' }]);
  });
});

describe('the header and the items agree on the hours', () => {
  const shelfTags = () => byClass('tag-shelf').map((el) => el.textContent);

  it('at 23:15: 明天 9:00 开门 above, 可预约 on every item, and the item page offers a reservation, not a borrow', async () => {
    openMonday(ctx.h, '23:15');
    ctx.signIn('resident');
    __setRouterParams({});
    render(<CabinHomePage />);
    await screen.findByText('针线包（一号）');
    await idle();
    expect(byClass('cabin-open--main')[0]!.querySelector('.cabin-open__label')?.textContent).toBe('明天 9:00 开门');
    expect(shelfTags().length).toBeGreaterThan(0);
    expect(shelfTags().filter((t) => t?.startsWith('现在'))).toEqual([]);
    expect(shelfTags()).toContain('可预约，明天 9:00 开门后来取');
    cleanup();

    __setRouterParams({ id: SEW_1 });
    render(<CabinItemPage />);
    await screen.findByText('可预约，明天 9:00 开门后来取');
    await idle();
    expect(byClass('btn-borrow')).toHaveLength(0);
    expect(byClass('btn-hold')[0]?.textContent).toContain('预约，开门后来取');
  });

  it('只看现在可借 at 23:15: no item, and the page says when it opens and that a reservation works', async () => {
    openMonday(ctx.h, '23:15');
    ctx.signIn('resident');
    __setRouterParams({});
    render(<CabinHomePage />);
    await screen.findByText('针线包（一号）');
    await idle();
    expect(chip('cabin-available', 'now').textContent).toBe('只看现在可借');
    fireEvent.click(chip('cabin-available', 'now'));
    await screen.findByText('格子屋现在没开门（明天 9:00 开门）。关掉“只看现在可借”，能借的物品可预约，明天 9:00 开门后来取。');
    expect(byClass('tag-shelf')).toHaveLength(0);
    fireEvent.click(chip('cabin-available', 'now'));
    await screen.findByText('针线包（一号）');
  });

  it('只看现在可借 at 10:00: only items saying 现在可…, the same rule as their cards', async () => {
    ctx.signIn('resident');
    __setRouterParams({});
    render(<CabinHomePage />);
    await screen.findByText('针线包（一号）');
    await idle();
    fireEvent.click(chip('cabin-available', 'now'));
    await waitFor(() => expect(document.querySelector('.choice-chips--cabin-available .chip--on')).toBeTruthy());
    await idle();
    expect(shelfTags().length).toBeGreaterThan(0);
    expect(shelfTags().every((t) => t?.startsWith('现在可'))).toBe(true);
  });

  it('at 10:00: 开放中 above and 现在可借 on the items, with the borrow button', async () => {
    ctx.signIn('resident');
    __setRouterParams({});
    render(<CabinHomePage />);
    await screen.findByText('针线包（一号）');
    await idle();
    expect(byClass('cabin-open--main')[0]!.querySelector('.cabin-open__label')?.textContent).toMatch(/^开放中/);
    expect(shelfTags()).toContain('现在可借');
    expect(shelfTags().filter((t) => t?.startsWith('可预约'))).toEqual([]);
    cleanup();

    __setRouterParams({ id: SEW_1 });
    render(<CabinItemPage />);
    await screen.findByText('针线包（一号）');
    await idle();
    expect(byClass('btn-borrow')).toHaveLength(1);
  });
});
