import type { HomeToday } from '@shared/domain/home';
import { badgeText } from '@shared/rules/home-today';
import type { MeEntryGroup } from './entries';
import { ROUTES } from './routes';

/** One line of 首页's "今天": a fact with its count, one tap from the page that deals with it. */
export interface TodayItem {
  key: string;
  title: string;
  detail: string;
  url: string;
  /** Something waits for the caller (shown stronger). */
  urgent: boolean;
}

export interface TodaySection {
  key: 'resident' | 'grid' | 'committee' | 'street';
  title: string;
  items: TodayItem[];
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const SHANGHAI_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** 今天 19:00 / 明天 9:30 / 周三 14:00 / 12月20日 周六 9:00, in Shanghai time (no date library in the main package). */
export function whenText(iso: string, nowIso: string): string {
  const at = new Date(new Date(iso).getTime() + SHANGHAI_MS);
  const now = new Date(new Date(nowIso).getTime() + SHANGHAI_MS);
  const dayNo = (d: Date) => Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) / 86_400_000);
  const days = dayNo(at) - dayNo(now);
  const time = `${at.getUTCHours()}:${pad(at.getUTCMinutes())}`;
  if (days === 0) return `今天 ${time}`;
  if (days === 1) return `明天 ${time}`;
  if (days > 1 && days < 7) return `${WEEKDAYS[at.getUTCDay()]} ${time}`;
  return `${at.getUTCMonth() + 1}月${at.getUTCDate()}日 ${WEEKDAYS[at.getUTCDay()]} ${time}`;
}

const eventUrl = (id: string) => `/packages/events/pages/detail/index?id=${encodeURIComponent(id)}`;

