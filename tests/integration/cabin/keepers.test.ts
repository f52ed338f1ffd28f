import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import type { CabinInput } from '../../../src/shared/actions/cabin';
import { parseCabinScene } from '../../../src/shared/domain/cabin';
import { startHarness, type Harness } from '../../support/harness';
import { advance, CABIN, DAY, doc, docs, fail, HOUR, residents, rid, sewingKit, openMonday } from './support';

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

const month = () => new Date(h.stack.clock.nowMs() + 8 * HOUR).toISOString().slice(0, 7);

describe('who may do what (the permission matrix, with the cabin naming its keepers and duty volunteers)', () => {
  it('keepers manage items; duty volunteers run the desk only; residents neither', async () => {
    const create = (who: string) => h.invoke('cabin', { action: 'createItem', payload: { cabinId: CABIN, item: sewingKit('新针线包'), requestId: rid() } }, who);
    expect((await create(h.identities.committee)).ok).toBe(true);
    expect((await create(h.identities.member)).ok).toBe(true);
    for (const who of ['gridLeader', 'resident', 'applicant1'] as const) await fail(create(h.identities[who]), 'COMMON.FORBIDDEN');

    const view = async (who: string) => (await h.call('cabin', 'cabin', { cabinId: CABIN }, who)).cabin;
    expect(await view(h.identities.member)).toMatchObject({ canManage: true, canDesk: true, canSetup: false });
    expect(await view(h.identities.gridLeader)).toMatchObject({ canManage: false, canDesk: true, canSetup: false });
    expect(await view(h.identities.committee)).toMatchObject({ canManage: true, canDesk: true, canSetup: true });
    expect((await view(h.identities.committee)).keepers.map((p: { name: string }) => p.name)).toEqual(['周敏', '李建国']);

    for (const [action, payload] of [
      ['loans', { cabinId: CABIN }],
      ['shifts', { cabinId: CABIN }],
      ['history', { itemId: 'cbi-sew-1' }],
    ] as const) {
      expect((await h.invoke('cabin', { action, payload }, h.identities.gridLeader)).ok).toBe(true);
    }
    for (const [action, payload] of [
      ['donations', { cabinId: CABIN }],
      ['sales', { cabinId: CABIN }],
      ['report', { cabinId: CABIN, month: month() }],
      ['restock', { itemId: 'cbi-buttons', delta: 5, note: '', requestId: rid() }],
      ['setRules', { rules: await h.call('cabin', 'rules', {}, h.identities.resident) }],
    ] as const) {
      await fail(h.invoke('cabin', { action, payload }, h.identities.gridLeader), 'COMMON.FORBIDDEN');
    }
    // The keeper named by the cabin is still not the committee: cabins, staff and rules are the committee's.
    await fail(h.invoke('cabin', { action: 'setStaff', payload: { cabinId: CABIN, keeperPhones: [] } }, h.identities.member), 'COMMON.FORBIDDEN');
  });

  it('the committee names keepers and volunteers by phone: approved members only', async () => {
    await fail(h.invoke('cabin', { action: 'setStaff', payload: { cabinId: CABIN, keeperPhones: ['13900001001'] } }, h.identities.committee), 'CABIN.NOT_A_MEMBER');
    await fail(h.invoke('cabin', { action: 'setStaff', payload: { cabinId: CABIN, keeperPhones: ['13811112222'] } }, h.identities.committee), 'CABIN.PERSON_NOT_FOUND');
    const { cabin } = await h.call('cabin', 'setStaff', { cabinId: CABIN, keeperPhones: ['13900001003'], volunteerPhones: [] }, h.identities.committee);
    expect(cabin.keepers.map((p: { name: string }) => p.name)).toEqual(['张丽华']);
    expect((await h.call('cabin', 'cabin', { cabinId: CABIN }, h.identities.member)).cabin).toMatchObject({ canManage: false, canDesk: false });
    expect((await h.call('cabin', 'cabin', { cabinId: CABIN }, h.identities.gridLeader)).cabin).toMatchObject({ canManage: true, canDesk: true });
  });

  it('the committee opens another cabin; bad hours are refused with a field message', async () => {
    const hours = Array.from({ length: 7 }, () => [{ from: '08:00', to: '12:00' }]);
    const cabin: CabinInput = { name: '楼道小书屋', place: '8号楼一楼', description: '', hours, sections: [{ key: 'books', name: '书架' }] };
    const requestId = rid();
    const [a, b] = await Promise.all([0, 1].map(() => h.call('cabin', 'saveCabin', { cabin, requestId }, h.identities.committee)));
    expect(a.cabin.id).toBe(b.cabin.id);
    expect((await h.call('cabin', 'home', {}, h.identities.resident)).cabins).toHaveLength(2);
    const bad = await h.invoke('cabin', { action: 'saveCabin', payload: { cabin: { ...cabin, hours: hours.slice(0, 6) }, requestId: rid() } }, h.identities.committee);
    expect(bad).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT', fields: { 'cabin.hours': '请填写一周七天的开放时间' } } });
    await fail(h.invoke('cabin', { action: 'saveCabin', payload: { cabin: { ...cabin, name: '违规测试词' }, requestId: rid() } }, h.identities.committee), 'COMMON.CONTENT_REJECTED');
    await fail(h.invoke('cabin', { action: 'saveCabin', payload: { cabin, requestId: rid() } }, h.identities.member), 'COMMON.FORBIDDEN');

    // Sections may change, but one with items on its shelves stays.
    const demo = (await h.call('cabin', 'cabin', { cabinId: CABIN }, h.identities.committee)).cabin;
    const edit = (sections: { key: string; name: string; hours: unknown }[]) =>
      h.invoke('cabin', { action: 'saveCabin', payload: { cabinId: CABIN, cabin: { name: demo.name, place: demo.place, description: demo.description, hours: demo.hours, sections, closures: demo.closures }, requestId: rid() } }, h.identities.committee);
    const keep = demo.sections.map((s: { key: string; name: string; hours: unknown }) => ({ key: s.key, name: s.name, hours: s.hours }));
    await fail(edit(keep.filter((s: { key: string }) => s.key !== 'umbrellas')), 'CABIN.SECTION_IN_USE');
    const renamed = await edit([...keep.map((s: { key: string; name: string }) => (s.key === 'papers' ? { ...s, name: '读报角' } : s)), { key: 'toys', name: '玩具角', hours: null }]);
    expect(renamed.ok).toBe(true);
    expect((await h.call('cabin', 'item', { itemId: 'cbi-xinmin' }, h.identities.resident)).item.sectionName).toBe('读报角');
  });
});

