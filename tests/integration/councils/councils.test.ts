import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { CONTENT_CHECK_TEST_PHRASE } from '../../../emulator/platform/wechat.local';
import { DEMO_COUNCIL_MEMBERS, DEMO_SERVICE_COUNCIL, DEMO_STARTED_DAYS_AGO, DEMO_TERM_DAYS } from '../../../emulator/seed/councils';
import type { CouncilDetail, CouncilSummary } from '../../../src/shared/domain/council';
import { DAY_MS } from '../../../src/shared/rules/rotation';
import { startHarness, type DemoIdentity, type Harness } from '../../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.reset());

const SERVICE = DEMO_SERVICE_COUNCIL;
const GOVERNANCE = 'cm-baiyu1-governance';
const FAMILY = 'cm-baiyu1-family';
const MAIN = 'cm-baiyu1-main';
const [WU, ZHENG, QIAN] = DEMO_COUNCIL_MEMBERS.map((p) => p._id) as [string, string, string];

type Who = DemoIdentity | string;
const openidOf = (who: Who) => (who in h.identities ? h.identities[who as DemoIdentity] : who);
const invoke = (action: string, payload: unknown, who: Who) => h.invoke('councils', { action, payload }, openidOf(who));
const call = <T = any>(action: string, payload: unknown, who: Who) => h.call<T>('councils', action, payload, openidOf(who));
const refused = async (action: string, payload: unknown, who: Who, code: string) => {
  const res = await invoke(action, payload, who);
  expect(res).toMatchObject({ ok: false, error: { code } });
  return res;
};

const listOf = async (who: Who, payload: object = {}): Promise<CouncilSummary[]> => (await call('list', payload, who)).items;
const detailOf = async (id: string, who: Who = 'committee'): Promise<{ council: CouncilDetail; can: Record<string, boolean> }> =>
  call('detail', { councilId: id }, who);
const councilIdsOf = async (memberId: string): Promise<string[]> =>
  (await getDb().collection(COLLECTIONS.members).doc(memberId).get()).data[0].councilIds;
const rotationIdOf = async (id = SERVICE) => (await detailOf(id)).council.rotation!.id;
const id = (key: DemoIdentity) => h.memberIdOf(key);
/** Moves the clock so many days past seeding (the demo rotation started DEMO_STARTED_DAYS_AGO days before). */
const daysLater = (days: number) => {
  h.stack.clock.offsetMs = days * DAY_MS;
};
/** Today in Shanghai, by the harness clock. */
const today = () => new Date(h.stack.clock.nowMs() + 8 * 3600_000).toISOString().slice(0, 10);
let requests = 0;
const requestId = () => `req-${Date.now().toString(36)}-${(requests += 1)}`;

describe('list', () => {
  it('shows a resident the active councils of their 居民区 in order, with who chairs now and next', async () => {
    const items = await listOf('resident');
    expect(items.map((c) => c.name)).toEqual(['自治家园理事会', '亲子文娱分会', '便民服务分会', '综合治理分会', '青年议事分会', '环境监督分会']);
    const service = items.find((c) => c.id === SERVICE)!;
    expect(service).toMatchObject({
      kind: 'branch',
      active: true,
      memberCount: 5,
      joined: false,
      hasRotation: true,
      current: { memberId: id('gridLeader'), name: '张丽华' },
      next: { memberId: id('member'), name: '李建国' },
    });
    expect(items.find((c) => c.id === GOVERNANCE)).toMatchObject({ memberCount: 1, current: null, next: null, hasRotation: false });
  });

  it('marks the councils the caller joined', async () => {
    const items = await listOf('member');
    expect(items.filter((c) => c.joined).map((c) => c.id)).toEqual([SERVICE, GOVERNANCE]);
  });

  it('keeps each 居民区 to itself', async () => {
    const items = await listOf('otherCommittee');
    expect(items).toHaveLength(6);
    expect(items.every((c) => c.id.startsWith('cm-changfeng1-'))).toBe(true);
  });

  it('answers the server clock, which the pages reason with', async () => {
    daysLater(3);
    const res = await call('list', {}, 'resident');
    expect(Math.abs(new Date(res.now).getTime() - (Date.now() + 3 * DAY_MS))).toBeLessThan(60_000);
  });

  it.each<[DemoIdentity]>([['newcomer'], ['streetAdmin']])('refuses %s, who has no 居民区 to look into', async (who) => {
    await refused('list', {}, who, 'COMMON.FORBIDDEN');
  });

  it('includes retired councils for the committee only', async () => {
    await call('retire', { councilId: FAMILY }, 'committee');
    expect((await listOf('resident')).map((c) => c.id)).not.toContain(FAMILY);
    const all = await listOf('committee', { includeRetired: true });
    expect(all.find((c) => c.id === FAMILY)).toMatchObject({ active: false });
    await refused('list', { includeRetired: true }, 'resident', 'COMMON.FORBIDDEN');
    await refused('list', { includeRetired: true }, 'gridLeader', 'COMMON.FORBIDDEN');
  });

  it('pages 20 at a time', async () => {
    for (let i = 0; i < 16; i += 1) await call('create', { name: `测试分会${i}`, requestId: requestId() }, 'committee');
    const first = await call('list', { page: 1 }, 'resident');
    expect(first.items).toHaveLength(20);
    expect(first.hasMore).toBe(true);
    const second = await call('list', { page: 2 }, 'resident');
    expect(second.items).toHaveLength(2);
    expect(second.hasMore).toBe(false);
  });
});

