import { startHarness, type Harness } from '../../support/harness';
import { CONTENT_CHECK_TEST_PHRASE } from '../../../emulator/platform/wechat.local';
import { addItem, advance, CABIN, DAY, doc, docs, fail, HOUR, residents, rid, sewingKit, openMonday } from './support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
// Borrowing needs the cabin open: every test starts on a Monday morning.
beforeEach(async () => {
  await h.reset();
  openMonday(h);
});


describe('browsing', () => {
  it('home, a cabin with its sections, and items by section, kind, words and availability', async () => {
    const home = await h.call('cabin', 'home', {}, h.identities.resident);
    expect(home).toMatchObject({ cabins: [{ id: CABIN, name: '爱心格子屋' }], myOpenLoans: 0, canManage: false, canDesk: false });
    expect(home.cabins[0].openState.label).toMatch(/开放中|开门|暂停/);

    const { cabin } = await h.call('cabin', 'cabin', { cabinId: CABIN }, h.identities.resident);
    expect(cabin.sections.map((s: { name: string }) => s.name)).toEqual(['报刊架', '共享书架', '针线包', '纽扣针线', '爱心义卖', '爱心雨伞']);
    expect(cabin.sections[0].hours[6]).toEqual([{ from: '09:00', to: '10:00' }]);
    expect(cabin).toMatchObject({ canManage: false, canDesk: false });
    expect(cabin.keepers).toBeUndefined();

    const sewing = await h.call('cabin', 'items', { cabinId: CABIN, sectionKey: 'sewing' }, h.identities.resident);
    expect(sewing.items).toHaveLength(3);
    const reading = await h.call('cabin', 'items', { cabinId: CABIN, kind: 'reading' }, h.identities.resident);
    expect(reading.items.map((i: { name: string }) => i.name).sort()).toEqual(['上海老年报', '新民晚报', '解放日报'].sort());
    const search = await h.call('cabin', 'items', { cabinId: CABIN, query: '雨伞' }, h.identities.resident);
    expect(search.items).toHaveLength(2);

    await h.call('cabin', 'borrow', { itemId: 'cbi-sew-1', requestId: rid() }, h.identities.resident);
    const available = await h.call('cabin', 'items', { cabinId: CABIN, sectionKey: 'sewing', availableNow: true }, h.identities.member);
    expect(available.items.map((i: { id: string }) => i.id).sort()).toEqual(['cbi-sew-2', 'cbi-sew-3']);
  });

  it('pages 20 at a time', async () => {
    for (let i = 0; i < 22; i += 1) await addItem(h, { kind: 'loanable', sectionKey: 'books', name: `书${String(i).padStart(2, '0')}`, description: '', condition: '', loanClass: 'book' });
    const first = await h.call('cabin', 'items', { cabinId: CABIN, sectionKey: 'books' }, h.identities.resident);
    const second = await h.call('cabin', 'items', { cabinId: CABIN, sectionKey: 'books', page: 2 }, h.identities.resident);
    expect([first.items.length, first.hasMore, second.items.length, second.hasMore]).toEqual([20, true, 5, false]);
  });

  it('nothing crosses a 居民区: another 居民区 answers like a missing one', async () => {
    for (const [action, payload] of [
      ['cabin', { cabinId: CABIN }],
      ['items', { cabinId: CABIN }],
      ['item', { itemId: 'cbi-sew-1' }],
      ['borrow', { itemId: 'cbi-sew-1', requestId: rid() }],
      ['hold', { itemId: 'cbi-sew-1', requestId: rid() }],
      ['loans', { cabinId: CABIN }],
      ['createItem', { cabinId: CABIN, item: sewingKit('越界'), requestId: rid() }],
    ] as const) {
      await fail(h.invoke('cabin', { action, payload }, h.identities.otherCommittee), 'COMMON.NOT_FOUND');
    }
    expect((await h.call('cabin', 'home', {}, h.identities.otherCommittee)).cabins).toEqual([]);
    await fail(h.invoke('cabin', { action: 'home', payload: {} }, h.identities.newcomer), 'COMMON.FORBIDDEN');
  });
});