describe('inventory', () => {
  it('QR labels: an item opens its page, a shelf opens the cabin on its section', async () => {
    const item = await h.call('cabin', 'itemCode', { itemId: 'cbi-sew-1' }, h.identities.member);
    expect(item).toMatchObject({ page: 'packages/cabin/pages/item/index', scene: 'i=cbi-sew-1', image: expect.stringMatching(/^data:image\/png;base64,/) });
    const shelf = await h.call('cabin', 'shelfCode', { cabinId: CABIN, sectionKey: 'papers' }, h.identities.member);
    expect(shelf).toMatchObject({ page: 'packages/cabin/pages/home/index', scene: 's=cabin-baiyu1.papers', image: expect.any(String) });
    expect(parseCabinScene(shelf.scene)).toEqual({ cabinId: CABIN, sectionKey: 'papers' });
    await fail(h.invoke('cabin', { action: 'shelfCode', payload: { cabinId: CABIN, sectionKey: 'nowhere' } }, h.identities.member), 'CABIN.SECTION_NOT_FOUND');
    await fail(h.invoke('cabin', { action: 'itemCode', payload: { itemId: 'cbi-sew-1' } }, h.identities.gridLeader), 'COMMON.FORBIDDEN');
    // A new cabin's id leaves room for any section key in the 32-character scene.
    const hours = Array.from({ length: 7 }, () => [{ from: '08:00', to: '12:00' }]);
    const longKey = 'a'.repeat(19);
    const made = await h.call('cabin', 'saveCabin', { cabin: { name: '小书屋', place: '8号楼', description: '', hours, sections: [{ key: longKey, name: '书架' }] }, requestId: rid() }, h.identities.committee);
    const code = await h.call('cabin', 'shelfCode', { cabinId: made.cabin.id, sectionKey: longKey }, h.identities.committee);
    expect(code.scene.length).toBeLessThanOrEqual(32);
    expect(code.image).not.toBeNull();
  });

  it('items pass the content check and need a section of their cabin', async () => {
    const payload = (item: object) => ({ cabinId: CABIN, item: { ...sewingKit('针线包'), ...item }, requestId: rid() });
    await fail(h.invoke('cabin', { action: 'createItem', payload: payload({ description: '违规测试词' }) }, h.identities.member), 'COMMON.CONTENT_REJECTED');
    await fail(h.invoke('cabin', { action: 'createItem', payload: payload({ sectionKey: 'nowhere' }) }, h.identities.member), 'CABIN.SECTION_NOT_FOUND');
    await fail(h.invoke('cabin', { action: 'updateItem', payload: { itemId: 'cbi-sew-1', item: { kind: 'sale', sectionKey: 'sale', name: 'x', priceFen: 100 } } }, h.identities.member), 'CABIN.KIND_CHANGED');
    const updated = await h.call('cabin', 'updateItem', { itemId: 'cbi-sew-1', item: { ...sewingKit('针线包（一号）'), condition: '换了新剪刀' } }, h.identities.member);
    expect(updated.item.condition).toBe('换了新剪刀');
  });

  it('stock moves only by recorded movements, never below zero; the keeper sees the low-stock flag', async () => {
    await h.call('cabin', 'restock', { itemId: 'cbi-thread', delta: 5, note: '居民送来', requestId: rid() }, h.identities.member);
    await fail(h.invoke('cabin', { action: 'restock', payload: { itemId: 'cbi-thread', delta: -21, note: '', requestId: rid() } }, h.identities.member), 'CABIN.STOCK_BELOW_ZERO');
    await h.call('cabin', 'restock', { itemId: 'cbi-thread', delta: -2, note: '盘点少了两卷', requestId: rid() }, h.identities.member);
    const [a] = await residents(h, 1);
    await h.call('cabin', 'take', { itemId: 'cbi-thread', quantity: 13, requestId: rid() }, a!.openid);
    await fail(h.invoke('cabin', { action: 'take', payload: { itemId: 'cbi-thread', quantity: 6, requestId: rid() } }, a!.openid), 'CABIN.NOT_ENOUGH_STOCK');
    await fail(h.invoke('cabin', { action: 'restock', payload: { itemId: 'cbi-sew-1', delta: 1, note: '', requestId: rid() } }, h.identities.member), 'CABIN.NOT_CONSUMABLE');

    const item = (await doc('cabinItems', 'cbi-thread'))!;
    const moves = await docs('cabinLog', { itemId: 'cbi-thread', delta: getDb().command.neq(null) });
    expect(item.stock).toBe(5);
    expect(moves.map((m) => m.kind).sort()).toEqual(['correct', 'create', 'restock', 'take']);
    expect(moves.reduce((sum, m) => sum + m.delta, 0)).toBe(item.stock);
    const keeperList = await h.call('cabin', 'items', { cabinId: CABIN, sectionKey: 'buttons' }, h.identities.member);
    expect(keeperList.items.find((i: { id: string }) => i.id === 'cbi-thread')).toMatchObject({ stock: 5, lowStock: true });
    const residentList = await h.call('cabin', 'items', { cabinId: CABIN, sectionKey: 'buttons' }, a!.openid);
    expect(residentList.items[0].lowStock).toBeUndefined();
    const low = await h.call('cabin', 'items', { cabinId: CABIN, lowStockOnly: true }, h.identities.member);
    expect(low.items.map((i: { id: string }) => i.id)).toEqual(['cbi-thread']);
  });

  it('repair, lost and retired states; not while lent', async () => {
    const [a] = await residents(h, 1);
    await h.call('cabin', 'setStatus', { itemId: 'cbi-umbrella-2', status: 'in-repair', note: '伞骨断了' }, h.identities.member);
    await fail(h.invoke('cabin', { action: 'hold', payload: { itemId: 'cbi-umbrella-2', requestId: rid() } }, a!.openid), 'CABIN.NOT_AVAILABLE');
    await fail(h.invoke('cabin', { action: 'borrow', payload: { itemId: 'cbi-umbrella-2', requestId: rid() } }, a!.openid), 'CABIN.NOT_AVAILABLE');
    await h.call('cabin', 'setStatus', { itemId: 'cbi-umbrella-2', status: 'available', note: '修好了' }, h.identities.member);
    const { loan } = await h.call('cabin', 'borrow', { itemId: 'cbi-umbrella-2', requestId: rid() }, a!.openid);
    await fail(h.invoke('cabin', { action: 'setStatus', payload: { itemId: 'cbi-umbrella-2', status: 'retired', note: '' } }, h.identities.member), 'CABIN.STATUS_LOCKED');
    const [b] = await residents(h, 1, 'cabin-b');
    await h.call('cabin', 'hold', { itemId: 'cbi-umbrella-2', requestId: rid() }, b!.openid);
    await h.call('cabin', 'takeBack', { loanId: loan.id, condition: '没有还回来', status: 'lost' }, h.identities.member);
    expect((await doc('cabinItems', 'cbi-umbrella-2'))!).toMatchObject({ status: 'lost', waiting: 0 });
    // Nobody keeps waiting for a lost item.
    expect((await h.call('cabin', 'myHolds', {}, b!.openid)).items).toEqual([]);
    await h.call('cabin', 'setStatus', { itemId: 'cbi-buttons', status: 'retired', note: '' }, h.identities.member);
    expect((await h.call('cabin', 'items', { cabinId: CABIN, sectionKey: 'buttons' }, a!.openid)).items.map((i: { id: string }) => i.id)).not.toContain('cbi-buttons');
    await fail(h.invoke('cabin', { action: 'item', payload: { itemId: 'cbi-buttons' } }, a!.openid), 'COMMON.NOT_FOUND');
  });
});

