import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { startHarness, type Harness } from '../../support/harness';

/** 打电话 on the roster: the number to the resident's grid leader and the committee only, never rendered. */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.reset();
});
afterAll(() => h.stop());

const phoneOf = (memberId: string, who: string) => h.invoke('grids', { action: 'residentPhone', payload: { memberId } }, who);

it('the grid leader and the committee get a resident’s number; others are refused', async () => {
  const own = await h.call('grids', 'roster', {}, h.identities.gridLeader);
  const row = own.items.find((r: { phone: string }) => r.phone);
  expect(row.phone).toMatch(/^1\d\d\*{4}\d{4}$/);
  const stored = (await getDb().collection(COLLECTIONS.members).doc(row.memberId).get()).data[0] as { phone: string };
  expect(await phoneOf(row.memberId, h.identities.gridLeader)).toEqual({ ok: true, data: { phone: stored.phone } });
  expect(await phoneOf(row.memberId, h.identities.committee)).toEqual({ ok: true, data: { phone: stored.phone } });
  expect(await phoneOf(row.memberId, h.identities.member)).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
  expect(await phoneOf(row.memberId, h.identities.otherCommittee)).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } });

  // A resident of another grid of the same 居民区: not the leader's to call.
  const leaderGrid = own.gridId as string;
  const others = (await getDb().collection(COLLECTIONS.members).where({ communityId: 'cm-baiyu1' }).limit(1000).get()).data as { _id: string; gridId?: string | null }[];
  const elsewhere = others.find((m) => m.gridId && m.gridId !== leaderGrid);
  expect(elsewhere).toBeDefined();
  expect(await phoneOf(elsewhere!._id, h.identities.gridLeader)).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
});
