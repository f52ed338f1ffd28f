import http from 'http';
import { startHarness, type Harness } from '../../support/harness';
import { CABIN, residents, rid } from './support';

/**
 * Every database call the SDK sends is one HTTP request to the gateway, so counting outgoing requests counts them.
 * Reads made side by side count one each here (a borrow: 10 requests in 5 sequential round trips).
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

async function counted<T>(work: () => Promise<T>): Promise<{ result: T; requests: number; transactions: number }> {
  requests = [];
  const result = await work();
  return { result, requests: requests.length, transactions: requests.filter((b) => /transaction/i.test(b)).length };
}

it('browse and search cost 3 requests; a borrow 10 (5 sequential) and a take 5 (4 sequential), without transactions', async () => {
  for (const payload of [{ cabinId: CABIN, sectionKey: 'books' }, { cabinId: CABIN, query: '针线' }, { cabinId: CABIN, availableNow: true }]) {
    expect((await counted(() => h.call('cabin', 'items', payload, h.identities.resident))).requests).toBe(3);
  }
  const [a] = await residents(h, 1);
  // The first loan of a person also creates their counter.
  await h.call('cabin', 'borrow', { itemId: 'cbi-book-1', requestId: rid() }, a!.openid);
  const borrow = await counted(() => h.call('cabin', 'borrow', { itemId: 'cbi-book-2', requestId: rid() }, a!.openid));
  expect([borrow.requests, borrow.transactions]).toEqual([10, 0]);
  const take = await counted(() => h.call('cabin', 'take', { itemId: 'cbi-buttons', requestId: rid() }, a!.openid));
  expect([take.requests, take.transactions]).toEqual([5, 0]);
});
