import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import CabinDeskPage from '@/packages/cabin/pages/desk/index';
import CabinItemPage from '@/packages/cabin/pages/item/index';
import CabinManagePage from '@/packages/cabin/pages/manage/index';
import CabinReportPage from '@/packages/cabin/pages/report/index';
import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { DEMO_CABIN_ID, demoCabinItemId } from '../../../emulator/seed/cabin';
import { redirectTo, showModal, showToast } from '../../__mocks__/taro';
import { openMonday } from '../../integration/cabin/support';
import { __setRouterParams, setupPagesHarness } from '../support/pages';
import { byClass, clickByClass, typeInto } from '../support/taro-events';

const ctx = setupPagesHarness();
// Borrowing needs the cabin open: every test starts on a Monday morning, whatever the hour it runs at.
beforeEach(() => openMonday(ctx.h));

const idle = () => waitFor(() => expect(byClass('is-busy')).toHaveLength(0));
const rowOf = (className: string, attr: string, value: string) => {
  const row = byClass(className).find((el) => el.getAttribute(attr) === value);
  if (!row) throw new Error(`no .${className}[${attr}=${value}]`);
  return row as HTMLElement;
};
const clickIn = (el: Element, className: string) => {
  const target = el.getElementsByClassName(className)[0];
  if (!target) throw new Error(`no .${className}`);
  fireEvent.click(target);
};
const typeIn = (el: Element, className: string, value: string) => {
  const target = el.getElementsByClassName(className)[0];
  if (!target) throw new Error(`no .${className}`);
  fireEvent(target, new CustomEvent('input', { detail: { value }, bubbles: true }));
};
/** The platform's picker answers a change with the picked "YYYY-MM-DD" or "HH:mm". */
const pick = (id: string, value: string) => fireEvent(document.getElementById(id)!, new CustomEvent('change', { detail: { value } }));
const openTab = (key: string) => fireEvent.click(byClass(`tab-${key}`)[0]!);
const SEW_2 = demoCabinItemId('sew-2');

const openDesk = async (who: 'member' | 'gridLeader' | 'resident') => {
  ctx.signIn(who);
  __setRouterParams({ cabinId: DEMO_CABIN_ID });
  render(<CabinDeskPage />);
  await idle();
};

