import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { talentPersonId } from '../../../emulator/seed/grids';
import { FIELD_VISIBILITIES, type FieldVisibility } from '../../../src/shared/domain/member';
import type { TalentCard } from '../../../src/shared/domain/talent';
import { startHarness, type DemoIdentity, type Harness } from '../../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.reset());

const who = (key: DemoIdentity) => h.identities[key];
const search = async (caller: string, payload: Record<string, unknown> = {}): Promise<TalentCard[]> =>
  (await h.call('talent', 'search', payload, caller)).items;
const code = async (payload: unknown, caller: string) => {
  const res = await h.invoke('talent', { action: 'search', payload }, caller);
  return res.ok ? 'ok' : res.error.code;
};
const members = () => getDb().collection(COLLECTIONS.members);

/** Makes 李建国 the chair of 便民服务分会 now, by a one-person rotation that started yesterday. */
async function makeMemberChair(): Promise<void> {
  await getDb()
    .collection(COLLECTIONS.councils)
    .doc('cm-baiyu1-service')
    .update({
      rotation: { id: 'rot-1', order: [h.memberIdOf('member')], termDays: 30, startDate: '2020-01-01', version: 0 },
      rotationLog: [],
    });
}

describe('who may search', () => {
  it('the committee and grid leaders of the 居民区; a council chair only while chairing', async () => {
    expect(await code({}, who('committee'))).toBe('ok');
    expect(await code({}, who('gridLeader'))).toBe('ok');
    expect(await code({}, who('member'))).toBe('COMMON.FORBIDDEN');
    await makeMemberChair();
    expect(await code({}, who('member'))).toBe('ok');
    // Once they leave the council they are no longer eligible to chair it.
    await members().doc(h.memberIdOf('member')).update({ councilIds: ['cm-baiyu1-governance'] });
    expect(await code({}, who('member'))).toBe('COMMON.FORBIDDEN');
  });

  it('refuses residents, newcomers, applicants and the 街道 admin', async () => {
    for (const key of ['resident', 'newcomer', 'applicant1', 'streetAdmin'] as const) {
      expect(await code({}, who(key))).toBe('COMMON.FORBIDDEN');
    }
  });

  it('never crosses 居民区: another committee sees only its own members', async () => {
    const cards = await search(who('otherCommittee'));
    const ids = cards.map((c) => c.memberId);
    expect(ids).not.toContain(h.memberIdOf('member'));
    expect(ids).not.toContain(talentPersonId('doctor'));
  });

  it('answers only approved, live members of the echelon', async () => {
    const names = (await search(who('committee'))).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['李建国', '张丽华', '赵桂英', '钱国庆', '孙淑珍', '周文杰']));
    expect(names).not.toContain('王秀兰');
    expect(names).not.toContain('刘美华');
    expect(names).not.toContain('吴阿婆');
    await h.call('members', 'deleteAccount', { confirm: '注销' }, who('member'));
    expect((await search(who('committee'))).map((c) => c.memberId)).not.toContain(h.memberIdOf('member'));
  });
});

/** Names among the demo and talent-pool people this file knows (other seeds may add more people). */
const KNOWN = ['李建国', '张丽华', '赵桂英', '钱国庆', '孙淑珍', '周文杰', '王秀兰', '刘美华', '吴阿婆'];
const known = (cards: TalentCard[]) => cards.map((c) => c.name).filter((n) => KNOWN.includes(n)).sort();

