import { pages } from '../../../scripts/review-checklist';
import { startHarness, type Harness } from '../../support/harness';
import { PAGE_TABLE, rowName } from '../../support/page-table';

/** The page table (tests/support/page-table.ts) is what the weapp smoke test and Chromium walks open: it must be whole. */
describe('the page table', () => {
  it('has a row for every page of app.config.ts, and no row for a page that is not there', () => {
    const appPages = pages();
    const rowPages = new Set(PAGE_TABLE.map((r) => r.page));
    expect(appPages.filter((p) => !rowPages.has(p))).toEqual([]);
    expect([...rowPages].filter((p) => !appPages.includes(p))).toEqual([]);
  });

  it('names each row once', () => {
    const names = PAGE_TABLE.map(rowName);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  describe('queries resolved from the demo data as the row’s identity', () => {
    let harness: Harness;
    beforeAll(async () => {
      harness = await startHarness();
    }, 30_000);
    afterAll(async () => {
      await harness?.stop();
    });

    it.each(PAGE_TABLE.filter((r) => r.query).map((r) => [rowName(r), r] as const))('%s', async (_name, row) => {
      const query = await row.query!((fn, action, payload = {}) => harness.call(fn, action, payload, harness.identities[row.as]));
      expect(Object.keys(query).length).toBeGreaterThan(0);
      for (const value of Object.values(query)) expect(value).toMatch(/^[\w-]+$/);
    });

    it.each(PAGE_TABLE.filter((r) => r.at).map((r) => [rowName(r), r] as const))('%s: its time', async (_name, row) => {
      const at = await row.at!((fn, action, payload = {}) => harness.call(fn, action, payload, harness.identities[row.as]));
      expect(Number.isNaN(at.getTime())).toBe(false);
    });
  });
});
