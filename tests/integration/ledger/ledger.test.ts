import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { auditBalances, postEntry, type LedgerEntryDoc } from '../../../cloudfunctions/_core/ledger';
import { CONTENT_CHECK_TEST_PHRASE } from '../../../emulator/platform/wechat.local';
import type { DemoIdentity } from '../../support/harness';
import { formatShanghai } from '../../../src/shared/time';
import { startHarness, type Harness } from '../../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.reset());

let seq = 0;
const rid = () => `test-req-${++seq}-${Date.now().toString(36)}`;

async function entriesOf(memberId: string): Promise<LedgerEntryDoc[]> {
  return (await getDb().collection(COLLECTIONS.ledgerEntries).where({ memberId }).limit(1000).get()).data as LedgerEntryDoc[];
}

/** A member's totals summed from their entries (other domains' seeds may post some too). */
async function sums(memberId: string): Promise<{ halfHours: number; points: number; entries: number }> {
  const list = await entriesOf(memberId);
  return { halfHours: list.reduce((s, e) => s + e.halfHours, 0), points: list.reduce((s, e) => s + e.points, 0), entries: list.length };
}

const plus = (t: { halfHours: number; points: number; entries: number }, halfHours: number, points: number, entries = 1) => ({
  halfHours: t.halfHours + halfHours,
  points: t.points + points,
  entries: t.entries + entries,
});

async function code(fn: string, action: string, payload: unknown, who: DemoIdentity | string): Promise<string> {
  const openid = who in h.identities ? h.identities[who as DemoIdentity] : who;
  const res = await h.invoke(fn, { action, payload }, openid);
  return res.ok ? 'ok' : res.error.code;
}

const award = (memberKey: DemoIdentity, extra: Record<string, unknown> = {}) => ({
  requestId: rid(),
  memberId: h.memberIdOf(memberKey),
  points: 15,
  halfHours: 2,
  reason: '帮邻居修好了楼道灯',
  ...extra,
});

