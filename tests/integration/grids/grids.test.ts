import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { CONTENT_CHECK_TEST_PHRASE } from '../../../emulator/platform/wechat.local';
import { talentPersonId } from '../../../emulator/seed/grids';
import type { RosterRow } from '../../../src/shared/domain/grid';
import { startHarness, type DemoIdentity, type Harness } from '../../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.reset());

const G1 = 'cm-baiyu1-g1';
const G2 = 'cm-baiyu1-g2';
const who = (key: DemoIdentity) => h.identities[key];
const code = async (fn: string, action: string, payload: unknown, caller: string) => {
  const res = await h.invoke(fn, { action, payload }, caller);
  return res.ok ? 'ok' : res.error.code;
};
const doc = async (collection: string, id: string): Promise<Record<string, any> | undefined> =>
  (await getDb().collection(collection).doc(id).get()).data[0];
const rosterOf = async (caller: string, payload: Record<string, unknown> = {}): Promise<RosterRow[]> =>
  (await h.call('grids', 'roster', payload, caller)).items;

describe('overview', () => {
  it('shows any resident their 居民区’s grids, buildings, leaders and the 总格长, and nothing of other 居民区', async () => {
    const res = await h.call('grids', 'overview', {}, who('resident'));
    expect(res.grids.map((g: { id: string }) => g.id)).toEqual([G1, G2, 'cm-baiyu1-g3']);
    expect(res.grids[0]).toMatchObject({ name: '第一微格', buildings: ['1号楼', '2号楼', '3号楼', '4号楼'], leader: { name: '张丽华' } });
    expect(res.grids[1].leader).toBeNull();
    expect(res.chief).toMatchObject({ name: '周敏', memberId: h.memberIdOf('committee') });
    const other = await h.call('grids', 'overview', {}, who('otherCommittee'));
    expect(other.grids.every((g: { id: string }) => g.id.startsWith('cm-changfeng1-'))).toBe(true);
    expect(other.chief).toBeNull();
  });

  it('refuses a newcomer without a 居民区 and the 街道 admin', async () => {
    expect(await code('grids', 'overview', {}, who('newcomer'))).toBe('COMMON.FORBIDDEN');
    expect(await code('grids', 'overview', {}, who('streetAdmin'))).toBe('COMMON.FORBIDDEN');
  });
});

