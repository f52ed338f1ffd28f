import { startHarness, type Harness } from '../../support/harness';
import { advance, CABIN, DAY, doc, docs, fail, openMonday, rid } from './support';

/** The page and the function agree: 现在可借 only while the section is open; closed, a hold is what works. */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.reset());

const sewing = async (who: string) => (await h.call('cabin', 'items', { cabinId: CABIN, sectionKey: 'sewing' }, who)).items as { id: string; availableNow: boolean; shelf: { chance: string; label: string } }[];

describe('at 23:15 on a Monday', () => {
  beforeEach(() => openMonday(h, '23:15'));

  it('items offer a reservation for the morning, and the header says the same opening', async () => {
    const home = await h.call('cabin', 'home', {}, h.identities.resident);
    expect(home.cabins[0].openState).toMatchObject({ open: false, label: '明天 9:00 开门' });
    for (const item of await sewing(h.identities.resident)) {
      expect(item).toMatchObject({ availableNow: false, shelf: { chance: 'reserve', label: '可预约，明天 9:00 开门后来取' } });
    }
    const { item } = await h.call('cabin', 'item', { itemId: 'cbi-buttons' }, h.identities.resident);
    expect(item).toMatchObject({ availableNow: false, shelf: { chance: 'later', label: '明天 9:00 开门后可领' } });
  });

  it('a borrow is refused with the next opening and changes nothing; a take too', async () => {
    const res = await h.invoke('cabin', { action: 'borrow', payload: { itemId: 'cbi-sew-1', requestId: rid() } }, h.identities.resident);
    expect(res).toMatchObject({ ok: false, error: { code: 'CABIN.CLOSED', fields: { opening: '明天 9:00 开门' } } });
    expect(await doc('cabinItems', 'cbi-sew-1')).toMatchObject({ status: 'available', loanId: null });
    expect(await docs('cabinLoans', {})).toHaveLength(0);
    const counters = await docs('cabinBorrowers', {});
    expect(counters.every((c) => Object.values(c.open as Record<string, number>).every((n) => n === 0) && c.loanIds.length === 0)).toBe(true);

    await fail(h.invoke('cabin', { action: 'take', payload: { itemId: 'cbi-buttons', quantity: 1, requestId: rid() } }, h.identities.resident), 'CABIN.CLOSED');
    expect(await doc('cabinItems', 'cbi-buttons')).toMatchObject({ stock: 120 });
  });

  it('a reservation holds the item from the opening, and borrowing it works once open', async () => {
    const { hold } = await h.call('cabin', 'hold', { itemId: 'cbi-sew-1', requestId: rid() }, h.identities.resident);
    // Tuesday 9:00 Shanghai + the 48 hours a hold is kept.
    const tuesdayNine = new Date(Math.floor(h.stack.clock.nowMs() / 60_000) * 60_000 + (9 * 60 + 45) * 60_000);
    expect(hold).toMatchObject({ status: 'ready', holdUntil: new Date(tuesdayNine.getTime() + 48 * 3600_000).toISOString() });
    await fail(h.invoke('cabin', { action: 'borrow', payload: { itemId: 'cbi-sew-1', requestId: rid() } }, h.identities.resident), 'CABIN.CLOSED');
    advance(h, (9 * 60 + 45) * 60_000);
    const { loan } = await h.call('cabin', 'borrow', { itemId: 'cbi-sew-1', requestId: rid() }, h.identities.resident);
    expect(loan).toMatchObject({ itemId: 'cbi-sew-1', status: 'open' });
  });

  it('the desk still lends: a keeper is there', async () => {
    const resident = (await h.call('members', 'me', {}, h.identities.resident)).member;
    const { loan } = await h.call('cabin', 'lend', { itemId: 'cbi-sew-2', memberId: resident.id, requestId: rid() }, h.identities.committee);
    expect(loan).toMatchObject({ itemId: 'cbi-sew-2', status: 'open' });
  });
});

it('at opening time, 现在可借 and borrowing works', async () => {
  openMonday(h, '09:00');
  expect((await sewing(h.identities.resident))[0]).toMatchObject({ availableNow: true, shelf: { chance: 'now', label: '现在可借' } });
  expect((await h.call('cabin', 'borrow', { itemId: 'cbi-sew-1', requestId: rid() }, h.identities.resident)).loan.status).toBe('open');
});

it('at the boundary minute: open at 11:29, closed at 11:30 until 14:00', async () => {
  openMonday(h, '11:29');
  expect((await sewing(h.identities.resident))[0]!.shelf.chance).toBe('now');
  expect((await h.call('cabin', 'borrow', { itemId: 'cbi-sew-1', requestId: rid() }, h.identities.resident)).loan.status).toBe('open');
  advance(h, 60_000);
  expect((await sewing(h.identities.resident))[1]).toMatchObject({ availableNow: false, shelf: { chance: 'reserve', label: '可预约，今天 14:00 开门后来取' } });
  const res = await h.invoke('cabin', { action: 'borrow', payload: { itemId: 'cbi-book-1', requestId: rid() } }, h.identities.resident);
  expect(res).toMatchObject({ ok: false, error: { code: 'CABIN.CLOSED', fields: { opening: '今天 14:00 开门' } } });
});

it('on a closed day (Sunday) the shelves wait for Monday, while the paper rack keeps its own morning hour', async () => {
  openMonday(h, '09:30');
  advance(h, -DAY);
  expect((await sewing(h.identities.resident))[0]).toMatchObject({ availableNow: false, shelf: { label: '可预约，明天 9:00 开门后来取' } });
  const papers = (await h.call('cabin', 'items', { cabinId: CABIN, kind: 'reading' }, h.identities.resident)).items;
  expect(papers[0]).toMatchObject({ availableNow: true, shelf: { chance: 'now', label: '现在可看' } });
  await fail(h.invoke('cabin', { action: 'borrow', payload: { itemId: 'cbi-sew-1', requestId: rid() } }, h.identities.resident), 'CABIN.CLOSED');
});

describe('只看现在可借 (borrowableNow): the shelf rule the cards show', () => {
  const borrowable = async (payload: Record<string, unknown> = {}) =>
    (await h.call('cabin', 'items', { cabinId: CABIN, borrowableNow: true, ...payload }, h.identities.resident)).items as { sectionKey: string; availableNow: boolean; shelf: { chance: string } }[];

  it('at 23:15 nothing: every item would be a reservation, not a borrow', async () => {
    openMonday(h, '23:15');
    expect(await borrowable()).toEqual([]);
    expect(await borrowable({ sectionKey: 'sewing' })).toEqual([]);
    // Without the toggle the shelves are all there, each saying when it can be had.
    expect((await h.call('cabin', 'items', { cabinId: CABIN }, h.identities.resident)).items.length).toBeGreaterThan(0);
  });

  it('at 10:00 only what says 现在可借/可领/可看, and every such item', async () => {
    openMonday(h, '10:00');
    const all = (await h.call('cabin', 'items', { cabinId: CABIN }, h.identities.resident)).items as { id: string; shelf: { chance: string } }[];
    const shown = await borrowable();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((i) => i.availableNow && i.shelf.chance === 'now')).toBe(true);
    expect(shown.map((i) => (i as unknown as { id: string }).id).sort()).toEqual(all.filter((i) => i.shelf.chance === 'now').map((i) => i.id).sort());
  });

  it('on Sunday morning only the paper rack, on its own hour', async () => {
    openMonday(h, '09:30');
    advance(h, -DAY);
    const shown = await borrowable();
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown.map((i) => i.sectionKey))).toEqual(new Set(['papers']));
  });
});