describe('a member’s own ledger', () => {
  it('shows the totals and every entry, newest first, with what, when, source and who posted it by name', async () => {
    const mine = await h.call('ledger', 'myLedger', {}, h.identities.member);
    const expected = await sums(h.memberIdOf('member'));
    expect(mine.totals).toEqual(expected);
    expect(expected.entries).toBeGreaterThanOrEqual(6);
    expect(mine.items).toHaveLength(expected.entries);
    expect(mine.hasMore).toBe(false);
    const ats = mine.items.map((e: { at: string }) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    expect(mine.items.find((e: { reason: string }) => e.reason.includes('电动车'))).toMatchObject({ source: 'event', reason: '网格巡逻：电动车飞线充电排查', halfHours: 2, points: 10, byName: '周敏', corrected: false, reverses: null });
    expect(mine.items.find((e: { id: string }) => e.id === 'req:demo-award-1')).toMatchObject({ source: 'manual', reason: '春节前帮 12 户老人检修电路', points: 20, halfHours: 4 });
    expect(JSON.stringify(mine)).not.toContain(h.memberIdOf('committee'));
  });

  it('pages 20 at a time', async () => {
    const memberId = h.memberIdOf('member');
    for (let i = 0; i < 25; i++) {
      await postEntry({ key: `req:page-${i}`, communityId: 'cm-baiyu1', memberId, halfHours: 0, points: 1, source: 'manual', sourceId: null, reason: `第${i}条`, by: h.memberIdOf('committee'), at: new Date(Date.now() + i * 1000) });
    }
    const p1 = await h.call('ledger', 'myLedger', { page: 1 }, h.identities.member);
    const p2 = await h.call('ledger', 'myLedger', { page: 2 }, h.identities.member);
    expect(p1.items).toHaveLength(20);
    expect(p1.hasMore).toBe(true);
    expect(p2.items).toHaveLength((await sums(memberId)).entries - 20);
    expect(p2.hasMore).toBe(false);
    expect(p1.items[0].reason).toBe('第24条');
    expect(new Set([...p1.items, ...p2.items].map((e: { id: string }) => e.id)).size).toBe((await sums(memberId)).entries);
  });

  it('sees only their own entries', async () => {
    const leader = await h.call('ledger', 'myLedger', {}, h.identities.gridLeader);
    expect(leader.totals).toEqual(await sums(h.memberIdOf('gridLeader')));
    expect(leader.items.every((e: { reason: string }) => !e.reason.includes('电动车'))).toBe(true);
    const resident = await h.call('ledger', 'myLedger', {}, h.identities.resident);
    expect(resident).toEqual({ items: [], page: 1, hasMore: false, totals: { halfHours: 0, points: 0, entries: 0 } });
  });

  it('a visitor with no 居民区 is refused', async () => {
    expect(await code('ledger', 'myLedger', {}, 'newcomer')).toBe('COMMON.FORBIDDEN');
    expect(await code('ledger', 'mySummary', {}, 'newcomer')).toBe('COMMON.FORBIDDEN');
  });

  it('sums hours and points by Shanghai month: the first half hour of a month in Shanghai is still the previous day in UTC', async () => {
    const memberId = h.memberIdOf('resident');
    const now = h.stack.clock.now();
    const month = formatShanghai(now, 'YYYY-MM');
    const firstMinute = new Date(`${month}-01T00:30:00+08:00`);
    const lastMonthEnd = new Date(`${month}-01T00:00:00+08:00`).getTime() - 60_000;
    const post = (key: string, at: Date, points: number, halfHours: number) =>
      postEntry({ key, communityId: 'cm-baiyu1', memberId, halfHours, points, source: 'manual', sourceId: null, reason: 'x', by: memberId, at });
    await post('req:m1', firstMinute, 5, 1);
    await post('req:m2', new Date(lastMonthEnd), 7, 2);
    await post('req:m3', new Date(lastMonthEnd - 1000), 1, 1);
    await post('req:old', new Date(now.getTime() - 400 * 86_400_000), 100, 10);
    const { months } = await h.call('ledger', 'mySummary', {}, h.identities.resident);
    const previous = formatShanghai(new Date(lastMonthEnd), 'YYYY-MM');
    expect(months).toEqual([
      { month, halfHours: 1, points: 5, entries: 1 },
      { month: previous, halfHours: 3, points: 8, entries: 2 },
    ]);
  });
});

describe('who may do what', () => {
  const committeeOnly: [string, () => unknown][] = [
    ['members', () => ({})],
    ['memberLedger', () => ({ memberId: h.memberIdOf('member') })],
    ['award', () => award('member')],
    ['correct', () => ({ entryId: `req:demo-award-1`, reason: '记错了' })],
    ['rules', () => ({})],
    ['setRules', () => ({ pointsPerHour: 5, eventTypes: [], dailyCap: null })],
    ['audit', () => ({})],
    ['report', () => ({ month: '2024-03' })],
  ];
  const notCommittee: DemoIdentity[] = ['newcomer', 'resident', 'member', 'gridLeader', 'streetAdmin', 'applicant1'];

  it.each(committeeOnly)('%s: only the committee', async (action, payload) => {
    for (const who of notCommittee) {
      expect([who, await code('ledger', action, payload(), who)]).toEqual([who, 'COMMON.FORBIDDEN']);
    }
    expect(await code('ledger', action, payload(), 'committee')).toBe('ok');
  });

  it('another 居民区’s committee cannot see, award or correct 白玉’s people: they read as not found', async () => {
    const memberId = h.memberIdOf('member');
    const before = (await entriesOf(memberId)).length;
    expect(await code('ledger', 'memberLedger', { memberId }, 'otherCommittee')).toBe('COMMON.NOT_FOUND');
    expect(await code('ledger', 'award', award('member'), 'otherCommittee')).toBe('COMMON.NOT_FOUND');
    expect(await code('ledger', 'correct', { entryId: 'req:demo-award-1', reason: '试试' }, 'otherCommittee')).toBe('COMMON.NOT_FOUND');
    expect(await code('ledger', 'correct', { entryId: 'req:no-such-entry', reason: '试试' }, 'otherCommittee')).toBe('COMMON.NOT_FOUND');
    const members = await h.call('ledger', 'members', {}, h.identities.otherCommittee);
    expect(members.items.map((m: { name: string }) => m.name)).not.toContain('李建国');
    const report = await h.call('ledger', 'report', { month: formatShanghai(h.stack.clock.now(), 'YYYY-MM') }, h.identities.otherCommittee);
    expect(report.total.points).toBe(0);
    expect(await h.call('ledger', 'audit', {}, h.identities.otherCommittee)).toEqual({ members: 0, drift: [] });
    const rules = await h.call('ledger', 'rules', {}, h.identities.otherCommittee);
    expect(rules).toMatchObject({ pointsPerHour: 10, dailyCap: 50, updatedBy: null });
    expect((await entriesOf(memberId)).length).toBe(before);
  });
});

describe('award', () => {
  it('posts a manual entry with the reason and moves the balance; the member sees it', async () => {
    const before = await sums(h.memberIdOf('member'));
    h.stack.clock.offsetMs = 60_000;
    const res = await h.call('ledger', 'award', award('member'), h.identities.committee);
    expect(res).toMatchObject({ created: true, entry: { source: 'manual', points: 15, halfHours: 2, reason: '帮邻居修好了楼道灯', byName: '周敏' }, totals: plus(before, 2, 15) });
    const mine = await h.call('ledger', 'myLedger', {}, h.identities.member);
    expect(mine.items[0]).toMatchObject({ id: res.entry.id, reason: '帮邻居修好了楼道灯', byName: '周敏' });
    expect(mine.totals).toEqual(plus(before, 2, 15));
  });

  it('20 concurrent identical calls post once and all answer the same entry', async () => {
    const payload = award('gridLeader', { points: 7, halfHours: 0 });
    const before = await sums(h.memberIdOf('gridLeader'));
    const results = await Promise.all(Array.from({ length: 20 }, () => h.call('ledger', 'award', payload, h.identities.committee)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.entry.id))).toEqual(new Set([`req:${payload.requestId}`]));
    expect(await sums(h.memberIdOf('gridLeader'))).toEqual(plus(before, 0, 7));
    const mine = await h.call('ledger', 'myLedger', {}, h.identities.gridLeader);
    expect(mine.totals).toEqual(plus(before, 0, 7));
  });

  it('a request id reused for another member is refused and changes nothing', async () => {
    const first = award('member');
    await h.call('ledger', 'award', first, h.identities.committee);
    const before = await sums(h.memberIdOf('gridLeader'));
    expect(await code('ledger', 'award', { ...first, memberId: h.memberIdOf('gridLeader') }, 'committee')).toBe('LEDGER.REQUEST_REUSED');
    expect(await sums(h.memberIdOf('gridLeader'))).toEqual(before);
  });

  it('bad input changes nothing: no reason, nothing to award, negative or fractional amounts, an unknown member, a non-member, a rejected text', async () => {
    const before = (await getDb().collection(COLLECTIONS.ledgerEntries).count()).total;
    const noReason = await h.invoke('ledger', { action: 'award', payload: award('member', { reason: '  ' }) }, h.identities.committee);
    expect(noReason).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT', fields: { reason: '请填写原因，成员会在记录里看到' } } });
    const nothing = await h.invoke('ledger', { action: 'award', payload: award('member', { points: 0, halfHours: 0 }) }, h.identities.committee);
    expect(nothing).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT', fields: { points: '请填写要记录的积分或时长' } } });
    expect(await code('ledger', 'award', award('member', { points: -5 }), 'committee')).toBe('COMMON.INVALID_INPUT');
    expect(await code('ledger', 'award', award('member', { halfHours: 1.5 }), 'committee')).toBe('COMMON.INVALID_INPUT');
    expect(await code('ledger', 'award', award('member', { requestId: 'x' }), 'committee')).toBe('COMMON.INVALID_INPUT');
    expect(await code('ledger', 'award', award('member', { memberId: 'nobody' }), 'committee')).toBe('COMMON.NOT_FOUND');
    expect(await code('ledger', 'award', award('resident'), 'committee')).toBe('LEDGER.NOT_A_MEMBER');
    expect(await code('ledger', 'award', award('applicant1'), 'committee')).toBe('LEDGER.NOT_A_MEMBER');
    expect(await code('ledger', 'award', award('member', { reason: `奖励${CONTENT_CHECK_TEST_PHRASE}` }), 'committee')).toBe('COMMON.CONTENT_REJECTED');
    expect((await getDb().collection(COLLECTIONS.ledgerEntries).count()).total).toBe(before);
  });
});

