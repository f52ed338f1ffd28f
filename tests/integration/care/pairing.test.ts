import { startHarness, type Harness } from '../../support/harness';
import { activePairing, freeze, idOf, registered, rid, TUESDAY, volunteers, elderDoc } from './support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(async () => {
  await h.reset();
  freeze(h, TUESDAY);
});

const suggest = (elderId: string, openid = h.identities.gridLeader) => h.call('care', 'suggest', { elderId }, openid);

describe('pairing suggestions', () => {
  it('nearest building first, then skills and free times; load counts against; anyone at three elders is left out', async () => {
    const elder = await registered(h, { building: '3号楼', needs: ['medicine'], preferredTimes: ['周末'] });
    const [same] = await volunteers(1, 'same', { building: '3号楼' });
    const [far] = await volunteers(1, 'far', { building: '9号楼', gridId: 'cm-baiyu1-g3' });
    const [nurse] = await volunteers(1, 'nurse', { building: '9号楼', gridId: 'cm-baiyu1-g3', skills: ['护士'], availability: ['周末'] });
    const [busy] = await volunteers(1, 'busy', { building: '3号楼' });
    // `busy` already carries three elders.
    for (let i = 0; i < 3; i++) {
      const other = await registered(h, { name: `老人${i}`, building: '2号楼' });
      await h.call('care', 'pair', { elderId: other.id, volunteerId: idOf(busy!), plan: { weekdays: [3], everyWeeks: 1 }, requestId: rid('p') }, h.identities.gridLeader);
    }
    const { items } = await suggest(elder.id);
    const ids = items.map((i: { memberId: string }) => i.memberId);
    expect(ids).not.toContain(idOf(busy!));
    expect(ids).not.toContain(idOf(far!));
    expect(ids.indexOf(idOf(same!))).toBeLessThan(ids.indexOf(idOf(nurse!)));
    const n = items.find((i: { memberId: string }) => i.memberId === idOf(nurse!));
    expect(n).toMatchObject({ skills: ['护士'], times: ['周末'], load: 0 });
    expect(n.reasons).toEqual(expect.arrayContaining(['会护士', '周末有空']));
    // Nothing personal beyond name and building.
    expect(JSON.stringify(items)).not.toMatch(/1380000/);
  });

  it('a volunteer with one elder ranks below an equal one with none', async () => {
    const elder = await registered(h, { building: '4号楼' });
    const [a, b] = await volunteers(2, 'eq', { building: '4号楼' });
    const other = await registered(h, { name: '李阿公', building: '1号楼' });
    await activePairing(h, other.id, a!);
    const { items } = await suggest(elder.id);
    const ids = items.map((i: { memberId: string }) => i.memberId);
    expect(ids.indexOf(idOf(b!))).toBeLessThan(ids.indexOf(idOf(a!)));
  });

  it('another 居民区, a volunteer and a plain resident get nothing', async () => {
    const elder = await registered(h);
    expect(await h.invoke('care', { action: 'suggest', payload: { elderId: elder.id } }, h.identities.otherCommittee)).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } });
    expect(await h.invoke('care', { action: 'suggest', payload: { elderId: elder.id } }, h.identities.resident)).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } });
  });
});

describe('pairing', () => {
  it('three leaders pairing at once: two volunteers at most, the third is told the elder is full', async () => {
    const elder = await registered(h);
    const vs = await volunteers(3, 'race');
    const outcomes = await Promise.all(
      vs.map((v, i) => h.invoke('care', { action: 'pair', payload: { elderId: elder.id, volunteerId: idOf(v), plan: { weekdays: [i + 1], everyWeeks: 1 }, requestId: rid('race') } }, i === 2 ? h.identities.committee : h.identities.gridLeader)),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(2);
    expect(outcomes.filter((o) => !o.ok).map((o) => (o as { error: { code: string } }).error.code)).toEqual(['CARE.ELDER_FULL']);
    expect((await elderDoc(elder.id)).volunteerIds).toHaveLength(2);
  });

  it('the same request twice makes one pairing; the same volunteer twice is refused', async () => {
    const elder = await registered(h);
    const [v] = await volunteers(1, 'twice');
    const payload = { elderId: elder.id, volunteerId: idOf(v!), plan: { weekdays: [2], everyWeeks: 1 }, requestId: rid('same') };
    const [a, b] = await Promise.all([h.call('care', 'pair', payload, h.identities.gridLeader), h.call('care', 'pair', payload, h.identities.gridLeader)]);
    expect(a.pairing.id).toBe(b.pairing.id);
    expect(await h.invoke('care', { action: 'pair', payload: { ...payload, requestId: rid('again') } }, h.identities.gridLeader)).toMatchObject({ ok: false, error: { code: 'CARE.ALREADY_PAIRED' } });
    expect((await elderDoc(elder.id)).volunteerIds).toEqual([idOf(v!)]);
  });

  it('accepting twice is ok; declining after accepting is refused; a decline frees the place', async () => {
    const elder = await registered(h);
    const [v, w] = await volunteers(2, 'resp');
    const p = await activePairing(h, elder.id, v!);
    expect(p.state).toBe('active');
    expect((await h.call('care', 'respond', { pairingId: p.id, accept: true }, v!)).pairing.state).toBe('active');
    expect(await h.invoke('care', { action: 'respond', payload: { pairingId: p.id, accept: false } }, v!)).toMatchObject({ ok: false, error: { code: 'CARE.WRONG_STATE' } });
    // Someone else cannot answer it.
    expect(await h.invoke('care', { action: 'respond', payload: { pairingId: p.id, accept: true } }, w!)).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } });
    const { pairing } = await h.call('care', 'pair', { elderId: elder.id, volunteerId: idOf(w!), plan: { weekdays: [4], everyWeeks: 2 }, requestId: rid('p') }, h.identities.gridLeader);
    await h.call('care', 'respond', { pairingId: pairing.id, accept: false }, w!);
    const e = await elderDoc(elder.id);
    expect(e.volunteerIds).toEqual([idOf(v!)]);
    expect(e.activeVolunteerIds).toEqual([idOf(v!)]);
  });

  it('a volunteer from another 居民区 or a resident who is not a member cannot be paired', async () => {
    const elder = await registered(h);
    const [outsider] = await volunteers(1, 'out', { communityId: 'cm-changfeng1', gridId: null });
    for (const volunteerId of [idOf(outsider!), h.memberIdOf('resident')]) {
      expect(await h.invoke('care', { action: 'pair', payload: { elderId: elder.id, volunteerId, plan: { weekdays: [2], everyWeeks: 1 }, requestId: rid('x') } }, h.identities.gridLeader)).toMatchObject({ ok: false, error: { code: 'CARE.VOLUNTEER_NOT_FOUND' } });
    }
  });
});