describe('filters', () => {
  it('by skill (any of those chosen), interest, availability, building and council, combined', async () => {
    expect(known(await search(who('committee'), { skills: ['医生', '水电维修'] }))).toEqual(['李建国', '赵桂英'].sort());
    expect(known(await search(who('committee'), { interests: ['太极'] }))).toEqual(['赵桂英']);
    expect(known(await search(who('committee'), { availability: ['工作日晚上'] }))).toEqual(['周文杰']);
    expect(known(await search(who('committee'), { building: '5栋' }))).toEqual(['李建国', '钱国庆'].sort());
    expect(known(await search(who('committee'), { councilId: 'cm-baiyu1-service' }))).toEqual(['张丽华', '李建国'].sort());
    expect(known(await search(who('committee'), { councilId: 'cm-baiyu1-service', skills: ['护士'] }))).toEqual(['张丽华']);
    expect(known(await search(who('committee'), { skills: ['医生'], building: '5号楼' }))).toEqual([]);
  });

  it('pages 20 at a time', async () => {
    const base = (await members().doc(talentPersonId('doctor')).get()).data[0];
    await members().add(Array.from({ length: 30 }, (_v, i) => ({ ...base, _id: `bulk-${i}`, name: `医生${i}`, room: String(500 + i) })));
    const first = await h.call('talent', 'search', { skills: ['医生'] }, who('gridLeader'));
    const second = await h.call('talent', 'search', { skills: ['医生'], page: 2 }, who('gridLeader'));
    expect(first.items).toHaveLength(20);
    expect(first.hasMore).toBe(true);
    expect(second.items).toHaveLength(11);
    expect(second.hasMore).toBe(false);
  });

  it('refuses bad input', async () => {
    expect(await code({ skills: 'doctor' }, who('committee'))).toBe('COMMON.INVALID_INPUT');
    expect(await code({ skills: ['a'.repeat(13)] }, who('committee'))).toBe('COMMON.INVALID_INPUT');
    expect(await code({ availability: ['半夜'] }, who('committee'))).toBe('COMMON.INVALID_INPUT');
    expect(await code({ page: 0 }, who('committee'))).toBe('COMMON.INVALID_INPUT');
    expect(await code({ skills: Array.from({ length: 11 }, (_v, i) => `技能${i}`) }, who('committee'))).toBe('COMMON.INVALID_INPUT');
  });
});

describe('visibility: each field x each setting x each viewer', () => {
  const FIELDS = ['skills', 'interests', 'availability'] as const;
  const value = { skills: '医生', interests: '太极', availability: '工作日白天' } as const;
  const viewers = ['committee', 'gridLeader', 'chair'] as const;
  const sees = (setting: FieldVisibility, viewer: (typeof viewers)[number]) =>
    setting === 'leaders' || (setting === 'committee' && viewer === 'committee');

  const cases = FIELDS.flatMap((field) => FIELD_VISIBILITIES.flatMap((setting) => viewers.map((viewer) => [field, setting, viewer] as const)));

  it.each(cases)('%s set to %s, seen by %s', async (field, setting, viewer) => {
    await makeMemberChair();
    const caller = viewer === 'chair' ? who('member') : who(viewer);
    const doctor = talentPersonId('doctor');
    await members().doc(doctor).update({ [`visibility.${field}`]: setting });
    const card = (await search(caller, { building: '2号楼' })).find((c) => c.memberId === doctor)!;
    expect(card.name).toBe('赵桂英');
    if (sees(setting, viewer)) expect(card[field]).toContain(value[field]);
    else expect(card).not.toHaveProperty(field);
    // Searching by the field matches only when the viewer may see it.
    const found = (await search(caller, { [field]: [value[field]] })).some((c) => c.memberId === doctor);
    expect(found).toBe(sees(setting, viewer));
  });

  it.each(FIELD_VISIBILITIES.flatMap((setting) => viewers.map((viewer) => [setting, viewer] as const)))(
    'phone set to %s, seen by %s',
    async (setting, viewer) => {
      await makeMemberChair();
      const caller = viewer === 'chair' ? who('member') : who(viewer);
      const doctor = talentPersonId('doctor');
      await members().doc(doctor).update({ 'visibility.phone': setting });
      const card = (await search(caller, { building: '2号楼' })).find((c) => c.memberId === doctor)!;
      if (!sees(setting, viewer)) expect(card).not.toHaveProperty('phone');
      else expect(card.phone).toBe(viewer === 'committee' ? '13900003001' : '139****3001');
    },
  );

  it('never carries colours, rooms or anything beyond the card', async () => {
    const cards = await search(who('committee'));
    for (const card of cards) {
      expect(Object.keys(card).every((k) => ['memberId', 'name', 'building', 'councilIds', 'skills', 'interests', 'availability', 'phone'].includes(k))).toBe(true);
    }
    expect(JSON.stringify(cards)).not.toMatch(/colour|red|green|blue|yellow/);
  });
});

describe('options', () => {
  it('offers the 居民区’s councils and grid buildings, and says who is looking', async () => {
    const res = await h.call('talent', 'options', {}, who('gridLeader'));
    expect(res.viewer).toBe('leader');
    expect(res.councils.map((c: { name: string }) => c.name)).toContain('便民服务分会');
    expect(res.buildings).toEqual(expect.arrayContaining(['1号楼', '10号楼']));
    expect((await h.call('talent', 'options', {}, who('committee'))).viewer).toBe('committee');
    const res2 = await h.invoke('talent', { action: 'options', payload: {} }, who('resident'));
    expect(res2).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    await makeMemberChair();
    expect((await h.call('talent', 'options', {}, who('member'))).viewer).toBe('leader');
  });
});
