import { startHarness, type Harness } from '../../support/harness';
import { addItem, advance, CABIN, DAY, doc, docs, HOUR, residents, rid, sewingKit, openMonday } from './support';

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

const KITS = ['cbi-sew-1', 'cbi-sew-2', 'cbi-sew-3'];

describe('races, with real concurrency', () => {
  it('50 residents going for the last three sewing kits at once: exactly three loans, one per kit', async () => {
    const people = await residents(h, 50);
    const outcomes = await Promise.all(
      people.map(async (p, i) => {
        // Each tries the kits in its own order until one is lent or all are gone.
        for (let k = 0; k < KITS.length; k += 1) {
          const itemId = KITS[(i + k) % KITS.length]!;
          const res = await h.invoke('cabin', { action: 'borrow', payload: { itemId, requestId: rid('race') } }, p.openid);
          if (res.ok) return { memberId: p.memberId, itemId };
          expect(res.error.code).toBe('CABIN.NOT_AVAILABLE');
        }
        return null;
      }),
    );
    const won = outcomes.filter((o): o is { memberId: string; itemId: string } => !!o);
    expect(won).toHaveLength(3);
    expect(new Set(won.map((w) => w.itemId))).toEqual(new Set(KITS));
    expect(new Set(won.map((w) => w.memberId)).size).toBe(3);
    const loans = await docs('cabinLoans', { cabinId: CABIN });
    expect(loans).toHaveLength(3);
    for (const itemId of KITS) {
      const item = (await doc('cabinItems', itemId))!;
      const loan = loans.find((l) => l.itemId === itemId)!;
      expect(item).toMatchObject({ status: 'on-loan', loanId: loan._id, holderId: loan.memberId, loans: 1 });
    }
    // Every loser gave its reservation back: the per-class counters add up to the loans.
    const borrowers = await docs('cabinBorrowers', {});
    expect(borrowers.reduce((sum, b) => sum + b.open.sewing, 0)).toBe(3);
  });

  it('a hold running out while its holder and another resident borrow: the holder before expiry, one of them after, never two', async () => {
    const [holder, other] = await residents(h, 2);
    for (let round = 0; round < 6; round += 1) {
      const kit = await addItem(h, sewingKit(`赛跑针线包${round}`));
      await h.call('cabin', 'hold', { itemId: kit.id, requestId: rid('hold') }, holder!.openid);
      const early = await h.invoke('cabin', { action: 'borrow', payload: { itemId: kit.id, requestId: rid('early') } }, other!.openid);
      expect(early).toMatchObject({ ok: false, error: { code: 'CABIN.HELD_FOR_OTHER' } });

      advance(h, 49 * HOUR);
      const results = await Promise.all(
        [holder!, other!].map((p) => h.invoke('cabin', { action: 'borrow', payload: { itemId: kit.id, requestId: rid('late') } }, p.openid)),
      );
      const won = results.filter((r) => r.ok);
      expect(won).toHaveLength(1);
      const loans = await docs('cabinLoans', { itemId: kit.id });
      expect(loans).toHaveLength(1);
      expect((await doc('cabinItems', kit.id))!).toMatchObject({ status: 'on-loan', loanId: loans[0]!._id });
      const hold = (await docs('cabinHolds', { itemId: kit.id }))[0]!;
      expect(hold.status).toBe(loans[0]!.memberId === holder!.memberId ? 'fulfilled' : 'expired');
      // Back at the desk, so the next round starts clean (the sewing limit is one kit each).
      await h.call('cabin', 'takeBack', { loanId: loans[0]!._id, condition: '' }, h.identities.member);
      advance(h, -49 * HOUR);
    }
  });

  it('the timer releasing a hold while another resident borrows it: the borrow still goes through, once', async () => {
    const [holder, other] = await residents(h, 2);
    for (let round = 0; round < 5; round += 1) {
      const kit = await addItem(h, sewingKit(`计时针线包${round}`));
      await h.call('cabin', 'hold', { itemId: kit.id, requestId: rid('hold') }, holder!.openid);
      advance(h, 49 * HOUR);
      const [, borrowed] = await Promise.all([
        h.timer('cabin', 'cabin-sweep'),
        h.invoke('cabin', { action: 'borrow', payload: { itemId: kit.id, requestId: rid('b') } }, other!.openid),
      ]);
      expect(borrowed.ok).toBe(true);
      const loans = await docs('cabinLoans', { itemId: kit.id });
      expect(loans).toHaveLength(1);
      expect((await doc('cabinItems', kit.id))!).toMatchObject({ status: 'on-loan', holderId: other!.memberId, loanId: loans[0]!._id });
      await h.call('cabin', 'takeBack', { loanId: loans[0]!._id, condition: '' }, h.identities.member);
      advance(h, -49 * HOUR);
    }
  });

  it('100 concurrent takes of a consumable with stock 40: exactly 40, and 40 movements', async () => {
    const item = await h.call(
      'cabin',
      'createItem',
      {
        cabinId: CABIN,
        item: { kind: 'consumable', sectionKey: 'buttons', name: '黑色纽扣', description: '', condition: '', stock: 40, unit: '颗', lowStockAt: 5 },
        requestId: rid('buttons'),
      },
      h.identities.member,
    );
    const people = await residents(h, 100);
    const results = await Promise.all(people.map((p) => h.invoke('cabin', { action: 'take', payload: { itemId: item.item.id, requestId: rid('take') } }, p.openid)));
    expect(results.filter((r) => r.ok)).toHaveLength(40);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'CABIN.OUT_OF_STOCK')).toBe(true);
    expect((await doc('cabinItems', item.item.id))!.stock).toBe(0);
    const takes = await docs('cabinLog', { itemId: item.item.id, kind: 'take' });
    expect(takes).toHaveLength(40);
    expect(takes.reduce((sum, t) => sum + t.delta, 0)).toBe(-40);
    expect(new Set(takes.map((t) => t.memberId)).size).toBe(40);
  });

  it('retried requests (the same request id, at once) change nothing more', async () => {
    const [a] = await residents(h, 1);
    const same = <T>(n: number, call: () => Promise<T>) => Promise.all(Array.from({ length: n }, call));

    const borrowId = rid('borrow');
    const borrows = await same(5, () => h.call('cabin', 'borrow', { itemId: 'cbi-sew-1', requestId: borrowId }, a!.openid));
    expect(new Set(borrows.map((b) => b.loan.id)).size).toBe(1);
    expect(await docs('cabinLoans', { memberId: a!.memberId })).toHaveLength(1);
    expect((await doc('cabinItems', 'cbi-sew-1'))!.loans).toBe(1);
    expect((await doc('cabinBorrowers', a!.memberId))!.open.sewing).toBe(1);

    const renewId = rid('renew');
    advance(h, 5 * DAY);
    const renewals = await same(3, () => h.invoke('cabin', { action: 'renew', payload: { loanId: borrows[0]!.loan.id, requestId: renewId } }, a!.openid));
    expect(renewals.filter((r) => !r.ok)).toEqual([]);
    expect((await doc('cabinLoans', borrows[0]!.loan.id))!.renewals).toBe(1);

    const takeId = rid('take');
    const takes = await same(5, () => h.call('cabin', 'take', { itemId: 'cbi-needles', quantity: 2, requestId: takeId }, a!.openid));
    expect(takes.filter((t) => !t.already)).toHaveLength(1);
    expect((await doc('cabinItems', 'cbi-needles'))!.stock).toBe(48);
    expect(await docs('cabinLog', { itemId: 'cbi-needles', kind: 'take' })).toHaveLength(1);

    const holdId = rid('hold');
    const holds = await same(3, () => h.call('cabin', 'hold', { itemId: 'cbi-book-1', requestId: holdId }, a!.openid));
    expect(new Set(holds.map((x) => x.hold.status))).toEqual(new Set(['ready']));
    expect((await doc('cabinItems', 'cbi-book-1'))!).toMatchObject({ status: 'on-hold', holderId: a!.memberId, waiting: 0 });

    const itemId = rid('create');
    const created = await same(3, () =>
      h.call('cabin', 'createItem', { cabinId: CABIN, item: sewingKit('重复提交的针线包'), requestId: itemId }, h.identities.committee),
    );
    expect(new Set(created.map((c) => c.item.id)).size).toBe(1);
    expect(await docs('cabinItems', { name: '重复提交的针线包' })).toHaveLength(1);

    const saleId = rid('sale');
    const sales = await same(3, () => h.invoke('cabin', { action: 'recordSale', payload: { itemId: 'cbi-coasters', note: '', requestId: saleId } }, h.identities.member));
    expect(sales.every((s) => s.ok)).toBe(true);
    expect(await docs('cabinSales', { itemId: 'cbi-coasters' })).toHaveLength(1);

    const offerId = rid('offer');
    const offer = { cabinId: CABIN, what: '旧台灯', description: '', condition: '能用', requestId: offerId };
    await same(3, () => h.call('cabin', 'offerDonation', offer, a!.openid));
    expect(await docs('cabinDonations', { memberId: a!.memberId })).toHaveLength(1);
  });

  it('two desk volunteers confirming one return at once: the item moves and the slot comes back once', async () => {
    const [a, b] = await residents(h, 2);
    const loan = (await h.call('cabin', 'borrow', { itemId: 'cbi-sew-2', requestId: rid() }, a!.openid)).loan;
    await h.call('cabin', 'hold', { itemId: 'cbi-sew-2', requestId: rid() }, b!.openid);
    const backs = await Promise.all(
      [h.identities.member, h.identities.gridLeader, h.identities.committee].map((who) => h.call('cabin', 'takeBack', { loanId: loan.id, condition: '完好' }, who)),
    );
    expect(backs.filter((x) => x.heldForNext)).toHaveLength(1);
    expect((await doc('cabinBorrowers', a!.memberId))!.open.sewing).toBe(0);
    expect((await doc('cabinItems', 'cbi-sew-2'))!).toMatchObject({ status: 'on-hold', holderId: b!.memberId, waiting: 0, loanId: null });
    expect(await docs('cabinLog', { itemId: 'cbi-sew-2', kind: 'returned' })).toHaveLength(1);
  });
});