describe('detail', () => {
  it('shows positions, the rotation plan, its history and the people named, to any resident', async () => {
    const { council, can } = await detailOf(SERVICE, 'resident');
    expect(council.positions).toEqual([
      { title: '会长', memberId: id('member'), name: '李建国', inCouncil: true },
      { title: '副会长', memberId: id('gridLeader'), name: '张丽华', inCouncil: true },
      { title: '秘书长', memberId: ZHENG, name: '郑桂英', inCouncil: true },
    ]);
    expect(council.rotation!.plan).toMatchObject({ order: [id('gridLeader'), id('member'), WU, ZHENG, QIAN], termDays: DEMO_TERM_DAYS, changes: [] });
    expect(council.rotationLog).toEqual([expect.objectContaining({ kind: 'set', byName: '周敏' })]);
    expect(council.people[WU]).toEqual({ name: '吴建华', eligible: true });
    expect(council.memberCount).toBe(5);
    expect(can).toEqual({ viewMembers: false, manage: false, changeRotation: false, join: false });
  });

  it('tells the current chair, the committee and a member what each may do', async () => {
    expect((await detailOf(SERVICE, 'gridLeader')).can).toEqual({ viewMembers: true, manage: false, changeRotation: true, join: true });
    expect((await detailOf(SERVICE, 'member')).can).toEqual({ viewMembers: false, manage: false, changeRotation: false, join: true });
    expect((await detailOf(SERVICE, 'committee')).can).toEqual({ viewMembers: true, manage: true, changeRotation: true, join: false });
    // The chair of 便民服务 is nobody special in 综合治理.
    expect((await detailOf(GOVERNANCE, 'gridLeader')).can).toMatchObject({ viewMembers: false, changeRotation: false });
  });

  it('answers another 居民区’s council exactly like a missing one', async () => {
    const other = await refused('detail', { councilId: SERVICE }, 'otherCommittee', 'COMMON.NOT_FOUND');
    const missing = await refused('detail', { councilId: 'cm-changfeng1-nothing' }, 'otherCommittee', 'COMMON.NOT_FOUND');
    expect(other).toEqual(missing);
  });

  it('refuses callers without a 居民区, and bad input', async () => {
    await refused('detail', { councilId: SERVICE }, 'newcomer', 'COMMON.FORBIDDEN');
    await refused('detail', { councilId: '' }, 'resident', 'COMMON.INVALID_INPUT');
    await refused('detail', {}, 'resident', 'COMMON.INVALID_INPUT');
  });
});