describe('值守台', () => {
  it('lends a sewing kit to a resident found by name and takes it back with a condition note', async () => {
    await openDesk('gridLeader');
    expect(byClass('tab-sales')).toHaveLength(0);
    typeInto('lend-search', '二号');
    clickByClass('btn-lend-search');
    await waitFor(() => expect(byClass('lend-item')).toHaveLength(1));
    fireEvent.click(byClass('lend-item')[0]!);
    typeInto('resident-search', '王');
    clickByClass('btn-resident-search');
    const wang = await waitFor(() => rowOf('resident-match', 'data-member-id', ctx.h.memberIdOf('resident')));
    expect(wang.textContent).toMatch(/手机尾号 1001/);
    fireEvent.click(wang);
    clickByClass('btn-lend');
    await screen.findByText(/已把「针线包（二号）」借给王秀兰/);
    const loan = (await getDb().collection(COLLECTIONS.cabinLoans).where({ itemId: SEW_2 }).get()).data[0];
    expect(loan).toMatchObject({ status: 'open' });

    openTab('returns');
    const row = await waitFor(() => rowOf('desk-loan', 'data-loan-id', loan._id));
    typeIn(row, 'return-condition', '完好，线少了一点');
    clickIn(row, 'btn-take-back');
    await screen.findByText('「针线包（二号）」已归还');
    const item = (await getDb().collection(COLLECTIONS.cabinItems).doc(SEW_2).get()).data[0];
    expect(item).toMatchObject({ status: 'available', condition: '完好，线少了一点' });
  });

  it.each([
    ['a keeper', 'member'],
    ['the duty volunteer', 'gridLeader'],
  ] as const)('lists an overdue loan and %s reminds the borrower', async (_who, key) => {
    const { loan } = await ctx.h.call('cabin', 'borrow', { itemId: SEW_2, requestId: 'req-borrow-overdue' }, ctx.h.identities.resident);
    ctx.h.stack.clock.offsetMs += 10 * 24 * 3600 * 1000;
    await openDesk(key);
    openTab('overdue');
    const row = await waitFor(() => rowOf('desk-overdue-loan', 'data-loan-id', loan.id));
    expect(row.textContent).toMatch(/王秀兰/);
    expect(row.textContent).toMatch(/已逾期/);
    clickIn(row, 'btn-remind');
    // The demo resident allowed no reminder: the desk is told to phone (a refusal would read as an error instead).
    await waitFor(() => expect(row.getElementsByClassName('cabin-answer--ok')).toHaveLength(1));
    expect(row.textContent).toContain('对方没有开启提醒，请打电话联系');
    // 打电话: the number goes from the server straight to the dialer; the row shows it masked only.
    expect(row.textContent).toContain('139****1001');
    expect(document.body.textContent).not.toMatch(/1[3-9]\d{9}/);
    clickIn(row, 'btn-call-borrower');
    await waitFor(() => expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13900001001' }));
    expect(document.body.textContent).not.toMatch(/1[3-9]\d{9}/);
  });

  it('records a charity sale once', async () => {
    await openDesk('member');
    openTab('sales');
    const coasters = demoCabinItemId('coasters');
    const row = await waitFor(() => rowOf('sale-item', 'data-item-id', coasters));
    clickIn(row, 'btn-record-sale');
    await screen.findByText('「手工编织杯垫」已记录售出');
    await waitFor(() => expect(byClass('sale-record')).toHaveLength(1));
    expect(byClass('sale-record')[0]!.textContent).toMatch(/手工编织杯垫 ¥5\.00/);
    expect(byClass('sale-item').some((el) => el.getAttribute('data-item-id') === coasters)).toBe(false);
  });

  it('accepts a donated book into the inventory, and declines another with a reason', async () => {
    const { donation: book } = await ctx.h.call('cabin', 'offerDonation', { cabinId: DEMO_CABIN_ID, what: '红岩', description: '', condition: '九成新', photo: '', requestId: 'req-donate-book' }, ctx.h.identities.resident);
    const { donation: iron } = await ctx.h.call('cabin', 'offerDonation', { cabinId: DEMO_CABIN_ID, what: '旧电熨斗', description: '', condition: '能用', photo: '', requestId: 'req-donate-iron' }, ctx.h.identities.resident);
    await openDesk('member');
    openTab('donations');
    const bookRow = await waitFor(() => rowOf('donation-offer', 'data-donation-id', book.id));
    clickIn(bookRow, 'btn-accept-donation');
    fireEvent.click(bookRow.querySelector('.choice-chips--accept-section [data-value="books"]')!);
    fireEvent.click(bookRow.querySelector('.choice-chips--accept-loan-class [data-value="book"]')!);
    // Each answer is asked first, naming the donor; 再想想 changes nothing.
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    clickIn(bookRow, 'btn-accept-submit');
    await waitFor(() => expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '收下捐赠', content: expect.stringContaining('王秀兰') })));
    await idle();
    expect((await getDb().collection(COLLECTIONS.cabinItems).where({ name: '红岩' }).get()).data).toHaveLength(0);
    clickIn(bookRow, 'btn-accept-submit');
    await screen.findByText('已收下「红岩」，上架了');
    const ironRow = await waitFor(() => rowOf('donation-offer', 'data-donation-id', iron.id));
    clickIn(ironRow, 'btn-decline-donation');
    typeIn(ironRow, 'decline-reason', '电器不方便外借，谢谢你');
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    clickIn(ironRow, 'btn-confirm-decline');
    await waitFor(() => expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '婉谢捐赠', content: expect.stringContaining('电器不方便外借') })));
    await idle();
    expect((await getDb().collection(COLLECTIONS.cabinDonations).doc(iron.id).get()).data[0]).toMatchObject({ status: 'offered' });
    clickIn(ironRow, 'btn-confirm-decline');
    await screen.findByText(/已婉谢「旧电熨斗」/);
    const items = (await getDb().collection(COLLECTIONS.cabinItems).where({ name: '红岩' }).get()).data;
    expect(items).toMatchObject([{ kind: 'loanable', sectionKey: 'books', status: 'available' }]);
    const declined = (await getDb().collection(COLLECTIONS.cabinDonations).doc(iron.id).get()).data[0];
    expect(declined).toMatchObject({ status: 'declined' });
  });

  it('lists the consumables running low', async () => {
    await ctx.h.call('cabin', 'take', { itemId: demoCabinItemId('thread'), quantity: 10, requestId: 'req-take-thread' }, ctx.h.identities.resident);
    await openDesk('member');
    openTab('stock');
    await waitFor(() => expect(byClass('low-stock-item')).toHaveLength(1));
    expect(byClass('low-stock-item')[0]!.textContent).toBe('棉线（黑色）剩 5 卷');
  });

  it('opens on the 居民区’s cabin when linked without one (the 我的 entry)', async () => {
    ctx.signIn('member');
    __setRouterParams({});
    render(<CabinDeskPage />);
    await waitFor(() => expect(byClass('tab-lend')).toHaveLength(1));
    expect(byClass('cabin-open__name')[0]!.textContent).toBe('爱心格子屋');
  });

  it('tells a resident the desk is not theirs', async () => {
    await openDesk('resident');
    await screen.findByText('只有格子屋的管理员和值班志愿者能使用值守台');
  });
});

