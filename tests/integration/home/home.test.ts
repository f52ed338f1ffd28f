import { DEMO_PEOPLE } from '../../../emulator/seed/demo-data';
import type { HomeToday } from '../../../src/shared/domain/home';
import { withCountingStack } from '../../bench/support';
import { startHarness, type Harness } from '../../support/harness';
import { advance, CABIN, openMonday, rid } from '../cabin/support';
import { openNotice, publishNotice } from '../notices/support';

/** home.today: what 首页 shows first, for every demo role, against the real functions and the emulator. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(() => h.stop());
beforeEach(() => h.reset());

const today = (who: string) => h.call<HomeToday>('home', 'today', {}, who);
const DAY = 24 * 3600_000;

describe('home.today', () => {
  it('answers only the sections of the caller’s roles', async () => {
    const sections = async (who: string) => {
      const t = await today(who);
      return { resident: !!t.resident, grid: !!t.grid, committee: !!t.committee, street: !!t.street };
    };
    expect(await sections(h.identities.newcomer)).toEqual({ resident: false, grid: false, committee: false, street: false });
    expect(await sections(h.identities.resident)).toEqual({ resident: true, grid: false, committee: false, street: false });
    expect(await sections(h.identities.member)).toEqual({ resident: true, grid: false, committee: false, street: false });
    expect(await sections(h.identities.gridLeader)).toEqual({ resident: true, grid: true, committee: false, street: false });
    expect(await sections(h.identities.committee)).toEqual({ resident: true, grid: false, committee: true, street: false });
    expect(await sections(h.identities.streetAdmin)).toEqual({ resident: false, grid: false, committee: false, street: true });
  });

  it('shows a resident their next event with its check-in, the 格子屋 now, and points only for members', async () => {
    const resident = (await today(h.identities.resident)).resident!;
    expect(resident.nextEvent).toMatchObject({ title: '智能手机公益课堂：学用健康码和挂号', status: 'confirmed', checkin: 'before' });
    expect(resident.upcomingEvents).toBe(1);
    expect(resident.points).toBeNull();
    // The cabin's state is the shared opening-hours rule's: open now, or when it next opens.
    expect(resident.cabin).toMatchObject({ id: CABIN });
    expect(resident.cabin!.label).toMatch(resident.cabin!.open ? /开放中/ : /开门|暂停/);

    const member = (await today(h.identities.member)).resident!;
    expect(member.nextEvent).toMatchObject({ title: '第一微格夜间巡逻', status: 'confirmed' });
    expect(typeof member.points).toBe('number');
    // Check-in opens before the patrol starts: the home says so once it is open.
    const opens = new Date(member.nextEvent!.checkinOpensAt).getTime();
    advance(h, opens - h.stack.clock.nowMs() + 60_000);
    expect((await today(h.identities.member)).resident!.nextEvent).toMatchObject({ title: '第一微格夜间巡逻', checkin: 'open' });
  });

  it('counts unread notices for the reader, down when one is opened', async () => {
    const before = (await today(h.identities.resident)).resident!.unreadNotices;
    const notice = await publishNotice(h);
    expect((await today(h.identities.resident)).resident!.unreadNotices).toBe(before + 1);
    // 李建国 lives in 第二微格: a notice to 第一微格 is not his.
    const memberBefore = (await today(h.identities.member)).resident!.unreadNotices;
    await publishNotice(h, { target: { kind: 'community' } }, { kind: 'now' }, h.identities.committee);
    expect((await today(h.identities.member)).resident!.unreadNotices).toBe(memberBefore + 1);
    const res = await openNotice(h, notice.id, h.identities.resident);
    expect(res.ok).toBe(true);
    expect((await today(h.identities.resident)).resident!.unreadNotices).toBe(before + 1);
  });

  it('counts a borrower’s loans due soon and overdue, and the committee’s overdue loans', async () => {
    openMonday(h);
    const cabin = (await today(h.identities.resident)).resident!.cabin!;
    expect(cabin.open).toBe(true);
    expect(cabin.label).toContain('开放中');
    await h.call('cabin', 'borrow', { itemId: 'cbi-umbrella-1', requestId: rid() }, h.identities.resident);
    const fresh = (await today(h.identities.resident)).resident!.loans;
    expect(fresh.open).toBe(1);
    expect((await today(h.identities.committee)).committee!.overdueLoans).toBe(0);
    advance(h, 60 * DAY);
    expect((await today(h.identities.resident)).resident!.loans).toEqual({ open: 1, dueSoon: 0, overdue: 1 });
    expect((await today(h.identities.committee)).committee!.overdueLoans).toBe(1);
    // Another 居民区's committee sees none of it.
    expect((await today(h.identities.otherCommittee)).committee!.overdueLoans).toBe(0);
  });

  it('shows the committee what waits: applications, donations, notices to publish, its own 居民区 only', async () => {
    const baiyu = (await today(h.identities.committee)).committee!;
    const pendingBaiyu = DEMO_PEOPLE.filter((p) => p.communityId === 'cm-baiyu1' && p.status === 'pending').length;
    expect(baiyu.pendingApplications).toBe(pendingBaiyu);
    expect(baiyu.noticeDrafts).toBeGreaterThanOrEqual(1);
    expect(baiyu.noticeScheduled).toBeGreaterThanOrEqual(1);
    const other = (await today(h.identities.otherCommittee)).committee!;
    expect(other.pendingApplications).toBe(DEMO_PEOPLE.filter((p) => p.communityId === 'cm-changfeng1' && p.status === 'pending').length);

    const donations = baiyu.donationsToReview;
    await h.call('cabin', 'offerDonation', { cabinId: CABIN, what: '旧雨伞', description: '', condition: '八成新', requestId: rid() }, h.identities.member);
    expect((await today(h.identities.committee)).committee!.donationsToReview).toBe(donations + 1);
    expect((await today(h.identities.otherCommittee)).committee!.donationsToReview).toBe(other.donationsToReview);
  });

  it('shows a grid leader their grid: residents, those to visit, unread of their notices, their drafts', async () => {
    const grid = (await today(h.identities.gridLeader)).grid!;
    expect(grid.grids).toBe(1);
    expect(grid.residents).toBeGreaterThanOrEqual(2);
    const before = grid.noticeUnread;
    const notice = await publishNotice(h);
    const after = (await today(h.identities.gridLeader)).grid!;
    expect(after.noticeUnread).toBe(before + notice.counts!.targeted);
    await h.call('grids', 'setColour', { memberId: h.memberIdOf('resident'), colour: 'green' }, h.identities.committee);
    const calm = (await today(h.identities.gridLeader)).grid!.toVisit;
    await h.call('grids', 'setColour', { memberId: h.memberIdOf('resident'), colour: 'red' }, h.identities.committee);
    expect((await today(h.identities.gridLeader)).grid!.toVisit).toBe(calm + 1);
    // Another grid's leader never counts 第一微格's residents: the answer is the leader's grids only.
    expect(after.residents).toBe(grid.residents);
  });

  it('counts a grid leader’s 待处理 reports and those overdue, and the committee’s overdue reports, as the clock moves', async () => {
    // The demo reports: in 第一微格 one fresh, one already late (the 总格长, the demo committee member, was added), one
    // in hand; one waits for the resident and one is closed (neither is 待处理).
    await h.stack.seed({ reports: true });
    expect((await today(h.identities.gridLeader)).grid!.reports).toEqual({ open: 3, overdue: 1 });
    expect((await today(h.identities.committee)).committee!.overdueReports).toBe(1);

    const filed = await h.call('reports', 'file', {
      report: { categoryKey: 'noise', place: { building: '2号楼', unit: '' }, text: '楼上每晚十二点后还在装修，吵得睡不着。' },
      requestId: rid('home-report'),
    }, h.identities.resident);
    expect(filed.report.state).toBe('submitted');
    expect((await today(h.identities.gridLeader)).grid!.reports).toEqual({ open: 4, overdue: 1 });

    // Fifteen minutes on, the timer marks the new one (and the seeded fresh one) 超时未响应.
    advance(h, 15 * 60_000);
    await h.timer('reports', 'report-clocks');
    expect((await today(h.identities.gridLeader)).grid!.reports).toEqual({ open: 4, overdue: 3 });
    expect((await today(h.identities.committee)).committee!.overdueReports).toBe(3);

    // Answered late is still late until it is resolved: accepting does not lower the count; resolving does.
    const late = (await h.call('reports', 'get', { reportId: filed.report.id }, h.identities.gridLeader)).report;
    const accepted = (await h.call('reports', 'accept', { reportId: late.id, version: late.version, message: '马上去看', requestId: rid('acc') }, h.identities.gridLeader)).report;
    expect((await today(h.identities.gridLeader)).grid!.reports).toEqual({ open: 4, overdue: 3 });
    await h.call('reports', 'resolve', { reportId: accepted.id, version: accepted.version, summary: '已和楼上沟通，晚上十点后停工。', requestId: rid('res') }, h.identities.gridLeader);
    expect((await today(h.identities.gridLeader)).grid!.reports).toEqual({ open: 3, overdue: 2 });
    expect((await today(h.identities.committee)).committee!.overdueReports).toBe(2);
    // Another 居民区's committee counts none of it.
    expect((await today(h.identities.otherCommittee)).committee!.overdueReports).toBe(0);
  });

  it('gives the 街道 its totals, counts only', async () => {
    const street = (await today(h.identities.streetAdmin)).street!;
    const overview = await h.call('street', 'viewCounts', {}, h.identities.streetAdmin);
    expect(street).toEqual({
      communities: overview.totals.communities,
      residents: overview.totals.residents,
      members: overview.totals.members,
      pending: overview.totals.pending,
    });
  });
});

it('costs at most 12 database requests in 3 sequential round trips, whatever the role', async () => {
  await withCountingStack(async ({ stack, requests }) => {
    const cost: Record<string, number> = {};
    for (const p of DEMO_PEOPLE.filter((d) => ['newcomer', 'resident', 'member', 'gridLeader', 'committee', 'streetAdmin'].includes(d.key))) {
      const before = requests();
      const res = (await stack.host.invoke('home', { action: 'today', payload: {} }, { openid: p.openid })) as { ok: boolean };
      expect(res.ok).toBe(true);
      cost[p.key] = requests() - before;
    }
    console.log(`home.today database requests per role: ${JSON.stringify(cost)}`);
    expect(cost).toEqual({ newcomer: 1, resident: 6, member: 7, gridLeader: 10, committee: 11, streetAdmin: 3 });
  });
});
