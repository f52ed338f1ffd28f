import {
  DEFAULT_ANSWER_DAYS,
  DEFAULT_PROPOSAL_CATEGORIES,
  DEFAULT_PROPOSAL_THRESHOLD,
  DEFAULT_PROPOSAL_WINDOW_DAYS,
  type AnswerKind,
  type ProjectStatus,
  type ProposalCategory,
  type ProposalRoute,
  type ProposalState,
} from '../../src/shared/domain/participation';

/** `participation_settings`, `_id` = communityId; missing = the defaults. */
export interface ParticipationSettingsDoc {
  _id: string;
  communityId: string;
  threshold: number;
  windowDays: number;
  answerDays: number;
  categories: ProposalCategory[];
  updatedBy: string;
  updatedAt: Date;
}

export type Settings = Pick<ParticipationSettingsDoc, 'threshold' | 'windowDays' | 'answerDays' | 'categories'>;

export function settingsIn(doc: ParticipationSettingsDoc | null): Settings {
  if (doc) return { threshold: doc.threshold, windowDays: doc.windowDays, answerDays: doc.answerDays, categories: doc.categories };
  return {
    threshold: DEFAULT_PROPOSAL_THRESHOLD,
    windowDays: DEFAULT_PROPOSAL_WINDOW_DAYS,
    answerDays: DEFAULT_ANSWER_DAYS,
    categories: DEFAULT_PROPOSAL_CATEGORIES.map((c) => ({ ...c, councilId: null, active: true })),
  };
}

export interface AnswerDoc {
  kind: AnswerKind;
  text: string;
  byId: string;
  byName: string;
  at: Date;
  projectId: string | null;
  mergedIntoId: string | null;
  requestId: string;
}

/** `proposals`: one document per proposal; `supports` moves only with a support record, in one transaction. */
export interface ProposalDoc {
  _id: string;
  communityId: string;
  title: string;
  text: string;
  place: string;
  photos: string[];
  pendingImages: string[];
  refusedImages: number;
  categoryKey: string;
  categoryName: string;
  authorId: string;
  authorName: string;
  state: ProposalState;
  version: number;
  supports: number;
  /** The threshold and answer time as they were when written: a later settings change does not move the goal. */
  threshold: number;
  answerDays: number;
  windowEndsAt: Date;
  reachedAt: Date | null;
  answerDueAt: Date | null;
  overdue: boolean;
  route: ProposalRoute | null;
  answer: AnswerDoc | null;
  comments: number;
  mergedFrom: { id: string; title: string }[];
  /** Messages owed for the last state change (threshold reached, answered): sent after it, retried by the timer. */
  untold: boolean;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** `proposal_supports`, `_id` = `${proposalId}:${memberId}`: one per resident; a withdrawal clears `active`. */
export interface SupportDoc {
  _id: string;
  proposalId: string;
  communityId: string;
  memberId: string;
  active: boolean;
  at: Date;
}

/** `proposal_comments`, `_id` from the author and request id (a retry writes once). */
export interface CommentDoc {
  _id: string;
  proposalId: string;
  communityId: string;
  authorId: string;
  authorName: string;
  text: string;
  hidden: { reason: string; at: Date; byId: string } | null;
  at: Date;
}

export interface MilestoneDoc {
  title: string;
  due: string;
  done: boolean;
}

/** `projects`: a governance project; `followers` moves only with a follow record, in one transaction. */
export interface ProjectDoc {
  _id: string;
  communityId: string;
  communityName: string;
  streetId: string | null;
  title: string;
  goal: string;
  place: string;
  ownerCouncilId: string | null;
  ownerCouncilName: string | null;
  milestones: MilestoneDoc[];
  eventIds: string[];
  proposalId: string | null;
  status: ProjectStatus;
  percent: number;
  followers: number;
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** `project_updates`: a dated progress update, `_id` from the author and request id. */
export interface ProjectUpdateDoc {
  _id: string;
  projectId: string;
  communityId: string;
  date: string;
  percent: number;
  text: string;
  /** What the author chose, in order; each list shows those of its photos found in `photos`. */
  photosBefore: string[];
  photosAfter: string[];
  /**
   * The photos (before and after alike) the image check passed (slot `progressPhoto`), moved here by the verdict;
   * those still under check wait in `pendingImages`, refused ones are counted. Missing on an update from before the
   * check: all its photos count as passed.
   */
  photos?: string[];
  pendingImages?: string[];
  refusedImages?: number;
  byId: string;
  byName: string;
  at: Date;
  /** Set in the same write as the update when the project has followers; cleared once they are told (tell.ts). */
  untold?: boolean;
}

/** `project_follows`, `_id` = `${projectId}:${memberId}`. */
export interface FollowDoc {
  _id: string;
  projectId: string;
  communityId: string;
  memberId: string;
  active: boolean;
  at: Date;
}

export const supportIdOf = (proposalId: string, memberId: string) => `${proposalId}:${memberId}`;
export const followIdOf = (projectId: string, memberId: string) => `${projectId}:${memberId}`;
/** The project an adoption makes: one per proposal, whatever the retries. */
export const projectIdOfProposal = (proposalId: string) => `pj-${proposalId}`;
