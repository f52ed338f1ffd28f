import { auditBalances, balanceOf, postEntry } from '../../../cloudfunctions/_core/ledger';
import { startHarness, type Harness } from '../../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

it('50 simultaneous postings to one member all land, once each', async () => {
  const post = (i: number) =>
    postEntry({
      key: `req:hot-${i}`,
      communityId: 'cm-yashi',
      memberId: 'hot-member',
      halfHours: 1,
      points: 2,
      source: 'manual',
      sourceId: null,
      reason: '测试',
      by: 'committee',
      at: new Date(),
    });
  const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => post(i)));
  // On a busy machine a posting may lose every one of its transaction attempts: it must then say COMMON.BUSY, having
  // written nothing, and its caller's retry (same key) lands it once.
  const busy = results.flatMap((r, i) => (r.status === 'rejected' ? [{ i, code: (r.reason as { code?: string }).code }] : []));
  expect(busy.filter((b) => b.code !== 'COMMON.BUSY')).toEqual([]);
  expect((await balanceOf('hot-member')).entries).toBe(50 - busy.length);
  for (const { i } of busy) await post(i);
  for (let i = 0; i < 50; i += 1) await post(i); // every retry of a landed posting changes nothing
  expect(await balanceOf('hot-member')).toEqual({ halfHours: 50, points: 100, entries: 50 });
  expect((await auditBalances('cm-yashi')).drift).toEqual([]);
}, 120_000);