describe('物品记录', () => {
  it('shows the desk what happened to an item, with names', async () => {
    await ctx.h.call('cabin', 'borrow', { itemId: SEW_2, requestId: 'req-borrow-history' }, ctx.h.identities.resident);
    ctx.signIn('gridLeader');
    __setRouterParams({ id: SEW_2 });
    render(<CabinItemPage />);
    await waitFor(() => expect(byClass('cabin-history-row').length).toBeGreaterThanOrEqual(2));
    expect(byClass('cabin-history-row')[0]!.textContent).toMatch(/^借出 · 王秀兰/);
    expect(byClass('cabin-holder')[0]!.textContent).toMatch(/借用人：王秀兰/);
  });
});

describe('格子屋管理', () => {
  it('a keeper adds a consumable and restocks it with a reason', async () => {
    ctx.signIn('member');
    __setRouterParams({ cabinId: DEMO_CABIN_ID });
    render(<CabinManagePage />);
    await idle();
    clickByClass('btn-add-item');
    fireEvent.click(document.querySelector('.choice-chips--new-item-kind [data-value="consumable"]')!);
    fireEvent.click(document.querySelector('.choice-chips--new-item-section [data-value="buttons"]')!);
    typeInto('new-item-name', '暗扣');
    typeInto('new-item-stock', '30');
    typeInto('new-item-unit', '颗');
    typeInto('new-item-low-stock', '5');
    clickByClass('btn-new-item-submit');
    await screen.findByText('「暗扣」已上架');
    const card = await waitFor(() => {
      const found = byClass('manage-item').find((el) => el.textContent?.includes('暗扣'));
      if (!found) throw new Error('not listed yet');
      return found;
    });
    fireEvent.click(card);
    await waitFor(() => expect(byClass('item-restock')).toHaveLength(1));
    typeInto('restock-delta', '20');
    typeInto('restock-note', '居民捐了一盒');
    clickByClass('btn-restock');
    await screen.findByText('库存现在是 50 颗');
  });

  it('prints an item’s QR label, and sends a lost item to the lost state', async () => {
    ctx.signIn('member');
    __setRouterParams({ cabinId: DEMO_CABIN_ID });
    render(<CabinManagePage />);
    fireEvent.click(await waitFor(() => rowOf('manage-item', 'data-item-id', SEW_2)));
    await waitFor(() => expect(byClass('item-label')).toHaveLength(1));
    clickByClass('btn-item-label');
    await waitFor(() => expect(byClass('item-label__image')).toHaveLength(1));
    expect(byClass('item-label__image')[0]!.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    fireEvent.click(document.querySelector('.choice-chips--item-status [data-value="lost"]')!);
    typeInto('status-note', '借出后找不到了');
    // Lost takes it off the shelf: asked first, by name; 再想想 changes nothing.
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    clickByClass('btn-set-status');
    await waitFor(() => expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '设为遗失', content: expect.stringContaining('针线包（二号）') })));
    await idle();
    expect((await getDb().collection(COLLECTIONS.cabinItems).doc(SEW_2).get()).data[0]).toMatchObject({ status: 'available' });
    clickByClass('btn-set-status');
    await screen.findByText('已设为遗失');
    const item = (await getDb().collection(COLLECTIONS.cabinItems).doc(SEW_2).get()).data[0];
    expect(item).toMatchObject({ status: 'lost' });
  });

  it('shows field errors in Chinese and adds nothing', async () => {
    ctx.signIn('member');
    __setRouterParams({ cabinId: DEMO_CABIN_ID });
    render(<CabinManagePage />);
    await idle();
    clickByClass('btn-add-item');
    clickByClass('btn-new-item-submit');
    await waitFor(() => expect(byClass('field-error--name')).toHaveLength(1));
    expect(byClass('field-error--name')[0]!.textContent).toBe('请填写名称');
  });

  it('the committee sees the hours, staff and rules tabs; a keeper only items and shifts', async () => {
    ctx.signIn('committee');
    __setRouterParams({ cabinId: DEMO_CABIN_ID });
    const { unmount } = render(<CabinManagePage />);
    await idle();
    expect(byClass('admin-tab').map((t) => t.textContent)).toEqual(['物品', '值班', '时间', '人员', '规则']);
    openTab('rules');
    await waitFor(() => expect(document.getElementById('rule-sewing-loanDays')).toBeTruthy());
    unmount();
    ctx.signIn('member');
    render(<CabinManagePage />);
    await idle();
    expect(byClass('admin-tab').map((t) => t.textContent)).toEqual(['物品', '值班']);
  });
});