describe('roster', () => {
  it('shows a grid leader their own grid, 20 a page, phones masked, colours and allowed skills', async () => {
    const rows = await rosterOf(who('gridLeader'));
    const names = rows.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['王秀兰', '张丽华', '赵桂英', '吴阿婆']));
    expect(names).not.toContain('李建国');
    const wang = rows.find((r) => r.name === '王秀兰')!;
    expect(wang).toMatchObject({ building: '3号楼', room: '201', phone: '139****1001', status: 'none', isMember: false, colour: 'yellow' });
    expect(rows.find((r) => r.name === '吴阿婆')?.colour).toBe('red');
    expect(rows.find((r) => r.name === '赵桂英')).toMatchObject({ skills: ['医生', '心理咨询'], colour: 'blue', isMember: true });
  });

  it('filters by building', async () => {
    const rows = await rosterOf(who('gridLeader'), { gridId: G1, building: '3号楼' });
    expect(rows.map((r) => r.name)).toEqual(['王秀兰']);
    expect((await rosterOf(who('gridLeader'), { building: ' 2栋 ' })).map((r) => r.name).sort()).toEqual(['张丽华', '赵桂英'].sort());
  });

  it('shows the committee any grid of its 居民区 with full phones and colours', async () => {
    const rows = await rosterOf(who('committee'), { gridId: G2 });
    expect(rows.find((r) => r.name === '李建国')).toMatchObject({ phone: '13900001002', colour: null });
    expect((await rosterOf(who('committee'), { gridId: 'cm-baiyu1-g3' })).find((r) => r.name === '周文杰')?.colour).toBe('green');
    expect(rows.find((r) => r.name === '刘美华')).toMatchObject({ status: 'pending', colour: null });
    // 钱国庆 shows skills to the committee only.
    expect(rows.find((r) => r.name === '钱国庆')?.skills).toEqual(['律师']);
  });

  it('hides skills a resident keeps from grid leaders', async () => {
    await h.call('grids', 'assignLeader', { gridId: G2, memberId: h.memberIdOf('member') }, who('committee'));
    const rows = await rosterOf(who('member'), { gridId: G2 });
    expect(rows.find((r) => r.name === '钱国庆')?.skills).toBeNull();
    expect(rows.find((r) => r.name === '李建国')?.skills).toEqual(['水电维修', '家电维修']);
  });

  it('refuses a grid leader another grid, and residents, members and other 居民区 everything', async () => {
    expect(await code('grids', 'roster', { gridId: G2 }, who('gridLeader'))).toBe('COMMON.FORBIDDEN');
    expect(await code('grids', 'roster', { gridId: 'cm-changfeng1-g1' }, who('gridLeader'))).toBe('COMMON.FORBIDDEN');
    expect(await code('grids', 'roster', { gridId: G1 }, who('resident'))).toBe('COMMON.FORBIDDEN');
    expect(await code('grids', 'roster', {}, who('member'))).toBe('COMMON.FORBIDDEN');
    expect(await code('grids', 'roster', { gridId: G1 }, who('streetAdmin'))).toBe('COMMON.FORBIDDEN');
    // Another 居民区's committee gets nothing of 白玉 (its query is bounded by its own 居民区).
    expect(await rosterOf(who('otherCommittee'), { gridId: G1 })).toEqual([]);
  });

  it('needs a grid from the committee, and refuses bad input', async () => {
    expect(await h.invoke('grids', { action: 'roster', payload: {} }, who('committee'))).toMatchObject({
      ok: false,
      error: { code: 'COMMON.INVALID_INPUT', fields: { gridId: '请选择微格' } },
    });
    expect(await code('grids', 'roster', { page: 0 }, who('gridLeader'))).toBe('COMMON.INVALID_INPUT');
    expect(await code('grids', 'roster', { gridId: 5 }, who('gridLeader'))).toBe('COMMON.INVALID_INPUT');
  });

  it('pages 20 at a time', async () => {
    const base = (await doc(COLLECTIONS.members, h.memberIdOf('resident')))!;
    const extra = Array.from({ length: 25 }, (_v, i) => ({
      ...base,
      _id: `bulk-${i}`,
      accountKey: null,
      openid: null,
      name: `居民${i}`,
      room: String(300 + i),
    }));
    await getDb().collection(COLLECTIONS.members).add(extra);
    const first = await h.call('grids', 'roster', { page: 1 }, who('gridLeader'));
    const second = await h.call('grids', 'roster', { page: 2 }, who('gridLeader'));
    expect(first.items).toHaveLength(20);
    expect(first.hasMore).toBe(true);
    expect(second.hasMore).toBe(false);
    const ids = [...first.items, ...second.items].map((r: RosterRow) => r.memberId);
    expect(new Set(ids).size).toBe(ids.length);
    const inGrid = await getDb().collection(COLLECTIONS.members).where({ gridId: G1 }).count();
    expect(ids.length).toBe(inGrid.total);
  });

  it('leaves out deleted accounts', async () => {
    await h.call('members', 'deleteAccount', { confirm: '注销' }, who('resident'));
    expect((await rosterOf(who('gridLeader'))).map((r) => r.memberId)).not.toContain(h.memberIdOf('resident'));
  });
});