describe('a resident holds, borrows, renews and returns', () => {
  it('a renewal on the day of borrowing still extends the loan by its length', async () => {
    const { loan } = await h.call('cabin', 'borrow', { itemId: 'cbi-book-2', requestId: rid() }, h.identities.resident);
    const renewed = (await h.call('cabin', 'renew', { loanId: loan.id, requestId: rid() }, h.identities.resident)).loan;
    expect(new Date(renewed.dueAt).getTime() - new Date(loan.dueAt).getTime()).toBeGreaterThanOrEqual(21 * DAY);
  });

  it('the item page shows its section\'s own hours: the paper rack\'s hour', async () => {
    const paper = (await h.call('cabin', 'item', { itemId: 'cbi-xinmin' }, h.identities.resident)).item;
    // Monday 10:00: the rack's hour (9:00-10:00) has just ended, though the rest of the cabin is open.
    expect(paper).toMatchObject({ cabinName: '爱心格子屋', sectionName: '报刊架', kind: 'reading', availableNow: false, shelf: { label: '明天 9:00 开门后可看' } });
    expect(paper.openState.label).toMatch(/开放中，10:00关门|9:00 开门/);
  });

  it('the whole journey, with the duty volunteer confirming the return', async () => {
    const { hold } = await h.call('cabin', 'hold', { itemId: 'cbi-sew-1', requestId: rid() }, h.identities.resident);
    expect(hold).toMatchObject({ status: 'ready', position: null });
    expect((await h.call('cabin', 'myHolds', {}, h.identities.resident)).items).toHaveLength(1);
    // Held for her: nobody else may borrow it.
    await fail(h.invoke('cabin', { action: 'borrow', payload: { itemId: 'cbi-sew-1', requestId: rid() } }, h.identities.applicant1), 'CABIN.HELD_FOR_OTHER');

    const { loan } = await h.call('cabin', 'borrow', { itemId: 'cbi-sew-1', requestId: rid() }, h.identities.resident);
    expect(loan).toMatchObject({ status: 'open', renewals: 0, canRenew: true, overdue: false, atDesk: false });
    expect((await h.call('cabin', 'item', { itemId: 'cbi-sew-1' }, h.identities.applicant1)).item).toMatchObject({ timesLent: 1, since: expect.any(String) });
    expect((await doc('cabinHolds', hold.id))!.status).toBe('fulfilled');
    expect((await h.call('cabin', 'myHolds', {}, h.identities.resident)).items).toHaveLength(0);

    advance(h, 5 * DAY);
    const renewed = (await h.call('cabin', 'renew', { loanId: loan.id, requestId: rid() }, h.identities.resident)).loan;
    expect(renewed.renewals).toBe(1);
    expect(new Date(renewed.dueAt).getTime()).toBeGreaterThan(new Date(loan.dueAt).getTime());
    expect(renewed.canRenew).toBe(false);
    await fail(h.invoke('cabin', { action: 'renew', payload: { loanId: loan.id, requestId: rid() } }, h.identities.resident), 'CABIN.RENEW_LIMIT');

    // The resident cannot confirm her own return; the duty volunteer does, with a note.
    await fail(h.invoke('cabin', { action: 'takeBack', payload: { loanId: loan.id, condition: '' } }, h.identities.resident), 'COMMON.FORBIDDEN');
    // The note becomes the item's condition, read by every borrower: it passes the content check, or nothing changes.
    await fail(h.invoke('cabin', { action: 'takeBack', payload: { loanId: loan.id, condition: CONTENT_CHECK_TEST_PHRASE } }, h.identities.gridLeader), 'COMMON.CONTENT_REJECTED');
    expect((await doc('cabinLoans', loan.id))!.status).toBe('open');
    const back = await h.call('cabin', 'takeBack', { loanId: loan.id, condition: '少了一根针' }, h.identities.gridLeader);
    expect(back).toMatchObject({ loan: { status: 'returned', returnCondition: '少了一根针' }, item: { status: 'available' }, heldForNext: false });
    expect((await doc('cabinItems', 'cbi-sew-1'))!.condition).toBe('少了一根针');
    const history = await h.call('cabin', 'history', { itemId: 'cbi-sew-1' }, h.identities.member);
    expect(history.items.map((x: { kind: string }) => x.kind)).toEqual(['returned', 'renewed', 'lent', 'held', 'added']);
    expect((await h.call('cabin', 'myLoans', { status: 'returned' }, h.identities.resident)).items).toHaveLength(1);
  });

  it('a queue: renewal refused while someone waits; the return holds the item for the first in line, then the next', async () => {
    const [a, b, c] = await residents(h, 3);
    const { loan } = await h.call('cabin', 'borrow', { itemId: 'cbi-book-1', requestId: rid() }, a!.openid);
    const hb = (await h.call('cabin', 'hold', { itemId: 'cbi-book-1', requestId: rid() }, b!.openid)).hold;
    const hc = (await h.call('cabin', 'hold', { itemId: 'cbi-book-1', requestId: rid() }, c!.openid)).hold;
    expect([hb.status, hb.position, hc.status, hc.position]).toEqual(['waiting', 1, 'waiting', 2]);
    expect((await h.call('cabin', 'item', { itemId: 'cbi-book-1' }, c!.openid)).item).toMatchObject({ waiting: 2, myHold: { status: 'waiting', position: 2 } });
    await fail(h.invoke('cabin', { action: 'hold', payload: { itemId: 'cbi-book-1', requestId: rid() } }, b!.openid), 'CABIN.ALREADY_HELD');
    await fail(h.invoke('cabin', { action: 'renew', payload: { loanId: loan.id, requestId: rid() } }, a!.openid), 'CABIN.SOMEONE_WAITING');
    expect((await h.call('cabin', 'myLoans', {}, a!.openid)).items[0].canRenew).toBe(false);

    const back = await h.call('cabin', 'takeBack', { loanId: loan.id, condition: '' }, h.identities.member);
    expect(back.heldForNext).toBe(true);
    expect((await doc('cabinItems', 'cbi-book-1'))!).toMatchObject({ status: 'on-hold', holderId: b!.memberId, waiting: 1 });
    expect((await h.call('cabin', 'myHolds', {}, c!.openid)).items[0]).toMatchObject({ status: 'waiting', position: 1 });
    await fail(h.invoke('cabin', { action: 'borrow', payload: { itemId: 'cbi-book-1', requestId: rid() } }, c!.openid), 'CABIN.HELD_FOR_OTHER');

    // B gives up the hold: it goes to C.
    await h.call('cabin', 'cancelHold', { holdId: hb.id }, b!.openid);
    expect((await doc('cabinItems', 'cbi-book-1'))!).toMatchObject({ status: 'on-hold', holderId: c!.memberId, waiting: 0 });
    expect((await h.call('cabin', 'borrow', { itemId: 'cbi-book-1', requestId: rid() }, c!.openid)).loan.status).toBe('open');
  });

  it('a hold that ran out goes to the next in line, or back on the shelf', async () => {
    const [a, b] = await residents(h, 2);
    await h.call('cabin', 'hold', { itemId: 'cbi-book-2', requestId: rid() }, a!.openid);
    advance(h, 49 * HOUR);
    // Shown back on the shelf before anything rewrites it.
    expect((await h.call('cabin', 'item', { itemId: 'cbi-book-2' }, b!.openid)).item).toMatchObject({ status: 'available', availableNow: true });
    expect((await h.call('cabin', 'hold', { itemId: 'cbi-book-2', requestId: rid() }, b!.openid)).hold.status).toBe('ready');
    expect((await docs('cabinHolds', { itemId: 'cbi-book-2', memberId: a!.memberId }))[0]!.status).toBe('expired');
    // A may hold it again later (their old hold ended).
    expect((await h.call('cabin', 'hold', { itemId: 'cbi-book-2', requestId: rid() }, a!.openid)).hold).toMatchObject({ status: 'waiting', position: 1 });
  });

  it('an overdue loan blocks a new one; the class limit holds; reading items are not lent', async () => {
    const [a] = await residents(h, 1);
    const { loan } = await h.call('cabin', 'borrow', { itemId: 'cbi-sew-2', requestId: rid() }, a!.openid);
    await fail(h.invoke('cabin', { action: 'borrow', payload: { itemId: 'cbi-sew-3', requestId: rid() } }, a!.openid), 'CABIN.LOAN_LIMIT');
    await fail(h.invoke('cabin', { action: 'borrow', payload: { itemId: 'cbi-xinmin', requestId: rid() } }, a!.openid), 'CABIN.NOT_LOANABLE');
    await fail(h.invoke('cabin', { action: 'borrow', payload: { itemId: 'cbi-buttons', requestId: rid() } }, a!.openid), 'CABIN.NOT_LOANABLE');

    advance(h, 10 * DAY);
    await fail(h.invoke('cabin', { action: 'borrow', payload: { itemId: 'cbi-book-3', requestId: rid() } }, a!.openid), 'CABIN.HAS_OVERDUE');
    await fail(h.invoke('cabin', { action: 'renew', payload: { loanId: loan.id, requestId: rid() } }, a!.openid), 'CABIN.OVERDUE_NO_RENEW');
    const home = await h.call('cabin', 'home', {}, a!.openid);
    expect([home.myOpenLoans, home.myOverdue]).toEqual([1, 1]);
    const overdue = await h.call('cabin', 'loans', { cabinId: CABIN, overdueOnly: true }, h.identities.member);
    expect(overdue.items).toEqual([expect.objectContaining({ id: loan.id, overdue: true, borrowerName: '邻居0' })]);
    expect((await h.call('cabin', 'remind', { loanId: loan.id }, h.identities.member)).outcome).toEqual(expect.any(String));

    await h.call('cabin', 'takeBack', { loanId: loan.id, condition: '' }, h.identities.member);
    expect((await h.call('cabin', 'borrow', { itemId: 'cbi-book-3', requestId: rid() }, a!.openid)).loan.status).toBe('open');
  });

  it('the duty volunteer lends at the desk by phone, recorded as done for the resident', async () => {
    const { loan } = await h.call('cabin', 'lend', { itemId: 'cbi-umbrella-1', phone: '13900001001', requestId: rid() }, h.identities.gridLeader);
    expect(loan).toMatchObject({ atDesk: true, borrowerName: '王秀兰' });
    expect((await h.call('cabin', 'myLoans', {}, h.identities.resident)).items.map((l: { id: string }) => l.id)).toEqual([loan.id]);
    const proxies = await docs('proxyLog', { subjectId: h.memberIdOf('resident'), action: 'cabin.lend' });
    expect(proxies).toEqual([expect.objectContaining({ actorId: h.memberIdOf('gridLeader') })]);
    await fail(h.invoke('cabin', { action: 'lend', payload: { itemId: 'cbi-umbrella-2', phone: '13800000000', requestId: rid() } }, h.identities.gridLeader), 'CABIN.PERSON_NOT_FOUND');
    // Or found by name first: the desk sees the phone's last four digits only.
    const found = await h.call('cabin', 'residents', { cabinId: CABIN, query: '刘' }, h.identities.gridLeader);
    expect(found.items).toEqual([{ memberId: h.memberIdOf('applicant1'), name: '刘美华', building: '7号楼', phoneTail: '1006' }]);
    const byId = await h.call('cabin', 'lend', { itemId: 'cbi-book-1', memberId: found.items[0].memberId, requestId: rid() }, h.identities.gridLeader);
    expect(byId.loan.borrowerName).toBe('刘美华');
    await fail(h.invoke('cabin', { action: 'lend', payload: { itemId: 'cbi-book-2', memberId: h.memberIdOf('otherCommittee'), requestId: rid() } }, h.identities.gridLeader), 'CABIN.PERSON_NOT_FOUND');
    await fail(h.invoke('cabin', { action: 'residents', payload: { cabinId: CABIN, query: '刘' } }, h.identities.resident), 'COMMON.FORBIDDEN');
    await fail(h.invoke('cabin', { action: 'lend', payload: { itemId: 'cbi-umbrella-2', phone: '13900001001', requestId: rid() } }, h.identities.applicant1), 'COMMON.FORBIDDEN');
  });
});

