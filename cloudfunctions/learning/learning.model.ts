import { createHash } from 'crypto';
import type { CourseOwner, CourseState, Lesson, Quiz, QuizAnswers, RequiredRole } from '../../src/shared/domain/learning';
import { newCertificateCode } from '../honours/honours.model';

/**
 * One course with its lessons and quiz in the document (a course has at most 30 short lessons), so a learner's page is
 * one read. `communityId` is the 居民区 of a committee's course and null for a 街道's, which every 居民区 of `streetId`
 * takes. `lessonKeys` is the lessons' order, kept with them in every write.
 */
export interface CourseDoc {
  _id: string;
  owner: CourseOwner;
  communityId: string | null;
  streetId: string;
  /** The 居民区's or the 街道's name, as the course list shows it. */
  ownerName: string;
  title: string;
  summary: string;
  cover: string;
  studyMinutes: number;
  requiredFor: RequiredRole[];
  lessons: Lesson[];
  lessonKeys: string[];
  /** The next lesson key's number (l1, l2...): keys are never reused, so progress never points at another lesson. */
  nextLesson: number;
  quiz: Quiz | null;
  /**
   * The image check (_core/media-check.ts, slot courseImage) of the cover and every lesson's images: those it passed
   * are in `approvedImages` and shown; the rest wait in `pendingImages`; refused ones are counted.
   */
  approvedImages: string[];
  pendingImages: string[];
  refusedImages: number;
  /** Kept with `quiz` in every write, so the list (which leaves the quiz out) can say whether there is one. */
  hasQuiz: boolean;
  state: CourseState;
  version: number;
  createdBy: { memberId: string; name: string };
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
}

/** A learner's progress on a course (`_id` = `${courseId}:${memberId}`), moved only in a transaction. */
export interface ProgressDoc {
  _id: string;
  courseId: string;
  memberId: string;
  communityId: string;
  done: string[];
  attempts: number;
  /** Attempts on the Shanghai day `attemptDay` (the daily limit). */
  attemptDay: string;
  attemptsThatDay: number;
  bestPercent: number | null;
  passedAt: Date | null;
  startedAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

/** One handed-in quiz (`_id` from the learner and the page's request id): a retry finds it and answers it again. */
export interface AttemptDoc {
  _id: string;
  /** The progress document it counts on (`attempts`), which the audit recomputes from these. */
  progressId: string;
  courseId: string;
  memberId: string;
  communityId: string;
  answers: QuizAnswers;
  correct: number;
  total: number;
  percent: number;
  passed: boolean;
  wrong: string[];
  at: Date;
}

/**
 * A finished course and its certificate (`_id` = `${courseId}:${memberId}`: one per learner and course). `code` is
 * random (the honours certificate's alphabet), what a reader checks. The points are fixed when it is written and
 * owed until the ledger has them (`pointsPosted`), posted under the key `course:${courseId}:${memberId}`.
 */
export interface CompletionDoc {
  _id: string;
  courseId: string;
  memberId: string;
  communityId: string;
  code: string;
  name: string;
  communityName: string;
  courseTitle: string;
  studyMinutes: number;
  percent: number | null;
  points: number;
  pointsPosted: boolean;
  completedAt: Date;
}

/** A case of the 街道's library (优秀案例). `communityId` is '' for a story of the whole 街道. */
export interface CaseDoc {
  _id: string;
  streetId: string;
  communityId: string;
  communityName: string;
  title: string;
  summary: string;
  text: string;
  tags: string[];
  /** Images the check passed (slot caseImage); the rest wait in `pendingImages`. */
  images: string[];
  pendingImages: string[];
  refusedImages: number;
  source: string;
  published: boolean;
  publishedAt: Date | null;
  version: number;
  createdBy: { memberId: string; name: string };
  createdAt: Date;
  updatedAt: Date;
}

export const progressIdOf = (courseId: string, memberId: string) => `${courseId}:${memberId}`;
export const completionIdOf = progressIdOf;
/** The ledger key of a course's points: the same learner and course post once, whatever retries or races. */
export const pointsKeyOf = (courseId: string, memberId: string) => `course:${courseId}:${memberId}`;

const hashed = (prefix: string, ...parts: string[]) => `${prefix}-${createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 24)}`;

/** Deterministic from who creates it and the form's request id, so a retried create finds its draft. */
export const courseIdOf = (memberId: string, requestId: string) => hashed('co', memberId, requestId);
export const caseIdOf = (memberId: string, requestId: string) => hashed('ca', memberId, requestId);
export const attemptIdOf = (memberId: string, courseId: string, requestId: string) => hashed('qa', memberId, courseId, requestId);

/** The honours certificate's code: 12 characters, 60 random bits. */
export const newCompletionCode = newCertificateCode;

/** How many quiz attempts a learner may hand in on one Shanghai day. */
export const ATTEMPTS_PER_DAY = 10;