describe('correct', () => {
  it('reverses an entry once, with a reason; the member sees both and the balance is back', async () => {
    const before = await sums(h.memberIdOf('member'));
    h.stack.clock.offsetMs = 60_000;
    const res = await h.call('ledger', 'correct', { entryId: 'req:demo-award-1', reason: '重复登记了' }, h.identities.committee);
    expect(res).toMatchObject({ created: true, entry: { source: 'correction', points: -20, halfHours: -4, reverses: 'req:demo-award-1', reason: '重复登记了', byName: '周敏' }, totals: plus(before, -4, -20) });
    const again = await h.call('ledger', 'correct', { entryId: 'req:demo-award-1', reason: '再更正一次' }, h.identities.committee);
    expect(again).toMatchObject({ created: false, entry: { id: res.entry.id, reason: '重复登记了' }, totals: plus(before, -4, -20) });
    const mine = await h.call('ledger', 'myLedger', {}, h.identities.member);
    expect(mine.items.find((e: { id: string }) => e.id === 'req:demo-award-1')).toMatchObject({ corrected: true });
    expect(mine.items[0]).toMatchObject({ source: 'correction', reverses: 'req:demo-award-1', corrected: false });
  });

  it('10 concurrent corrections of one entry post one', async () => {
    const entryId = (await entriesOf(h.memberIdOf('gridLeader'))).find((e) => e.source === 'event')!._id;
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => h.call('ledger', 'correct', { entryId, reason: `更正${i}` }, h.identities.committee)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect((await entriesOf(h.memberIdOf('gridLeader'))).filter((e) => e.reverses === entryId)).toHaveLength(1);
  });

  it('refuses to correct a correction, a redemption, or what would take the balance below zero, and changes nothing', async () => {
    const { entry } = await h.call('ledger', 'correct', { entryId: 'req:demo-award-2', reason: '记错人了' }, h.identities.committee);
    expect(await code('ledger', 'correct', { entryId: entry.id, reason: '撤销更正' }, 'committee')).toBe('LEDGER.CORRECTION_NOT_CORRECTABLE');

    const memberId = h.memberIdOf('member');
    const spend = (await sums(memberId)).points - 10;
    await postEntry({ key: 'redeem:test-1', communityId: 'cm-baiyu1', memberId, halfHours: 0, points: -spend, source: 'redemption', sourceId: 'reward-1', reason: '兑换：理发一次', by: memberId, at: new Date() }, { floorPoints: 0 });
    expect(await code('ledger', 'correct', { entryId: 'redeem:test-1', reason: '退回' }, 'committee')).toBe('LEDGER.REDEMPTION_NOT_CORRECTABLE');
    const before = await entriesOf(memberId);
    expect(await code('ledger', 'correct', { entryId: 'req:demo-award-1', reason: '多记了' }, 'committee')).toBe('LEDGER.CORRECTION_BELOW_ZERO');
    expect(await code('ledger', 'correct', { entryId: 'req:demo-award-1', reason: '' }, 'committee')).toBe('COMMON.INVALID_INPUT');
    expect(await code('ledger', 'correct', { entryId: 'req:missing', reason: '多记了' }, 'committee')).toBe('COMMON.NOT_FOUND');
    expect(await entriesOf(memberId)).toHaveLength(before.length);
  });

  it('refuses an entry of another 居民区 as not found', async () => {
    const other = 'someone-in-changfeng';
    await postEntry({ key: 'req:cf-1', communityId: 'cm-changfeng1', memberId: other, halfHours: 2, points: 10, source: 'manual', sourceId: null, reason: 'x', by: other, at: new Date() });
    expect(await code('ledger', 'correct', { entryId: 'req:cf-1', reason: '不对' }, 'committee')).toBe('COMMON.NOT_FOUND');
    expect(await entriesOf(other)).toHaveLength(1);
  });
});

