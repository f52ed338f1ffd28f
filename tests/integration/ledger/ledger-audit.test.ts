import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { auditBalances, auditBalancesPage, type Drift } from '../../../cloudfunctions/_core/ledger';
import type { WriteOp } from '../../../emulator/store';
import { startHarness, type Harness } from '../../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.reset());

const COMMUNITY = 'cm-audit';
const at = new Date('2026-11-01T02:00:00Z');

/**
 * Loads `n` members straight into the store (the data under audit, not the code under test): each with two entries
 * and a cached balance equal to their sum.
 */
function load(n: number): void {
  const ops: WriteOp[] = [];
  for (let i = 0; i < n; i += 1) {
    const memberId = `audit-m${String(i).padStart(5, '0')}`;
    for (const k of [1, 2]) {
      const key = `req:audit-${i}-${k}`;
      ops.push({ op: 'put', coll: COLLECTIONS.ledgerEntries, doc: { _id: key, key, communityId: COMMUNITY, memberId, halfHours: k, points: 5 * k, source: 'manual', sourceId: null, reason: 'x', by: 'committee', at, servedOn: '2026-11-01' } });
    }
    ops.push({ op: 'put', coll: COLLECTIONS.ledgerBalances, doc: { _id: memberId, communityId: COMMUNITY, halfHours: 3, points: 15, entries: 2, updatedAt: at } });
  }
  h.store.commit(ops);
}

const put = (coll: string, doc: Record<string, unknown> & { _id: string }) => h.store.commit([{ op: 'put', coll, doc }]);

describe('the balance audit, paged', () => {
  it('finds no drift in a 居民区 of more than 1000 members', async () => {
    load(1234);
    expect(await auditBalances(COMMUNITY)).toEqual({ members: 1234, drift: [] });
  }, 60_000);

  it('reports each drift once across pages, including a balance without entries and entries without a balance', async () => {
    load(25);
    put(COLLECTIONS.ledgerBalances, { _id: 'audit-m00007', communityId: COMMUNITY, halfHours: 3, points: 16, entries: 2, updatedAt: at });
    // Entries but no cached balance, sorting between two pages' members.
    put(COLLECTIONS.ledgerEntries, { _id: 'req:audit-orphan', key: 'req:audit-orphan', communityId: COMMUNITY, memberId: 'audit-m00012x', halfHours: 2, points: 0, source: 'manual', sourceId: null, reason: 'x', by: 'c', at });
    // A balance without entries.
    put(COLLECTIONS.ledgerBalances, { _id: 'audit-m00019x', communityId: COMMUNITY, halfHours: 0, points: 4, entries: 1, updatedAt: at });
    const expected: Drift[] = [
      { memberId: 'audit-m00007', cached: { halfHours: 3, points: 16, entries: 2 }, ledger: { halfHours: 3, points: 15, entries: 2 } },
      { memberId: 'audit-m00012x', cached: { halfHours: 0, points: 0, entries: 0 }, ledger: { halfHours: 2, points: 0, entries: 1 } },
      { memberId: 'audit-m00019x', cached: { halfHours: 0, points: 4, entries: 1 }, ledger: { halfHours: 0, points: 0, entries: 0 } },
    ];
    for (const size of [1, 4, 7, 1000]) {
      expect([size, await auditBalances(COMMUNITY, size)]).toEqual([size, { members: 26, drift: expected }]);
    }

    // Page by page, as the audit function drives it: every page covers at least its size, and the cursor ends at null.
    const pages = [];
    let after: string | null = null;
    do {
      const page = await auditBalancesPage(COMMUNITY, after, 10);
      pages.push(page);
      after = page.next;
    } while (after !== null);
    expect(pages.length).toBe(3);
    expect(pages.slice(0, -1).every((p) => p.next !== null)).toBe(true);
    expect(pages.flatMap((p) => p.drift)).toEqual(expected);
  });

  it('keeps the committee’s audit action working', async () => {
    const res = await h.call('ledger', 'audit', {}, h.identities.committee);
    expect(res).toEqual({ members: expect.any(Number), drift: [] });
    expect(res.members).toBeGreaterThan(0);
  });
});
