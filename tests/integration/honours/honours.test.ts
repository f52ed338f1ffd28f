import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { postEntry } from '../../../cloudfunctions/_core/ledger';
import { DEMO_HONOUR } from '../../../emulator/seed/honours';
import { monthOf } from '../../../src/shared/domain/honours';
import { startHarness, type DemoIdentity, type Harness } from '../../support/harness';
import { addMember, serve } from './support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 30_000);
afterAll(() => h.stop());
beforeEach(() => h.reset());

const DAY = 86_400_000;
const now = () => new Date(h.stack.clock.nowMs());
const as = (who: DemoIdentity | string) => (who in (h?.identities ?? {}) ? h.identities[who as DemoIdentity] : who);
const invoke = (action: string, payload: unknown, who: DemoIdentity | string) => h.invoke('honours', { action, payload }, as(who));
const call = <T = any>(action: string, payload: unknown, who: DemoIdentity | string) => h.call<T>('honours', action, payload, as(who));
const codeOf = (res: Awaited<ReturnType<typeof invoke>>) => (res.ok ? 'ok' : res.error.code);

let requests = 0;
const requestId = () => `req-${(requests += 1)}-abcdefgh`;
const award = (memberId: string, who: DemoIdentity | string = 'committee', extra: Record<string, unknown> = {}) =>
  invoke('award', { memberId, title: '热心邻里', citation: '常年帮独居老人买菜配药，风雨无阻。', requestId: requestId(), ...extra }, who);

describe('who may call what', () => {
  const cases: [string, unknown, Partial<Record<DemoIdentity, string>>][] = [
    ['mine', {}, { member: 'ok', gridLeader: 'ok', resident: 'COMMON.FORBIDDEN', committee: 'COMMON.FORBIDDEN', newcomer: 'COMMON.FORBIDDEN', streetAdmin: 'COMMON.FORBIDDEN' }],
    ['setDisplay', { showOnWall: true }, { member: 'ok', resident: 'COMMON.FORBIDDEN', newcomer: 'COMMON.FORBIDDEN', streetAdmin: 'COMMON.FORBIDDEN' }],
    ['wall', {}, { resident: 'ok', member: 'ok', committee: 'ok', otherCommittee: 'ok', newcomer: 'COMMON.FORBIDDEN', streetAdmin: 'COMMON.FORBIDDEN' }],
    ['milestones', {}, { resident: 'ok', member: 'ok', newcomer: 'COMMON.FORBIDDEN', streetAdmin: 'COMMON.FORBIDDEN' }],
    ['leaderboard', {}, { member: 'ok', gridLeader: 'ok', resident: 'COMMON.FORBIDDEN', committee: 'COMMON.FORBIDDEN', newcomer: 'COMMON.FORBIDDEN' }],
    ['certificates', {}, { member: 'ok', resident: 'COMMON.FORBIDDEN', committee: 'COMMON.FORBIDDEN', streetAdmin: 'COMMON.FORBIDDEN' }],
    ['levels', {}, { resident: 'ok', member: 'ok', streetAdmin: 'ok', otherCommittee: 'ok', newcomer: 'COMMON.FORBIDDEN' }],
    ['setLevels', { levelHours: [50, 150, 300, 600, 1000] }, { streetAdmin: 'ok', committee: 'COMMON.FORBIDDEN', member: 'COMMON.FORBIDDEN', resident: 'COMMON.FORBIDDEN' }],
    ['awarded', {}, { committee: 'ok', otherCommittee: 'ok', member: 'COMMON.FORBIDDEN', gridLeader: 'COMMON.FORBIDDEN', streetAdmin: 'COMMON.FORBIDDEN' }],
    ['candidates', {}, { committee: 'ok', member: 'COMMON.FORBIDDEN', resident: 'COMMON.FORBIDDEN', streetAdmin: 'COMMON.FORBIDDEN' }],
    ['verifyCertificate', { code: 'ABCD-EFGH-JKLM' }, { newcomer: 'ok', resident: 'ok', streetAdmin: 'ok', member: 'ok' }],
  ];
  it.each(cases)('%s', async (action, payload, expected) => {
    for (const [who, code] of Object.entries(expected)) {
      expect([who, codeOf(await invoke(action, payload, who as DemoIdentity))]).toEqual([who, code]);
    }
  });

  it('award: only the committee of the member’s own 居民区; another 居民区’s member looks missing', async () => {
    const member = h.memberIdOf('member');
    expect(codeOf(await award(member, 'member'))).toBe('COMMON.FORBIDDEN');
    expect(codeOf(await award(member, 'gridLeader'))).toBe('COMMON.FORBIDDEN');
    expect(codeOf(await award(member, 'streetAdmin'))).toBe('COMMON.FORBIDDEN');
    expect(codeOf(await award(member, 'otherCommittee'))).toBe('COMMON.NOT_FOUND');
    expect(codeOf(await award('no-such-member'))).toBe('COMMON.NOT_FOUND');
    expect(codeOf(await award(h.memberIdOf('resident')))).toBe('HONOURS.NOT_MEMBER');
    expect(codeOf(await award(member))).toBe('ok');
  });

  it('rejects bad input with field messages and changes nothing', async () => {
    const member = h.memberIdOf('member');
    const res = await invoke('award', { memberId: member, title: '', citation: 'x'.repeat(201), photoUrl: 'http://x', requestId: 'short' }, 'committee');
    expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } });
    const fields = res.ok ? {} : res.error.fields!;
    expect(Object.keys(fields).sort()).toEqual(['citation', 'photoUrl', 'requestId', 'title']);
    expect(fields.title).toBe('请填写荣誉名称');
    expect((await call('awarded', {}, 'committee')).items.map((i: { id: string }) => i.id)).toEqual([DEMO_HONOUR._id]);
    const bad = await invoke('setLevels', { levelHours: [100, 100, 600, 1000, 1500] }, 'streetAdmin');
    expect(bad).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } });
    expect(await call('levels', {}, 'streetAdmin')).toMatchObject({ isDefault: true });
    expect(codeOf(await invoke('requestCertificate', { from: '2025-13', to: '2025-01' }, 'member'))).toBe('COMMON.INVALID_INPUT');
    const backwards = await invoke('requestCertificate', { from: '2025-06', to: '2025-01' }, 'member');
    expect(backwards).toMatchObject({ ok: false, error: { fields: { to: '结束月份不能早于开始月份' } } });
  });

  it('refuses a citation the content check rejects', async () => {
    const res = await award(h.memberIdOf('member'), 'committee', { citation: '违规测试词' });
    expect(codeOf(res)).toBe('COMMON.CONTENT_REJECTED');
    expect((await call('awarded', {}, 'committee')).items.map((i: { id: string }) => i.id)).toEqual([DEMO_HONOUR._id]);
  });
});

