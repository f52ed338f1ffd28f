import type { ReportAssignee, ReportStepView, ReportSummaryView, ReportView, SimilarReportView } from '../../src/shared/domain/report';
import { OPEN_REPORT_STATES } from '../../src/shared/domain/report';
import { nextDue } from '../../src/shared/rules/report-clock';
import type { Caller } from '../_core/caller';
import type { ReportDoc, ReportStepDoc, ReportStepRole } from './reports.model';
import type { PersonRow } from './reports.queries';

/** How the caller stands to a report: what they may see and do. */
export interface Standing {
  committee: boolean;
  /** Named among the handlers now. */
  handler: boolean;
  pastHandler: boolean;
  reporter: boolean;
  /** Filed it for the reporter (代办). */
  proxy: boolean;
  follower: boolean;
}

export function standingOf(caller: Caller, r: ReportDoc): Standing {
  const me = caller.memberId;
  const same = !!caller.communityId && caller.communityId === r.communityId;
  return {
    committee: same && caller.roles.includes('committee'),
    handler: same && r.handlerIds.includes(me),
    pastHandler: same && (r.pastHandlerIds ?? []).includes(me),
    reporter: r.reporterId === me,
    proxy: !!r.proxyBy && r.proxyBy === me,
    follower: r.followers.includes(me),
  };
}

/** Sees the report at all: its people, its handlers (now and before), the committee of its 居民区. */
export const mayView = (s: Standing) => s.committee || s.handler || s.pastHandler || s.reporter || s.proxy || s.follower;
/** May act on it as staff. */
export const mayHandle = (s: Standing) => s.committee || s.handler;
/** Speaks for the reporter (confirm, resume). */
export const speaksForReporter = (s: Standing) => s.reporter || s.proxy;

const OPEN: readonly string[] = OPEN_REPORT_STATES;
export const isOpen = (state: string) => OPEN.includes(state);

/** The role a staff caller acts in on this report, for the timeline's "网格长 王". */
export function staffRole(caller: Caller, r: ReportDoc, s: Standing): ReportStepRole {
  if (r.assignee.kind === 'grid' && caller.gridIds.includes(r.assignee.gridId)) return 'grid_leader';
  if (s.handler && r.chiefId === caller.memberId) return 'chief';
  if (s.handler && r.assignee.kind === 'council') return 'council';
  if (s.handler && r.assignee.kind === 'grid') return 'building_leader';
  if (s.committee) return 'committee';
  return s.handler ? 'building_leader' : 'resident';
}

export const surnameOf = (name: string | undefined) => Array.from((name ?? '').trim())[0] ?? '';

const STAFF_LABELS: Partial<Record<ReportStepRole, string>> = {
  grid_leader: '网格长',
  building_leader: '楼组长',
  chief: '总格长',
  committee: '居委',
  council: '分会',
};

function stepBy(step: ReportStepDoc, viewerId: string): string {
  const staff = STAFF_LABELS[step.byRole];
  if (staff) return step.bySurname ? `${staff} ${step.bySurname}` : staff;
  if (step.byRole === 'system') return '系统';
  return step.byMemberId === viewerId ? '我' : '居民';
}

/** Photos a viewer may see: those whose check passed, and their own still under check. */
function visiblePhotos(r: ReportDoc, photos: readonly string[], authorId: string | null, viewerId: string): string[] {
  const approved = new Set(r.photos ?? []);
  const pending = new Set(r.pendingImages ?? []);
  return photos.filter((p) => approved.has(p) || (authorId === viewerId && pending.has(p)));
}

function toStepView(r: ReportDoc, step: ReportStepDoc, viewerId: string): ReportStepView {
  return {
    kind: step.kind,
    at: step.at.toISOString(),
    by: stepBy(step, viewerId),
    text: step.text,
    photos: visiblePhotos(r, step.photos, step.byMemberId, viewerId),
    ...(step.visit ? { visit: { at: step.visit.at.toISOString(), whom: step.visit.whom, found: step.visit.found } } : {}),
  };
}

export function placeText(r: Pick<ReportDoc, 'place'>): string {
  const p = r.place;
  return p.spot || [p.building, p.unit].filter(Boolean).join(' ');
}

const excerptOf = (text: string) => (Array.from(text).length > 40 ? `${Array.from(text).slice(0, 39).join('')}…` : text);

/** Names a report's holder with what the caller's 居民区 calls them. */
export function assigneeView(r: ReportDoc, names: { grids: Map<string, string>; councils: Map<string, string> }): ReportAssignee {
  const a = r.assignee;
  switch (a.kind) {
    case 'grid':
      return { kind: 'grid', gridId: a.gridId, name: names.grids.get(a.gridId) ?? '微格' };
    case 'council':
      return { kind: 'council', councilId: a.councilId, name: names.councils.get(a.councilId) ?? '分会' };
    case 'chief':
      return { kind: 'chief', name: '总格长' };
    case 'committee':
      return { kind: 'committee', name: '居委会' };
  }
}

export type Names = { grids: Map<string, string>; councils: Map<string, string> };

export function toSummary(r: ReportDoc, names: Names): ReportSummaryView {
  const due = nextDue(r);
  return {
    id: r._id,
    number: r.number,
    categoryKey: r.categoryKey,
    categoryName: r.categoryName,
    placeText: placeText(r),
    excerpt: excerptOf(r.text),
    state: r.state,
    filedAt: r.filedAt.toISOString(),
    dueAt: due.dueAt?.toISOString() ?? null,
    dueKind: due.dueKind,
    responseOverdue: r.responseOverdue,
    resolutionOverdue: r.resolutionOverdue,
    followers: r.followers.length,
    assignee: assigneeView(r, names),
  };
}

export function toView(caller: Caller, r: ReportDoc, names: Names, reporter: PersonRow | undefined): ReportView {
  const s = standingOf(caller, r);
  const staff = mayHandle(s);
  const filed = r.steps.find((st) => st.kind === 'filed');
  const state = r.state;
  const open = isOpen(state);
  return {
    ...toSummary(r, names),
    text: r.text,
    photos: visiblePhotos(r, filed?.photos ?? [], filed?.byMemberId ?? null, caller.memberId),
    place: r.place,
    version: r.version,
    // The reporter's name and phone only for the handlers now and the committee.
    reporter: staff && reporter ? { name: reporter.name, building: reporter.building, room: reporter.room, phone: reporter.phone } : null,
    mine: s.reporter || s.follower,
    proxy: !!r.proxyBy,
    steps: r.steps.map((st) => toStepView(r, st, caller.memberId)),
    waitingReason: state === 'waiting' ? r.waitingReason : null,
    rating: r.rating,
    mergedInto: r.mergedInto,
    can: {
      accept: staff && state === 'submitted',
      handOver: staff && open,
      wait: staff && state === 'accepted',
      resume: (staff || speaksForReporter(s)) && state === 'waiting',
      visit: staff && open,
      resolve: staff && (state === 'submitted' || state === 'accepted'),
      confirm: speaksForReporter(s) && state === 'resolved',
      merge: s.committee && open,
    },
  };
}

export function toSimilar(r: ReportDoc, viewerId: string): SimilarReportView {
  return {
    id: r._id,
    number: r.number,
    filedAt: r.filedAt.toISOString(),
    state: r.state,
    followers: r.followers.length,
    excerpt: excerptOf(r.text),
    mine: r.reporterId === viewerId || r.followers.includes(viewerId),
  };
}