describe('members', () => {
  it('lists a council’s members by name for the committee, with their positions', async () => {
    const { items, hasMore } = await call('members', { councilId: SERVICE }, 'committee');
    expect(items.map((m: { name: string }) => m.name).sort()).toEqual(['吴建华', '张丽华', '李建国', '郑桂英', '钱国强'].sort());
    expect(items.find((m: { memberId: string }) => m.memberId === ZHENG)).toEqual({ memberId: ZHENG, name: '郑桂英', building: '6号楼', titles: ['秘书长'] });
    expect(hasMore).toBe(false);
  });

  it('lets the current chair of that council see them, and nobody else in the 居民区', async () => {
    expect((await call('members', { councilId: SERVICE }, 'gridLeader')).items).toHaveLength(5);
    await refused('members', { councilId: SERVICE }, 'member', 'COMMON.FORBIDDEN');
    await refused('members', { councilId: SERVICE }, 'resident', 'COMMON.FORBIDDEN');
    // A chair of another council.
    await refused('members', { councilId: GOVERNANCE }, 'gridLeader', 'COMMON.FORBIDDEN');
    await refused('members', { councilId: SERVICE }, 'otherCommittee', 'COMMON.NOT_FOUND');
    await refused('members', { councilId: SERVICE }, 'streetAdmin', 'COMMON.NOT_FOUND');
  });

  it('follows the chair when the clock passes a term', async () => {
    daysLater(DEMO_TERM_DAYS - DEMO_STARTED_DAYS_AGO);
    await refused('members', { councilId: SERVICE }, 'gridLeader', 'COMMON.FORBIDDEN');
    expect((await call('members', { councilId: SERVICE }, 'member')).items).toHaveLength(5);
  });

  it('pages 20 at a time and leaves out deleted accounts', async () => {
    const db = getDb();
    for (let i = 0; i < 17; i += 1) {
      await db.collection(COLLECTIONS.members).add({
        _id: `extra-${i}`,
        communityId: 'cm-baiyu1',
        name: `成员${String(i).padStart(2, '0')}`,
        building: '1号楼',
        councilIds: [SERVICE],
        application: { status: 'approved' },
      });
    }
    await db.collection(COLLECTIONS.members).doc(QIAN).update({ deletedAt: new Date() });
    const first = await call('members', { councilId: SERVICE, page: 1 }, 'committee');
    const second = await call('members', { councilId: SERVICE, page: 2 }, 'committee');
    expect(first.items).toHaveLength(20);
    expect(first.hasMore).toBe(true);
    expect(second.items).toHaveLength(1);
    const ids = [...first.items, ...second.items].map((m: { memberId: string }) => m.memberId);
    expect(new Set(ids).size).toBe(21);
    expect(ids).not.toContain(QIAN);
  });
});

