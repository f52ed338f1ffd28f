import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { DEMO_PEOPLE } from '../../../emulator/seed/demo-data';
import type { AuditReport } from '../../../src/shared/domain/audit';
import { withCountingStack } from '../../bench/support';
import { loadLargeLedger } from '../../support/large-ledger';

// 220,000 documents written and aggregated in memory: minutes on a busy 2-core machine. No wall-clock budget is
// asserted (npm run bench prints the time); the database requests are.
jest.setTimeout(600_000);

const COMMUNITY = 'cm-baiyu1';
const committee = DEMO_PEOPLE.find((p) => p.key === 'committee')!.openid;

describe('the audit at 20,000 members and 200,000 ledger entries', () => {
  it('is clean, and its requests grow by one page of 5000 balances (6 requests) at a time', async () => {
    await withCountingStack(async ({ stack, requests, store }) => {
      loadLargeLedger(store, { communityId: COMMUNITY, members: 20_000, perMember: 10 });
      const balances = store.list(COLLECTIONS.ledgerBalances).filter((b) => b.communityId === COMMUNITY).length;
      expect(balances).toBeGreaterThanOrEqual(20_000);

      const before = requests();
      const res = await stack.host.invoke('audit', { action: 'run', payload: {} }, { openid: committee });
      const used = requests() - before;
      expect(res.ok).toBe(true);
      const report = (res as { data: AuditReport }).data;
      expect(report.differences).toBe(0);
      expect(report.failed).toBe(0);
      const ledger = report.checks.find((c) => c.check === 'ledger')!;
      expect(ledger).toMatchObject({ status: 'clean', scanned: balances });

      // 1 (the caller) + ledger: per page of 5000 balances, 5 reads and 1 aggregate (20,002 balances: 5 pages, the last
      // with one read) + every other check on the demo data: 2 requests (shop 3; proposal supports and project
      // followers 2 each; survey tallies 1, the demo has none unless asked; care's missed visits in a row 3, a page and
      // two aggregates side by side; course attempts 2, a page and one aggregate). Notices keep no counter to check.
      const pages = Math.floor(balances / 5000) + 1;
      const ledgerRequests = (pages - 1) * 6 + (Math.floor((balances % 5000) / 1000) + 1) + 1;
      expect(used).toBe(1 + ledgerRequests + 2 + 2 + 2 + 3 + 2 + 2 + 1 + 3 + 2);
      // For the note: 20,000 members cost a few dozen requests, not thousands.
      expect(used).toBeLessThan(50);

      // A drifted member among the 20,000 is found with its 10 entries, on whichever page it lands.
      const victim = store.get(COLLECTIONS.ledgerBalances, 'big-013579')!;
      store.commit([{ op: 'put', coll: COLLECTIONS.ledgerBalances, doc: { ...victim, points: (victim.points as number) + 1 } }]);
      const drifted = await stack.host.invoke('audit', { action: 'run', payload: {} }, { openid: committee });
      const found = (drifted as { data: AuditReport }).data.checks.find((c) => c.check === 'ledger')!;
      expect(found.differences.map((d) => [d.subjectId, d.records[0]!.count])).toEqual([['big-013579', 10]]);
    });
  });
});
