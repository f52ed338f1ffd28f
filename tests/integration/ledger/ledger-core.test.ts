import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { auditBalances, balanceOf, postEntry, type NewEntry } from '../../../cloudfunctions/_core/ledger';
import { startHarness, type Harness } from '../../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.reset());

const entry = (key: string, memberId: string, points: number, halfHours = 0): NewEntry => ({
  key,
  communityId: 'cm-baiyu1',
  memberId,
  halfHours,
  points,
  source: 'manual',
  sourceId: null,
  reason: '测试',
  by: 'committee',
  at: new Date(),
});

describe('the ledger core', () => {
  it('keeps a day’s service points under the daily cap across events posted at once, and other days apart', async () => {
    const cap = { day: '2026-12-05', cap: 10 };
    const results = await Promise.all(['a', 'b', 'c'].map((k) => postEntry({ ...entry(`event:${k}:m9`, 'm9', 8, 4), source: 'event' }, { dailyCap: cap })));
    expect(results.map((r) => r.entry.points).sort((x, y) => x - y)).toEqual([0, 2, 8]);
    expect(results.every((r) => r.entry.halfHours === 4)).toBe(true);
    expect(await balanceOf('m9')).toEqual({ halfHours: 12, points: 10, entries: 3 });
    // A retried post answers the capped entry and changes nothing.
    const again = await postEntry({ ...entry('event:a:m9', 'm9', 8, 4), source: 'event' }, { dailyCap: cap });
    expect(again.created).toBe(false);
    const nextDay = await postEntry({ ...entry('event:d:m9', 'm9', 8, 4), source: 'event' }, { dailyCap: { day: '2026-12-06', cap: 10 } });
    expect(nextDay.entry.points).toBe(8);
    const uncapped = await postEntry({ ...entry('event:e:m9', 'm9', 8, 4), source: 'event' }, { dailyCap: { day: '2026-12-05', cap: null } });
    expect(uncapped.entry.points).toBe(8);
    expect((await auditBalances('cm-baiyu1')).drift).toEqual([]);
  });

  it('posts an entry and moves the balance with it; the same key posts once', async () => {
    const first = await postEntry(entry('req:a', 'm1', 10, 3));
    const again = await postEntry(entry('req:a', 'm1', 10, 3));
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, entry: { _id: 'req:a', points: 10 } });
    expect(await balanceOf('m1')).toEqual({ halfHours: 3, points: 10, entries: 1 });
  });

  it('the same request id posted 50 times at once makes one entry', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => postEntry(entry('req:same', 'm2', 5))));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect((await getDb().collection(COLLECTIONS.ledgerEntries).where({ memberId: 'm2' }).count()).total).toBe(1);
    expect(await balanceOf('m2')).toEqual({ halfHours: 0, points: 5, entries: 1 });
  });

  it('1000 concurrent postings across 200 members: every balance equals its ledger sum, no duplicates', async () => {
    // The demo seed posts a few entries in 白玉 too.
    const seeded = await auditBalances('cm-baiyu1');
    const seededEntries = (await getDb().collection(COLLECTIONS.ledgerEntries).where({ communityId: 'cm-baiyu1' }).count()).total;
    const posts = Array.from({ length: 1000 }, (_, i) => entry(`req:bulk-${i}`, `member-${i % 200}`, (i % 7) + 1, i % 3));
    const results = await Promise.all(posts.map((p) => postEntry(p)));
    expect(results.every((r) => r.created)).toBe(true);
    const audit = await auditBalances('cm-baiyu1');
    expect(audit).toEqual({ members: 200 + seeded.members, drift: [] });
    const expected = posts.filter((p) => p.memberId === 'member-7').reduce((s, p) => s + p.points, 0);
    expect((await balanceOf('member-7')).points).toBe(expected);
    expect((await getDb().collection(COLLECTIONS.ledgerEntries).where({ communityId: 'cm-baiyu1' }).count()).total).toBe(1000 + seededEntries);
    // A busy 2-core CI machine took over a minute for the 1,000 calls (the emulator answers one request at a time).
  }, 240_000);

  it('refuses a spend below the floor and writes nothing', async () => {
    await postEntry(entry('req:earn', 'm3', 20));
    await expect(postEntry(entry('req:spend', 'm3', -30), { floorPoints: 0 })).rejects.toMatchObject({ code: 'LEDGER.INSUFFICIENT_POINTS' });
    expect(await balanceOf('m3')).toEqual({ halfHours: 0, points: 20, entries: 1 });
    expect((await postEntry(entry('req:spend2', 'm3', -20), { floorPoints: 0 })).created).toBe(true);
    expect((await balanceOf('m3')).points).toBe(0);
  });

  it('the audit reports a cache that disagrees with the ledger', async () => {
    await postEntry(entry('req:x', 'm4', 8));
    await getDb().collection(COLLECTIONS.ledgerBalances).doc('m4').update({ points: 9 });
    const audit = await auditBalances('cm-baiyu1');
    expect(audit.drift).toEqual([{ memberId: 'm4', cached: { halfHours: 0, points: 9, entries: 1 }, ledger: { halfHours: 0, points: 8, entries: 1 } }]);
  });
});