describe('join and leave', () => {
  it('a member joins a council once, however often they ask', async () => {
    const res = await call('join', { councilId: FAMILY }, 'member');
    expect(res.councilIds).toEqual([SERVICE, GOVERNANCE, FAMILY]);
    await call('join', { councilId: FAMILY }, 'member');
    expect(await councilIdsOf(id('member'))).toEqual([SERVICE, GOVERNANCE, FAMILY]);
    expect((await listOf('member')).find((c) => c.id === FAMILY)).toMatchObject({ joined: true, memberCount: 1 });
  });

  it('ten racing joins leave the council on the record once', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => invoke('join', { councilId: FAMILY }, 'member')));
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await councilIdsOf(id('member'))).filter((c) => c === FAMILY)).toHaveLength(1);
  });

  it('joins two councils side by side without losing either', async () => {
    await Promise.all([call('join', { councilId: FAMILY }, 'gridLeader'), call('join', { councilId: 'cm-baiyu1-youth' }, 'gridLeader')]);
    expect((await councilIdsOf(id('gridLeader'))).sort()).toEqual([FAMILY, SERVICE, 'cm-baiyu1-youth'].sort());
  });

  it.each<[DemoIdentity]>([['resident'], ['applicant1'], ['committee'], ['newcomer'], ['streetAdmin']])(
    'refuses %s, who is not an echelon member, with a hint to apply first',
    async (who) => {
      const res = await refused('join', { councilId: FAMILY }, who, 'COUNCILS.MEMBERS_ONLY');
      expect(res).toMatchObject({ error: { message: '加入分会前，请先申请加入第二梯队，通过后就能加入' } });
    },
  );

  it('refuses a retired council, another 居民区’s council, and bad input; changes nothing', async () => {
    await call('retire', { councilId: FAMILY }, 'committee');
    await refused('join', { councilId: FAMILY }, 'member', 'COUNCILS.RETIRED');
    await refused('join', { councilId: 'cm-changfeng1-family' }, 'member', 'COMMON.NOT_FOUND');
    await refused('join', { councilId: 42 }, 'member', 'COMMON.INVALID_INPUT');
    expect(await councilIdsOf(id('member'))).toEqual([SERVICE, GOVERNANCE]);
  });

  it('a member leaves, twice harmlessly, a retired council too', async () => {
    expect((await call('leave', { councilId: GOVERNANCE }, 'member')).councilIds).toEqual([SERVICE]);
    await call('leave', { councilId: GOVERNANCE }, 'member');
    await call('retire', { councilId: SERVICE }, 'committee');
    await call('leave', { councilId: SERVICE }, 'member');
    expect(await councilIdsOf(id('member'))).toEqual([]);
    await refused('leave', { councilId: SERVICE }, 'resident', 'COUNCILS.MEMBERS_ONLY');
  });

  it('the chair who leaves is passed over: the next in the order chairs, and they lose the member list', async () => {
    await call('leave', { councilId: SERVICE }, 'gridLeader');
    const service = (await listOf('resident')).find((c) => c.id === SERVICE)!;
    expect(service.current).toMatchObject({ name: '李建国' });
    expect(service.memberCount).toBe(4);
    const { council } = await detailOf(SERVICE);
    expect(council.people[id('gridLeader')]).toEqual({ name: '张丽华', eligible: false });
    expect(council.positions.find((p) => p.title === '副会长')).toMatchObject({ inCouncil: false });
    await refused('members', { councilId: SERVICE }, 'gridLeader', 'COMMON.FORBIDDEN');
    expect((await call('members', { councilId: SERVICE }, 'member')).items).toHaveLength(4);
  });

  it('a deleted account in the order is passed over too', async () => {
    await getDb().collection(COLLECTIONS.members).doc(id('member')).update({ deletedAt: new Date(), name: '' });
    daysLater(DEMO_TERM_DAYS - DEMO_STARTED_DAYS_AGO);
    const service = (await listOf('resident')).find((c) => c.id === SERVICE)!;
    expect(service.current).toMatchObject({ memberId: WU, name: '吴建华' });
  });
});