describe('point rules', () => {
  it('白玉 starts with its seeded rules; the committee replaces them; another 居民区 keeps the defaults', async () => {
    expect(await h.call('ledger', 'rules', {}, h.identities.committee)).toMatchObject({ pointsPerHour: 10, dailyCap: 50, updatedBy: '周敏' });
    const next = { pointsPerHour: 12, eventTypes: [{ name: '公益课堂', pointsPerHour: 20 }, { name: '夜间巡逻', pointsPerHour: 16 }], dailyCap: null };
    const flagged = { ...next, eventTypes: [{ name: CONTENT_CHECK_TEST_PHRASE, pointsPerHour: 20 }] };
    expect(await h.invoke('ledger', { action: 'setRules', payload: flagged }, h.identities.committee)).toMatchObject({ ok: false, error: { code: 'COMMON.CONTENT_REJECTED' } });
    expect(await h.call('ledger', 'rules', {}, h.identities.committee)).toMatchObject({ pointsPerHour: 10, dailyCap: 50 });
    const saved = await h.call('ledger', 'setRules', next, h.identities.committee);
    expect(saved).toMatchObject({ ...next, updatedBy: '周敏' });
    expect(await h.call('ledger', 'rules', {}, h.identities.committee)).toMatchObject(next);
    expect(await h.call('ledger', 'rules', {}, h.identities.otherCommittee)).toMatchObject({ pointsPerHour: 10, dailyCap: 50, updatedBy: null });
  });

  it('refuses duplicate types, negative rates and a zero cap, and keeps the old rules', async () => {
    const bad = [
      { pointsPerHour: 10, eventTypes: [{ name: '阅读节', pointsPerHour: 5 }, { name: '阅读节', pointsPerHour: 6 }], dailyCap: 50 },
      { pointsPerHour: -1, eventTypes: [], dailyCap: 50 },
      { pointsPerHour: 10, eventTypes: [], dailyCap: 0 },
      { pointsPerHour: 10, eventTypes: [{ name: '', pointsPerHour: 5 }], dailyCap: 50 },
    ];
    for (const payload of bad) expect(await code('ledger', 'setRules', payload, 'committee')).toBe('COMMON.INVALID_INPUT');
    expect(await h.call('ledger', 'rules', {}, h.identities.committee)).toMatchObject({ pointsPerHour: 10, dailyCap: 50 });
  });
});

