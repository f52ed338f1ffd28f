import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { LEASE_MS } from '../../../cloudfunctions/_core/message-outbox';
import { startHarness, type Harness } from '../../support/harness';
import { faultOnce, touching } from './faults';
import { advance, DAY, doc, docs, HOUR, openMonday, residents, rid } from './support';

/**
 * A call that dies between two of its writes, or one of whose writes fails, and is then retried with the same
 * request id: the cabin's counters must still equal their records (issue 15).
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(async () => {
  await h.reset();
  openMonday(h);
});

const sentTo = (openid: string, templateId: string) => h.stack.wechat.messages.filter((m) => m.openid === openid && m.templateId === templateId);

async function allow(openid: string, templates: string[]): Promise<void> {
  await h.call('members', 'grantSubscriptions', { requestId: rid('grant'), templates }, openid);
}

async function waitingHolds(itemId: string): Promise<number> {
  return (await docs('cabinHolds', { itemId, status: 'waiting' })).length;
}

describe('the waiting count moves with the queue', () => {
  it('a join whose count write failed is counted by its retry, and renewals wait for that person', async () => {
    const [a, b] = await residents(h, 2);
    const { loan } = await h.call('cabin', 'borrow', { itemId: 'cbi-book-1', requestId: rid() }, a!.openid);
    const join = { itemId: 'cbi-book-1', requestId: rid('join') };
    const fault = faultOnce(h, 'fail', touching(COLLECTIONS.cabinItems));
    expect((await h.invoke('cabin', { action: 'hold', payload: join }, b!.openid)).ok).toBe(false);
    expect(fault.fired).toBe(true);
    const { hold } = await h.call('cabin', 'hold', join, b!.openid);
    expect(hold).toMatchObject({ status: 'waiting', position: 1 });
    expect((await doc('cabinItems', 'cbi-book-1'))!.waiting).toBe(await waitingHolds('cbi-book-1'));
    expect((await doc('cabinItems', 'cbi-book-1'))!.waiting).toBe(1);
    // Someone waits: the borrower may not renew past them.
    const renew = { loanId: loan.id, requestId: rid('renew') };
    expect(await h.invoke('cabin', { action: 'renew', payload: renew }, a!.openid)).toMatchObject({ ok: false, error: { code: 'CABIN.SOMEONE_WAITING' } });
    // They leave the queue: the count follows and the renewal goes through.
    await h.call('cabin', 'cancelHold', { holdId: hold.id }, b!.openid);
    expect((await doc('cabinItems', 'cbi-book-1'))!.waiting).toBe(0);
    expect((await h.call('cabin', 'renew', renew, a!.openid)).loan.renewals).toBe(1);
  });

  it('a hold from the shelf that died after claiming the item is completed by its retry: ready, with its history line', async () => {
    const [b] = await residents(h, 1);
    const payload = { itemId: 'cbi-book-2', requestId: rid('hold') };
    const fault = faultOnce(h, 'crash', touching(COLLECTIONS.cabinItems));
    expect((await h.invoke('cabin', { action: 'hold', payload }, b!.openid)).ok).toBe(false);
    expect(fault.fired).toBe(true);
    const { hold } = await h.call('cabin', 'hold', payload, b!.openid);
    expect(hold.status).toBe('ready');
    expect((await doc('cabinHolds', hold.id))!).toMatchObject({ status: 'ready' });
    expect((await doc('cabinItems', 'cbi-book-2'))!).toMatchObject({ status: 'on-hold', holderId: b!.memberId, waiting: 0 });
    expect(await docs('cabinLog', { itemId: 'cbi-book-2', kind: 'held' })).toHaveLength(1);
  });

  it('a cancel of a waiting place that died between its writes: the retry leaves the count equal to the queue', async () => {
    const [a, b, c] = await residents(h, 3);
    await h.call('cabin', 'borrow', { itemId: 'cbi-book-1', requestId: rid() }, a!.openid);
    const { hold } = await h.call('cabin', 'hold', { itemId: 'cbi-book-1', requestId: rid() }, b!.openid);
    await h.call('cabin', 'hold', { itemId: 'cbi-book-1', requestId: rid() }, c!.openid);
    const fault = faultOnce(h, 'crash', touching(COLLECTIONS.cabinHolds));
    expect((await h.invoke('cabin', { action: 'cancelHold', payload: { holdId: hold.id } }, b!.openid)).ok).toBe(false);
    expect(fault.fired).toBe(true);
    await h.call('cabin', 'cancelHold', { holdId: hold.id }, b!.openid);
    expect((await doc('cabinItems', 'cbi-book-1'))!.waiting).toBe(await waitingHolds('cbi-book-1'));
    expect(await waitingHolds('cbi-book-1')).toBe(1);
  });
});

describe('a stock move and its movement are one', () => {
  it('a take that died after moving the stock moves it once, with one movement, when retried', async () => {
    const [a] = await residents(h, 1);
    const before = (await doc('cabinItems', 'cbi-needles'))!.stock as number;
    const payload = { itemId: 'cbi-needles', quantity: 2, requestId: rid('take') };
    const fault = faultOnce(h, 'crash', touching(COLLECTIONS.cabinItems));
    expect((await h.invoke('cabin', { action: 'take', payload }, a!.openid)).ok).toBe(false);
    expect(fault.fired).toBe(true);
    await h.call('cabin', 'take', payload, a!.openid);
    expect((await doc('cabinItems', 'cbi-needles'))!.stock).toBe(before - 2);
    const takes = await docs('cabinLog', { itemId: 'cbi-needles', kind: 'take' });
    expect(takes).toHaveLength(1);
    expect(takes[0]!.delta).toBe(-2);
  });

  it('a restock that died after moving the stock moves it once, with one movement, when retried', async () => {
    const before = (await doc('cabinItems', 'cbi-needles'))!;
    const payload = { itemId: 'cbi-needles', delta: 30, note: '补货', requestId: rid('restock') };
    const fault = faultOnce(h, 'crash', touching(COLLECTIONS.cabinItems));
    expect((await h.invoke('cabin', { action: 'restock', payload }, h.identities.member)).ok).toBe(false);
    expect(fault.fired).toBe(true);
    await h.call('cabin', 'restock', payload, h.identities.member);
    expect((await doc('cabinItems', 'cbi-needles'))!).toMatchObject({ stock: before.stock + 30, restocks: before.restocks + 1 });
    expect(await docs('cabinLog', { itemId: 'cbi-needles', kind: 'restock' })).toHaveLength(1);
  });
});

describe('the timer marks a reminder only once it went out', () => {
  /** 10:00 Shanghai time, `days` from the current Shanghai day. */
  function tenOClock(days = 0): void {
    const now = h.stack.clock.nowMs();
    const shanghaiMidnight = Math.floor((now + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
    h.stack.clock.offsetMs += shanghaiMidnight + days * DAY + 10 * HOUR - now;
  }

  it('an overdue reminder whose send failed is tried again by the next run, then after a growing wait, and the run goes on with the others', async () => {
    const [a, b] = await residents(h, 2);
    for (const p of [a!, b!]) await allow(p.openid, ['loan-overdue']);
    await h.call('cabin', 'borrow', { itemId: 'cbi-umbrella-1', requestId: rid() }, a!.openid);
    await h.call('cabin', 'borrow', { itemId: 'cbi-umbrella-2', requestId: rid() }, b!.openid);
    tenOClock(10);
    const told = () => sentTo(a!.openid, 'loan-overdue').length + sentTo(b!.openid, 'loan-overdue').length;
    // The first send of the run fails in the database; the other loan is still reminded in the same run.
    let fault = faultOnce(h, 'fail', touching(COLLECTIONS.subscriptionQuota));
    expect(await h.timer('cabin', 'cabin-sweep')).toMatchObject({ overdueReminders: 1, sendsFailed: 1 });
    expect(fault.fired).toBe(true);
    expect(told()).toBe(1);
    // The next run tries it again; failing again, it waits its turn before the third try.
    fault = faultOnce(h, 'fail', touching(COLLECTIONS.subscriptionQuota));
    expect(await h.timer('cabin', 'cabin-sweep')).toMatchObject({ overdueReminders: 0, sendsFailed: 1 });
    expect(fault.fired).toBe(true);
    expect(await h.timer('cabin', 'cabin-sweep')).toMatchObject({ overdueReminders: 0, sendsFailed: 0 });
    advance(h, 16 * 60_000);
    expect((await h.timer('cabin', 'cabin-sweep')).overdueReminders).toBe(1);
    await h.timer('cabin', 'cabin-sweep');
    expect(sentTo(a!.openid, 'loan-overdue')).toHaveLength(1);
    expect(sentTo(b!.openid, 'loan-overdue')).toHaveLength(1);
    for (const p of [a!, b!]) {
      expect(await docs('cabinLoans', { memberId: p.memberId })).toEqual([expect.objectContaining({ overdueReminded: true, sendTries: 0, sendRetryAt: null })]);
    }
  });

  it('a hold handed on whose message failed: the return still goes through, and the timer tells the next holder once', async () => {
    const [a, b] = await residents(h, 2);
    await allow(b!.openid, ['hold-ready']);
    const { loan } = await h.call('cabin', 'borrow', { itemId: 'cbi-book-1', requestId: rid() }, a!.openid);
    const { hold } = await h.call('cabin', 'hold', { itemId: 'cbi-book-1', requestId: rid() }, b!.openid);
    const fault = faultOnce(h, 'fail', touching(COLLECTIONS.subscriptionQuota));
    const back = await h.call('cabin', 'takeBack', { loanId: loan.id, condition: '' }, h.identities.member);
    expect(fault.fired).toBe(true);
    expect(back.heldForNext).toBe(true);
    expect(sentTo(b!.openid, 'hold-ready')).toHaveLength(0);
    expect((await doc('cabinHolds', hold.id))!).toMatchObject({ status: 'ready', readyTold: false, sendTries: 1 });
    expect((await h.timer('cabin', 'cabin-sweep')).holdsTold).toBe(1);
    await h.timer('cabin', 'cabin-sweep');
    expect(sentTo(b!.openid, 'hold-ready')).toHaveLength(1);
    expect((await doc('cabinHolds', hold.id))!).toMatchObject({ readyTold: true, sendTries: 0 });
  });
});

