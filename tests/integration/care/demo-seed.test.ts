import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { DEMO_CARE } from '../../../emulator/seed/care';
import { startHarness, type Harness } from '../../support/harness';

/** The demo 邻援助老 records of 白玉一居 (`npm start`): what each role finds, read through the real functions. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(() => h.stop());
beforeEach(() => h.reset());

describe('the demo elders', () => {
  it('are seeded only when asked, once', async () => {
    expect(h.store.list(COLLECTIONS.careElders)).toHaveLength(0);
    expect(await h.stack.seed({ care: true })).toBeGreaterThan(5);
    expect(await h.stack.seed({ care: true })).toBe(0);
    expect(h.store.list(COLLECTIONS.careElders)).toHaveLength(3);
  });

  it('show the committee the never-visited first, the grid leader a concern to confirm, the volunteer their elder with notes', async () => {
    await h.stack.seed({ care: true });
    const list = await h.call('care', 'listElders', { page: 1 }, h.identities.committee);
    expect(list.items[0]).toMatchObject({ id: DEMO_CARE.qian, stale: true });
    expect(list.items.map((e: { id: string }) => e.id)).toContain(DEMO_CARE.gu);
    const queue = await h.call('care', 'toConfirm', { page: 1 }, h.identities.gridLeader);
    expect(queue.items[0]).toMatchObject({ elderId: DEMO_CARE.gu, log: { concern: expect.stringContaining('腿疼') } });
    const mine = await h.call('care', 'getElder', { elderId: DEMO_CARE.gu }, h.identities.member);
    expect(mine.elder.healthNotes).toContain('高血压');
    expect(mine.elder.phone).toBe('139****2222');
    const offer = await h.call('care', 'myPairings', { page: 1 }, h.identities.gridLeader);
    expect(offer.items).toEqual([expect.objectContaining({ id: DEMO_CARE.proposal, state: 'proposed', may: { respond: true, end: true } })]);
    // 张丽华 leads 第一微格: 孙奶奶 (第二微格) is hers to see only as the asked volunteer, without notes.
    const sun = await h.call('care', 'getElder', { elderId: DEMO_CARE.sun }, h.identities.gridLeader);
    expect(sun.elder.healthNotes).toBeUndefined();
  });

  it('run through the timer: this week’s visit made, the old log confirmed with its hours, the audit clean', async () => {
    await h.stack.seed({ care: true });
    const counts = await h.timer('care', 'care-visits');
    expect(counts).toMatchObject({ confirmed: 1, missed: 0 });
    expect(counts.visitsMade).toBeGreaterThan(0);
    const figures = await h.call('care', 'figures', { month: new Date(h.stack.clock.nowMs() + 8 * 3_600_000).toISOString().slice(0, 7) }, h.identities.committee);
    expect(figures.total.elders).toBe(3);
    expect(figures.total.covered).toBe(1);
    const report = await h.call('audit', 'run', {}, h.identities.committee);
    expect(report.checks.find((c: { check: string }) => c.check === 'careMissedInRow')).toMatchObject({ status: 'clean' });
    expect(report.differences).toBe(0);
  });
});