describe('levels and badges', () => {
  it('a member’s level follows their confirmed hours and their 街道’s thresholds', async () => {
    const m = await addMember(h, 'honours-fresh', '钱芳');
    const empty = await call('mine', {}, m.openid);
    expect(empty).toMatchObject({ halfHours: 0, level: { stars: 0, title: null, next: { stars: 1, halfHoursToGo: 200 } }, levelHours: [100, 300, 600, 1000, 1500] });
    expect(empty.badges.filter((b: { earned: boolean }) => b.earned)).toHaveLength(0);
    expect(empty.settings).toEqual({ showOnWall: true, onLeaderboard: false });

    await serve(m.memberId, 240, now()); // 120 h
    expect(await call('mine', {}, m.openid)).toMatchObject({ halfHours: 240, level: { stars: 1, title: '一星志愿者', next: { stars: 2, halfHoursToGo: 360 } } });

    await call('setLevels', { levelHours: [20, 60, 100, 200, 400] }, 'streetAdmin');
    expect(await call('mine', {}, m.openid)).toMatchObject({ level: { stars: 3, title: '三星志愿者' }, levelHours: [20, 60, 100, 200, 400] });
    expect(await call('levels', {}, 'member')).toEqual({ levelHours: [20, 60, 100, 200, 400], isDefault: false, canSet: false });
    expect(await call('levels', {}, 'streetAdmin')).toMatchObject({ canSet: true });
  });

  it('badges come from the ledger: services, hours, a year; a correction takes a service back', async () => {
    const m = await addMember(h, 'honours-badges', '孙丽');
    const start = now();
    for (let i = 0; i < 10; i += 1) await serve(m.memberId, 2, new Date(start.getTime() + i * DAY));
    const earned = async () => (await call('mine', {}, m.openid)).badges.filter((b: { earned: boolean }) => b.earned).map((b: { id: string }) => b.id);
    expect(await earned()).toEqual(['first_service', 'services_10']);

    await postEntry({ key: `fix:${m.memberId}`, communityId: 'cm-baiyu1', memberId: m.memberId, halfHours: -2, points: -10, source: 'correction', sourceId: null, reason: '重复登记', by: 'committee', at: now() });
    expect(await earned()).toEqual(['first_service']);

    await serve(m.memberId, 100, now());
    h.stack.clock.offsetMs = 366 * DAY;
    expect(await earned()).toEqual(['first_service', 'services_10', 'hours_50', 'one_year']);
  });
});