describe('格子屋设置 (committee)', () => {
  const openManage = async (tab: string) => {
    ctx.signIn('committee');
    __setRouterParams({ cabinId: DEMO_CABIN_ID });
    render(<CabinManagePage />);
    await idle();
    openTab(tab);
  };

  it('sets Sunday hours by picking times, and a holiday; the cabin keeps them', async () => {
    await openManage('cabin');
    await waitFor(() => expect(document.getElementById('cabin-hours-6-add')).toBeTruthy());
    // Nothing is typed: Sunday is closed until 添加时段, then its times are picked.
    expect(document.querySelector('.form-field--hours-6')!.textContent).toContain('不开放');
    expect(document.querySelector('.cabin-form input[id^="cabin-hours"]')).toBeNull();
    fireEvent.click(document.getElementById('cabin-hours-6-add')!);
    await waitFor(() => expect(document.getElementById('cabin-hours-6-0-from')).toBeTruthy());
    expect(document.querySelector('.form-field--hours-6')!.textContent).toContain('09:00至11:00');
    pick('cabin-hours-6-0-from', '08:30');
    pick('closure-from', '2027-02-16');
    pick('closure-to', '2027-02-18');
    expect(document.querySelector('.form-field--closureFrom')!.textContent).toContain('2月16日');
    typeInto('closure-reason', '春节休息');
    clickByClass('btn-add-closure');
    await screen.findByText('2027-02-16 至 2027-02-18：春节休息');
    clickByClass('btn-save-cabin');
    await waitFor(async () => {
      const cabin = (await getDb().collection(COLLECTIONS.cabins).doc(DEMO_CABIN_ID).get()).data[0];
      expect(cabin.hours[6]).toEqual([{ from: '08:30', to: '11:00' }]);
      expect(cabin.closures).toEqual(expect.arrayContaining([{ from: '2027-02-16', to: '2027-02-18', reason: '春节休息' }]));
    });
  });

  it('opens a second cabin with its hours and a section', async () => {
    ctx.signIn('committee');
    __setRouterParams({ new: '1' });
    render(<CabinManagePage />);
    typeInto('cabin-name', '雨伞角');
    typeInto('cabin-place', '8号楼门厅');
    for (let day = 0; day < 5; day += 1) {
      fireEvent.click(document.getElementById(`cabin-hours-${day}-add`)!);
      await waitFor(() => expect(document.getElementById(`cabin-hours-${day}-0-from`)).toBeTruthy());
      pick(`cabin-hours-${day}-0-from`, '08:00');
      pick(`cabin-hours-${day}-0-to`, '18:00');
    }
    clickByClass('btn-save-cabin');
    await waitFor(() => expect(redirectTo).toHaveBeenCalled());
    const saved = (await getDb().collection(COLLECTIONS.cabins).where({ name: '雨伞角' }).get()).data[0];
    expect(saved).toMatchObject({ communityId: 'cm-baiyu1', place: '8号楼门厅', sections: [{ name: '共享书架', hours: null }] });
    expect(saved.hours[0]).toEqual([{ from: '08:00', to: '18:00' }]);
    expect(saved.hours[6]).toEqual([]);
  });

  it('says under the day what is wrong with its times and saves nothing; 删除 takes a range away', async () => {
    await openManage('cabin');
    await waitFor(() => expect(document.getElementById('cabin-hours-0-1-from')).toBeTruthy());
    const before = (await getDb().collection(COLLECTIONS.cabins).doc(DEMO_CABIN_ID).get()).data[0];
    // Monday's afternoon range now starts before the morning one ends; Tuesday's closes before it opens.
    pick('cabin-hours-0-1-from', '11:00');
    pick('cabin-hours-1-0-to', '08:00');
    clickByClass('btn-save-cabin');
    await waitFor(() => expect(byClass('field-error--hours-0')).toHaveLength(1));
    expect(byClass('field-error--hours-0')[0]!.textContent).toBe('同一天的时段不能重叠');
    expect(byClass('field-error--hours-1')[0]!.textContent).toBe('结束时间要晚于开始时间');
    expect(document.querySelector('.form-field--hours-0 .field-error')).toBeTruthy();
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '同一天的时段不能重叠（共2处要改）' }));
    await new Promise((r) => setTimeout(r, 200));
    expect((await getDb().collection(COLLECTIONS.cabins).doc(DEMO_CABIN_ID).get()).data[0].hours).toEqual(before.hours);

    // Picking again clears that day's message; 删除 takes Monday's afternoon away; then it saves.
    pick('cabin-hours-1-0-to', '11:30');
    await waitFor(() => expect(byClass('field-error--hours-1')).toHaveLength(0));
    fireEvent.click(document.getElementById('cabin-hours-0-1-remove')!);
    await waitFor(() => expect(byClass('field-error--hours-0')).toHaveLength(0));
    clickByClass('btn-save-cabin');
    await waitFor(async () => {
      const cabin = (await getDb().collection(COLLECTIONS.cabins).doc(DEMO_CABIN_ID).get()).data[0];
      expect(cabin.hours[0]).toEqual([{ from: '09:00', to: '11:30' }]);
      expect(cabin.hours[1]).toEqual(before.hours[1]);
    });
  });

  it("a section's own hours are picked the same way: the paper rack closes on Sunday and opens later on Saturday", async () => {
    await openManage('cabin');
    await waitFor(() => expect(document.getElementById('section-0-hours-6-0-remove')).toBeTruthy());
    fireEvent.click(document.getElementById('section-0-hours-6-0-remove')!);
    pick('section-0-hours-5-0-to', '10:30');
    // A range added after 09:00-10:00 is proposed from 11:00; picked to overlap, it is refused under that day.
    fireEvent.click(document.getElementById('section-0-hours-4-add')!);
    await waitFor(() => expect(document.getElementById('section-0-hours-4-1-from')).toBeTruthy());
    expect(document.querySelector('.form-field--section-0-hours-4')!.textContent).toContain('11:00至13:00');
    pick('section-0-hours-4-1-from', '09:30');
    clickByClass('btn-save-cabin');
    await waitFor(() => expect(byClass('field-error--section-0-hours-4')).toHaveLength(1));
    expect(byClass('field-error--section-0-hours-4')[0]!.textContent).toBe('同一天的时段不能重叠');
    fireEvent.click(document.getElementById('section-0-hours-4-1-remove')!);
    clickByClass('btn-save-cabin');
    await waitFor(async () => {
      const cabin = (await getDb().collection(COLLECTIONS.cabins).doc(DEMO_CABIN_ID).get()).data[0];
      const rack = cabin.sections.find((x: { key: string }) => x.key === 'papers');
      expect(rack.hours[6]).toEqual([]);
      expect(rack.hours[5]).toEqual([{ from: '09:00', to: '10:30' }]);
      expect(rack.hours[4]).toEqual([{ from: '09:00', to: '10:00' }]);
      expect(cabin.sections.find((x: { key: string }) => x.key === 'books').hours).toBeNull();
    });
  });

  it('posts a finished duty shift to the ledger once', async () => {
    ctx.h.stack.clock.offsetMs += 24 * 3600 * 1000;
    await openManage('shifts');
    fireEvent.click(document.querySelector('.choice-chips--shift-since [data-value="week"]')!);
    const row = await waitFor(() => {
      const first = byClass('duty-shift').find((el) => el.getElementsByClassName('btn-post-duty').length > 0);
      if (!first) throw new Error('no shift to post yet');
      return first as HTMLElement;
    });
    const shiftId = row.getAttribute('data-shift-id')!;
    clickIn(row, 'btn-post-duty');
    await waitFor(() => expect(row.textContent).toMatch(/已记 2\.5 小时服务时长/));
    const entries = (await getDb().collection(COLLECTIONS.ledgerEntries).where({ sourceId: shiftId }).get()).data;
    expect(entries).toMatchObject([{ source: 'duty', halfHours: 5 }]);
  });
});

