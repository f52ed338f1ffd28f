import type { StatusTone } from '@/components/StatusTag';
import { REPORT_STATE_LABELS, type ReportPlace, type ReportState, type ReportStepKind, type ReportSummaryView } from '@shared/domain/report';
import { formatShanghai } from '@shared/time';

/** Where the problem is, in words: "3号楼 2单元" or "小区大门". */
export function placeText(place: Pick<ReportPlace, 'building' | 'unit' | 'spot'>): string {
  if (place.spot) return place.spot;
  return [place.building, place.unit].filter(Boolean).join(' ');
}

/** "12月5日 15:30", Shanghai time. */
export const whenText = (iso: string): string => formatShanghai(iso, 'M月D日 HH:mm');

export const STATE_TONES: Record<ReportState, StatusTone> = {
  submitted: 'pending',
  accepted: 'pending',
  waiting: 'neutral',
  resolved: 'success',
  closed: 'success',
  merged: 'neutral',
};

export const stateLabel = (state: ReportState): string => REPORT_STATE_LABELS[state];

export interface DueLine {
  text: string;
  /** Past its clock (marked 超时): shown red, and said in words. */
  overdue: boolean;
}

/**
 * The clock of a report in words: "12月5日 15:30 前响应", "超时未响应（应在 … 前）". Exactly at the due time counts
 * as due (the timer's rule); null when no clock runs (waiting, resolved, closed).
 */
export function dueLine(report: Pick<ReportSummaryView, 'dueAt' | 'dueKind' | 'responseOverdue' | 'resolutionOverdue' | 'state'>, nowMs: number): DueLine | null {
  if (report.state === 'waiting') return { text: '等待居民，计时暂停', overdue: false };
  if (!report.dueAt || !report.dueKind) return null;
  const response = report.dueKind === 'response';
  const overdue = (response ? report.responseOverdue : report.resolutionOverdue) || nowMs >= Date.parse(report.dueAt);
  const verb = response ? '响应' : '办结';
  return overdue ? { text: `超时未${verb}（应在 ${whenText(report.dueAt)} 前）`, overdue } : { text: `${whenText(report.dueAt)} 前${verb}`, overdue };
}

/** What each step of the timeline says. */
export const STEP_LABELS: Record<ReportStepKind, string> = {
  filed: '提交上报',
  joined: '邻居也遇到了',
  accepted: '已响应',
  handedOver: '已转交',
  waiting: '等待居民',
  resumed: '继续处理',
  visited: '走访记录',
  helpAsked: '请能人帮忙',
  resolved: '已处理完，请居民确认',
  confirmed: '居民确认已解决',
  reopened: '居民说没解决，重新处理',
  closed: '已办结',
  merged: '已并入另一条上报',
  mergedIn: '并入了一条重复上报',
  responseOverdue: '超时未响应，已转总格长',
  resolutionOverdue: '超时未办结，已报居委',
};

/** Steps that mark a missed clock are shown red. */
export const isOverdueStep = (kind: ReportStepKind): boolean => kind === 'responseOverdue' || kind === 'resolutionOverdue';

/** A share (0..1) as "87%", "—" when there was nothing to measure. */
export function shareText(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** A median response in words: "12分钟", "1.5小时"; "—" when none. */
export function minutesText(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes < 60) return `${Math.round(minutes)}分钟`;
  return `${Math.round((minutes / 60) * 10) / 10}小时`;
}

/** Satisfaction, the mean of the residents' stars (1-5, as w16-figures measures it), as "4.6 星"; "—" when none. */
export function starsText(mean: number | null): string {
  return mean === null ? '—' : `${Math.round(mean * 10) / 10} 星`;
}

export function hoursText(hours: number | null): string {
  if (hours === null) return '—';
  return `${Math.round(hours * 10) / 10}小时`;
}