describe('create, rename, retire, restore', () => {
  it('the committee adds a 分会 at the end; a retried submission adds it once', async () => {
    const req = requestId();
    const made = await call('create', { name: ' 老年关爱分会 ', requestId: req }, 'committee');
    expect(made.council).toMatchObject({ name: '老年关爱分会', active: true });
    expect((await call('create', { name: '老年关爱分会', requestId: req }, 'committee')).council.id).toBe(made.council.id);
    const items = await listOf('resident');
    expect(items.map((c) => c.name).at(-1)).toBe('老年关爱分会');
    expect(items).toHaveLength(7);
  });

  it('ten racing retries of one submission add one council', async () => {
    const req = requestId();
    await Promise.all(Array.from({ length: 10 }, () => invoke('create', { name: '老年关爱分会', requestId: req }, 'committee')));
    expect(await listOf('resident')).toHaveLength(7);
  });

  it('refuses a name already used, text that fails the check, and bad input', async () => {
    await refused('create', { name: '便民服务分会', requestId: requestId() }, 'committee', 'COUNCILS.NAME_TAKEN');
    await refused('create', { name: `${CONTENT_CHECK_TEST_PHRASE}分会`, requestId: requestId() }, 'committee', 'COMMON.CONTENT_REJECTED');
    const bad = await refused('create', { name: '名'.repeat(13), requestId: 'x' }, 'committee', 'COMMON.INVALID_INPUT');
    expect(bad).toMatchObject({ error: { fields: { name: '名称最多12个字', requestId: '请求编号不对' } } });
    expect(await listOf('resident')).toHaveLength(6);
  });

  it.each<[DemoIdentity]>([['resident'], ['member'], ['gridLeader'], ['streetAdmin'], ['newcomer']])('refuses %s', async (who) => {
    await refused('create', { name: '老年关爱分会', requestId: requestId() }, who, 'COMMON.FORBIDDEN');
  });

  it('caps a 居民区 at 30 councils', async () => {
    for (let i = 0; i < 24; i += 1) await call('create', { name: `分会${i}`, requestId: requestId() }, 'committee');
    await refused('create', { name: '再来一个', requestId: requestId() }, 'committee', 'COUNCILS.TOO_MANY');
  });

  it('renames; refuses a taken name, another 居民区’s council, and a chair', async () => {
    expect((await call('rename', { councilId: FAMILY, name: '亲子分会' }, 'committee')).council.name).toBe('亲子分会');
    expect((await call('rename', { councilId: FAMILY, name: '亲子分会' }, 'committee')).council.name).toBe('亲子分会');
    await refused('rename', { councilId: FAMILY, name: '便民服务分会' }, 'committee', 'COUNCILS.NAME_TAKEN');
    await refused('rename', { councilId: FAMILY, name: '别人的' }, 'otherCommittee', 'COMMON.NOT_FOUND');
    await refused('rename', { councilId: SERVICE, name: '新名字' }, 'gridLeader', 'COMMON.FORBIDDEN');
    expect((await detailOf(FAMILY)).council.name).toBe('亲子分会');
  });

  it('retires a 分会: it keeps its members and history, and can be restored; the 总会 stays', async () => {
    expect((await call('retire', { councilId: SERVICE }, 'committee')).council.active).toBe(false);
    await call('retire', { councilId: SERVICE }, 'committee');
    const { council, can } = await detailOf(SERVICE, 'gridLeader');
    expect(council).toMatchObject({ active: false, memberCount: 5 });
    expect(council.rotationLog).toHaveLength(1);
    // A retired council has no chair: nobody chairs it now.
    expect(can).toMatchObject({ viewMembers: false, changeRotation: false, join: false });
    await refused('retire', { councilId: MAIN }, 'committee', 'COUNCILS.MAIN_CANNOT_RETIRE');
    await refused('retire', { councilId: FAMILY }, 'gridLeader', 'COMMON.FORBIDDEN');
    await refused('retire', { councilId: FAMILY }, 'otherCommittee', 'COMMON.NOT_FOUND');
    await call('restore', { councilId: SERVICE }, 'committee');
    expect((await listOf('resident')).find((c) => c.id === SERVICE)).toMatchObject({ active: true, current: { name: '张丽华' } });
    await refused('restore', { councilId: SERVICE }, 'resident', 'COMMON.FORBIDDEN');
  });
});

describe('setPositions', () => {
  it('the committee sets positions held by council members', async () => {
    const positions = [
      { title: '会长', memberId: WU },
      { title: '副会长', memberId: id('member') },
    ];
    const res = await call('setPositions', { councilId: SERVICE, positions }, 'committee');
    expect(res.positions).toEqual([
      { title: '会长', memberId: WU, name: '吴建华', inCouncil: true },
      { title: '副会长', memberId: id('member'), name: '李建国', inCouncil: true },
    ]);
    expect((await detailOf(SERVICE, 'resident')).council.positions).toHaveLength(2);
    await call('setPositions', { councilId: SERVICE, positions: [] }, 'committee');
    expect((await detailOf(SERVICE)).council.positions).toEqual([]);
  });

  it('refuses a holder outside the council, naming the row, and changes nothing', async () => {
    const res = await refused(
      'setPositions',
      { councilId: SERVICE, positions: [{ title: '会长', memberId: WU }, { title: '副会长', memberId: id('resident') }] },
      'committee',
      'COUNCILS.NOT_COUNCIL_MEMBER',
    );
    expect(res).toMatchObject({ error: { fields: { 'positions.1.memberId': '这位还不是本分会的成员' } } });
    expect((await detailOf(SERVICE)).council.positions).toHaveLength(3);
  });

  it('refuses the chair, other 居民区, a retired council, bad titles', async () => {
    const positions = [{ title: '会长', memberId: WU }];
    await refused('setPositions', { councilId: SERVICE, positions }, 'gridLeader', 'COMMON.FORBIDDEN');
    await refused('setPositions', { councilId: SERVICE, positions }, 'otherCommittee', 'COMMON.NOT_FOUND');
    await refused('setPositions', { councilId: SERVICE, positions: [{ title: ' ', memberId: WU }] }, 'committee', 'COMMON.INVALID_INPUT');
    await refused('setPositions', { councilId: SERVICE, positions: [{ title: CONTENT_CHECK_TEST_PHRASE, memberId: WU }] }, 'committee', 'COMMON.CONTENT_REJECTED');
    await call('retire', { councilId: SERVICE }, 'committee');
    await refused('setPositions', { councilId: SERVICE, positions }, 'committee', 'COUNCILS.RETIRED');
  });
});

