/**
 * 先锋培育 / 云课堂: short courses of lessons (text with images, a video or audio file from cloud storage), an
 * optional quiz with a pass mark, a completion certificate with a verification code, courses required for a role,
 * and the 街道's case library (优秀案例). Finishing a course earns points by the 居民区's point rules, posted once.
 */
import type { PointRules } from './ledger';
import type { ImageReview } from './media';
import { halfHoursServed } from '../rules/hours';
import { rateFor } from '../rules/points';

export const MAX_LESSONS = 30;
export const MAX_LESSON_IMAGES = 9;
export const MAX_QUIZ_QUESTIONS = 20;
export const MAX_QUIZ_OPTIONS = 6;
export const LESSON_TEXT_MAX = 5000;
export const CASE_TEXT_MAX = 5000;
export const MAX_CASE_IMAGES = 9;
export const MAX_CASE_TAGS = 5;
/** The longest a course says it takes (its points follow from it). */
export const MAX_STUDY_MINUTES = 600;

/** Who a course may be required of: the roles a member record names. */
export const REQUIRED_ROLES = ['member', 'grid_leader', 'committee'] as const;
export type RequiredRole = (typeof REQUIRED_ROLES)[number];

export const REQUIRED_ROLE_LABELS: Record<RequiredRole, string> = {
  member: '梯队成员',
  grid_leader: '微格长',
  committee: '居委工作人员',
};

/** The event type whose rate (in the 居民区's point rules) a finished course earns; unlisted: the default rate. */
export const COURSE_POINTS_TYPE = '学习培训';

/**
 * Points for finishing a course of `studyMinutes` under `rules`: its length counted by the hours rule (民政部令第67号
 * rounding) at the 学习培训 rate, or the default rate. Learning is not service: no hours are posted and the daily cap
 * on service points does not apply.
 */
export function coursePoints(rules: PointRules, studyMinutes: number): number {
  const halfHours = halfHoursServed(studyMinutes);
  const rate = rateFor(rules, COURSE_POINTS_TYPE);
  if (halfHours === 0 || !Number.isFinite(rate) || rate <= 0) return 0;
  return Math.round((halfHours * rate) / 2);
}

export const COURSE_STATES = ['draft', 'published', 'archived'] as const;
export type CourseState = (typeof COURSE_STATES)[number];
export const COURSE_STATE_LABELS: Record<CourseState, string> = { draft: '草稿', published: '已发布', archived: '已下架' };

/** A lesson's media: one video or audio file from cloud storage (cloud://), played by the platform's component. */
export interface LessonMedia {
  kind: 'video' | 'audio';
  fileId: string;
}

export interface Lesson {
  key: string;
  title: string;
  text: string;
  images: string[];
  media: LessonMedia | null;
}

export interface QuizQuestion {
  key: string;
  kind: 'single' | 'multiple';
  title: string;
  options: { key: string; label: string }[];
  /** The right options (one for single). Never sent to a learner. */
  correct: string[];
}

export interface Quiz {
  questions: QuizQuestion[];
  /** Percent of questions right needed to pass, 1..100. */
  passPercent: number;
}

/** A quiz as a learner sees it: no answers. */
export interface QuizView {
  questions: Omit<QuizQuestion, 'correct'>[];
  passPercent: number;
}

/** Where a course comes from: a 居民区's committee, or the 街道 for all its 居民区. */
export type CourseOwner = 'community' | 'street';

export interface CourseSummaryView {
  id: string;
  title: string;
  summary: string;
  /** The cover once the image check passed it ('' for none). */
  cover: string;
  owner: CourseOwner;
  ownerName: string;
  state: CourseState;
  studyMinutes: number;
  lessonCount: number;
  hasQuiz: boolean;
  requiredFor: RequiredRole[];
  /** Whether the caller must finish it (a role of theirs is in requiredFor). */
  requiredOfMe: boolean;
  /** The caller's progress: lessons done, and whether they finished. */
  lessonsDone: number;
  completed: boolean;
}

export interface MyQuizState {
  attempts: number;
  bestPercent: number | null;
  passed: boolean;
}

export interface CourseView extends CourseSummaryView {
  lessons: (Lesson & { done: boolean })[];
  /** Managers see the quiz with its answers; learners without. */
  quiz: QuizView | (Quiz & { withAnswers: true }) | null;
  myQuiz: MyQuizState;
  /** The caller's certificate once they finished. */
  certificate: CourseCertificateView | null;
  version: number;
  can: { edit: boolean; publish: boolean; archive: boolean; viewGaps: boolean; learn: boolean };
  /** Managers only: images (cover, lessons) still under the image check, and how many it refused. */
  imageReview: ImageReview;
}

