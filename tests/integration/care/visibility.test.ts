import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { startHarness, type Harness } from '../../support/harness';
import { activePairing, docs, elderDoc, freeze, idOf, logInput, registered, rid, TUESDAY, volunteers } from './support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(async () => {
  await h.reset();
  freeze(h, TUESDAY);
});

const NOTES = '高血压，每天早上吃药；膝盖不好，上下楼要扶';
const get = (elderId: string, openid: string) => h.invoke('care', { action: 'getElder', payload: { elderId } }, openid);

describe('health notes and family contacts per role', () => {
  it('committee: everything, phones whole; grid leader of the grid: notes, phones masked; active volunteer: notes; asked volunteer: not yet', async () => {
    const elder = await registered(h);
    const [active, asked] = await volunteers(2, 'see');
    await activePairing(h, elder.id, active!);
    await h.call('care', 'pair', { elderId: elder.id, volunteerId: idOf(asked!), plan: { weekdays: [4], everyWeeks: 1 }, requestId: rid('p') }, h.identities.gridLeader);

    const committee = (await h.call('care', 'getElder', { elderId: elder.id }, h.identities.committee)).elder;
    expect(committee).toMatchObject({ healthNotes: NOTES, phone: '13911112222', family: { phone: '13933334444' } });
    const leader = (await h.call('care', 'getElder', { elderId: elder.id }, h.identities.gridLeader)).elder;
    expect(leader).toMatchObject({ healthNotes: NOTES, phone: '139****2222', family: { name: '顾小红', phone: '139****4444' } });
    const mine = (await h.call('care', 'getElder', { elderId: elder.id }, active!)).elder;
    expect(mine).toMatchObject({ healthNotes: NOTES, phone: '139****2222' });
    const proposed = (await h.call('care', 'getElder', { elderId: elder.id }, asked!)).elder;
    expect(proposed.healthNotes).toBeUndefined();
    expect(proposed.family).toBeUndefined();
    expect(proposed).toMatchObject({ name: '顾阿婆', building: '3号楼' });
  });

  it('another 居民区’s committee, a plain resident, a leader of another grid and a volunteer whose pairing ended see nothing', async () => {
    const elder = await registered(h, { building: '3号楼' });
    const [gone] = await volunteers(1, 'gone');
    const p = await activePairing(h, elder.id, gone!);
    await h.call('care', 'logVisit', { pairingId: p.id, day: '2026-03-10', log: logInput('2026-03-10'), requestId: rid('l') }, gone!);
    await h.call('care', 'endPairing', { pairingId: p.id }, h.identities.gridLeader);
    const [otherLeader] = await volunteers(1, 'lead2', { building: '6号楼', gridId: 'cm-baiyu1-g2' });
    const { getDb } = await import('../../../cloudfunctions/_core/db');
    await getDb().collection(COLLECTIONS.members).doc(idOf(otherLeader!)).update({ roles: ['grid_leader'], leadsGridIds: ['cm-baiyu1-g2'] });
    for (const openid of [h.identities.otherCommittee, h.identities.resident, h.identities.member, otherLeader!, gone!]) {
      expect([openid, await get(elder.id, openid)]).toEqual([openid, expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'COMMON.NOT_FOUND' }) })]);
      const visits = await h.invoke('care', { action: 'visitsOf', payload: { elderId: elder.id } }, openid);
      expect(JSON.stringify(visits)).not.toContain('吃药');
    }
    // The volunteer keeps their own visit list, without the elder's notes.
    const own = await h.call('care', 'myVisits', { page: 1 }, gone!);
    expect(JSON.stringify(own)).not.toContain('高血压');
  });

  it('foreign ids answer as missing: another 居民区’s committee acting on this 居民区’s pairing and visit', async () => {
    const elder = await registered(h);
    const [v] = await volunteers(1, 'foreign');
    const p = await activePairing(h, elder.id, v!);
    const { visit } = await h.call('care', 'logVisit', { pairingId: p.id, day: '2026-03-10', log: logInput('2026-03-10'), requestId: rid('l') }, v!);
    const other = h.identities.otherCommittee;
    const calls: [string, unknown][] = [
      ['confirmVisit', { visitId: visit.id }],
      ['challengeVisit', { visitId: visit.id, reason: '看看' }],
      ['endPairing', { pairingId: p.id }],
      ['respond', { pairingId: p.id, accept: false }],
      ['logVisit', { pairingId: p.id, day: '2026-03-10', log: logInput('2026-03-10'), requestId: rid('f') }],
      ['updateElder', { elderId: elder.id, version: 0, elder: { name: '改', building: '3号楼', needs: ['chat'], frequency: 'weekly', family: { name: '甲', relation: '子', phone: '13900000000' }, consent: { given: true, note: '同意' } } }],
      ['removeElder', { elderId: elder.id }],
    ];
    for (const [action, payload] of calls) {
      expect([action, await h.invoke('care', { action, payload }, other)]).toEqual([action, expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'COMMON.NOT_FOUND' }) })]);
    }
    // The volunteer cannot confirm their own visit.
    expect(await h.invoke('care', { action: 'confirmVisit', payload: { visitId: visit.id } }, v!)).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } });
    expect((await elderDoc(elder.id)).name).toBe('顾阿婆');
  });

  it('who may list, confirm and see figures: the committee and grid leaders; residents and members are refused', async () => {
    for (const who of ['resident', 'member', 'newcomer', 'streetAdmin'] as const) {
      for (const [action, payload] of [['listElders', {}], ['toConfirm', {}], ['figures', { month: '2026-03' }]] as const) {
        expect([who, action, await h.invoke('care', { action, payload }, h.identities[who])]).toEqual([who, action, expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'COMMON.FORBIDDEN' }) })]);
      }
    }
    for (const who of ['gridLeader', 'committee'] as const) expect((await h.invoke('care', { action: 'figures', payload: { month: '2026-03' } }, h.identities[who])).ok).toBe(true);
  });

  it('a grid leader cannot register an elder of a building outside their grids; lists are their grids’ only', async () => {
    expect(await h.invoke('care', { action: 'registerElder', payload: { elder: { name: '钱阿公', building: '6号楼', needs: ['chat'], frequency: 'weekly', family: { name: '钱一', relation: '儿子', phone: '13911110000' }, consent: { given: true, note: '本人同意' } }, requestId: rid('x') } }, h.identities.gridLeader)).toMatchObject({
      ok: false,
      error: { code: 'CARE.GRID_NOT_FOUND' },
    });
    await registered(h, { name: '在六号楼', building: '6号楼' }, h.identities.committee);
    await registered(h, { name: '在三号楼' });
    const leaderList = await h.call('care', 'listElders', { page: 1 }, h.identities.gridLeader);
    expect(leaderList.items.map((e: { name: string }) => e.name)).toEqual(['在三号楼']);
    const committeeList = await h.call('care', 'listElders', { page: 1 }, h.identities.committee);
    expect(committeeList.items).toHaveLength(2);
    expect(JSON.stringify(committeeList)).not.toContain('高血压');
  });

  it('the committee list puts elders without a visit in 14 days first', async () => {
    const visited = await registered(h, { name: '常探访' });
    const never = await registered(h, { name: '没人来' });
    const [v] = await volunteers(1, 'stale');
    const p = await activePairing(h, visited.id, v!);
    await h.call('care', 'logVisit', { pairingId: p.id, day: '2026-03-10', log: logInput('2026-03-10'), requestId: rid('l') }, v!);
    const list = await h.call('care', 'listElders', { page: 1 }, h.identities.committee);
    expect(list.items.map((e: { name: string; stale: boolean }) => [e.name, e.stale])).toEqual([['没人来', true], ['常探访', false]]);
    expect(never.stale).toBe(true);
  });

  it('deleting an elder keeps anonymised visit counts only', async () => {
    const elder = await registered(h);
    const [v] = await volunteers(1, 'erase');
    const p = await activePairing(h, elder.id, v!);
    await h.call('care', 'logVisit', { pairingId: p.id, day: '2026-03-10', log: logInput('2026-03-10', { concern: '老人说头晕' }), requestId: rid('l') }, v!);
    expect(await h.invoke('care', { action: 'removeElder', payload: { elderId: elder.id } }, h.identities.gridLeader)).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    await h.call('care', 'removeElder', { elderId: elder.id }, h.identities.committee);
    expect(await h.call('care', 'removeElder', { elderId: elder.id }, h.identities.committee)).toEqual({ removed: false });
    const e = await elderDoc(elder.id);
    expect(JSON.stringify(e)).not.toMatch(/顾|高血压|1391111|女儿/);
    const visits = await docs<{ state: string; log: { note: string; concern: string; minutes: number } | null }>(COLLECTIONS.careVisits, { elderId: elder.id });
    expect(JSON.stringify(visits)).not.toMatch(/头晕|送药/);
    expect(visits.filter((x) => x.state === 'logged')).toHaveLength(1);
    expect(await get(elder.id, h.identities.committee)).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } });
    const figures = await h.call('care', 'figures', { month: '2026-03' }, h.identities.committee);
    expect(figures.total).toMatchObject({ elders: 0, visits: 1 });
  });
});
