import http from 'http';
import type { ScanResult, StationView } from '../../../src/shared/domain/checkin';
import { startHarness, type Harness } from '../../support/harness';
import { addEvent, addVolunteers, nonce, signUp } from './fixtures';

/**
 * "A check-in costs at most 3 database round trips and no transaction": every database call the SDK sends is one
 * HTTP request to the gateway, so counting outgoing requests counts round trips.
 */
let h: Harness;
let requests: string[] = [];
const realRequest = http.request;

beforeAll(async () => {
  h = await startHarness();
  (http as { request: typeof http.request }).request = ((...args: Parameters<typeof http.request>) => {
    const req = realRequest(...args);
    const write = req.write.bind(req);
    let body = '';
    req.write = ((chunk: unknown, ...rest: unknown[]) => {
      body += String(chunk);
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof req.write;
    req.on('finish', () => requests.push(body));
    return req;
  }) as typeof http.request;
});
afterAll(async () => {
  (http as { request: typeof http.request }).request = realRequest;
  await h.stop();
});
beforeEach(() => h.reset());

async function counted<T>(work: () => Promise<T>): Promise<{ result: T; trips: number; transactions: number }> {
  requests = [];
  const result = await work();
  return { result, trips: requests.length, transactions: requests.filter((b) => /transaction/i.test(b)).length };
}

it('a check-in costs at most 3 round trips and no transaction, by QR code or typed code; a repeated scan 4, a check-out 2', async () => {
  const now = h.stack.clock.now();
  const [v, w] = await addVolunteers('rt', 2, now);
  await addEvent('ev-rt', now);
  await signUp('ev-rt', [v!.memberId], now);
  const { token: inToken } = await h.call<StationView>('checkin', 'station', { eventId: 'ev-rt', kind: 'in' }, h.identities.committee);
  const { token: outToken } = await h.call<StationView>('checkin', 'station', { eventId: 'ev-rt', kind: 'out' }, h.identities.committee);

  const first = await counted(() => h.call<ScanResult>('checkin', 'scan', { token: inToken, nonce: nonce() }, v!.openid));
  expect(first.result.outcome).toBe('done');
  expect(first.trips).toBe(3); // caller, sign-up, add
  expect(first.transactions).toBe(0);

  const again = await counted(() => h.call<ScanResult>('checkin', 'scan', { token: inToken, nonce: nonce() }, v!.openid));
  expect(again.result.outcome).toBe('already');
  expect(again.trips).toBe(4); // + reading the time that stands

  // The 6-character code costs the same as a scan: the tries lock is on the caller's record, read anyway.
  await signUp('ev-rt', [w!.memberId], now);
  const { shortCode } = await h.call<StationView>('checkin', 'station', { eventId: 'ev-rt', kind: 'in' }, h.identities.committee);
  const typed = await counted(() => h.call<ScanResult>('checkin', 'typeCode', { eventId: 'ev-rt', code: shortCode, nonce: nonce() }, w!.openid));
  expect(typed.result.outcome).toBe('done');
  expect(typed.trips).toBe(3); // caller, sign-up, add
  expect(typed.transactions).toBe(0);

  const out = await counted(() => h.call<ScanResult>('checkin', 'scan', { token: outToken, nonce: nonce() }, v!.openid));
  expect(out.result.outcome).toBe('done');
  expect(out.trips).toBe(2); // caller, conditional update
  expect(out.transactions).toBe(0);
});

it('the station\'s live count costs 6 round trips: caller, event and 4 counts sent at once', async () => {
  const now = h.stack.clock.now();
  await addEvent('ev-rt2', now);
  const polled = await counted(() => h.call('checkin', 'counts', { eventId: 'ev-rt2' }, h.identities.committee));
  expect(polled.trips).toBe(6);
  expect(polled.transactions).toBe(0);
});