/** What matters today, in the order 首页 shows it: the role's own work first, then the resident's day. */
export function todaySections(t: HomeToday): TodaySection[] {
  const sections: TodaySection[] = [];
  if (t.street) {
    const s = t.street;
    sections.push({
      key: 'street',
      title: '街道概览',
      items: [
        { key: 'street', title: `${s.communities} 个居民区`, detail: `居民 ${s.residents} 人 · 梯队成员 ${s.members} 人 · 待审核 ${s.pending} 份`, url: ROUTES.street, urgent: false },
      ],
    });
  }
  if (t.committee) {
    const c = t.committee;
    sections.push({
      key: 'committee',
      title: '今天待办',
      items: [
        { key: 'applications', title: c.pendingApplications ? `${c.pendingApplications} 份入队申请待审核` : '入队申请都处理完了', detail: '审核第二梯队申请', url: ROUTES.adminApplications, urgent: c.pendingApplications > 0 },
        { key: 'donations', title: c.donationsToReview ? `${c.donationsToReview} 件捐赠待处理` : '没有待处理的捐赠', detail: '格子屋值守台 · 捐赠', url: `${ROUTES.cabinDesk}?tab=donations`, urgent: c.donationsToReview > 0 },
        { key: 'overdue', title: c.overdueLoans ? `${c.overdueLoans} 件借用已逾期` : '没有逾期的借用', detail: '格子屋值守台 · 逾期', url: `${ROUTES.cabinDesk}?tab=overdue`, urgent: c.overdueLoans > 0 },
        {
          key: 'drafts',
          title: c.noticeDrafts ? `${c.noticeDrafts} 份通知草稿待发布` : '没有待发布的通知草稿',
          detail: c.noticeScheduled ? `另有 ${c.noticeScheduled} 份定时发布` : '发通知、看谁读了',
          url: `${ROUTES.notices}?tab=managed`,
          urgent: c.noticeDrafts > 0,
        },
        {
          key: 'overdue-reports',
          title: c.overdueReports ? `${c.overdueReports} 条上报已超时` : '居民上报都在时限内',
          detail: '一键上报 · 15分钟响应、24小时办结',
          url: ROUTES.reportAdmin,
          urgent: c.overdueReports > 0,
        },
      ],
    });
  }
  if (t.grid) {
    const g = t.grid;
    sections.push({
      key: 'grid',
      title: '我的微格',
      items: [
        {
          key: 'grid-reports',
          title: g.reports.open ? `${g.reports.open} 条居民上报待处理` : '没有待处理的居民上报',
          detail: g.reports.overdue ? `其中 ${g.reports.overdue} 条已超时` : '按时限排好，先到期的在前',
          url: ROUTES.reportQueue,
          urgent: g.reports.open > 0,
        },
        { key: 'visit', title: g.toVisit ? `${g.toVisit} 位居民需要走访` : '微格居民都好', detail: `共 ${g.residents} 位居民 · 红黄分色优先`, url: ROUTES.roster, urgent: g.toVisit > 0 },
        {
          key: 'grid-unread',
          title: g.noticeUnread ? `我发的通知还有 ${g.noticeUnread} 人未读` : '我发的通知大家都读了',
          detail: g.drafts || g.scheduled ? `草稿 ${g.drafts} 份 · 定时 ${g.scheduled} 份` : '提醒未读的邻居',
          url: `${ROUTES.notices}?tab=managed`,
          urgent: g.noticeUnread > 0 || g.drafts > 0,
        },
      ],
    });
  }
  if (t.resident) {
    const r = t.resident;
    const items: TodayItem[] = [];
    if (r.nextEvent) {
      const e = r.nextEvent;
      const checkin = e.checkin === 'open' ? '现在可以签到' : `${whenText(e.checkinOpensAt, t.now)} 开始签到`;
      items.push({
        key: 'next-event',
        title: `${whenText(e.startAt, t.now)} ${e.title}`,
        detail: `${e.place} · ${e.status === 'waiting' ? '候补中' : checkin}`,
        url: eventUrl(e.id),
        urgent: e.checkin === 'open',
      });
    } else {
      items.push({ key: 'next-event', title: '还没有报名的活动', detail: '看看最近的社区活动', url: ROUTES.events, urgent: false });
    }
    items.push({
      key: 'unread',
      title: r.unreadNotices ? `${r.unreadNotices} 条通知未读` : '通知都看过了',
      detail: '居委和微格长发来的通知',
      url: ROUTES.notices,
      urgent: r.unreadNotices > 0,
    });
    if (r.loans.open > 0) {
      const due = r.loans.overdue ? `${r.loans.overdue} 件已到期，请尽快归还` : r.loans.dueSoon ? `${r.loans.dueSoon} 件两天内到期` : '都还没到期';
      items.push({ key: 'loans', title: `借了 ${r.loans.open} 件东西`, detail: due, url: ROUTES.myLoans, urgent: r.loans.overdue + r.loans.dueSoon > 0 });
    }
    if (r.cabin) items.push({ key: 'cabin-now', title: r.cabin.name, detail: r.cabin.label, url: ROUTES.cabin, urgent: false });
    if (r.points !== null) items.push({ key: 'my-points', title: `我的积分 ${r.points}`, detail: '每一笔都看得到', url: ROUTES.myPoints, urgent: false });
    sections.push({ key: 'resident', title: '我的今天', items });
  }
  return sections;
}

/** The count each entry of 首页 shows, by entry key ('' for none). */
export function entryBadges(t: HomeToday | null): Record<string, string> {
  if (!t) return {};
  const r = t.resident;
  const badges: Record<string, number> = {
    notices: r?.unreadNotices ?? 0,
    'my-events': r?.upcomingEvents ?? 0,
    'cabin-mine': r?.loans.open ?? 0,
    admin: t.committee?.pendingApplications ?? 0,
    'cabin-desk': (t.committee?.overdueLoans ?? 0) + (t.committee?.donationsToReview ?? 0),
    'notice-write': (t.committee?.noticeDrafts ?? 0) || (t.grid?.drafts ?? 0),
    roster: t.grid?.toVisit ?? 0,
    'report-queue': t.grid?.reports.open ?? 0,
    'report-admin': t.committee?.overdueReports ?? 0,
    street: t.street?.pending ?? 0,
  };
  return Object.fromEntries(Object.entries(badges).map(([k, n]) => [k, badgeText(n)]));
}

/** 首页's entry groups with each entry's count in its hint's place. */
export function withBadges(groups: MeEntryGroup[], badges: Record<string, string>): MeEntryGroup[] {
  return groups.map((g) => ({ ...g, entries: g.entries.map((e) => (badges[e.key] ? { ...e, badge: badges[e.key] } : e)) }));
}