describe('the rotating chair and the clock', () => {
  it('hands over when the clock passes a term, at Shanghai midnight', async () => {
    const chairNow = async () => (await listOf('resident')).find((c) => c.id === SERVICE)!;
    expect((await chairNow()).current!.name).toBe('张丽华');
    const { council } = await detailOf(SERVICE);
    const handOver = new Date(`${council.rotation!.plan.startDate}T00:00:00+08:00`).getTime() + DEMO_TERM_DAYS * DAY_MS;
    // Seconds before midnight (room for the call itself on a busy machine), then midnight exactly.
    h.stack.clock.offsetMs = handOver - 5_000 - Date.now();
    expect((await chairNow()).current!.name).toBe('张丽华');
    h.stack.clock.offsetMs = handOver - Date.now();
    expect(await chairNow()).toMatchObject({ current: { name: '李建国' }, next: { name: '吴建华' } });
  });
});

describe('setRotation', () => {
  const order = () => [WU, id('member')];

  it('the committee sets a new order and term; the schedule starts afresh; a retry sets it once', async () => {
    const req = requestId();
    const payload = { councilId: SERVICE, order: order(), termDays: 7, startDate: today(), requestId: req };
    const res = await call('setRotation', payload, 'committee');
    expect(res).toMatchObject({ rotationId: `r-${req}`, current: { name: '吴建华', startsOn: today() }, next: { name: '李建国' } });
    await call('setRotation', payload, 'committee');
    const { council } = await detailOf(SERVICE);
    expect(council.rotationLog.filter((e) => e.kind === 'set')).toHaveLength(2);
    expect(council.rotation!.plan).toMatchObject({ order: order(), termDays: 7, startDate: today() });
    // The old chair is no longer chair: the members list is closed to her.
    await refused('members', { councilId: SERVICE }, 'gridLeader', 'COMMON.FORBIDDEN');
  });

  it('the current chair may set it; a member who is not chair, a chair of another council and another 居民区 may not', async () => {
    const payload = { councilId: SERVICE, order: order(), termDays: 14, startDate: '2030-01-01', requestId: requestId() };
    await refused('setRotation', payload, 'member', 'COMMON.FORBIDDEN');
    await refused('setRotation', payload, 'resident', 'COMMON.FORBIDDEN');
    await refused('setRotation', payload, 'otherCommittee', 'COMMON.NOT_FOUND');
    await refused('setRotation', { ...payload, councilId: GOVERNANCE, order: [id('member')] }, 'gridLeader', 'COMMON.FORBIDDEN');
    const res = await call('setRotation', payload, 'gridLeader');
    // Starting in 2030: nobody chairs now; 吴建华 is first.
    expect(res).toMatchObject({ current: null, next: { name: '吴建华', startsOn: '2030-01-01' } });
  });

  it('refuses people outside the council, naming them', async () => {
    const res = await refused(
      'setRotation',
      { councilId: SERVICE, order: [WU, id('resident')], termDays: 7, startDate: '2030-01-01', requestId: requestId() },
      'committee',
      'COUNCILS.NOT_COUNCIL_MEMBER',
    );
    expect(res).toMatchObject({ error: { fields: { 'order.1': '这位还不是本分会的成员' } } });
    expect((await detailOf(SERVICE)).council.rotationLog).toHaveLength(1);
  });

  it.each([
    ['an empty order', { order: [] }, 'order'],
    ['a repeated person', { order: ['a1', 'a1'] }, 'order'],
    ['zero-day terms', { termDays: 0 }, 'termDays'],
    ['fractional days', { termDays: 1.5 }, 'termDays'],
    ['over a year', { termDays: 367 }, 'termDays'],
    ['an impossible date', { startDate: '2030-02-30' }, 'startDate'],
    ['no date', { startDate: '' }, 'startDate'],
  ])('refuses %s', async (_label, change, field) => {
    const payload = { councilId: SERVICE, order: [WU], termDays: 7, startDate: '2030-01-01', requestId: requestId(), ...change };
    const res = await refused('setRotation', payload, 'committee', 'COMMON.INVALID_INPUT');
    expect(Object.keys((res as { error: { fields: object } }).error.fields)).toContain(field);
  });

  it('refuses a retired council', async () => {
    await call('retire', { councilId: SERVICE }, 'committee');
    await refused('setRotation', { councilId: SERVICE, order: [WU], termDays: 7, startDate: '2030-01-01', requestId: requestId() }, 'committee', 'COUNCILS.RETIRED');
  });
});