describe('the monthly report', () => {
  it('sums hours and points by council and by grid, matching the entries', async () => {
    await h.call('ledger', 'award', award('member', { points: 30, halfHours: 6 }), h.identities.committee);
    await h.call('ledger', 'award', award('gridLeader', { points: 4, halfHours: 1 }), h.identities.committee);
    const month = formatShanghai(h.stack.clock.now(), 'YYYY-MM');
    const report = await h.call('ledger', 'report', { month }, h.identities.committee);

    // Independently: this month's entries of 白玉, by member, with the members' grid and councils.
    const all = (await getDb().collection(COLLECTIONS.ledgerEntries).where({ communityId: 'cm-baiyu1' }).limit(1000).get()).data as LedgerEntryDoc[];
    const inMonth = all.filter((e) => formatShanghai(e.at, 'YYYY-MM') === month);
    const people = (await getDb().collection(COLLECTIONS.members).where({ communityId: 'cm-baiyu1' }).limit(1000).get()).data as { _id: string; gridId: string | null; councilIds: string[] }[];
    const sum = (pred: (e: LedgerEntryDoc) => boolean) => {
      const picked = inMonth.filter(pred);
      return { members: new Set(picked.map((e) => e.memberId)).size, halfHours: picked.reduce((s, e) => s + e.halfHours, 0), points: picked.reduce((s, e) => s + e.points, 0) };
    };
    const person = (id: string) => people.find((p) => p._id === id)!;
    expect(report.total).toMatchObject(sum(() => true));
    for (const row of report.byGrid) expect([row.id, row]).toEqual([row.id, expect.objectContaining(sum((e) => (person(e.memberId).gridId ?? '') === row.id))]);
    for (const row of report.byCouncil) {
      expect([row.id, row]).toEqual([row.id, expect.objectContaining(sum((e) => (row.id ? person(e.memberId).councilIds.includes(row.id) : person(e.memberId).councilIds.length === 0)))]);
    }
    expect(report.total.points).toBeGreaterThanOrEqual(34);
    expect(report.byGrid.map((g: { name: string }) => g.name)).toEqual(['第一微格', '第二微格', '第三微格']);
    expect(report.byCouncil.find((c: { id: string }) => c.id === 'cm-baiyu1-service')).toMatchObject({ name: '便民服务分会', members: 2 });
  });

  it('a month without entries is all zeros; a malformed month is refused', async () => {
    const report = await h.call('ledger', 'report', { month: '2020-01' }, h.identities.committee);
    expect(report.total).toMatchObject({ members: 0, halfHours: 0, points: 0 });
    expect(report.byGrid.every((g: { points: number }) => g.points === 0)).toBe(true);
    expect(await code('ledger', 'report', { month: '2024-13' }, 'committee')).toBe('COMMON.INVALID_INPUT');
  });
});

