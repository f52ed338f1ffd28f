import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import type { ScanResult, StationView } from '../../../src/shared/domain/checkin';
import { CODE_ALPHABET, spacedCode } from '../../../src/shared/rules/checkin-code';
import { startHarness, type Harness } from '../../support/harness';
import { addEvent, addVolunteers, nonce, signUp } from './fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.reset());

const now = () => h.stack.clock.now();
const station = (eventId: string, kind: 'in' | 'out' = 'in') => h.call<StationView>('checkin', 'station', { eventId, kind }, h.identities.committee);
const typeCode = (eventId: string, code: unknown, openid: string, n = nonce()) =>
  h.invoke('checkin', { action: 'typeCode', payload: { eventId, code, nonce: n } }, openid);
/** Another well-formed code: the same but its first character. */
const wrongCode = (code: string, shift = 1) => CODE_ALPHABET[(CODE_ALPHABET.indexOf(code[0]!) + shift) % CODE_ALPHABET.length] + code.slice(1);
const written = async () => (await getDb().collection(COLLECTIONS.attendance).count()).total + (await getDb().collection(COLLECTIONS.checkinCodes).count()).total;

async function oneVolunteer(eventId: string) {
  const [v] = await addVolunteers(`sc-${eventId}`, 1, now());
  await addEvent(eventId, now());
  await signUp(eventId, [v!.memberId], now());
  return v!;
}