/** One answer to a quiz question: the options chosen. */
export type QuizAnswers = Record<string, string[]>;

export interface QuizResultView {
  attemptId: string;
  correct: number;
  total: number;
  percent: number;
  passed: boolean;
  passPercent: number;
  /** Questions answered wrong (keys), so the page can point at them without giving the answers away. */
  wrong: string[];
  /** Set when this attempt finished the course. */
  certificate: CourseCertificateView | null;
  course: CourseView;
}

/** What a course certificate states; `code` verifies it (the honours certificate's alphabet and print form). */
export interface CourseCertificateView {
  code: string;
  name: string;
  communityName: string;
  courseTitle: string;
  studyMinutes: number;
  /** The quiz percent on the passing attempt; null for a course without a quiz. */
  percent: number | null;
  completedAt: string;
  points: number;
}

export type CourseVerifyResult = { genuine: true; certificate: CourseCertificateView } | { genuine: false };

/** One person who has not finished a course required of a role they hold (the committee's list). */
export interface GapRow {
  memberId: string;
  name: string;
  building: string;
  gridName: string;
  /** Committee only: the number as stored, to call them. */
  phone: string;
  lessonsDone: number;
  lessonCount: number;
  startedAt: string | null;
}

export interface GapsView {
  courseId: string;
  courseTitle: string;
  role: RequiredRole;
  /** People holding the role now, those who finished, those who have not. */
  holders: number;
  finished: number;
  missing: number;
  items: GapRow[];
  page: number;
  hasMore: boolean;
}

export const CASE_TAGS = ['微格治理', '邻援助老', '楼道自治', '志愿服务', '议事协商', '小小梯队', '环境整治', '文化活动', '便民服务', '平安建设'] as const;
export type CaseTag = (typeof CASE_TAGS)[number];

export interface CaseSummaryView {
  id: string;
  title: string;
  summary: string;
  communityName: string;
  tags: string[];
  cover: string | null;
  published: boolean;
  publishedAt: string | null;
}

export interface CaseView extends CaseSummaryView {
  text: string;
  images: string[];
  source: string;
  version: number;
  can: { edit: boolean };
  /** The 街道 admin only: images still under the image check, and how many it refused. */
  imageReview: ImageReview;
}

/** Percent right, whole number: 7 of 9 is 78. */
export function percentRight(correct: number, total: number): number {
  return total > 0 ? Math.round((correct / total) * 100) : 0;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && new Set(a).size === a.length && a.every((x) => b.includes(x));

/** Marks an attempt: a question counts right when exactly its right options were chosen. */
export function scoreQuiz(quiz: Quiz, answers: QuizAnswers): { correct: number; total: number; percent: number; passed: boolean; wrong: string[] } {
  const wrong = quiz.questions.filter((q) => !sameSet(answers[q.key] ?? [], q.correct)).map((q) => q.key);
  const total = quiz.questions.length;
  const correct = total - wrong.length;
  const percent = percentRight(correct, total);
  return { correct, total, percent, passed: percent >= quiz.passPercent, wrong };
}

/** Checks an attempt's shape against the quiz: a reason (Chinese) or null. Every question must be answered. */
export function quizAnswerProblem(quiz: Quiz, answers: QuizAnswers): string | null {
  const byKey = new Map(quiz.questions.map((q) => [q.key, q]));
  for (const key of Object.keys(answers)) if (!byKey.has(key)) return '答卷里有不存在的题目，请刷新后再答';
  for (const q of quiz.questions) {
    const chosen = answers[q.key] ?? [];
    if (chosen.length === 0) return `请回答：${q.title}`;
    if (new Set(chosen).size !== chosen.length) return `「${q.title}」的选项重复了`;
    if (chosen.some((o) => !q.options.some((opt) => opt.key === o))) return `「${q.title}」的选项不存在，请刷新后再答`;
    if (q.kind === 'single' && chosen.length !== 1) return `「${q.title}」只能选一项`;
  }
  return null;
}

/** Whether a learner has finished: every lesson done and, with a quiz, a passing attempt. */
export function isFinished(lessonKeys: readonly string[], done: readonly string[], hasQuiz: boolean, passed: boolean): boolean {
  return lessonKeys.length > 0 && lessonKeys.every((k) => done.includes(k)) && (!hasQuiz || passed);
}

/** The quiz without its answers. */
export function quizForLearner(quiz: Quiz): QuizView {
  return { passPercent: quiz.passPercent, questions: quiz.questions.map(({ correct: _correct, ...rest }) => rest) };
}