describe('colours', () => {
  it('the committee sets and clears a colour; the grid leader sees it', async () => {
    const target = h.memberIdOf('applicant1');
    await h.call('grids', 'assignLeader', { gridId: G2, memberId: h.memberIdOf('member') }, who('committee'));
    await h.call('grids', 'setColour', { memberId: target, colour: 'red' }, who('committee'));
    expect((await rosterOf(who('member'), { gridId: G2 })).find((r) => r.memberId === target)?.colour).toBe('red');
    expect(await doc(COLLECTIONS.memberColours, target)).toMatchObject({ memberId: target, communityId: 'cm-baiyu1', colour: 'red' });
    await h.call('grids', 'setColour', { memberId: target, colour: null }, who('committee'));
    expect((await rosterOf(who('member'), { gridId: G2 })).find((r) => r.memberId === target)?.colour).toBeNull();
  });

  it('nobody else sets colours, and never across 居民区', async () => {
    const target = h.memberIdOf('resident');
    for (const key of ['gridLeader', 'member', 'resident', 'streetAdmin'] as const) {
      expect(await code('grids', 'setColour', { memberId: target, colour: 'red' }, who(key))).toBe('COMMON.FORBIDDEN');
    }
    expect(await code('grids', 'setColour', { memberId: target, colour: 'red' }, who('otherCommittee'))).toBe('COMMON.NOT_FOUND');
    expect(await code('grids', 'setColour', { memberId: target, colour: 'purple' }, who('committee'))).toBe('COMMON.INVALID_INPUT');
    expect(await code('grids', 'setColour', { memberId: 'nobody', colour: 'red' }, who('committee'))).toBe('COMMON.NOT_FOUND');
    expect((await doc(COLLECTIONS.memberColours, target))?.colour).toBe('yellow');
  });

  it('a member record never carries the colour, and a grid leader loses sight of it with the grid', async () => {
    const stored = await doc(COLLECTIONS.members, h.memberIdOf('resident'));
    expect(JSON.stringify(stored)).not.toMatch(/yellow|colour/);
    await h.call('grids', 'assignLeader', { gridId: G1, memberId: null }, who('committee'));
    expect(await code('grids', 'roster', { gridId: G1 }, who('gridLeader'))).toBe('COMMON.FORBIDDEN');
  });
});