describe('donations and charity sales', () => {
  it('a resident offers a book; a keeper accepts it into the inventory; another offer is declined with thanks', async () => {
    await fail(
      h.invoke('cabin', { action: 'offerDonation', payload: { cabinId: CABIN, what: '违规测试词', description: '', condition: '新', requestId: rid() } }, h.identities.resident),
      'COMMON.CONTENT_REJECTED',
    );
    const book = (await h.call('cabin', 'offerDonation', { cabinId: CABIN, what: '红楼梦', description: '人民文学版', condition: '八成新', photo: 'cloud://env/uploads/book.jpg', requestId: rid() }, h.identities.resident)).donation;
    const lamp = (await h.call('cabin', 'offerDonation', { cabinId: CABIN, what: '旧台灯', description: '', condition: '灯罩有裂纹', requestId: rid() }, h.identities.resident)).donation;
    // The photo waits for the image check: the donor sees it pending, the keepers see it once it passed.
    expect(book).toMatchObject({ photo: null, pendingImages: ['cloud://env/uploads/book.jpg'] });
    expect((await h.call('cabin', 'donations', { cabinId: CABIN }, h.identities.member)).items[0]).toMatchObject({ photo: null, pendingImages: [] });
    await h.stack.wechat.flushMediaChecks();
    const waiting = await h.call('cabin', 'donations', { cabinId: CABIN }, h.identities.member);
    expect(waiting.items.map((d: { what: string; donorName: string }) => [d.what, d.donorName])).toEqual([['红楼梦', '王秀兰'], ['旧台灯', '王秀兰']]);
    expect(waiting.items[0].photo).toBe('cloud://env/uploads/book.jpg');

    const item = { kind: 'loanable', sectionKey: 'books', name: '红楼梦', description: '人民文学版，王秀兰捐赠', condition: '八成新', photo: 'cloud://env/uploads/book.jpg', loanClass: 'book' };
    const [first, again] = await Promise.all([0, 1].map(() => h.invoke('cabin', { action: 'acceptDonation', payload: { donationId: book.id, item, note: '谢谢王阿姨' } }, h.identities.member)));
    expect(first!.ok && again!.ok).toBe(true);
    expect(await docs('cabinItems', { donationId: book.id })).toHaveLength(1);
    const declined = await h.call('cabin', 'declineDonation', { donationId: lamp.id, reason: '谢谢您！灯罩有裂纹，怕有安全隐患，暂不收了' }, h.identities.member);
    expect(declined.donation.status).toBe('declined');
    await fail(h.invoke('cabin', { action: 'acceptDonation', payload: { donationId: lamp.id, item, note: '' } }, h.identities.member), 'CABIN.DONATION_ANSWERED');
    await fail(h.invoke('cabin', { action: 'withdrawDonation', payload: { donationId: book.id } }, h.identities.resident), 'CABIN.DONATION_ANSWERED');

    const mine = (await h.call('cabin', 'myDonations', {}, h.identities.resident)).items;
    expect(mine.map((d: { status: string; answer: string }) => [d.status, d.answer])).toEqual(
      expect.arrayContaining([['accepted', '谢谢王阿姨'], ['declined', '谢谢您！灯罩有裂纹，怕有安全隐患，暂不收了']]),
    );
    expect(mine[0].donorName).toBeUndefined();
    const books = await h.call('cabin', 'items', { cabinId: CABIN, query: '红楼' }, h.identities.resident);
    expect(books.items).toEqual([expect.objectContaining({ name: '红楼梦', photo: 'cloud://env/uploads/book.jpg', availableNow: true })]);
  });

  it('a charity item is sold once and the proceeds are recorded', async () => {
    const { sale } = await h.call('cabin', 'recordSale', { itemId: 'cbi-poems', priceFen: 1000, note: '多给了两元', requestId: rid() }, h.identities.member);
    expect(sale).toMatchObject({ priceFen: 1000, soldByName: '李建国' });
    await fail(h.invoke('cabin', { action: 'recordSale', payload: { itemId: 'cbi-poems', note: '', requestId: rid() } }, h.identities.committee), 'CABIN.SOLD');
    await fail(h.invoke('cabin', { action: 'recordSale', payload: { itemId: 'cbi-sew-1', note: '', requestId: rid() } }, h.identities.member), 'CABIN.NOT_FOR_SALE');
    await h.call('cabin', 'recordSale', { itemId: 'cbi-coasters', note: '', requestId: rid() }, h.identities.committee);
    expect((await h.call('cabin', 'sales', { cabinId: CABIN }, h.identities.member)).items).toHaveLength(2);
    const report = await h.call('cabin', 'report', { cabinId: CABIN, month: month() }, h.identities.member);
    expect(report.sales).toEqual({ count: 2, proceedsFen: 1500 });
  });
});

