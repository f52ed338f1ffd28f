/**
 * 居民议事 and 治理项目: a resident writes a proposal, neighbours of the same 居民区 support it; when supports reach the
 * 居民区's threshold within its window the committee (or the sub-council its category names) must answer in time.
 * An adopted proposal becomes a governance project whose progress residents follow.
 */

import type { ImageReview } from './media';

export const MAX_PROPOSAL_PHOTOS = 6;
export const MAX_PROJECT_MILESTONES = 12;
export const MAX_PROJECT_EVENTS = 20;

/** What a 居民区 starts with; the committee tunes them (居委设置). */
export const DEFAULT_PROPOSAL_THRESHOLD = 30;
export const DEFAULT_PROPOSAL_WINDOW_DAYS = 60;
export const DEFAULT_ANSWER_DAYS = 15;

export const DEFAULT_PROPOSAL_CATEGORIES = [
  { key: 'environment', name: '环境美化' },
  { key: 'facility', name: '设施改造' },
  { key: 'safety', name: '平安建设' },
  { key: 'elderly', name: '为老服务' },
  { key: 'youth', name: '青少年' },
  { key: 'culture', name: '文体活动' },
  { key: 'other', name: '其他' },
] as const;

export interface ProposalCategory {
  key: string;
  name: string;
  /** The sub-council that answers proposals of this category; null: the committee answers. */
  councilId: string | null;
  /** Retired categories stay on old proposals but are not offered for new ones. */
  active: boolean;
}

export interface ParticipationSettingsView {
  /** Supports a proposal needs (e.g. 30)… */
  threshold: number;
  /** …within this many days of being written (e.g. 60). */
  windowDays: number;
  /** Days the committee or sub-council has to answer a proposal that reached the threshold. */
  answerDays: number;
  categories: ProposalCategory[];
}

/**
 * collecting: 征集中 (supports open); answering: 待答复 (threshold reached, routed); adopted: 已采纳 (a project made);
 * partial: 部分采纳; rejected: 不采纳 (with a reason); merged: 已合并 into another proposal; archived: 已归档 (the window
 * closed without enough support; still readable).
 */
export const PROPOSAL_STATES = ['collecting', 'answering', 'adopted', 'partial', 'rejected', 'merged', 'archived'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const PROPOSAL_STATE_LABELS: Record<ProposalState, string> = {
  collecting: '征集中',
  answering: '待答复',
  adopted: '已采纳',
  partial: '部分采纳',
  rejected: '不采纳',
  merged: '已合并',
  archived: '已归档',
};

export const ANSWER_KINDS = ['adopt', 'partial', 'reject', 'merge'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

export const ANSWER_KIND_LABELS: Record<AnswerKind, string> = {
  adopt: '采纳',
  partial: '部分采纳',
  reject: '不采纳',
  merge: '合并',
};

/** The state an answer moves a proposal to. */
export const ANSWER_STATE: Record<AnswerKind, ProposalState> = {
  adopt: 'adopted',
  partial: 'partial',
  reject: 'rejected',
  merge: 'merged',
};

/** Who answers a proposal that reached the threshold. */
export type ProposalRoute = { kind: 'committee' } | { kind: 'council'; councilId: string; councilName: string };

export interface ProposalAnswerView {
  kind: AnswerKind;
  /** The reason or the reply the residents read (required for 不采纳 and 合并). */
  text: string;
  byName: string;
  at: string;
  /** 采纳: the project made from it. */
  projectId: string | null;
  /** 合并: the proposal it went into. */
  mergedIntoId: string | null;
}

export interface ProposalSummaryView {
  id: string;
  title: string;
  categoryKey: string;
  categoryName: string;
  state: ProposalState;
  supports: number;
  threshold: number;
  /** When supports close (ISO); a proposal short of the threshold then is archived. */
  windowEndsAt: string;
  /** When the answer is due (ISO), once the threshold is reached. */
  answerDueAt: string | null;
  /** Past answerDueAt without an answer (marked by the timer). */
  overdue: boolean;
  authorName: string;
  createdAt: string;
}

/** `pendingImages` / `refusedImages`: the author's photos still under check, and how many were refused (others get none). */
export interface ProposalView extends ProposalSummaryView, ImageReview {
  text: string;
  /** Photos the image check passed. */
  photos: string[];
  place: string;
  route: ProposalRoute | null;
  reachedAt: string | null;
  answer: ProposalAnswerView | null;
  supportedByMe: boolean;
  mine: boolean;
  comments: number;
  /** What the caller may do now. */
  can: { support: boolean; withdraw: boolean; comment: boolean; answer: boolean; moderate: boolean };
  /** Proposals merged into this one. */
  mergedFrom: { id: string; title: string }[];
  /** Bumped by every state change: an answer applies only to the version the caller saw. */
  version: number;
}

export interface ProposalCommentView {
  id: string;
  authorName: string;
  /** Empty when hidden: the page shows 该评论已被隐藏 with the reason. */
  text: string;
  hidden: { reason: string; at: string } | null;
  mine: boolean;
  at: string;
}

/** planned 计划中, active 进行中, done 已完成, paused 暂停. */
export const PROJECT_STATUSES = ['planned', 'active', 'done', 'paused'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  planned: '计划中',
  active: '进行中',
  done: '已完成',
  paused: '暂停',
};

export interface ProjectMilestoneView {
  title: string;
  /** Shanghai date YYYY-MM-DD. */
  due: string;
  done: boolean;
}

export interface ProjectSummaryView {
  id: string;
  title: string;
  place: string;
  status: ProjectStatus;
  percent: number;
  ownerCouncilName: string | null;
  updatedAt: string;
}

export interface ProjectView extends ProjectSummaryView {
  goal: string;
  ownerCouncilId: string | null;
  milestones: ProjectMilestoneView[];
  eventIds: string[];
  proposalId: string | null;
  followers: number;
  followedByMe: boolean;
  createdAt: string;
  can: { manage: boolean; progress: boolean };
  version: number;
}

export interface ProjectUpdateView {
  id: string;
  /** The day the work was done, Shanghai date YYYY-MM-DD. */
  date: string;
  percent: number;
  text: string;
  /** Photos whose image check passed; for the committee and the author also those still under check. */
  photosBefore: string[];
  photosAfter: string[];
  /** Of those, the ones still under check (shown 审核中), and how many were refused and removed: the committee's and the author's only. */
  pendingImages: string[];
  refusedImages: number;
  byName: string;
  at: string;
}

/** The 街道's list: every project of every 居民区, no personal detail. */
export interface StreetProjectRow {
  communityId: string;
  communityName: string;
  projectId: string;
  title: string;
  status: ProjectStatus;
  percent: number;
  updatedAt: string;
}

/** Whether supports are still open at `now`. */
export function supportOpen(state: ProposalState, windowEndsAt: Date, now: Date): boolean {
  return state === 'collecting' && now.getTime() < windowEndsAt.getTime();
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * 86_400_000);
}

/** Who answers a proposal of this category: its sub-council, or the committee when none or gone. */
export function routeFor(category: ProposalCategory | undefined, councilNames: ReadonlyMap<string, string>): ProposalRoute {
  const councilId = category?.councilId ?? null;
  const name = councilId ? councilNames.get(councilId) : undefined;
  return councilId && name ? { kind: 'council', councilId, councilName: name } : { kind: 'committee' };
}