describe('privacy', () => {
  it('a resident sees their own loans and holds only; the holder is named to staff only', async () => {
    const [a, b] = await residents(h, 2);
    const { loan } = await h.call('cabin', 'borrow', { itemId: 'cbi-sew-3', requestId: rid() }, a!.openid);
    const { hold } = await h.call('cabin', 'hold', { itemId: 'cbi-book-1', requestId: rid() }, a!.openid);
    expect((await h.call('cabin', 'myLoans', {}, b!.openid)).items).toEqual([]);
    expect((await h.call('cabin', 'myHolds', {}, b!.openid)).items).toEqual([]);
    const seen = (await h.call('cabin', 'item', { itemId: 'cbi-sew-3' }, b!.openid)).item;
    expect(seen).toMatchObject({ status: 'on-loan', myLoan: null });
    expect(seen.holderName).toBeUndefined();
    expect(seen.loanId).toBeUndefined();
    expect((await h.call('cabin', 'item', { itemId: 'cbi-sew-3' }, h.identities.member)).item.holderName).toBe('邻居0');
    await fail(h.invoke('cabin', { action: 'renew', payload: { loanId: loan.id, requestId: rid() } }, b!.openid), 'COMMON.NOT_FOUND');
    await fail(h.invoke('cabin', { action: 'cancelHold', payload: { holdId: hold.id } }, b!.openid), 'COMMON.NOT_FOUND');
    await fail(h.invoke('cabin', { action: 'loans', payload: { cabinId: CABIN } }, b!.openid), 'COMMON.FORBIDDEN');
    await fail(h.invoke('cabin', { action: 'history', payload: { itemId: 'cbi-sew-3' } }, b!.openid), 'COMMON.FORBIDDEN');
  });
});
