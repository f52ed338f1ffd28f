import { startHarness, type Harness } from '../../support/harness';
import { advance, DAY, doc, docs, HOUR, residents, rid, openMonday } from './support';

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

/** Puts the clock at `hh:00` Shanghai time on the current Shanghai day (or the next, with `days`). */
function at(hh: number, days = 0): void {
  const now = h.stack.clock.nowMs();
  const shanghaiMidnight = Math.floor((now + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
  h.stack.clock.offsetMs += shanghaiMidnight + days * DAY + hh * HOUR - now;
}

async function allow(openid: string, templates: string[]): Promise<void> {
  await h.call('members', 'grantSubscriptions', { requestId: rid('grant'), templates }, openid);
}

const sentTo = (openid: string, templateId: string) => h.stack.wechat.messages.filter((m) => m.openid === openid && m.templateId === templateId);

describe('the cabin timer', () => {
  it('reminds the day before a loan is due, and once when overdue, in the daytime, each once', async () => {
    const [a] = await residents(h, 1);
    at(10);
    for (let tap = 0; tap < 3; tap += 1) await allow(a!.openid, ['loan-due', 'loan-overdue']);
    const { loan } = await h.call('cabin', 'borrow', { itemId: 'cbi-umbrella-1', requestId: rid() }, a!.openid);
    // The day before it is due (an umbrella: 3 days, moved past closed days): nothing at night, one in the daytime.
    h.stack.clock.offsetMs += new Date(loan.dueAt).getTime() - DAY - h.stack.clock.nowMs();
    at(22);
    expect((await h.timer('cabin', 'cabin-sweep')).dueReminders).toBe(0);
    at(10);
    expect((await h.timer('cabin', 'cabin-sweep')).dueReminders).toBe(1);
    await h.timer('cabin', 'cabin-sweep');
    expect(sentTo(a!.openid, 'loan-due')).toHaveLength(1);

    advance(h, 2 * DAY);
    at(10);
    expect((await h.timer('cabin', 'cabin-sweep')).overdueReminders).toBe(1);
    await h.timer('cabin', 'cabin-sweep');
    expect(sentTo(a!.openid, 'loan-overdue')).toHaveLength(1);
    expect((await doc('cabinLoans', loan.id))!).toMatchObject({ dueReminded: true, overdueReminded: true });

    // A keeper's reminder: once a day per loan, spending the person's next allowed message.
    expect((await h.call('cabin', 'remind', { loanId: loan.id }, h.identities.member)).outcome).toBe('sent');
    expect((await h.call('cabin', 'remind', { loanId: loan.id }, h.identities.member)).outcome).toBe('already');
  });

  it('releases holds that ran out (handing on to the queue), and tells the next holder', async () => {
    const [a, b, c] = await residents(h, 3);
    at(10);
    await allow(b!.openid, ['hold-ready']);
    await h.call('cabin', 'hold', { itemId: 'cbi-book-1', requestId: rid() }, a!.openid);
    await h.call('cabin', 'hold', { itemId: 'cbi-book-2', requestId: rid() }, a!.openid);
    await h.call('cabin', 'hold', { itemId: 'cbi-book-1', requestId: rid() }, b!.openid);
    advance(h, 49 * HOUR);
    at(11);
    const counts = await h.timer('cabin', 'cabin-sweep');
    expect(counts.holdsReleased).toBe(2);
    expect((await doc('cabinItems', 'cbi-book-1'))!).toMatchObject({ status: 'on-hold', holderId: b!.memberId, waiting: 0 });
    expect((await doc('cabinItems', 'cbi-book-2'))!).toMatchObject({ status: 'available', holderId: null });
    expect(sentTo(b!.openid, 'hold-ready')).toHaveLength(1);
    expect((await docs('cabinHolds', { memberId: a!.memberId, status: 'expired' }))).toHaveLength(2);
    // A second run finds nothing; the new holder is the only one who may borrow it.
    expect((await h.timer('cabin', 'cabin-sweep')).holdsReleased).toBe(0);
    expect(await h.invoke('cabin', { action: 'borrow', payload: { itemId: 'cbi-book-1', requestId: rid() } }, c!.openid)).toMatchObject({ ok: false, error: { code: 'CABIN.HELD_FOR_OTHER' } });
  });

  it('tells the donor the answer, and the keepers when a consumable runs low, once per restock round', async () => {
    await allow(h.identities.resident, ['donation-answered']);
    const { donation } = await h.call('cabin', 'offerDonation', { cabinId: 'cabin-baiyu1', what: '旧毛衣', description: '', condition: '洗干净了', requestId: rid() }, h.identities.resident);
    await h.call('cabin', 'declineDonation', { donationId: donation.id, reason: '谢谢！衣物我们暂时不收' }, h.identities.member);
    expect(sentTo(h.identities.resident, 'donation-answered')).toEqual([expect.objectContaining({ data: expect.objectContaining({ phrase2: { value: '已婉谢' } }) })]);

    await allow(h.identities.member, ['stock-low']);
    await allow(h.identities.member, ['stock-low']);
    const [a] = await residents(h, 1);
    await h.call('cabin', 'take', { itemId: 'cbi-thread', quantity: 10, requestId: rid() }, a!.openid);
    await h.call('cabin', 'take', { itemId: 'cbi-thread', quantity: 1, requestId: rid() }, a!.openid);
    expect(sentTo(h.identities.member, 'stock-low')).toHaveLength(1);
    await h.call('cabin', 'restock', { itemId: 'cbi-thread', delta: 10, note: '', requestId: rid() }, h.identities.member);
    await h.call('cabin', 'take', { itemId: 'cbi-thread', quantity: 10, requestId: rid() }, a!.openid);
    expect(sentTo(h.identities.member, 'stock-low')).toHaveLength(2);
  });
});
