import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { postEntry } from '../../../cloudfunctions/_core/ledger';
import { startHarness, type Harness } from '../../support/harness';
import { CABIN, openMonday } from '../cabin/support';
import { addEvent, nonce, signUp } from './fixtures';

/**
 * Confirming attendance and posting duty count an entry as posted only when the entry under the posting's key is that
 * member's for that event or shift: anyone else's entry there (a key that collides) is refused, not taken for "already
 * posted", and the member is not marked done, so their hours are never dropped in silence.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.reset());

const MINUTE = 60_000;

/** Someone else's entry under the id a posting's key names, as a colliding key would leave it. */
async function occupy(key: string, memberId: string, sourceId: string): Promise<void> {
  await postEntry({ key, communityId: 'cm-baiyu1', memberId, halfHours: 1, points: 0, source: 'event', sourceId, reason: '别人的记录', by: 'committee', at: h.stack.clock.now() });
}

const entriesOf = async (memberId: string) => (await getDb().collection(COLLECTIONS.ledgerEntries).where({ memberId }).get()).data as { halfHours: number }[];

it('a confirmation that finds another member’s entry under its key refuses, and leaves that attendance unconfirmed', async () => {
  const resident = h.memberIdOf('resident');
  await addEvent('ev-own', h.stack.clock.now(), { organizerId: h.memberIdOf('member'), startsInMinutes: 5, hours: 2 });
  await signUp('ev-own', [resident], h.stack.clock.now());
  const { token } = await h.call('checkin', 'station', { eventId: 'ev-own', kind: 'in' }, h.identities.committee);
  await h.call('checkin', 'scan', { token, nonce: nonce() }, h.identities.resident);
  h.stack.clock.offsetMs += 3 * 60 * MINUTE;
  await occupy(`event:ev-own:${resident}`, h.memberIdOf('gridLeader'), 'ev-other');
  const before = (await entriesOf(resident)).length;

  const answer = await h.invoke('checkin', { action: 'confirm', payload: { eventId: 'ev-own' } }, h.identities.member);
  expect(answer).toMatchObject({ ok: false, error: { code: 'LEDGER.ENTRY_TAKEN' } });
  expect(await entriesOf(resident)).toHaveLength(before);
  const attendance = (await getDb().collection(COLLECTIONS.attendance).doc(`ev-own:${resident}`).get()).data[0];
  expect(attendance.confirmedAt).toBeUndefined();
  expect((await h.call('checkin', 'review', { eventId: 'ev-own' }, h.identities.member)).confirmed).toBe(false);
});

it('a duty posting that finds another member’s entry under its key refuses, and leaves the shift unposted', async () => {
  openMonday(h);
  const volunteer = h.memberIdOf('gridLeader');
  const { shifts } = await h.call('cabin', 'addShifts', { cabinId: CABIN, memberId: volunteer, date: '2026-01-05', from: '14:00', to: '16:00' }, h.identities.member);
  const shiftId = shifts[0].id as string;
  await occupy(`duty:${shiftId}`, h.memberIdOf('resident'), shiftId);
  const before = (await entriesOf(volunteer)).length;

  const answer = await h.invoke('cabin', { action: 'postDuty', payload: { shiftId } }, h.identities.committee);
  expect(answer).toMatchObject({ ok: false, error: { code: 'LEDGER.ENTRY_TAKEN' } });
  expect(await entriesOf(volunteer)).toHaveLength(before);
  const shift = (await getDb().collection(COLLECTIONS.cabinShifts).doc(shiftId).get()).data[0];
  expect(shift.postedHalfHours).toBeNull();
});
