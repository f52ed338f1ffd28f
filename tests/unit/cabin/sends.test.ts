import { attempt, lastTry, MAX_TRIES, RETRY_BASE_MS, retryFields } from '../../../cloudfunctions/cabin/sends';

const now = new Date('2026-03-10T02:00:00Z');
const waitAfter = (tries: number) => retryFields(tries, 'no-quota', now).sendRetryAt.getTime() - now.getTime();

describe('the cabin reminders: what counts as sent, and when a failed one is tried again', () => {
  it('counts a send as done unless it did not happen (no quota, refused, thrown)', async () => {
    for (const outcome of ['sent', 'already', 'no-account', 'queued']) expect(await attempt(async () => outcome)).toEqual({ done: true });
    expect(await attempt(async () => 'no-quota')).toEqual({ done: false, error: 'no-quota' });
    expect(await attempt(async () => 'refused')).toEqual({ done: false, error: 'refused' });
    expect(await attempt(async () => Promise.reject(new Error('database down')))).toEqual({ done: false, error: 'database down' });
  });

  it('tries again on the next run, then waits twice as long each time, up to six hours', () => {
    expect(waitAfter(0)).toBe(0);
    expect(waitAfter(1)).toBe(RETRY_BASE_MS);
    expect(waitAfter(2)).toBe(2 * RETRY_BASE_MS);
    expect(waitAfter(3)).toBe(4 * RETRY_BASE_MS);
    expect(waitAfter(7)).toBe(6 * 3600_000);
    expect(retryFields(2, 'refused', now)).toMatchObject({ sendTries: 3, sendError: 'refused' });
  });

  it('gives up after the last try', () => {
    expect(lastTry(MAX_TRIES - 2)).toBe(false);
    expect(lastTry(MAX_TRIES - 1)).toBe(true);
  });
});
