import type { StationView } from '../../../src/shared/domain/checkin';
import { CODE_ALPHABET } from '../../../src/shared/rules/checkin-code';
import type { FaultMode } from '../../../emulator/gateway';
import { captureState, diffStates, FROZEN_AT } from '../../support/crash-matrix';
import { startHarness, type Harness } from '../../support/harness';
import { addEvent, addVolunteers, signUp } from './fixtures';

/**
 * A wrong typed code answers an error by design, so it has no row in the crash matrix; its writes (the count of wrong
 * tries, and the lock when they run out) are crashed and failed here the same way: after each write point, the same
 * request (same nonce) retried ends as a clean run does. Before nonces were recorded, a retry counted a second try.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const EVENT = 'ev-crash-wrong';

interface Ctx {
  openid: string;
  wrong: string;
}

/** A signed-up volunteer who already typed `before` wrong codes in this window. */
async function setup(before: number): Promise<Ctx> {
  h.stack.clock.frozenAtMs = FROZEN_AT;
  await h.reset();
  const now = h.stack.clock.now();
  const [v] = await addVolunteers('crash-wrong', 1, now);
  await addEvent(EVENT, now);
  await signUp(EVENT, [v!.memberId], now);
  const { shortCode } = await h.call<StationView>('checkin', 'station', { eventId: EVENT, kind: 'in' }, h.identities.committee);
  const wrong = CODE_ALPHABET[(CODE_ALPHABET.indexOf(shortCode[0]!) + 1) % CODE_ALPHABET.length] + shortCode.slice(1);
  for (let i = 0; i < before; i++) await h.invoke('checkin', { action: 'typeCode', payload: { eventId: EVENT, code: wrong, nonce: `earlier-${i}` } }, v!.openid);
  return { openid: v!.openid, wrong };
}

const call = (c: Ctx) => h.invoke('checkin', { action: 'typeCode', payload: { eventId: EVENT, code: c.wrong, nonce: 'crash-wrong' } }, c.openid);

// A retry after the lock was written is refused by the lock itself (TOO_MANY_TRIES), which says the same.
describe.each([
  ['the first wrong code of a window', 0, ['CHECKIN.CODE_WRONG']],
  ['the wrong code that uses up the tries (and locks)', 4, ['CHECKIN.CODE_WRONG', 'CHECKIN.TOO_MANY_TRIES']],
])('%s', (_name, before, codes) => {
  it('crashed or failed after each of its writes and retried, ends as a clean run', async () => {
    const ctx = await setup(before);
    h.faults.count();
    expect(await call(ctx)).toMatchObject({ ok: false, error: { code: 'CHECKIN.CODE_WRONG' } });
    const points = h.faults.writes;
    h.faults.reset();
    const clean = captureState(h);
    expect(points).toBeGreaterThan(0);
    for (let at = 1; at <= points; at++) {
      for (const mode of ['crash', 'fail'] as FaultMode[]) {
        const again = await setup(before);
        h.faults.arm({ at, mode });
        const first = call(again);
        await Promise.race([first, h.faults.whenTripped()]);
        expect([at, mode, h.faults.tripped]).toEqual([at, mode, true]);
        if (mode === 'fail') await first;
        let answer = await call(again);
        for (let i = 0; i < 2 && !answer.ok && answer.error.code === 'COMMON.INTERNAL'; i++) answer = await call(again);
        expect(answer.ok).toBe(false);
        expect(codes).toContain(answer.ok ? '' : answer.error.code);
        expect([at, mode, diffStates(clean, captureState(h))]).toEqual([at, mode, []]);
      }
    }
  }, 120_000);
});
