import { REPORT_STATE_LABELS } from '../../src/shared/domain/report';
import { formatShanghai } from '../../src/shared/time';
import { sendBatch, type OnceMessage } from '../_core/message-outbox';
import type { ReportDoc, ReportStepDoc } from './reports.model';
import * as q from './reports.queries';
import { placeText } from './reports.views';

/**
 * Subscribe messages of a report's steps, through the outbox (_core/message-outbox.ts) and the quota ledger. Every
 * change that has someone to tell sets `untold` with its step in the same write; telling sends the messages of the
 * steps from `toldSteps` on (each under a send key naming the report, the step and the person, so it is said once)
 * and then clears the mark, only while the report is still at the version it read. A call that died before telling
 * leaves the mark, and the `report-clocks` timer tells.
 */

/** The page a message opens. */
export const detailPage = (reportId: string) => `packages/reports/pages/detail/index?id=${encodeURIComponent(reportId)}`;

const sendKeyOf = (r: ReportDoc, index: number, memberId: string) => `report:${r._id}:${index}:${memberId}`;

/** Who a step tells, and with which template. */
function audience(r: ReportDoc, step: ReportStepDoc, committee: () => string[]): { ids: string[]; template: 'report-assigned' | 'report-progress' | 'report-overdue' } | null {
  const people = [r.reporterId, ...r.followers];
  const staff = r.assignee.kind === 'committee' ? committee() : r.handlerIds;
  switch (step.kind) {
    case 'filed':
    case 'handedOver':
    case 'reopened':
      return { ids: staff, template: 'report-assigned' };
    case 'accepted':
    case 'waiting':
    case 'resolved':
    case 'closed':
    case 'merged':
      return { ids: people, template: 'report-progress' };
    case 'responseOverdue':
      return { ids: r.chiefId ? [r.chiefId] : committee(), template: 'report-overdue' };
    case 'resolutionOverdue':
      return { ids: committee(), template: 'report-overdue' };
    default:
      return null;
  }
}

const PROGRESS: Partial<Record<ReportStepDoc['kind'], string>> = {
  accepted: REPORT_STATE_LABELS.accepted,
  waiting: REPORT_STATE_LABELS.waiting,
  resolved: REPORT_STATE_LABELS.resolved,
  closed: REPORT_STATE_LABELS.closed,
  merged: REPORT_STATE_LABELS.merged,
};

function message(r: ReportDoc, step: ReportStepDoc, index: number, memberId: string, template: 'report-assigned' | 'report-progress' | 'report-overdue'): OnceMessage {
  const base = { sendKey: sendKeyOf(r, index, memberId), memberId, page: detailPage(r._id) };
  const place = placeText(r);
  if (template === 'report-assigned') {
    const note = step.kind === 'filed' ? `请在${r.rule.responseMinutes}分钟内响应` : step.kind === 'reopened' ? '居民说还没解决，请再看看' : `转交：${step.text}`;
    return { ...base, template, values: { title: r.categoryName, place, time: formatShanghai(step.kind === 'filed' ? r.filedAt : step.at), note } };
  }
  if (template === 'report-overdue') {
    const response = step.kind === 'responseOverdue';
    return {
      ...base,
      template,
      values: { title: r.categoryName, place, time: formatShanghai(response ? r.responseDueAt : r.resolutionDueAt), note: response ? '超时未响应，请总格长跟进' : '超过办结时限，请居委关注' },
    };
  }
  return { ...base, template, values: { title: r.categoryName, state: PROGRESS[step.kind] ?? '', note: step.text || '请打开小程序查看' } };
}

/**
 * Tells the steps not yet told and clears the mark. Round trips: 0 when nothing is untold; else 1 (the committee,
 * only when a step tells it) + per message the outbox's (1 + a transaction of 2 reads and 2 writes, side by side,
 * then the sends and one mark) + 1 (the mark cleared).
 */
export async function tell(r: ReportDoc): Promise<void> {
  if (!r.untold) return;
  const from = r.toldSteps ?? 0;
  const needsCommittee = r.steps.slice(from).some((s) => s.kind === 'resolutionOverdue' || (r.assignee.kind === 'committee' && ['filed', 'handedOver', 'reopened'].includes(s.kind)) || (s.kind === 'responseOverdue' && !r.chiefId));
  const committee = needsCommittee ? await q.committeeOf(r.communityId) : [];
  const messages: OnceMessage[] = [];
  for (let i = from; i < r.steps.length; i++) {
    const step = r.steps[i]!;
    const to = audience(r, step, () => committee);
    if (!to) continue;
    // Nobody is told of their own step.
    for (const id of new Set(to.ids)) if (id !== step.byMemberId) messages.push(message(r, step, i, id, to.template));
  }
  // One owner per version: the same change's retry (or the timer) takes back what a dead call queued.
  if (messages.length) await sendBatch(messages, `tell:${r._id}:${r.version}`);
  await q.updateIf(r._id, { version: r.version, untold: true }, { untold: false, toldSteps: r.steps.length });
}