describe('风采展示墙', () => {
  it('shows the committee’s honours to residents of the 居民区 only, and hides members who opt out', async () => {
    const member = h.memberIdOf('member');
    const before = (await call('wall', {}, 'resident')).items.length;
    const res = await award(member, 'committee', { photoUrl: 'https://example.org/li.jpg' });
    expect(res).toMatchObject({ ok: true, data: { honour: { name: '李建国', title: '热心邻里', revoked: false, hiddenByMember: false } } });
    // The photo shows once its image check passes (tests/integration/media/shop-honours-images.test.ts).
    await h.stack.wechat.flushMediaChecks();
    const wall = await call('wall', {}, 'resident');
    expect(wall.items).toHaveLength(before + 1);
    expect(wall.items[0]).toMatchObject({ name: '李建国', title: '热心邻里', citation: '常年帮独居老人买菜配药，风雨无阻。', photoUrl: 'https://example.org/li.jpg' });
    expect(JSON.stringify(wall)).not.toContain(member);
    expect((await call('wall', {}, 'otherCommittee')).items.some((i: { name: string }) => i.name === '李建国')).toBe(false);

    await call('setDisplay', { showOnWall: false }, 'member');
    expect((await call('wall', {}, 'resident')).items.some((i: { name: string }) => i.name === '李建国')).toBe(false);
    expect((await call('awarded', {}, 'committee')).items[0]).toMatchObject({ name: '李建国', hiddenByMember: true });
    expect((await call('mine', {}, 'member')).settings).toEqual({ showOnWall: false, onLeaderboard: false });

    await call('setDisplay', { showOnWall: true }, 'member');
    expect((await call('wall', {}, 'resident')).items.some((i: { name: string }) => i.name === '李建国')).toBe(true);
  });

  it('leaves out a member who deleted their account', async () => {
    const m = await addMember(h, 'honours-gone', '韩梅');
    await serve(m.memberId, 4, now());
    await award(m.memberId, 'committee', { title: '志愿之星' });
    expect((await call('wall', {}, 'resident')).items.some((i: { title: string }) => i.title === '志愿之星')).toBe(true);
    await getDb().collection(COLLECTIONS.members).doc(m.memberId).update({ deletedAt: now(), name: '', accountKey: null });
    expect((await call('wall', {}, 'resident')).items.some((i: { title: string }) => i.title === '志愿之星')).toBe(false);
    expect((await call('milestones', {}, 'resident')).items.some((r: { name: string }) => r.name === '韩梅' || r.name === '')).toBe(false);
  });

  it('a retried award adds one honour; a withdrawn honour leaves the wall', async () => {
    const payload = { memberId: h.memberIdOf('gridLeader'), title: '优秀微格长', citation: '一年来走访独居老人两百余次。', requestId: 'retry-award-1' };
    const results = await Promise.all(Array.from({ length: 5 }, () => invoke('award', payload, 'committee')));
    expect(results.every((r) => r.ok)).toBe(true);
    const list = (await call('awarded', {}, 'committee')).items;
    expect(list.filter((i: { title: string }) => i.title === '优秀微格长')).toHaveLength(1);
    const id = list[0].id;
    expect(codeOf(await invoke('revoke', { honourId: id }, 'otherCommittee'))).toBe('COMMON.NOT_FOUND');
    expect(codeOf(await invoke('revoke', { honourId: id }, 'member'))).toBe('COMMON.FORBIDDEN');
    const first = await call('revoke', { honourId: id }, 'committee');
    const again = await call('revoke', { honourId: id }, 'committee');
    expect(first.honour.revoked).toBe(true);
    expect(again.honour).toEqual(first.honour);
    expect((await call('wall', {}, 'resident')).items.some((i: { title: string }) => i.title === '优秀微格长')).toBe(false);
  });

  it('milestones list members with hours who allow the wall, with level and badges', async () => {
    const a = await addMember(h, 'honours-wall-a', '吴静');
    const b = await addMember(h, 'honours-wall-b', '郑强');
    await serve(a.memberId, 220, now());
    await serve(b.memberId, 4, new Date(now().getTime() + 1000));
    const rows = (await call('milestones', {}, 'resident')).items;
    const named = (n: string) => rows.find((r: { name: string }) => r.name === n);
    expect(named('郑强')).toMatchObject({ levelTitle: null, badges: [{ id: 'first_service', label: '初次服务' }] });
    expect(named('吴静')).toMatchObject({ levelTitle: '一星志愿者' });
    expect(named('吴静').badges.map((x: { id: string }) => x.id)).toEqual(['first_service', 'hours_50', 'hours_100']);
    expect(rows.indexOf(named('郑强'))).toBeLessThan(rows.indexOf(named('吴静')));
    expect(JSON.stringify(rows)).not.toContain(a.memberId);

    await call('setDisplay', { showOnWall: false }, b.openid);
    expect((await call('milestones', {}, 'resident')).items.some((r: { name: string }) => r.name === '郑强')).toBe(false);
    expect((await call('milestones', {}, 'otherCommittee')).items.some((r: { name: string }) => r.name === '吴静')).toBe(false);
  });

  it('pages 20 at a time, counting only members shown', async () => {
    for (let i = 0; i < 27; i += 1) {
      const m = await addMember(h, `honours-page-${i}`, `成员${String(i).padStart(2, '0')}`);
      await serve(m.memberId, 2, new Date(now().getTime() + i));
      if (i % 5 === 0) await call('setDisplay', { showOnWall: false }, m.openid);
    }
    const first = await call('milestones', { page: 1 }, 'resident');
    const second = await call('milestones', { page: 2 }, 'resident');
    expect(first.items).toHaveLength(20);
    expect(first.hasMore).toBe(true);
    const names = [...first.items, ...second.items].map((r: { name: string }) => r.name).filter((n: string) => n.startsWith('成员'));
    // 27 members, six of whom keep off the wall.
    expect(names).toHaveLength(21);
    expect(new Set(names).size).toBe(21);
    expect(names).not.toContain('成员05');
  });
});