describe('排班 and item forms: pickers, errors by the field, a toast, confirmations', () => {
  const openShifts = async () => {
    ctx.signIn('committee');
    __setRouterParams({ cabinId: DEMO_CABIN_ID });
    render(<CabinManagePage />);
    await idle();
    openTab('shifts');
    await waitFor(() => expect(document.getElementById('shift-date')).toBeTruthy());
  };
  const shiftCount = async () => (await getDb().collection(COLLECTIONS.cabinShifts).where({ cabinId: DEMO_CABIN_ID }).count()).total;

  it('the day and times are pickers; no one chosen and an end before the start: messages by the fields, the page scrolled to the first, a toast, nothing saved', async () => {
    const scroll = jest.spyOn(Taro, 'pageScrollTo');
    await openShifts();
    const before = await shiftCount();
    // Nothing to type: the day and both times are the platform's pickers, shown in words.
    // Taro's Input renders its inner <input> after mounting (later on a busy machine): wait for it.
    await waitFor(() => expect(document.querySelectorAll('.manage-shift-form input:not([type=hidden])')).toHaveLength(1));
    pick('shift-from', '11:00');
    pick('shift-to', '10:00');
    clickByClass('btn-add-shift');
    await waitFor(() => expect(byClass('field-error--shiftMember')[0]?.textContent).toBe('请选择谁来值班'));
    expect(byClass('field-error--shiftTime')[0]?.textContent).toBe('结束时间要晚于开始时间');
    expect(scroll).toHaveBeenCalledWith(expect.objectContaining({ selector: '.form-field--shiftMember' }));
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请选择谁来值班（共2处要改）', icon: 'none' }));
    expect(await shiftCount()).toBe(before);
    scroll.mockRestore();
  });

  it('adds a shift on a picked day and time', async () => {
    await openShifts();
    const before = await shiftCount();
    fireEvent.click(document.querySelector(`.choice-chips--shift-member [data-value="${ctx.h.memberIdOf('member')}"]`)!);
    pick('shift-date', '2027-03-02');
    expect(document.querySelector('.form-field--shiftDate')!.textContent).toContain('3月2日 周二');
    pick('shift-from', '14:00');
    pick('shift-to', '16:00');
    clickByClass('btn-add-shift');
    await screen.findByText('已排 1 次值班');
    expect(await shiftCount()).toBe(before + 1);
    const saved = (await getDb().collection(COLLECTIONS.cabinShifts).where({ cabinId: DEMO_CABIN_ID, date: '2027-03-02' }).get()).data[0];
    expect(saved).toMatchObject({ from: '14:00', to: '16:00' });
  });

  it('cancelling a shift asks first, naming it; 再想想 changes nothing', async () => {
    await openShifts();
    const row = await waitFor(() => {
      const first = byClass('duty-shift').find((el) => el.getElementsByClassName('btn-remove-shift').length > 0);
      if (!first) throw new Error('no shift yet');
      return first as HTMLElement;
    });
    const shiftId = row.getAttribute('data-shift-id')!;
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    clickIn(row, 'btn-remove-shift');
    await waitFor(() => expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '取消这次值班', confirmText: '取消值班' })));
    expect((showModal.mock.calls[0]![0] as { content: string }).content).toContain('的值班会从值班表上去掉');
    await idle();
    expect((await getDb().collection(COLLECTIONS.cabinShifts).doc(shiftId).get()).data).toHaveLength(1);
    clickIn(row, 'btn-remove-shift');
    await waitFor(async () => expect((await getDb().collection(COLLECTIONS.cabinShifts).doc(shiftId).get()).data).toHaveLength(0));
  });

  it('a reading item’s issue date is a picker; an empty name: the message by 名称, scrolled there, a toast', async () => {
    const scroll = jest.spyOn(Taro, 'pageScrollTo');
    ctx.signIn('member');
    __setRouterParams({ cabinId: DEMO_CABIN_ID });
    render(<CabinManagePage />);
    await idle();
    clickByClass('btn-add-item');
    fireEvent.click(document.querySelector('.choice-chips--new-item-kind [data-value="reading"]')!);
    pick('new-item-issue-date', '2026-11-23');
    expect(document.querySelector('.form-field--issueDate')!.textContent).toContain('11月23日');
    clickByClass('btn-new-item-submit');
    await waitFor(() => expect(byClass('field-error--name')[0]?.textContent).toBe('请填写名称'));
    expect(scroll).toHaveBeenCalledWith(expect.objectContaining({ selector: '.form-field--name' }));
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请填写名称', icon: 'none' }));
    typeInto('new-item-name', '社区小报');
    expect(document.querySelector('.form-field--issueDate')!.textContent).toContain('11月23日');
    clickByClass('btn-new-item-submit');
    await waitFor(async () => {
      const saved = (await getDb().collection(COLLECTIONS.cabinItems).where({ name: '社区小报', cabinId: DEMO_CABIN_ID }).get()).data[0];
      expect(saved).toMatchObject({ kind: 'reading', issueDate: '2026-11-23' });
    });
    scroll.mockRestore();
  });
});