describe('the drift audit', () => {
  it('finds no drift after awards, corrections and races; names a tampered balance', async () => {
    await Promise.all(Array.from({ length: 20 }, () => h.call('ledger', 'award', award('member', { requestId: 'same-request-1' }), h.identities.committee)));
    await Promise.all(Array.from({ length: 5 }, () => h.call('ledger', 'correct', { entryId: 'req:same-request-1', reason: '撤回' }, h.identities.committee)));
    await h.call('ledger', 'correct', { entryId: 'req:demo-award-2', reason: '撤回' }, h.identities.committee);
    expect(await h.call('ledger', 'audit', {}, h.identities.committee)).toEqual({ members: 2, drift: [] });
    expect(await auditBalances('cm-baiyu1')).toEqual({ members: 2, drift: [] });

    await getDb().collection(COLLECTIONS.ledgerBalances).doc(h.memberIdOf('member')).update({ points: 1 });
    const audit = await h.call('ledger', 'audit', {}, h.identities.committee);
    const truth = await sums(h.memberIdOf('member'));
    expect(audit.drift).toEqual([{ memberId: h.memberIdOf('member'), name: '李建国', cached: { ...truth, points: 1 }, ledger: truth }]);
  });
});

describe('members list for the committee', () => {
  it('lists second-echelon members with their balances, by name prefix', async () => {
    const all = await h.call('ledger', 'members', {}, h.identities.committee);
    const truth = await sums(h.memberIdOf('member'));
    expect(all.items.find((m: { name: string }) => m.name === '李建国')).toMatchObject({ building: '5号楼', halfHours: truth.halfHours, points: truth.points });
    expect(all.items.map((m: { name: string }) => m.name)).not.toContain('王秀兰');
    const li = await h.call('ledger', 'members', { name: '李' }, h.identities.committee);
    expect(li.items.map((m: { name: string }) => m.name)).toEqual(['李建国']);
    const detail = await h.call('ledger', 'memberLedger', { memberId: h.memberIdOf('member') }, h.identities.committee);
    expect(detail).toMatchObject({ member: { name: '李建国' }, totals: truth });
    expect(detail.items).toHaveLength(truth.entries);
  });
});
