import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { learningActions } from '../../src/shared/actions/learning';
import { coursePoints, isFinished, quizAnswerProblem, scoreQuiz, type QuizAnswers } from '../../src/shared/domain/learning';
import { formatShanghai } from '../../src/shared/time';
import { clock } from '../_core/clock';
import { COLLECTIONS } from '../_core/collections';
import { AppError } from '../_core/errors';
import { postEntry } from '../_core/ledger';
import { rulesDoc, rulesIn } from '../_core/point-rules';
import { postedNow } from '../_core/posted-for';
import type { CallContext } from '../_core/router';
import { inTransaction, type Tx } from '../_core/transaction';
import {
  ATTEMPTS_PER_DAY,
  attemptIdOf,
  completionIdOf,
  newCompletionCode,
  pointsKeyOf,
  progressIdOf,
  type AttemptDoc,
  type CompletionDoc,
  type CourseDoc,
  type ProgressDoc,
} from './learning.model';
import * as q from './learning.queries';
import { mayLearn, mayView, toCertificate, toView, type Place } from './learning.views';
import { loadPlace } from './place';

type A = typeof learningActions;
type In<K extends keyof A> = ActionParsed<A[K]>;
type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;

/** The course, the caller's progress and certificate: one round trip (three reads side by side). */
export async function learnerState(place: Place, courseId: string) {
  const id = progressIdOf(courseId, place.caller.memberId);
  const [course, progress, completion] = await Promise.all([q.findCourse(courseId), q.findProgress(id), q.findCompletion(completionIdOf(courseId, place.caller.memberId))]);
  return { course, progress, completion };
}

/** A published course of the caller's 居民区 or 街道 they may learn; a foreign or hidden one answers as missing. */
function learnable(place: Place, course: CourseDoc | null): CourseDoc {
  if (!course || !mayView(place, course)) throw new AppError('COMMON.NOT_FOUND');
  if (!mayLearn(place, course)) throw new AppError(place.caller.roles.includes('resident') ? 'LEARNING.NOT_OPEN' : 'COMMON.FORBIDDEN');
  return course;
}

const freshProgress = (course: CourseDoc, place: Place, now: Date): ProgressDoc => ({
  _id: progressIdOf(course._id, place.caller.memberId),
  courseId: course._id,
  memberId: place.caller.memberId,
  communityId: place.communityId!,
  done: [],
  attempts: 0,
  attemptDay: '',
  attemptsThatDay: 0,
  bestPercent: null,
  passedAt: null,
  startedAt: now,
  updatedAt: now,
  completedAt: null,
});

const withoutId = <T extends { _id: string }>(doc: T): Omit<T, '_id'> => {
  const { _id: _ignored, ...rest } = doc;
  return rest;
};

/**
 * Inside the transaction that moved `progress`: when the course is now finished and has no completion yet, writes
 * it (the certificate, with the points fixed by the 居民区's rules in force) and marks the progress completed.
 * Answers the completion, new or found.
 */
async function completeIfFinished(tx: Tx, place: Place, course: CourseDoc, progress: ProgressDoc, points: number, now: Date): Promise<CompletionDoc | null> {
  if (!isFinished(course.lessonKeys, progress.done, course.hasQuiz, !!progress.passedAt)) return null;
  const ref = tx.collection(COLLECTIONS.courseCompletions).doc(completionIdOf(course._id, place.caller.memberId));
  const found = (await ref.get()).data as CompletionDoc | null;
  if (found) return { ...found, _id: completionIdOf(course._id, place.caller.memberId) };
  const doc: CompletionDoc = {
    _id: completionIdOf(course._id, place.caller.memberId),
    courseId: course._id,
    memberId: place.caller.memberId,
    communityId: place.communityId!,
    code: newCompletionCode(),
    name: place.caller.record?.name ?? '',
    communityName: place.communityName,
    courseTitle: course.title,
    studyMinutes: course.studyMinutes,
    percent: course.hasQuiz ? progress.bestPercent : null,
    points,
    // Nothing to post is posted.
    pointsPosted: points <= 0,
    completedAt: now,
  };
  await ref.set(withoutId(doc));
  progress.completedAt = now;
  return doc;
}

/**
 * Posts a completion's owed points through the ledger under `course:<courseId>:<memberId>` (posts once however often
 * retried or raced), then marks them posted. Round trips: the ledger's transaction (5 + commit) + 1 (the mark); none
 * when nothing is owed.
 */
export async function postOwedPoints(c: CompletionDoc): Promise<boolean> {
  if (c.pointsPosted || !(c.points > 0)) return false;
  const posting = { communityId: c.communityId, memberId: c.memberId, source: 'course' as const, sourceId: c.courseId };
  const posted = await postEntry({
    key: pointsKeyOf(c.courseId, c.memberId),
    ...posting,
    halfHours: 0,
    points: c.points,
    reason: `完成课程《${c.courseTitle}》`,
    by: c.memberId,
    at: c.completedAt,
  });
  postedNow(posted, posting);
  await q.markPointsPosted(c._id);
  return true;
}

/**
 * Marks a lesson done. A lesson already done changes nothing (no write) unless the course's points are still owed,
 * which this call then posts. The lesson that finishes the course writes the certificate in the same transaction.
 * Round trips: 2 (caller, 居民区) + 1 (course, progress, certificate, rules side by side) + the transaction (3-4
 * reads/writes + commit) [+ the ledger's when points are due].
 */