describe('duty and the monthly report', () => {
  it('a finished shift posts its hours to the ledger once, however often asked', async () => {
    const { shifts } = await h.call('cabin', 'addShifts', { cabinId: CABIN, memberId: h.memberIdOf('gridLeader'), date: '2026-01-05', from: '14:00', to: '16:00', weeks: 3 }, h.identities.member);
    expect(shifts.map((s: { date: string }) => s.date)).toEqual(['2026-01-05', '2026-01-12', '2026-01-19']);
    await fail(
      h.invoke('cabin', { action: 'addShifts', payload: { cabinId: CABIN, memberId: h.memberIdOf('resident'), date: '2026-01-05', from: '14:00', to: '16:00' } }, h.identities.member),
      'CABIN.NOT_ON_ROSTER',
    );
    const shiftId = shifts[0].id;
    await fail(h.invoke('cabin', { action: 'postDuty', payload: { shiftId } }, h.identities.member), 'COMMON.FORBIDDEN');
    const posts = await Promise.all([0, 1, 2].map(() => h.call('cabin', 'postDuty', { shiftId }, h.identities.committee)));
    expect(posts.filter((p) => p.posted)).toHaveLength(1);
    expect(posts[0].shift.postedHalfHours).toBe(4);
    const entries = (await getDb().collection(COLLECTIONS.ledgerEntries).where({ memberId: h.memberIdOf('gridLeader'), source: 'duty' }).get()).data;
    expect(entries).toEqual([expect.objectContaining({ halfHours: 4, sourceId: shiftId })]);
    expect((await h.call('cabin', 'removeShift', { shiftId }, h.identities.member)).removed).toBe(false);
    // A shift that has ended is a duty record (its hours may be posting right now): only one still to come goes.
    expect((await h.call('cabin', 'removeShift', { shiftId: shifts[1].id }, h.identities.member)).removed).toBe(false);

    const upcoming = await h.call('cabin', 'addShifts', { cabinId: CABIN, memberId: h.memberIdOf('member'), date: '2099-01-05', from: '09:00', to: '11:00' }, h.identities.committee);
    await fail(h.invoke('cabin', { action: 'postDuty', payload: { shiftId: upcoming.shifts[0].id } }, h.identities.committee), 'CABIN.SHIFT_NOT_ENDED');
    expect((await h.call('cabin', 'removeShift', { shiftId: upcoming.shifts[0].id }, h.identities.committee)).removed).toBe(true);
  });

  it('the report counts loans, the most borrowed, stock used, donations and proceeds of the month', async () => {
    const people = await residents(h, 3);
    for (const p of people) {
      const { loan } = await h.call('cabin', 'borrow', { itemId: 'cbi-book-3', requestId: rid() }, p.openid);
      await h.call('cabin', 'takeBack', { loanId: loan.id, condition: '' }, h.identities.member);
    }
    await h.call('cabin', 'borrow', { itemId: 'cbi-book-2', requestId: rid() }, people[0]!.openid);
    await h.call('cabin', 'take', { itemId: 'cbi-buttons', quantity: 4, requestId: rid() }, people[1]!.openid);
    await h.call('cabin', 'take', { itemId: 'cbi-buttons', quantity: 2, requestId: rid() }, people[2]!.openid);
    await h.call('cabin', 'offerDonation', { cabinId: CABIN, what: '毛线', description: '', condition: '新', requestId: rid() }, people[0]!.openid);
    const report = await h.call('cabin', 'report', { cabinId: CABIN, month: month() }, h.identities.member);
    expect(report).toMatchObject({
      loans: 4,
      returns: 3,
      mostBorrowed: [{ itemId: 'cbi-book-3', name: '老年人智能手机入门', loans: 3 }, { itemId: 'cbi-book-2', loans: 1 }],
      stockUsed: [{ itemId: 'cbi-buttons', taken: 6, unit: '颗' }],
      donations: { offered: 1, accepted: 0, declined: 0 },
    });
    advance(h, 40 * DAY);
    const later = await h.call('cabin', 'report', { cabinId: CABIN, month: month() }, h.identities.member);
    expect([later.loans, later.stockUsed]).toEqual([0, []]);
  });
});