describe('a message queued by a call that then died', () => {
  it('is sent at once by the retry of the same request (its owner); without a request id, by the outbox timer once the lease ran out; once either way', async () => {
    const [a, b] = await residents(h, 2);
    for (const p of [a!, b!]) await allow(p.openid, ['loan-overdue']);
    const { loan: first } = await h.call('cabin', 'borrow', { itemId: 'cbi-umbrella-1', requestId: rid() }, a!.openid);
    const { loan: second } = await h.call('cabin', 'borrow', { itemId: 'cbi-umbrella-2', requestId: rid() }, b!.openid);
    advance(h, 10 * DAY);

    // The desk's tap carries its request id: the retry takes back the message its dead call queued.
    const tap = { loanId: first.id, requestId: rid('remind') };
    let fault = faultOnce(h, 'crash', touching(COLLECTIONS.subscriptionSends));
    expect((await h.invoke('cabin', { action: 'remind', payload: tap }, h.identities.member)).ok).toBe(false);
    expect(fault.fired).toBe(true);
    expect(sentTo(a!.openid, 'loan-overdue')).toHaveLength(0);
    expect((await h.call('cabin', 'remind', tap, h.identities.member)).outcome).toBe('sent');
    expect(sentTo(a!.openid, 'loan-overdue')).toHaveLength(1);

    // An older app sends none: the message has no owner to come back for it, so it waits for the lease.
    const old = { loanId: second.id };
    fault = faultOnce(h, 'crash', touching(COLLECTIONS.subscriptionSends));
    expect((await h.invoke('cabin', { action: 'remind', payload: old }, h.identities.member)).ok).toBe(false);
    expect(fault.fired).toBe(true);
    expect((await h.call('cabin', 'remind', old, h.identities.member)).outcome).toBe('already');
    await h.timer('cabin', 'message-outbox');
    expect(sentTo(b!.openid, 'loan-overdue')).toHaveLength(0);
    advance(h, LEASE_MS + 60_000);
    await h.timer('cabin', 'message-outbox');
    await h.timer('cabin', 'message-outbox');
    expect(sentTo(b!.openid, 'loan-overdue')).toHaveLength(1);
    expect(sentTo(a!.openid, 'loan-overdue')).toHaveLength(1);
  });
});