describe('checking in by the 6-character code', () => {
  it('the code shown with the station checks in once, typed any case and spaced; a retry is idempotent', async () => {
    const v = await oneVolunteer('ev-sc1');
    const { shortCode } = await station('ev-sc1');
    expect(shortCode).toMatch(new RegExp(`^[${CODE_ALPHABET}]{6}$`));
    const n = nonce();
    const first = await typeCode('ev-sc1', ` ${spacedCode(shortCode).toLowerCase()} `, v.openid, n);
    expect(first).toMatchObject({ ok: true, data: { kind: 'in', outcome: 'done' } });
    expect(await typeCode('ev-sc1', shortCode, v.openid, n)).toMatchObject({ ok: true, data: { outcome: 'done', at: (first as { data: ScanResult }).data.at } });
    expect(await typeCode('ev-sc1', shortCode, v.openid)).toMatchObject({ ok: true, data: { outcome: 'already' } });
    expect((await station('ev-sc1')).counts.present).toBe(1);
  });

  it('stays valid through the next slot (the QR code grace), then is refused', async () => {
    const v = await oneVolunteer('ev-sc2');
    // Half a second into a 30-second slot: the steps below then land in the slots they name however slow the machine.
    h.stack.clock.offsetMs += 30_000 - (now().getTime() % 30_000) + 500;
    const { shortCode } = await station('ev-sc2');
    h.stack.clock.offsetMs += 30_000;
    const stillShown = await station('ev-sc2');
    h.stack.clock.offsetMs += 31_000;
    expect(await typeCode('ev-sc2', shortCode, v.openid)).toMatchObject({ ok: false, error: { code: 'CHECKIN.CODE_WRONG' } });
    expect(await typeCode('ev-sc2', stillShown.shortCode, v.openid)).toMatchObject({ ok: true, data: { outcome: 'done' } });
  });

  it("another event's code, or this event's code typed by someone of another 居民区, is refused", async () => {
    const v = await oneVolunteer('ev-sc3');
    await addEvent('ev-sc4', now());
    const { shortCode } = await station('ev-sc4');
    expect(await typeCode('ev-sc3', shortCode, v.openid)).toMatchObject({ ok: false, error: { code: 'CHECKIN.CODE_WRONG' } });
    const own = await station('ev-sc3');
    const res = await typeCode('ev-sc3', own.shortCode, h.identities.otherCommittee);
    expect(res.ok).toBe(false);
    expect(await getDb().collection(COLLECTIONS.attendance).where({ eventId: 'ev-sc3' }).count()).toMatchObject({ total: 0 });
  });

  it('counts wrong codes: 5 per person and event in 10 minutes, then even the right code waits for the window', async () => {
    const v = await oneVolunteer('ev-sc5');
    const { shortCode } = await station('ev-sc5');
    for (let i = 1; i <= 5; i += 1) {
      expect(await typeCode('ev-sc5', wrongCode(shortCode, i), v.openid)).toMatchObject({
        ok: false,
        error: { code: 'CHECKIN.CODE_WRONG', message: '签到码不对，请看清签到台上的6位码再输入', fields: { remaining: String(5 - i) } },
      });
    }
    const refused = await typeCode('ev-sc5', shortCode, v.openid);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CHECKIN.TOO_MANY_TRIES', fields: { retryAt: expect.any(String) } } });
    if (refused.ok) throw new Error('the right code after the limit was accepted');
    const retryAt = new Date(refused.error.fields!.retryAt!).getTime();
    h.stack.clock.offsetMs += retryAt - now().getTime();
    const fresh = await station('ev-sc5');
    expect(await typeCode('ev-sc5', fresh.shortCode, v.openid)).toMatchObject({ ok: true, data: { outcome: 'done' } });
  });

  it('20 wrong guesses at once cannot take more than the 5 tries', async () => {
    const v = await oneVolunteer('ev-sc6');
    const { shortCode } = await station('ev-sc6');
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => typeCode('ev-sc6', wrongCode(shortCode, 1 + (i % 20)), v.openid)));
    const codes = answers.map((a) => (a.ok ? 'ok' : a.error.code));
    expect(codes.filter((c) => c === 'CHECKIN.CODE_WRONG')).toHaveLength(5);
    expect(codes.filter((c) => c === 'CHECKIN.TOO_MANY_TRIES')).toHaveLength(15);
    const tries = await getDb().collection(COLLECTIONS.checkinCodes).where({ memberId: v.memberId }).get();
    expect(tries.data.map((d: { wrong: number }) => d.wrong)).toEqual([5]);
  });

  it('a NUL byte, a 1 MB input or look-alike characters are invalid input and write nothing', async () => {
    const v = await oneVolunteer('ev-sc7');
    await station('ev-sc7');
    const before = await written();
    for (const bad of ['ABC\u0000DE', 'A'.repeat(1024 * 1024), 'O0I1S5', 12345, null]) {
      expect(await typeCode('ev-sc7', bad, v.openid)).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } });
    }
    expect(await written()).toBe(before);
  });
  it('the lock is on the person: after 5 wrong codes at one event, codes at another event wait too, the right one included', async () => {
    const v = await oneVolunteer('ev-sc8');
    await addEvent('ev-sc9', now());
    await signUp('ev-sc9', [v.memberId], now());
    const { shortCode } = await station('ev-sc8');
    for (let i = 1; i <= 5; i += 1) await typeCode('ev-sc8', wrongCode(shortCode, i), v.openid);
    const other = await station('ev-sc9');
    expect(await typeCode('ev-sc9', wrongCode(other.shortCode), v.openid)).toMatchObject({ ok: false, error: { code: 'CHECKIN.TOO_MANY_TRIES' } });
    expect(await typeCode('ev-sc9', other.shortCode, v.openid)).toMatchObject({ ok: false, error: { code: 'CHECKIN.TOO_MANY_TRIES' } });
    expect(await typeCode('ev-sc8', shortCode, v.openid)).toMatchObject({ ok: false, error: { code: 'CHECKIN.TOO_MANY_TRIES' } });
    // Scanning the QR code is not limited: the organizer's station still works for them.
    expect(await h.invoke('checkin', { action: 'scan', payload: { token: other.token, nonce: nonce() } }, v.openid)).toMatchObject({ ok: true });
  });

  it('checkin.counts: the live count for who may run the station, refused to a resident and to another 居民区', async () => {
    const v = await oneVolunteer('ev-sc10');
    const { shortCode } = await station('ev-sc10');
    const counts = () => h.invoke('checkin', { action: 'counts', payload: { eventId: 'ev-sc10' } }, h.identities.committee);
    expect(await counts()).toMatchObject({ ok: true, data: { eventId: 'ev-sc10', counts: { expected: 1, present: 0, absent: 1 } } });
    await typeCode('ev-sc10', shortCode, v.openid);
    expect(await counts()).toMatchObject({ ok: true, data: { counts: { expected: 1, present: 1, absent: 0 } } });
    expect(await h.invoke('checkin', { action: 'counts', payload: { eventId: 'ev-sc10' } }, v.openid)).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    expect(await h.invoke('checkin', { action: 'counts', payload: { eventId: 'ev-sc10' } }, h.identities.otherCommittee)).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } });
  });
});
