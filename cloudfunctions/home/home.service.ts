import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { homeActions } from '../../src/shared/actions/home';
import type { CommitteeToday, GridToday, NextEventView, ResidentToday, StreetToday } from '../../src/shared/domain/home';
import { openState } from '../../src/shared/rules/cabin-hours';
import { checkinOpensAtMs, checkinPhase } from '../../src/shared/rules/checkin-window';
import { loanDue } from '../../src/shared/rules/home-today';
import { memberKeysOf } from '../../src/shared/rules/notice-audience';
import { can } from '../_core/authorize';
import { loadCaller, type Caller } from '../_core/caller';
import { clock } from '../_core/clock';
import type { CallContext } from '../_core/router';
import * as q from './home.queries';

type A = typeof homeActions;
type In<K extends keyof A> = ActionParsed<A[K]>;
type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;

/** How many upcoming sign-ups are read to find the next one and count them (a resident has a handful). */
const UPCOMING_LIMIT = 20;

/**
 * Round trips: at most 3 in sequence, whatever the size of the 居民区: (1) the caller; (2) in parallel, the counts
 * of each role they hold: resident 4 (colour, upcoming sign-ups, open loans, cabins) and a member's balance, grid
 * leader 3 (people of their grids, their notices by status, the reports they handle), committee 5 (pending
 * applications, donations offered, overdue loans, notices by status, overdue reports), 街道 1 (its 居民区); (3) in
 * parallel, unread notices (needs the colour) and the 街道's people (needs its 居民区). Measured
 * (tests/integration/home): 6 requests for a resident, 7 for a member, 10 for a grid leader, 11 for the committee,
 * 3 for the 街道, 1 for a newcomer. Every section is
 * scoped to the caller's own records, grids, 居民区 or 街道.
 */
export async function today(_input: In<'today'>, { identity }: CallContext): Out<'today'> {
  const caller = await loadCaller(identity);
  const now = clock().now();
  const [resident, grid, committee, street] = await Promise.all([residentToday(caller, now), gridToday(caller), committeeToday(caller, now), streetToday(caller)]);
  return { now: now.toISOString(), resident, grid, committee, street };
}

async function residentToday(caller: Caller, now: Date): Promise<ResidentToday | null> {
  const record = caller.record;
  if (!record || !caller.communityId || !caller.roles.includes('resident')) return null;
  const communityId = caller.communityId;
  const isMember = caller.roles.includes('member');
  const unread = q.colourOf(caller.memberId).then((colour) =>
    q.unreadNotices(communityId, caller.memberId, memberKeysOf({ gridId: record.gridId, councilIds: record.councilIds ?? [], colour })),
  );
  const [unreadNotices, signups, loans, cabins, points] = await Promise.all([
    unread,
    q.upcomingSignups(caller.memberId, now, UPCOMING_LIMIT),
    q.openLoans(caller.memberId),
    q.cabinsOf(communityId),
    isMember ? q.pointsOf(caller.memberId) : Promise.resolve(null),
  ]);
  const first = signups[0];
  const nextEvent: NextEventView | null = first
    ? {
        id: first.e._id,
        title: first.e.title,
        place: first.e.place,
        startAt: new Date(first.e.startAt).toISOString(),
        status: first.status,
        checkin: checkinPhase(first.e, now.getTime()) === 'open' ? 'open' : 'before',
        checkinOpensAt: new Date(checkinOpensAtMs(first.e)).toISOString(),
      }
    : null;
  const cabin = cabins[0];
  const state = cabin ? openState(cabin.hours, cabin.closures ?? [], now) : null;
  return {
    nextEvent,
    upcomingEvents: signups.length,
    unreadNotices,
    loans: loanDue(loans.map((l) => new Date(l.dueAt)), now),
    cabin: cabin && state ? { id: cabin._id, name: cabin.name, open: state.open, label: state.label } : null,
    points,
  };
}

async function gridToday(caller: Caller): Promise<GridToday | null> {
  if (!caller.communityId || !caller.roles.includes('grid_leader') || caller.gridIds.length === 0) return null;
  const gridIds = caller.gridIds.filter((gridId) => can(caller, 'grids.viewRoster', { communityId: caller.communityId, gridId }));
  if (gridIds.length === 0) return null;
  const [people, notices, reports] = await Promise.all([
    q.gridPeople(caller.communityId, gridIds),
    q.noticesByStatus(caller.communityId, caller.memberId),
    q.handlerReports(caller.communityId, caller.memberId),
  ]);
  const of = (status: q.NoticeStatusRow['_id']) => notices.find((n) => n._id === status);
  const published = of('published');
  return {
    grids: gridIds.length,
    residents: people.residents,
    toVisit: people.toVisit,
    noticeUnread: Math.max(0, (published?.targeted ?? 0) - (published?.read ?? 0)),
    drafts: of('draft')?.notices ?? 0,
    scheduled: of('scheduled')?.notices ?? 0,
    reports,
  };
}

async function committeeToday(caller: Caller, now: Date): Promise<CommitteeToday | null> {
  const communityId = caller.communityId;
  if (!communityId || !can(caller, 'members.review', { communityId })) return null;
  const [pendingApplications, donationsToReview, overdueLoans, notices, overdueReports] = await Promise.all([
    q.pendingApplications(communityId),
    q.donationsToReview(communityId),
    q.overdueLoans(communityId, now),
    q.noticesByStatus(communityId, null),
    q.overdueReports(communityId),
  ]);
  return {
    pendingApplications,
    donationsToReview,
    overdueLoans,
    noticeDrafts: notices.find((n) => n._id === 'draft')?.notices ?? 0,
    noticeScheduled: notices.find((n) => n._id === 'scheduled')?.notices ?? 0,
    overdueReports,
  };
}

async function streetToday(caller: Caller): Promise<StreetToday | null> {
  const streetId = caller.streetId;
  if (!streetId || !can(caller, 'street.viewCounts', { streetId })) return null;
  const ids = await q.communitiesOf(streetId);
  const people = ids.length ? await q.streetPeople(ids) : { residents: 0, members: 0, pending: 0 };
  return { communities: ids.length, ...people };
}