describe('skip', () => {
  const skipNow = async (who: Who, extra: object = {}) =>
    invoke('skip', { councilId: SERVICE, rotationId: await rotationIdOf(), term: 0, memberId: id('gridLeader'), reason: '张阿姨这个月住院', ...extra }, who);

  it('the committee skips the current chair with a reason: the next takes over, and the change is recorded', async () => {
    const res = await skipNow('committee');
    expect(res).toMatchObject({ ok: true, data: { current: { name: '李建国' }, next: { name: '吴建华' } } });
    const { council } = await detailOf(SERVICE, 'resident');
    expect(council.rotationLog[0]).toMatchObject({ kind: 'skip', term: 0, memberId: id('gridLeader'), reason: '张阿姨这个月住院', byName: '周敏' });
    expect(council.rotation!.plan.changes).toHaveLength(1);
  });

  it('the same skip sent again, or ten at once, is recorded once', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => skipNow('committee')));
    expect(results.every((r) => r.ok)).toBe(true);
    await skipNow('committee');
    const { council } = await detailOf(SERVICE);
    expect(council.rotationLog.filter((e) => e.kind === 'skip')).toHaveLength(1);
    expect((await listOf('resident')).find((c) => c.id === SERVICE)!.current!.name).toBe('李建国');
  });

  it('the chair may skip their own turn, and is then no longer chair', async () => {
    expect(await skipNow('gridLeader')).toMatchObject({ ok: true });
    await refused('members', { councilId: SERVICE }, 'gridLeader', 'COMMON.FORBIDDEN');
  });

  it('refuses a member who is not chair, a chair of another council and another 居民区', async () => {
    // 李建国 chairs 综合治理 from today: he is a chair, but not of 便民服务.
    await call('setRotation', { councilId: GOVERNANCE, order: [id('member')], termDays: 7, startDate: today(), requestId: requestId() }, 'committee');
    expect((await detailOf(GOVERNANCE, 'member')).can.changeRotation).toBe(true);
    expect(await skipNow('member')).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    await refused('skip', { councilId: SERVICE, rotationId: 'x', term: 0, memberId: 'x', reason: '有事' }, 'resident', 'COMMON.FORBIDDEN');
    await refused('skip', { councilId: SERVICE, rotationId: 'x', term: 0, memberId: 'x', reason: '有事' }, 'otherCommittee', 'COMMON.NOT_FOUND');
    expect((await detailOf(SERVICE)).council.rotationLog).toHaveLength(1);
  });

  it('refuses a skip that no longer matches the schedule, a past term, a reset rotation, a missing reason', async () => {
    await refused('skip', { councilId: SERVICE, rotationId: await rotationIdOf(), term: 0, memberId: WU, reason: '有事' }, 'committee', 'COUNCILS.ROTATION_CHANGED');
    await refused('skip', { councilId: SERVICE, rotationId: 'r-old-one', term: 0, memberId: id('gridLeader'), reason: '有事' }, 'committee', 'COUNCILS.ROTATION_CHANGED');
    const missing = await refused('skip', { councilId: SERVICE, rotationId: 'r', term: 0, memberId: WU, reason: '  ' }, 'committee', 'COMMON.INVALID_INPUT');
    expect(missing).toMatchObject({ error: { fields: { reason: '请填写原因' } } });
    await refused('skip', { councilId: SERVICE, rotationId: 'r', term: -1, memberId: WU, reason: '有事' }, 'committee', 'COMMON.INVALID_INPUT');
    daysLater(DEMO_TERM_DAYS);
    await refused('skip', { councilId: SERVICE, rotationId: await rotationIdOf(), term: 0, memberId: id('gridLeader'), reason: '有事' }, 'committee', 'COUNCILS.TERM_PASSED');
    expect((await detailOf(SERVICE)).council.rotationLog).toHaveLength(1);
  });

  it('refuses when nobody else can take over, or there is no rotation', async () => {
    await call('setRotation', { councilId: GOVERNANCE, order: [id('member')], termDays: 7, startDate: today(), requestId: requestId() }, 'committee');
    const rotationId = await rotationIdOf(GOVERNANCE);
    await refused('skip', { councilId: GOVERNANCE, rotationId, term: 0, memberId: id('member'), reason: '有事' }, 'committee', 'COUNCILS.NOBODY_ELSE');
    await refused('skip', { councilId: FAMILY, rotationId: 'r', term: 0, memberId: WU, reason: '有事' }, 'committee', 'COUNCILS.NO_ROTATION');
  });

  it('refuses a reason that fails the content check', async () => {
    expect(await skipNow('committee', { reason: CONTENT_CHECK_TEST_PHRASE })).toMatchObject({ ok: false, error: { code: 'COMMON.CONTENT_REJECTED' } });
  });

  it('can skip a future term: only that hand-over changes', async () => {
    const res = await call('skip', { councilId: SERVICE, rotationId: await rotationIdOf(), term: 1, memberId: id('member'), reason: '李师傅下月出差' }, 'committee');
    expect(res).toMatchObject({ current: { name: '张丽华' }, next: { name: '吴建华' } });
  });
});

