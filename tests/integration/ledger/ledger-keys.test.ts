import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { balanceOf, entryId, postEntry, type LedgerEntryDoc, type NewEntry } from '../../../cloudfunctions/_core/ledger';
import { startHarness, type Harness } from '../../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.reset());

const EVENT = `ev-${'e'.repeat(30)}`; // a 33-character event id, as CloudBase's 32-character ids make them
const M1 = `mb-${'1'.repeat(30)}-a`;
const M2 = `mb-${'1'.repeat(30)}-b`; // shares its first 33 characters with M1

const serviceOf = (memberId: string, halfHours = 4): NewEntry => ({
  key: `event:${EVENT}:${memberId}`,
  communityId: 'cm-baiyu1',
  memberId,
  halfHours,
  points: halfHours * 5,
  source: 'event',
  sourceId: EVENT,
  reason: '网格巡逻',
  by: 'committee',
  at: new Date(),
});

const entries = () => getDb().collection(COLLECTIONS.ledgerEntries);
const stored = async (id: string) => ((await entries().doc(id).get()).data?.[0] as LedgerEntryDoc | undefined) ?? null;

describe('ledger keys', () => {
  it('posts two long keys that share their first 64 characters for two people, each once', async () => {
    const a = serviceOf(M1);
    const b = serviceOf(M2);
    expect(a.key.slice(0, 64)).toBe(b.key.slice(0, 64));
    const first = await postEntry(a);
    const second = await postEntry(b);
    expect([first.created, second.created]).toEqual([true, true]);
    expect(first.entry._id).not.toBe(second.entry._id);
    expect(await balanceOf(M1)).toEqual({ halfHours: 4, points: 20, entries: 1 });
    expect(await balanceOf(M2)).toEqual({ halfHours: 4, points: 20, entries: 1 });
    // The id is a hash with a readable prefix; the whole key is kept beside it.
    expect(first.entry._id).toMatch(/^event#[A-Za-z0-9_-]{43}$/);
    expect(await stored(first.entry._id)).toMatchObject({ key: a.key, memberId: M1 });
    expect(await stored(second.entry._id)).toMatchObject({ key: b.key, memberId: M2 });
    // Posting either again changes nothing.
    expect((await postEntry(b)).created).toBe(false);
    expect(await balanceOf(M2)).toEqual({ halfHours: 4, points: 20, entries: 1 });
  });

  it('keeps a short key as its own id, so the seeded entries and links to them still work', async () => {
    expect(entryId('req:demo-award-1')).toBe('req:demo-award-1');
    const { _id: _seededId, key: _seededKey, ...seeded } = (await stored('req:demo-award-1'))!;
    expect(seeded).toMatchObject({ source: 'manual' });
    const again = await postEntry({ ...seeded, key: 'req:demo-award-1' });
    expect(again).toMatchObject({ created: false, entry: { _id: 'req:demo-award-1' } });
    // An entry from before keys were stored (no `key`) is found by its verbatim id.
    await entries().add({ ...seeded, _id: 'req:legacy-1', memberId: 'm-legacy' });
    expect(await postEntry({ ...seeded, memberId: 'm-legacy', key: 'req:legacy-1' })).toMatchObject({ created: false, entry: { _id: 'req:legacy-1' } });
    const fresh = await postEntry({ ...serviceOf('m-short'), key: 'req:short-1' });
    expect(fresh.entry).toMatchObject({ _id: 'req:short-1', key: 'req:short-1' });
    // A short key holding the marker is hashed, so no verbatim id can look like a hashed one.
    expect(entryId('req:a#b')).toMatch(/^req#/);
  });

  it('refuses to call an entry with another key under its id "already posted"', async () => {
    const a = serviceOf(M1);
    // A document under a's id that records another key: only a broken invariant can make one.
    await entries().add({ ...serviceOf(M2), _id: entryId(a.key), key: serviceOf(M2).key });
    await expect(postEntry(a)).rejects.toThrow(/ledger invariant/);
    expect(await balanceOf(M1)).toEqual({ halfHours: 0, points: 0, entries: 0 });
  });

  it('finds an entry posted under the old cut id for the same posting, and leaves another person’s alone', async () => {
    const a = serviceOf(M1);
    const b = serviceOf(M2, 6);
    // Before keys were hashed, M1's service was stored under the key cut to 64 characters, without the key.
    const { key: _key, ...legacyFields } = a;
    await entries().add({ ...legacyFields, _id: a.key.slice(0, 64) });
    await getDb().collection(COLLECTIONS.ledgerBalances).doc(M1).set({ communityId: 'cm-baiyu1', halfHours: 4, points: 20, entries: 1, updatedAt: new Date() });

    const retried = await postEntry(a);
    expect(retried).toMatchObject({ created: false, entry: { _id: a.key.slice(0, 64), memberId: M1 } });
    expect(await balanceOf(M1)).toEqual({ halfHours: 4, points: 20, entries: 1 });

    // M2's key cuts to the same 64 characters: under the old ids M2's hours were dropped; now they are posted.
    const other = await postEntry(b);
    expect(other).toMatchObject({ created: true, entry: { _id: entryId(b.key), memberId: M2 } });
    expect(await balanceOf(M2)).toEqual({ halfHours: 6, points: 30, entries: 1 });
  });

  it('stores the day the service was given: the cap’s day, the one given, or the posting day', async () => {
    const at = new Date('2026-03-01T17:00:00Z'); // 3月2日 01:00 in Shanghai
    const capped = await postEntry({ ...serviceOf(M1), at }, { dailyCap: { day: '2026-02-27', cap: null } });
    const given = await postEntry({ ...serviceOf(M2), at, servedOn: '2026-02-20' });
    const posted = await postEntry({ ...serviceOf('m-3'), at });
    expect([capped.entry.servedOn, given.entry.servedOn, posted.entry.servedOn]).toEqual(['2026-02-27', '2026-02-20', '2026-03-02']);
  });
});