describe('grids: create, rename, buildings', () => {
  const create = (name: string, requestId = 'req-00000001', caller = who('committee')) =>
    h.invoke('grids', { action: 'createGrid', payload: { requestId, name } }, caller);

  it('creates once under retries, renames, and takes free buildings; residents follow', async () => {
    const results = await Promise.all([create('第四微格'), create('第四微格'), create('第四微格')]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await getDb().collection(COLLECTIONS.grids).where({ communityId: 'cm-baiyu1' }).count()).total).toBe(4);
    const id = 'cm-baiyu1-req-00000001';
    await h.call('grids', 'renameGrid', { gridId: id, name: '新四微格' }, who('committee'));
    const set = await h.call('grids', 'setBuildings', { gridId: id, buildings: ['11号楼', '12栋'] }, who('committee'));
    expect(set.grid).toMatchObject({ name: '新四微格', buildings: ['11号楼', '12号楼'] });
    const base = (await doc(COLLECTIONS.members, h.memberIdOf('resident')))!;
    await getDb().collection(COLLECTIONS.members).add({ ...base, _id: 'mover', accountKey: null, building: '13号楼', gridId: null });
    await h.call('grids', 'setBuildings', { gridId: id, buildings: ['11号楼', '13号楼'] }, who('committee'));
    expect((await doc(COLLECTIONS.members, 'mover'))?.gridId).toBe(id);
    expect(await doc(COLLECTIONS.gridBuildings, 'cm-baiyu1:12号楼')).toBeUndefined();
    await h.call('grids', 'setBuildings', { gridId: id, buildings: [] }, who('committee'));
    expect((await doc(COLLECTIONS.members, 'mover'))?.gridId).toBeNull();
  });

  it('moving a building from one grid to another: refused until the first lets it go', async () => {
    const take = await h.invoke('grids', { action: 'setBuildings', payload: { gridId: G2, buildings: ['5号楼', '6号楼', '7号楼', '4号楼'] } }, who('committee'));
    expect(take).toMatchObject({ ok: false, error: { code: 'GRIDS.BUILDING_TAKEN', fields: { buildings: '4号楼已在别的微格' } } });
    expect((await doc(COLLECTIONS.grids, G2))?.buildings).toEqual(['5号楼', '6号楼', '7号楼']);
    await h.call('grids', 'setBuildings', { gridId: G1, buildings: ['1号楼', '2号楼', '3号楼'] }, who('committee'));
    await h.call('grids', 'setBuildings', { gridId: G2, buildings: ['5号楼', '6号楼', '7号楼', '4号楼'] }, who('committee'));
    expect((await doc(COLLECTIONS.gridBuildings, 'cm-baiyu1:4号楼'))?.gridId).toBe(G2);
  });

  it('two grids racing for one building: exactly one gets it', async () => {
    const [a, b] = await Promise.all([
      h.invoke('grids', { action: 'setBuildings', payload: { gridId: G2, buildings: ['5号楼', '6号楼', '7号楼', '20号楼'] } }, who('committee')),
      h.invoke('grids', { action: 'setBuildings', payload: { gridId: 'cm-baiyu1-g3', buildings: ['8号楼', '9号楼', '10号楼', '20号楼'] } }, who('committee')),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const holders = [(await doc(COLLECTIONS.grids, G2))!, (await doc(COLLECTIONS.grids, 'cm-baiyu1-g3'))!].filter((g) => g.buildings.includes('20号楼'));
    expect(holders).toHaveLength(1);
    expect((await doc(COLLECTIONS.gridBuildings, 'cm-baiyu1:20号楼'))?.gridId).toBe(holders[0]!._id);
  });

  it('two changes of one grid at once: one wins and no claim is left behind', async () => {
    const results = await Promise.all([
      h.invoke('grids', { action: 'setBuildings', payload: { gridId: G2, buildings: ['5号楼', '21号楼'] } }, who('committee')),
      h.invoke('grids', { action: 'setBuildings', payload: { gridId: G2, buildings: ['5号楼', '22号楼'] } }, who('committee')),
    ]);
    const grid = (await doc(COLLECTIONS.grids, G2))!;
    const claimed = (await getDb().collection(COLLECTIONS.gridBuildings).where({ gridId: G2 }).get()).data.map((c: any) => c.building);
    expect(claimed.sort()).toEqual([...grid.buildings].sort());
    expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(1);
    for (const r of results) if (!r.ok) expect(r.error.code).toBe('GRIDS.CHANGED');
  });

  it('refuses non-committee callers, other 居民区, bad names and text that fails the content check', async () => {
    for (const key of ['gridLeader', 'member', 'resident', 'streetAdmin'] as const) {
      expect((await create('格', 'req-00000002', who(key))).ok).toBe(false);
      expect(await code('grids', 'renameGrid', { gridId: G1, name: '改' }, who(key))).toBe('COMMON.FORBIDDEN');
      expect(await code('grids', 'setBuildings', { gridId: G1, buildings: [] }, who(key))).toBe('COMMON.FORBIDDEN');
    }
    expect(await code('grids', 'renameGrid', { gridId: G1, name: '改' }, who('otherCommittee'))).toBe('COMMON.NOT_FOUND');
    expect(await code('grids', 'setBuildings', { gridId: G1, buildings: [] }, who('otherCommittee'))).toBe('COMMON.NOT_FOUND');
    expect(await create(' ')).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT', fields: { name: '请填写微格名称' } } });
    expect(await create('格', 'x')).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } });
    expect(await create(`第${CONTENT_CHECK_TEST_PHRASE}`)).toMatchObject({ ok: false, error: { code: 'COMMON.CONTENT_REJECTED' } });
    expect(await code('grids', 'setBuildings', { gridId: G1, buildings: [''] }, who('committee'))).toBe('COMMON.INVALID_INPUT');
    expect((await doc(COLLECTIONS.grids, G1))?.buildings).toHaveLength(4);
  });
});