describe('swap', () => {
  const swapNow = async (who: Who, extra: object = {}) =>
    invoke(
      'swap',
      { councilId: SERVICE, rotationId: await rotationIdOf(), term: 0, memberId: id('gridLeader'), otherMemberId: id('member'), reason: '张阿姨本月外出', ...extra },
      who,
    );

  it('exchanges this hand-over: the next chairs now and the current chairs after', async () => {
    expect(await swapNow('committee')).toMatchObject({ ok: true, data: { current: { name: '李建国' }, next: { name: '张丽华' } } });
    expect(await swapNow('committee')).toMatchObject({ ok: true });
    const { council } = await detailOf(SERVICE);
    expect(council.rotationLog.filter((e) => e.kind === 'swap')).toEqual([
      expect.objectContaining({ term: 0, memberId: id('gridLeader'), otherMemberId: id('member'), reason: '张阿姨本月外出' }),
    ]);
  });

  it('refuses the same person twice, a stale pair, and a member who is not chair', async () => {
    await refused('swap', { councilId: SERVICE, rotationId: 'r', term: 0, memberId: WU, otherMemberId: WU, reason: '有事' }, 'committee', 'COUNCILS.SWAP_SAME');
    expect(await swapNow('committee', { otherMemberId: WU })).toMatchObject({ ok: false, error: { code: 'COUNCILS.ROTATION_CHANGED' } });
    expect(await swapNow('member')).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    expect(await swapNow('gridLeader')).toMatchObject({ ok: true });
  });

  it('of a skip and a swap decided against the same schedule at once, one lands and the other is told to refresh', async () => {
    const rotationId = await rotationIdOf();
    const [a, b] = await Promise.all([
      invoke('skip', { councilId: SERVICE, rotationId, term: 0, memberId: id('gridLeader'), reason: '住院' }, 'committee'),
      invoke('swap', { councilId: SERVICE, rotationId, term: 0, memberId: id('gridLeader'), otherMemberId: id('member'), reason: '外出' }, 'gridLeader'),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const loser = a.ok ? b : a;
    expect(loser).toMatchObject({ ok: false, error: { code: 'COUNCILS.ROTATION_CHANGED' } });
    expect((await detailOf(SERVICE)).council.rotationLog).toHaveLength(2);
  });
});
