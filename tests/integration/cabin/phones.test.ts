import { startHarness, type Harness } from '../../support/harness';
import { advance, CABIN, DAY, fail, openMonday, residents, rid } from './support';

/** The desk sees borrowers' numbers masked; 打电话 gets the number from the server, for an overdue loan only. */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(async () => {
  await h.reset();
  openMonday(h);
});

const FULL = /1[3-9]\d{9}/;

it('the desk lists, the lend and the return answer masked numbers to keepers and the committee alike', async () => {
  const { loan } = await h.call('cabin', 'borrow', { itemId: 'cbi-umbrella-1', requestId: rid() }, h.identities.resident);
  for (const who of [h.identities.member, h.identities.committee]) {
    const { items } = await h.call('cabin', 'loans', { cabinId: CABIN }, who);
    const row = items.find((l: { id: string }) => l.id === loan.id);
    expect(row.borrowerPhone).toBe('139****1001');
    expect(JSON.stringify(items)).not.toMatch(FULL);
  }
  const back = await h.call('cabin', 'takeBack', { loanId: loan.id, status: 'available', condition: '' }, h.identities.member);
  expect(back.loan.borrowerPhone).toBe('139****1001');
});

it('borrowerPhone: to the desk for an overdue loan only; never to the borrower of another, nor before it is due', async () => {
  const { loan } = await h.call('cabin', 'borrow', { itemId: 'cbi-umbrella-1', requestId: rid() }, h.identities.resident);
  await fail(h.invoke('cabin', { action: 'borrowerPhone', payload: { loanId: loan.id } }, h.identities.member), 'CABIN.NOT_OVERDUE');
  advance(h, 10 * DAY);
  expect(await h.call('cabin', 'borrowerPhone', { loanId: loan.id }, h.identities.member)).toEqual({ phone: '13900001001' });
  expect(await h.call('cabin', 'borrowerPhone', { loanId: loan.id }, h.identities.committee)).toEqual({ phone: '13900001001' });
  const [neighbour] = await residents(h, 1);
  await fail(h.invoke('cabin', { action: 'borrowerPhone', payload: { loanId: loan.id } }, neighbour!.openid), 'COMMON.FORBIDDEN');
  await fail(h.invoke('cabin', { action: 'borrowerPhone', payload: { loanId: loan.id } }, h.identities.otherCommittee), 'COMMON.NOT_FOUND');
  await h.call('cabin', 'takeBack', { loanId: loan.id, status: 'available', condition: '' }, h.identities.member);
  await fail(h.invoke('cabin', { action: 'borrowerPhone', payload: { loanId: loan.id } }, h.identities.member), 'CABIN.LOAN_CLOSED');
});