describe('规则 and 人员: errors by the field, setting staff anew is confirmed', () => {
  const openManage = async (tab: string) => {
    ctx.signIn('committee');
    __setRouterParams({ cabinId: DEMO_CABIN_ID });
    render(<CabinManagePage />);
    await idle();
    openTab(tab);
  };

  it('a loan of 0 days: the message under that class’s 借期, scrolled there, a toast, nothing saved', async () => {
    const scroll = jest.spyOn(Taro, 'pageScrollTo');
    await openManage('rules');
    await waitFor(() => expect(document.getElementById('rule-sewing-loanDays')).toBeTruthy());
    typeInto('rule-sewing-loanDays', '0');
    clickByClass('btn-save-rules');
    await waitFor(() => expect(byClass('field-error--sewing-loanDays')[0]?.textContent).toBe('借期天数至少1'));
    expect(scroll).toHaveBeenCalledWith(expect.objectContaining({ selector: '.form-field--sewing-loanDays' }));
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '借期天数至少1', icon: 'none' }));
    const saved = await ctx.h.call('cabin', 'rules', {}, ctx.h.identities.committee);
    expect(saved.classes.sewing.loanDays).toBeGreaterThan(0);
    scroll.mockRestore();
  });

  it('setting the staff anew names who would stop; 再想想 keeps them', async () => {
    await openManage('staff');
    await waitFor(() => expect(document.getElementById('keeper-phones')).toBeTruthy());
    const before = (await getDb().collection(COLLECTIONS.cabins).doc(DEMO_CABIN_ID).get()).data[0];
    typeInto('keeper-phones', '13900001002');
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    clickByClass('btn-save-staff');
    await waitFor(() => expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '重新设置人员', content: expect.stringContaining('李建国') })));
    await idle();
    const after = (await getDb().collection(COLLECTIONS.cabins).doc(DEMO_CABIN_ID).get()).data[0];
    expect(after.keeperIds ?? after.keepers).toEqual(before.keeperIds ?? before.keepers);
    expect(byClass('staff-answer')).toHaveLength(0);
  });
});

describe('格子屋月报', () => {
  it('counts the month’s loans and sale proceeds', async () => {
    await ctx.h.call('cabin', 'borrow', { itemId: SEW_2, requestId: 'req-borrow-report' }, ctx.h.identities.resident);
    await ctx.h.call('cabin', 'recordSale', { itemId: demoCabinItemId('poems'), note: '', requestId: 'req-sale-report' }, ctx.h.identities.member);
    ctx.signIn('member');
    __setRouterParams({ cabinId: DEMO_CABIN_ID });
    render(<CabinReportPage />);
    await waitFor(() => expect(byClass('figure-loans')).toHaveLength(1));
    expect(byClass('figure-loans')[0]!.textContent).toBe('借出1 次');
    expect(byClass('figure-sales')[0]!.textContent).toBe('义卖1 件，共 ¥8.00');
    expect(byClass('figure-borrowed')[0]!.textContent).toBe('针线包（二号）1 次');
  });
});