describe('leaders', () => {
  const leaderState = async (memberKey: DemoIdentity) => {
    const m = (await doc(COLLECTIONS.members, h.memberIdOf(memberKey)))!;
    return { leads: m.leadsGridIds as string[], role: (m.roles as string[]).includes('grid_leader') };
  };

  it('replacing a leader moves the grid between the two records and the role with it', async () => {
    await h.call('grids', 'assignLeader', { gridId: G1, memberId: h.memberIdOf('member') }, who('committee'));
    expect((await doc(COLLECTIONS.grids, G1))?.leaderMemberId).toBe(h.memberIdOf('member'));
    expect(await leaderState('member')).toEqual({ leads: [G1], role: true });
    expect(await leaderState('gridLeader')).toEqual({ leads: [], role: false });
    expect(await code('grids', 'roster', { gridId: G1 }, who('gridLeader'))).toBe('COMMON.FORBIDDEN');
    expect(await code('grids', 'roster', { gridId: G1 }, who('member'))).toBe('ok');
  });

  it('a leader of two grids keeps the role when one is taken away; a retry changes nothing', async () => {
    await h.call('grids', 'assignLeader', { gridId: G2, memberId: h.memberIdOf('gridLeader') }, who('committee'));
    await h.call('grids', 'assignLeader', { gridId: G2, memberId: h.memberIdOf('gridLeader') }, who('committee'));
    expect(await leaderState('gridLeader')).toEqual({ leads: [G1, G2], role: true });
    await h.call('grids', 'assignLeader', { gridId: G1, memberId: null }, who('committee'));
    expect(await leaderState('gridLeader')).toEqual({ leads: [G2], role: true });
    expect((await rosterOf(who('gridLeader'))).some((r) => r.name === '李建国')).toBe(true);
  });

  it('two committee members assigning different leaders at once leave one consistent leader', async () => {
    for (let round = 0; round < 5; round += 1) {
      await h.reset();
      const candidates: DemoIdentity[] = ['member', 'resident', 'applicant1'];
      const results = await Promise.all(
        candidates.map((c) => h.invoke('grids', { action: 'assignLeader', payload: { gridId: G1, memberId: h.memberIdOf(c) } }, who('committee'))),
      );
      for (const r of results) if (!r.ok) expect(r.error.code).toBe('GRIDS.CHANGED');
      const leader = (await doc(COLLECTIONS.grids, G1))?.leaderMemberId;
      expect(candidates.map((c) => h.memberIdOf(c))).toContain(leader);
      for (const key of [...candidates, 'gridLeader'] as DemoIdentity[]) {
        const state = await leaderState(key);
        const isLeader = h.memberIdOf(key) === leader;
        expect(state).toEqual({ leads: isLeader ? [G1] : [], role: isLeader });
      }
    }
  });

  it('refuses a leader from another 居民区, unknown grids, and non-committee callers', async () => {
    expect(await code('grids', 'assignLeader', { gridId: G1, memberId: h.memberIdOf('applicant3') }, who('committee'))).toBe('COMMON.NOT_FOUND');
    expect(await code('grids', 'assignLeader', { gridId: 'cm-changfeng1-g1', memberId: h.memberIdOf('member') }, who('committee'))).toBe('COMMON.NOT_FOUND');
    expect(await code('grids', 'assignLeader', { gridId: G1, memberId: h.memberIdOf('member') }, who('gridLeader'))).toBe('COMMON.FORBIDDEN');
    expect(await code('grids', 'assignLeader', { gridId: G1, memberId: h.memberIdOf('member') }, who('otherCommittee'))).toBe('COMMON.NOT_FOUND');
    expect(await code('grids', 'assignLeader', { gridId: G1 }, who('committee'))).toBe('COMMON.INVALID_INPUT');
    expect((await doc(COLLECTIONS.grids, G1))?.leaderMemberId).toBe(h.memberIdOf('gridLeader'));
  });

  it('sets and clears the 总格长, only by its own committee', async () => {
    const res = await h.call('grids', 'setChief', { memberId: h.memberIdOf('gridLeader') }, who('committee'));
    expect(res.chief).toMatchObject({ name: '张丽华' });
    expect((await h.call('grids', 'overview', {}, who('resident'))).chief.name).toBe('张丽华');
    expect(await code('grids', 'setChief', { memberId: h.memberIdOf('member') }, who('gridLeader'))).toBe('COMMON.FORBIDDEN');
    expect(await code('grids', 'setChief', { memberId: h.memberIdOf('applicant3') }, who('committee'))).toBe('COMMON.NOT_FOUND');
    expect(await code('grids', 'setChief', { memberId: h.memberIdOf('member') }, who('otherCommittee'))).toBe('COMMON.NOT_FOUND');
    await h.call('grids', 'setChief', { memberId: null }, who('committee'));
    expect((await h.call('grids', 'overview', {}, who('resident'))).chief).toBeNull();
  });
});

