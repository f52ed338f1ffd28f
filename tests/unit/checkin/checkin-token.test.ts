import { handleOf, passToken, readPassToken, readStationToken, sceneOf, stationToken, withEventId } from '../../../cloudfunctions/_core/checkin-token';

const NOW = new Date('2026-05-01T06:00:00Z');
const LATER = new Date(NOW.getTime() + 60_000);
const station = (over: Partial<Parameters<typeof stationToken>[0]> = {}) =>
  stationToken({ eventId: 'ev1', kind: 'in', walkIns: false, expiresAt: LATER, ...over }, 'cm-a');

beforeAll(() => {
  process.env.TXTD_CHECKIN_SECRET = 'unit-secret';
});

describe('station tokens', () => {
  it('read back their claims before expiry, and fit a mini-program scene (32 characters) for short event ids', () => {
    const token = station({ eventId: 'evt-2026-0501' });
    expect(token.length).toBeLessThanOrEqual(32);
    expect(readStationToken(token, 'cm-a', NOW)).toEqual({
      ok: true,
      claims: { eventId: 'evt-2026-0501', kind: 'in', walkIns: false, expiresAt: LATER },
    });
    expect(readStationToken(station({ kind: 'out' }), 'cm-a', NOW)).toMatchObject({ ok: true, claims: { kind: 'out' } });
    expect(readStationToken(station({ walkIns: true }), 'cm-a', NOW)).toMatchObject({ ok: true, claims: { kind: 'in', walkIns: true } });
  });

  it('are refused as expired from their expiry on', () => {
    expect(readStationToken(station(), 'cm-a', LATER)).toEqual({ ok: false, reason: 'expired' });
  });

  it('are refused when tampered with: another event, kind or expiry under the same signature', () => {
    const [, head, sig] = station().split('.') as [string, string, string];
    expect(readStationToken(`ev2.${head}.${sig}`, 'cm-a', NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(readStationToken(`ev1.o${head.slice(1)}.${sig}`, 'cm-a', NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(readStationToken(`ev1.w${head.slice(1)}.${sig}`, 'cm-a', NOW)).toEqual({ ok: false, reason: 'invalid' });
    const later = `i${(Math.floor(LATER.getTime() / 1000) + 3600).toString(36)}`;
    expect(readStationToken(`ev1.${later}.${sig}`, 'cm-a', LATER)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('are refused when forged with another secret, or used from another 居民区', () => {
    const genuine = station();
    expect(readStationToken(genuine, 'cm-b', NOW)).toEqual({ ok: false, reason: 'invalid' });
    process.env.TXTD_CHECKIN_SECRET = 'attacker-guess';
    const forged = station();
    process.env.TXTD_CHECKIN_SECRET = 'unit-secret';
    expect(forged).not.toBe(genuine);
    expect(readStationToken(forged, 'cm-a', NOW)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('checks the signature before the expiry: a forged expired token says invalid, not expired', () => {
    const [, head] = station().split('.') as [string, string];
    expect(readStationToken(`ev1.${head}.AAAAAAAA`, 'cm-a', LATER)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses garbage', () => {
    for (const bad of ['', 'x', 'a.b', 'ev1.z1.abc', 'ev1.i.abc', 'ev1.i!!.abcdefgh', 'a.b.c.d']) {
      expect(readStationToken(bad, 'cm-a', NOW)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('refuses to sign without a secret', () => {
    delete process.env.TXTD_CHECKIN_SECRET;
    expect(() => station()).toThrow('TXTD_CHECKIN_SECRET');
    process.env.TXTD_CHECKIN_SECRET = 'unit-secret';
  });
});

describe('the scene form of a station token', () => {
  it('names the event by a 10-character handle and keeps the signature; restored, it verifies', () => {
    const token = station({ eventId: 'cm-baiyu1-ev-lx3k9abc-8randomc' });
    const scene = sceneOf(token);
    expect(scene.length).toBeLessThanOrEqual(32);
    expect(handleOf(scene)).toHaveLength(10);
    expect(handleOf(token)).toBeNull();
    expect(sceneOf(station({ eventId: 'cm-baiyu1-ev-other' }))).not.toContain(handleOf(scene));
    expect(withEventId(scene, 'cm-baiyu1-ev-lx3k9abc-8randomc')).toBe(token);
    expect(readStationToken(withEventId(scene, 'cm-baiyu1-ev-other'), 'cm-a', NOW)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('pass tokens', () => {
  const pass = (over: Partial<Parameters<typeof passToken>[0]> = {}) =>
    passToken({ eventId: 'ev1', memberId: 'm1', signedUp: true, expiresAt: LATER, ...over }, 'cm-a');

  it('read back member, event and the sign-up flag', () => {
    expect(readPassToken(pass(), 'cm-a', NOW)).toEqual({ ok: true, claims: { eventId: 'ev1', memberId: 'm1', signedUp: true, expiresAt: LATER } });
    expect(readPassToken(pass({ signedUp: false }), 'cm-a', NOW)).toMatchObject({ ok: true, claims: { signedUp: false } });
  });

  it('are refused expired, tampered (member, flag), from another 居民区, or as a station token', () => {
    expect(readPassToken(pass(), 'cm-a', LATER)).toEqual({ ok: false, reason: 'expired' });
    expect(readPassToken(pass().replace('.m1.', '.m2.'), 'cm-a', NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(readPassToken(pass({ signedUp: false }).replace('.n', '.s'), 'cm-a', NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(readPassToken(pass(), 'cm-b', NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(readPassToken(station(), 'cm-a', NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(readStationToken(pass(), 'cm-a', NOW)).toEqual({ ok: false, reason: 'invalid' });
  });
});