describe('monthly leaderboard', () => {
  it('shows only members who opted in, most hours first, for the month asked', async () => {
    const a = await addMember(h, 'honours-lb-a', '冯梅');
    const b = await addMember(h, 'honours-lb-b', '陈刚');
    const c = await addMember(h, 'honours-lb-c', '褚红');
    await serve(a.memberId, 6, now());
    await serve(b.memberId, 10, now());
    await serve(c.memberId, 20, now());
    const names = async (who: string, month?: string) =>
      (await call('leaderboard', month ? { month } : {}, who)).items.map((r: { name: string }) => r.name).filter((n: string) => ['冯梅', '陈刚', '褚红'].includes(n));
    expect(await names(a.openid)).toEqual([]);

    await call('setDisplay', { onLeaderboard: true }, a.openid);
    await call('setDisplay', { onLeaderboard: true }, b.openid);
    expect(await names(a.openid)).toEqual(['陈刚', '冯梅']);
    const board = await call('leaderboard', {}, a.openid);
    expect(board).toMatchObject({ month: monthOf(now()), joined: true });
    expect(board.items.find((r: { name: string }) => r.name === '冯梅')).toMatchObject({ halfHours: 6, isMe: true });
    expect(JSON.stringify(board)).not.toContain(c.memberId);
    expect(board.items.map((r: { rank: number }) => r.rank)).toEqual(board.items.map((_: unknown, i: number) => i + 1));

    // Another month holds other hours; another 居民区 never sees these.
    expect(await names(a.openid, '2020-01')).toEqual([]);
    const other = await addMember(h, 'honours-lb-other', '卫东', 'cm-changfeng1');
    expect((await call('leaderboard', {}, other.openid)).items).toEqual([]);

    await call('setDisplay', { onLeaderboard: false }, b.openid);
    expect(await names(a.openid)).toEqual(['冯梅']);
    expect((await call('mine', {}, b.openid)).settings).toEqual({ showOnWall: true, onLeaderboard: false });
  });
});