export async function finishLesson(input: In<'finishLesson'>, { identity }: CallContext): Out<'finishLesson'> {
  const place = await loadPlace(identity);
  const [state, rules] = await Promise.all([learnerState(place, input.courseId), place.communityId ? rulesDoc(place.communityId) : Promise.resolve(null)]);
  const course = learnable(place, state.course);
  if (!course.lessonKeys.includes(input.key)) throw new AppError('COMMON.NOT_FOUND');
  let { progress, completion } = state;
  if (!progress?.done.includes(input.key) || (!completion && progress && isFinished(course.lessonKeys, progress.done, course.hasQuiz, !!progress.passedAt))) {
    const points = coursePoints(rulesIn(rules), course.studyMinutes);
    ({ progress, completion } = await inTransaction(async (tx) => {
      const now = clock().now();
      const progressId = progressIdOf(course._id, place.caller.memberId);
      const ref = tx.collection(COLLECTIONS.courseProgress).doc(progressId);
      const stored = (await ref.get()).data as ProgressDoc | null;
      const p: ProgressDoc = stored ? { ...stored, _id: progressId } : freshProgress(course, place, now);
      if (!p.done.includes(input.key)) p.done = [...p.done, input.key];
      p.updatedAt = now;
      const c = await completeIfFinished(tx, place, course, p, points, now);
      await ref.set(withoutId(p));
      return { progress: p, completion: c };
    }));
  }
  if (completion) await postOwedPoints(completion);
  return { course: toView(place, course, progress, completion) };
}

/**
 * Hands in a quiz attempt under an id from (learner, course, request id): a retry or a doubled tap finds it and
 * answers the same result, counting one attempt. A pass with every lesson done writes the certificate in the same
 * transaction; its points are then posted once. At most ATTEMPTS_PER_DAY attempts a Shanghai day.
 * Round trips: 2 (caller, 居民区) + 1 (course, progress, certificate, attempt, rules side by side) + the transaction
 * (4-5 reads/writes + commit) [+ the ledger's when points are due].
 */
export async function submitQuiz(input: In<'submitQuiz'>, { identity }: CallContext): Out<'submitQuiz'> {
  const place = await loadPlace(identity);
  const attemptId = attemptIdOf(place.caller.memberId, input.courseId, input.requestId);
  const [state, existing, rules] = await Promise.all([
    learnerState(place, input.courseId),
    q.findAttempt(attemptId),
    place.communityId ? rulesDoc(place.communityId) : Promise.resolve(null),
  ]);
  let { progress, completion } = state;
  let attempt = existing;
  // A retry of an attempt already made answers it even if the course was taken down since.
  if (attempt && !state.course) throw new AppError('COMMON.NOT_FOUND');
  const course = attempt ? state.course! : learnable(place, state.course);
  if (!attempt) {
    if (!course.quiz) throw new AppError('LEARNING.NO_QUIZ');
    const quiz = course.quiz;
    const answers = input.answers as QuizAnswers;
    const problem = quizAnswerProblem(quiz, answers);
    if (problem) throw new AppError('LEARNING.BAD_ANSWER', { answers: problem });
    const points = coursePoints(rulesIn(rules), course.studyMinutes);
    ({ attempt, progress, completion } = await inTransaction(async (tx) => {
      const now = clock().now();
      const day = formatShanghai(now, 'YYYY-MM-DD');
      const attemptRef = tx.collection(COLLECTIONS.courseAttempts).doc(attemptId);
      const found = (await attemptRef.get()).data as AttemptDoc | null;
      const progressId = progressIdOf(course._id, place.caller.memberId);
      const ref = tx.collection(COLLECTIONS.courseProgress).doc(progressId);
      const stored = (await ref.get()).data as ProgressDoc | null;
      const p: ProgressDoc = stored ? { ...stored, _id: progressId } : freshProgress(course, place, now);
      if (found) return { attempt: { ...found, _id: attemptId }, progress: p, completion: null };
      const thatDay = p.attemptDay === day ? p.attemptsThatDay : 0;
      if (thatDay >= ATTEMPTS_PER_DAY) throw new AppError('LEARNING.TOO_MANY_ATTEMPTS');
      const score = scoreQuiz(quiz, answers);
      const a: AttemptDoc = { _id: attemptId, progressId, courseId: course._id, memberId: place.caller.memberId, communityId: place.communityId!, answers, ...score, at: now };
      await attemptRef.set(withoutId(a));
      p.attempts += 1;
      p.attemptDay = day;
      p.attemptsThatDay = thatDay + 1;
      p.bestPercent = Math.max(p.bestPercent ?? 0, score.percent);
      if (score.passed && !p.passedAt) p.passedAt = now;
      p.updatedAt = now;
      const c = await completeIfFinished(tx, place, course, p, points, now);
      await ref.set(withoutId(p));
      return { attempt: a, progress: p, completion: c };
    }));
    completion ??= await q.findCompletion(completionIdOf(course._id, place.caller.memberId));
  }
  if (completion) await postOwedPoints(completion);
  const done = completion;
  const finishedNow = !!done && new Date(done.completedAt).getTime() === new Date(attempt.at).getTime();
  return {
    attemptId,
    correct: attempt.correct,
    total: attempt.total,
    percent: attempt.percent,
    passed: attempt.passed,
    passPercent: course.quiz?.passPercent ?? 0,
    wrong: attempt.wrong,
    certificate: finishedNow ? toCertificate(done) : null,
    course: toView(place, course, progress, done),
  };
}

/** The timer: completions whose points are still owed a minute after (a call died between its steps) get them. */
export async function postOwedDue(now: Date): Promise<Record<string, number>> {
  const rows = await q.owedPoints(new Date(now.getTime() - 60_000), 100);
  let posted = 0;
  for (const c of rows) if (await postOwedPoints(c)) posted += 1;
  return { owed: rows.length, posted };
}