describe('双楼长 pairs', () => {
  it('lists the seeded pair to residents of the 居民区 only', async () => {
    const { items } = await h.call('grids', 'listPairs', {}, who('resident'));
    expect(items).toEqual([
      {
        building: '5号楼',
        gridId: G2,
        groupLeader: { memberId: talentPersonId('lawyer'), name: '钱国庆', building: '5号楼' },
        partner: { memberId: h.memberIdOf('member'), name: '李建国', building: '5号楼' },
      },
    ]);
    expect((await h.call('grids', 'listPairs', {}, who('otherCommittee'))).items).toEqual([]);
  });

  it('pairs a building’s 楼组长 with a member of the echelon; never one person for both', async () => {
    const leader = await h.call('grids', 'setPairMember', { memberId: h.memberIdOf('resident'), role: 'groupLeader' }, who('committee'));
    expect(leader.pair).toMatchObject({ building: '3号楼', gridId: G1, groupLeader: { name: '王秀兰' }, partner: null });
    expect(await code('grids', 'setPairMember', { memberId: h.memberIdOf('resident'), role: 'partner' }, who('committee'))).toBe('GRIDS.NOT_MEMBER');
    const again = await h.call('grids', 'setPairMember', { memberId: h.memberIdOf('resident'), role: 'groupLeader' }, who('committee'));
    expect(again.pair.groupLeader.name).toBe('王秀兰');
    expect(await code('grids', 'setPairMember', { memberId: h.memberIdOf('member'), role: 'groupLeader' }, who('committee'))).toBe('GRIDS.SAME_PERSON');
    await h.call('grids', 'clearPair', { building: '3号楼' }, who('committee'));
    expect((await h.call('grids', 'listPairs', {}, who('committee'))).items.map((p: { building: string }) => p.building)).toEqual(['5号楼']);
  });

  it('refuses buildings outside every grid, other 居民区 and non-committee callers', async () => {
    expect(await code('grids', 'setPairMember', { memberId: h.memberIdOf('committee'), role: 'groupLeader' }, who('committee'))).toBe('GRIDS.BUILDING_OUTSIDE_GRIDS');
    expect(await code('grids', 'setPairMember', { memberId: h.memberIdOf('member'), role: 'partner' }, who('otherCommittee'))).toBe('COMMON.NOT_FOUND');
    expect(await code('grids', 'setPairMember', { memberId: h.memberIdOf('member'), role: 'partner' }, who('gridLeader'))).toBe('COMMON.FORBIDDEN');
    expect(await code('grids', 'setPairMember', { memberId: h.memberIdOf('member'), role: 'boss' }, who('committee'))).toBe('COMMON.INVALID_INPUT');
    expect(await code('grids', 'clearPair', { building: '5号楼' }, who('gridLeader'))).toBe('COMMON.FORBIDDEN');
    expect((await h.call('grids', 'clearPair', { building: '5号楼' }, who('otherCommittee'))).cleared).toBe(false);
    expect(await code('grids', 'listPairs', {}, who('newcomer'))).toBe('COMMON.FORBIDDEN');
  });
});

describe('leadership in the members\' history', () => {
  it('records the hand-over: the old leader stepping down and the new one taking the grid, once', async () => {
    await Promise.all([1, 2].map(() => h.call('grids', 'assignLeader', { gridId: G1, memberId: h.memberIdOf('member') }, who('committee'))));
    const history = async (key: 'member' | 'gridLeader') =>
      (await h.call('members', 'memberDetail', { memberId: h.memberIdOf(key) }, who('committee'))).history.filter(
        (e: { role?: string }) => e.role === 'grid_leader',
      );
    expect(await history('member')).toEqual([expect.objectContaining({ kind: 'role_granted', note: '第一微格' })]);
    expect(await history('gridLeader')).toEqual([expect.objectContaining({ kind: 'role_revoked', note: '第一微格' })]);
  });
});