describe('certificates', () => {
  it('issues a code that verifies, the same code again for the same request, a new one once hours change', async () => {
    const m = await addMember(h, 'honours-cert', '蒋伟');
    h.stack.clock.offsetMs = 0;
    const month = monthOf(now());
    expect(codeOf(await invoke('requestCertificate', { from: month, to: month }, m.openid))).toBe('HONOURS.NO_HOURS');
    await serve(m.memberId, 7, now());

    const results = await Promise.all(Array.from({ length: 5 }, () => call('requestCertificate', { from: month, to: month }, m.openid)));
    const code = results[0].certificate.code as string;
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);
    expect(new Set(results.map((r) => r.certificate.code))).toEqual(new Set([code]));
    expect(results[0].certificate).toMatchObject({ name: '蒋伟', communityName: '白玉新村第一居民区', halfHours: 7, from: month, to: month });

    const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4, 8)} ${code.slice(8)}`;
    const check = await call('verifyCertificate', { code: typed }, 'newcomer');
    expect(check).toEqual({ genuine: true, certificate: results[0].certificate });
    expect(JSON.stringify(check)).not.toMatch(/1390000|openid|memberId/);

    const forged = `${code.slice(0, 11)}${code[11] === 'A' ? 'B' : 'A'}`;
    expect(await call('verifyCertificate', { code: forged }, 'newcomer')).toEqual({ genuine: false });
    expect(await call('verifyCertificate', { code: '我的证明' }, 'newcomer')).toEqual({ genuine: false });

    await serve(m.memberId, 2, now());
    const more = await call('requestCertificate', { from: month, to: month }, m.openid);
    expect(more.certificate).toMatchObject({ halfHours: 9 });
    expect(more.certificate.code).not.toBe(code);
    const mine = await call('certificates', {}, m.openid);
    expect(mine.items.map((c: { code: string }) => c.code).sort()).toEqual([code, more.certificate.code].sort());
    expect((await call('certificates', {}, 'member')).items.some((c: { code: string }) => c.code === code)).toBe(false);
  });

  it('lists service by the day it was given, marks what was entered by hand and corrected, and its total adds up', async () => {
    const m = await addMember(h, 'honours-cert-days', '韩梅');
    const base = { communityId: 'cm-baiyu1', memberId: m.memberId, points: 0, by: 'committee', sourceId: null } as const;
    const at = (iso: string) => new Date(iso);
    // Served on 5 January and confirmed that day; corrected later (the correction belongs to 5 January too).
    const served = await postEntry({ ...base, key: `event:ev-jan5:${m.memberId}`, halfHours: 4, source: 'event', sourceId: 'ev-jan5', reason: '网格巡逻', at: at('2025-01-05T02:00:00Z') });
    expect(await h.call('ledger', 'correct', { entryId: served.entry._id, reason: '那天没去成' }, h.identities.committee)).toMatchObject({ created: true });
    // Entered by hand on 10 January.
    await postEntry({ ...base, key: 'req:cert-days-manual', halfHours: 3, source: 'manual', reason: '帮老人检修电路', at: at('2025-01-10T02:00:00Z') });
    // Recorded before the day of service was stored: listed by the day it was entered, and marked so.
    await getDb().collection(COLLECTIONS.ledgerEntries).add({ ...base, _id: 'legacy-cert-days', halfHours: 2, source: 'event', sourceId: 'ev-old', reason: '阅读节', at: at('2025-01-20T02:00:00Z') });
    // Served on 31 January, confirmed on 2 February.
    await postEntry({ ...base, key: `event:ev-jan31:${m.memberId}`, halfHours: 6, source: 'event', sourceId: 'ev-jan31', reason: '绿化养护', at: at('2025-02-02T02:00:00Z') }, { dailyCap: { day: '2025-01-31', cap: null } });

    const { certificate } = await call('requestCertificate', { from: '2025-01', to: '2025-01' }, m.openid);
    expect(certificate.lines).toEqual([
      { day: '2025-01-05', reason: '网格巡逻', halfHours: 4, kind: 'service', dayFromPosting: false },
      { day: '2025-01-05', reason: '那天没去成', halfHours: -4, kind: 'correction', dayFromPosting: false },
      { day: '2025-01-10', reason: '帮老人检修电路', halfHours: 3, kind: 'manual', dayFromPosting: false },
      { day: '2025-01-20', reason: '阅读节', halfHours: 2, kind: 'service', dayFromPosting: true },
      { day: '2025-01-31', reason: '绿化养护', halfHours: 6, kind: 'service', dayFromPosting: false },
    ]);
    expect(certificate.parts).toEqual({ service: 12, manual: 3, correction: -4 });
    expect(certificate.halfHours).toBe(11);
    expect(certificate.halfHours).toBe(certificate.lines.reduce((s: number, l: { halfHours: number }) => s + l.halfHours, 0));
    // The check shows the same lines; February has no service of its own.
    expect(await call('verifyCertificate', { code: certificate.code }, 'newcomer')).toEqual({ genuine: true, certificate });
    expect(codeOf(await invoke('requestCertificate', { from: '2025-02', to: '2025-02' }, m.openid))).toBe('HONOURS.NO_HOURS');
  });

  it('still shows a certificate issued before records were listed', async () => {
    const m = await addMember(h, 'honours-cert-old', '许强');
    await getDb().collection(COLLECTIONS.certificates).add({ _id: 'old-cert', code: 'ABCDEFGHJKLM', communityId: 'cm-baiyu1', memberId: m.memberId, name: '许强', communityName: '白玉新村第一居民区', halfHours: 5, from: '2025-01', to: '2025-01', issuedAt: new Date('2025-02-01T00:00:00Z') });
    expect(await call('verifyCertificate', { code: 'ABCDEFGHJKLM' }, 'newcomer')).toMatchObject({ genuine: true, certificate: { halfHours: 5, lines: null, parts: null } });
  });

  it('counts only the months asked, by Shanghai time, and refuses a period that has not begun', async () => {
    const m = await addMember(h, 'honours-cert-months', '沈洁');
    // 2025-01-31 23:30 in Shanghai is still January; 2025-02-01 00:10 is February.
    await serve(m.memberId, 2, new Date('2025-01-31T15:30:00Z'));
    await serve(m.memberId, 4, new Date('2025-01-31T16:10:00Z'));
    await serve(m.memberId, 8, new Date('2025-04-02T02:00:00Z'));
    expect((await call('requestCertificate', { from: '2025-01', to: '2025-01' }, m.openid)).certificate.halfHours).toBe(2);
    expect((await call('requestCertificate', { from: '2025-02', to: '2025-03' }, m.openid)).certificate.halfHours).toBe(4);
    expect((await call('requestCertificate', { from: '2025-01', to: '2025-04' }, m.openid)).certificate.halfHours).toBe(14);
    const next = monthOf(new Date(now().getTime() + 40 * DAY));
    expect(codeOf(await invoke('requestCertificate', { from: '2025-01', to: next }, m.openid))).toBe('HONOURS.PERIOD_IN_FUTURE');
  });
});

describe('the committee’s helpers', () => {
  it('lists approved members by name prefix in the 居民区 only', async () => {
    const all = await call('candidates', {}, 'committee');
    expect(all.items.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['李建国', '张丽华']));
    expect(all.items.map((c: { name: string }) => c.name)).not.toContain('王秀兰');
    expect((await call('candidates', { name: '李' }, 'committee')).items.map((c: { name: string }) => c.name)).toEqual(['李建国']);
    expect((await call('candidates', { name: '.*' }, 'committee')).items).toEqual([]);
    expect((await call('candidates', {}, 'otherCommittee')).items.map((c: { name: string }) => c.name)).not.toContain('李建国');
  });
});
