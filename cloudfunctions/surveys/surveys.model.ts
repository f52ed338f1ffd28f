import { createHash, createHmac } from 'crypto';
import type { AnswerInput, ResultsVisibility, SurveyAudience, SurveyQuestion, SurveyState } from '../../src/shared/domain/survey';

/** One questionnaire: its questions (frozen once published), audience, times and state. */
export interface SurveyDoc {
  _id: string;
  communityId: string;
  title: string;
  intro: string;
  questions: SurveyQuestion[];
  audience: SurveyAudience;
  opensAt: Date;
  closesAt: Date;
  anonymous: boolean;
  results: ResultsVisibility;
  locked: boolean;
  state: SurveyState;
  /** Who wrote it and as what: the committee, a council's chair, or a grid leader. */
  createdBy: { memberId: string; role: 'committee' | 'council_chair' | 'grid_leader'; name: string };
  createdAt: Date;
  publishedAt: Date | null;
  closedAt: Date | null;
  /** Residents in the audience, counted from the member records at publish and again at close (turnout's denominator). */
  audienceSize: number;
  version: number;
}

/**
 * One resident's answer, `_id` = `${surveyId}:${key}`: the key is the member id for named surveys and a keyed hash
 * for anonymous ones, which then store no member id at all. `shard` names the tally document it counts on.
 */
export interface AnswerDoc {
  _id: string;
  surveyId: string;
  communityId: string;
  /** Named surveys only: who answered (name and building as they were, so named results need no extra read). */
  memberId?: string;
  name?: string;
  building?: string;
  answer: AnswerInput;
  /** Whether a short text is in it, so results can list texts without reading every answer. */
  hasText: boolean;
  shard: number;
  answeredAt: Date;
  changedAt: Date;
}

/**
 * The counters of a survey, split over TALLY_SHARDS documents (`_id` = `${surveyId}:t${n}`) so racing answers
 * rarely meet on one document. A shard is made by the first answer that counts on it, and moved only in the
 * transaction that writes an answer; results add the shards up (one read), and the audit recomputes every shard
 * from the answers.
 */
export interface TallyDoc {
  _id: string;
  surveyId: string;
  communityId: string;
  shard: number;
  answers: number;
  counts: Record<string, number>;
}

/** Enough that 500 residents answering at once meet a handful of others per shard, not dozens. */
export const TALLY_SHARDS = 64;

export const tallyId = (surveyId: string, shard: number) => `${surveyId}:t${shard}`;

/** Deterministic from who creates it and the form's request id, so a retried `create` finds its draft. */
export function surveyIdOf(memberId: string, requestId: string): string {
  return `sv-${createHash('sha256').update(`${memberId}\n${requestId}`).digest('hex').slice(0, 24)}`;
}

/**
 * The secret of anonymous answer keys: from the function's environment (generated on the first deploy, set by the
 * local stack for development). Without it a key cannot be tied back to a member, even by someone holding the database.
 */
function answerSecret(): string {
  const value = process.env.TXTD_SURVEY_SECRET;
  if (!value) throw new Error('TXTD_SURVEY_SECRET is not set');
  return value;
}

/** The answer key: the member id (named) or HMAC-SHA256(secret, surveyId + memberId) (anonymous). */
export function answerKeyOf(survey: Pick<SurveyDoc, '_id' | 'anonymous'>, memberId: string): string {
  if (!survey.anonymous) return memberId;
  return `a-${createHmac('sha256', answerSecret()).update(`${survey._id}\n${memberId}`).digest('hex').slice(0, 40)}`;
}

export const answerIdOf = (survey: Pick<SurveyDoc, '_id' | 'anonymous'>, memberId: string) => `${survey._id}:${answerKeyOf(survey, memberId)}`;

/** The shard an answer counts on: fixed by its id, so a changed answer moves the same shard. */
export function shardOf(answerId: string): number {
  return parseInt(createHash('sha256').update(answerId).digest('hex').slice(0, 8), 16) % TALLY_SHARDS;
}
