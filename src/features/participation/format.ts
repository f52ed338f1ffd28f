import type { StatusTone } from '@/components/StatusTag';
import type { ProjectStatus, ProposalState, ProposalSummaryView } from '@shared/domain/participation';
import { formatShanghai, fromShanghai } from '@shared/time';

/** "12月5日", Shanghai time. */
export const dayText = (iso: string): string => formatShanghai(iso, 'M月D日');

/** A Shanghai day "2026-12-05" as "12月5日". */
export const dateText = (day: string): string => dayText(fromShanghai(day, '12:00'));

export const PROPOSAL_TONES: Record<ProposalState, StatusTone> = {
  collecting: 'pending',
  answering: 'pending',
  adopted: 'success',
  partial: 'success',
  rejected: 'neutral',
  merged: 'neutral',
  archived: 'neutral',
};

export const PROJECT_TONES: Record<ProjectStatus, StatusTone> = {
  planned: 'neutral',
  active: 'pending',
  done: 'success',
  paused: 'danger',
};

/** What a proposal's clock says: "已有12人支持，还差18人 · 2月3日截止", "待答复 · 12月20日前答复（已超时）". */
export function proposalClock(p: Pick<ProposalSummaryView, 'state' | 'supports' | 'threshold' | 'windowEndsAt' | 'answerDueAt' | 'overdue'>): string {
  if (p.state === 'collecting') {
    const short = Math.max(0, p.threshold - p.supports);
    return `已有${p.supports}人支持，还差${short}人 · ${dayText(p.windowEndsAt)}截止`;
  }
  if (p.state === 'answering' && p.answerDueAt) return `${p.supports}人支持 · ${dayText(p.answerDueAt)}前答复${p.overdue ? '（已超时）' : ''}`;
  return `${p.supports}人支持`;
}
