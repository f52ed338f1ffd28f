import { auditBalances, balanceOf, postEntry } from '../../../cloudfunctions/_core/ledger';
import { startHarness, type Harness } from '../../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

it('50 simultaneous postings to one member all land, once each', async () => {
  const results = await Promise.allSettled(
    Array.from({ length: 50 }, (_, i) =>
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
      }),
    ),
  );
  expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
  expect(await balanceOf('hot-member')).toEqual({ halfHours: 50, points: 100, entries: 50 });
  expect((await auditBalances('cm-yashi')).drift).toEqual([]);
}, 60_000);
