import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { accountKeyOf, memberIdFor } from '../../../cloudfunctions/_core/identity';
import { newMemberDoc } from '../../../cloudfunctions/_core/member-record';
import { LOCAL_APPID } from '../../../emulator/dev-server/functions-host';
import { DEMO_PEOPLE } from '../../../emulator/seed/demo-data';
import type { StreetOverview } from '../../../src/shared/domain/street';
import { startHarness, type Harness } from '../../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.reset());

/** The truth, counted document by document, to hold the aggregation against. */
async function expected(communityId: string) {
  const all = (await getDb().collection(COLLECTIONS.members).where({ communityId }).limit(1000).get()).data as any[];
  const live = all.filter((m) => !m.deletedAt);
  const approved = live.filter((m) => m.application.status === 'approved');
  const byCouncil: Record<string, number> = {};
  for (const m of approved) for (const c of m.councilIds ?? []) byCouncil[c] = (byCouncil[c] ?? 0) + 1;
  return {
    residents: live.length,
    members: approved.length,
    pending: live.filter((m) => m.application.status === 'pending').length,
    byCouncil,
  };
}

describe('street.viewCounts', () => {
  it('counts every 居民区 of the admin’s 街道, matching the records one by one', async () => {
    const overview = await h.call<StreetOverview>('street', 'viewCounts', {}, h.identities.streetAdmin);
    expect(overview.street).toEqual({ id: 'street-changfeng', name: '长风新村街道' });
    expect(overview.communities.map((c) => c.name)).toEqual(['白玉新村第一居民区', '长风一村', '雅仕汇都']);
    for (const c of overview.communities) {
      const truth = await expected(c.id);
      expect({ residents: c.residents, members: c.members, pending: c.pending }).toEqual({
        residents: truth.residents,
        members: truth.members,
        pending: truth.pending,
      });
      expect(c.grids).toBe(3);
      expect(c.councils.map((k) => k.name)).toEqual(['自治家园理事会', '亲子文娱分会', '便民服务分会', '综合治理分会', '青年议事分会', '环境监督分会']);
      for (const k of c.councils) expect(k.members).toBe(truth.byCouncil[k.id] ?? 0);
    }
    const baiyu = overview.communities[0]!;
    expect(baiyu.pending).toBeGreaterThanOrEqual(2);
    expect(baiyu.councils.find((k) => k.id === 'cm-baiyu1-service')!.members).toBeGreaterThanOrEqual(2);
    expect(overview.totals).toEqual({
      communities: 3,
      residents: overview.communities.reduce((n, c) => n + c.residents, 0),
      members: overview.communities.reduce((n, c) => n + c.members, 0),
      pending: overview.communities.reduce((n, c) => n + c.pending, 0),
      grids: 9,
    });
  });

  it('follows changes: an approval moves one person from pending to members', async () => {
    const before = (await h.call<StreetOverview>('street', 'viewCounts', {}, h.identities.streetAdmin)).communities[0]!;
    await h.call('members', 'review', { memberId: h.memberIdOf('applicant1'), decision: 'approve' }, h.identities.committee);
    const after = (await h.call<StreetOverview>('street', 'viewCounts', {}, h.identities.streetAdmin)).communities[0]!;
    expect([after.residents, after.members, after.pending]).toEqual([before.residents, before.members + 1, before.pending - 1]);
  });

  it('answers no personal details: no name, phone, building or member id of anyone', async () => {
    const overview = await h.call<StreetOverview>('street', 'viewCounts', {}, h.identities.streetAdmin);
    const json = JSON.stringify(overview);
    for (const p of DEMO_PEOPLE.filter((x) => x.name)) {
      expect(json).not.toContain(p.name);
      if (p.phone) expect(json).not.toContain(p.phone);
    }
    for (const key of ['resident', 'member', 'committee', 'applicant1'] as const) expect(json).not.toContain(h.memberIdOf(key));
    expect(json).not.toMatch(/号楼|"phone"|"building"|"room"|"skills"/);
  });

  it('shows another 街道’s admin only their own 街道', async () => {
    const identity = { openid: 'admin-of-another-street', appid: LOCAL_APPID };
    const doc = newMemberDoc(memberIdFor(identity), identity.openid, identity.appid, new Date(), accountKeyOf(identity));
    await getDb().collection(COLLECTIONS.members).add({ ...doc, streetId: 'street-elsewhere', roles: ['street_admin'] });
    const overview = await h.call<StreetOverview>('street', 'viewCounts', {}, identity.openid);
    expect(overview).toMatchObject({ street: { id: 'street-elsewhere' }, communities: [], totals: { communities: 0, residents: 0 } });
  });

  it.each(['committee', 'otherCommittee', 'gridLeader', 'member', 'resident', 'newcomer'] as const)('refuses %s', async (who) => {
    const res = await h.invoke('street', { action: 'viewCounts', payload: {} }, h.identities[who]);
    expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
  });
});
