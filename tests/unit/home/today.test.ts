import { entryBadges, todaySections, whenText } from '../../../src/features/members/today';
import type { HomeToday } from '../../../src/shared/domain/home';
import { badgeText, DUE_SOON_MS, loanDue, offersElderMode } from '../../../src/shared/rules/home-today';

const NOW = new Date('2026-12-07T02:00:00Z'); // Monday 10:00 in Shanghai

describe('loanDue', () => {
  it('counts overdue at the due instant, due soon within two days, the rest as open only', () => {
    const at = (ms: number) => new Date(NOW.getTime() + ms);
    expect(loanDue([at(0), at(-1), at(1), at(DUE_SOON_MS), at(DUE_SOON_MS + 1)], NOW)).toEqual({ open: 5, dueSoon: 2, overdue: 2 });
    expect(loanDue([], NOW)).toEqual({ open: 0, dueSoon: 0, overdue: 0 });
  });
});

describe('badgeText', () => {
  it('shows nothing for none, the number, then 99+', () => {
    expect([0, -1, 1, 99, 100].map(badgeText)).toEqual(['', '', '1', '99', '99+']);
  });
});

describe('whenText', () => {
  it('says today, tomorrow, the weekday within a week, else the date, in Shanghai time', () => {
    const now = NOW.toISOString();
    expect(whenText('2026-12-07T11:00:00Z', now)).toBe('今天 19:00');
    expect(whenText('2026-12-07T16:30:00Z', now)).toBe('明天 0:30');
    expect(whenText('2026-12-09T06:00:00Z', now)).toBe('周三 14:00');
    expect(whenText('2026-12-20T01:05:00Z', now)).toBe('12月20日 周日 9:05');
  });
});

const EMPTY: HomeToday = { now: NOW.toISOString(), resident: null, grid: null, committee: null, street: null };

describe('todaySections', () => {
  it('puts the role’s own work first: street, committee, grid, then the resident’s day', () => {
    const all: HomeToday = {
      ...EMPTY,
      resident: { nextEvent: null, upcomingEvents: 0, unreadNotices: 0, loans: { open: 0, dueSoon: 0, overdue: 0 }, cabin: null, points: null },
      grid: { grids: 1, residents: 10, toVisit: 2, noticeUnread: 3, drafts: 0, scheduled: 0, reports: { open: 0, overdue: 0 } },
      committee: { pendingApplications: 1, donationsToReview: 0, overdueLoans: 0, noticeDrafts: 0, noticeScheduled: 0, overdueReports: 0 },
      street: { communities: 3, residents: 30, members: 5, pending: 1 },
    };
    expect(todaySections(all).map((s) => s.key)).toEqual(['street', 'committee', 'grid', 'resident']);
    expect(todaySections(EMPTY)).toEqual([]);
  });

  it('words a resident’s day with its counts, and each line leads to its page', () => {
    const t: HomeToday = {
      ...EMPTY,
      resident: {
        nextEvent: { id: 'ev 1', title: '夜间巡逻', startAt: '2026-12-07T11:00:00Z', place: '居委会门口', status: 'confirmed', checkin: 'open', checkinOpensAt: '2026-12-07T10:30:00Z' },
        upcomingEvents: 2,
        unreadNotices: 3,
        loans: { open: 2, dueSoon: 0, overdue: 1 },
        cabin: { id: 'c', name: '爱心格子屋', open: false, label: '明天 9:00 开门' },
        points: 12,
      },
    };
    const items = todaySections(t)[0]!.items;
    expect(items.map((i) => [i.key, i.title, i.detail, i.url])).toEqual([
      ['next-event', '今天 19:00 夜间巡逻', '居委会门口 · 现在可以签到', '/packages/events/pages/detail/index?id=ev%201'],
      ['unread', '3 条通知未读', '居委和微格长发来的通知', '/packages/notices/pages/list/index'],
      ['loans', '借了 2 件东西', '1 件已到期，请尽快归还', '/packages/cabin/pages/mine/index'],
      ['cabin-now', '爱心格子屋', '明天 9:00 开门', '/packages/cabin/pages/home/index'],
      ['my-points', '我的积分 12', '每一笔都看得到', '/packages/ledger/pages/mine/index'],
    ]);
    expect(entryBadges(t)).toMatchObject({ notices: '3', 'my-events': '2', 'cabin-mine': '2', admin: '' });
  });

  it('leads the grid leader to 待处理 and the committee to 上报管理, saying what is overdue', () => {
    const t: HomeToday = {
      ...EMPTY,
      grid: { grids: 1, residents: 10, toVisit: 0, noticeUnread: 0, drafts: 0, scheduled: 0, reports: { open: 3, overdue: 1 } },
      committee: { pendingApplications: 0, donationsToReview: 0, overdueLoans: 0, noticeDrafts: 0, noticeScheduled: 0, overdueReports: 2 },
    };
    const line = (key: string) => todaySections(t).flatMap((s) => s.items).find((i) => i.key === key)!;
    expect([line('grid-reports').title, line('grid-reports').detail, line('grid-reports').url, line('grid-reports').urgent]).toEqual(['3 条居民上报待处理', '其中 1 条已超时', '/packages/reports/pages/queue/index', true]);
    expect([line('overdue-reports').title, line('overdue-reports').url, line('overdue-reports').urgent]).toEqual(['2 条上报已超时', '/packages/reports/pages/admin/index', true]);
    expect(entryBadges(t)).toMatchObject({ 'report-queue': '3', 'report-admin': '2' });
    const calm = todaySections({ ...t, grid: { ...t.grid!, reports: { open: 0, overdue: 0 } }, committee: { ...t.committee!, overdueReports: 0 } }).flatMap((s) => s.items);
    expect(calm.filter((i) => i.key.includes('reports')).map((i) => [i.title, i.urgent])).toEqual([
      ['居民上报都在时限内', false],
      ['没有待处理的居民上报', false],
    ]);
  });
});

describe('offersElderMode', () => {
  it('offers from the year one turns 60 (Shanghai), never without a birth year', () => {
    expect(offersElderMode(1966, NOW)).toBe(true);
    expect(offersElderMode(1967, NOW)).toBe(false);
    expect(offersElderMode(null, NOW)).toBe(false);
    expect(offersElderMode(undefined, NOW)).toBe(false);
    // New Year's Eve 16:30 UTC is already the new year in Shanghai.
    expect(offersElderMode(1967, new Date('2026-12-31T16:30:00Z'))).toBe(true);
  });
});
