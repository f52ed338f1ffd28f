import {
  quizForLearner,
  REQUIRED_ROLES,
  type CaseSummaryView,
  type CaseView,
  type CourseCertificateView,
  type CourseSummaryView,
  type CourseView,
  type RequiredRole,
} from '../../src/shared/domain/learning';
import type { Caller } from '../_core/caller';
import { imageReviewOf } from '../_core/media-check';
import type { CaseDoc, CompletionDoc, CourseDoc, ProgressDoc } from './learning.model';

/** Where the caller stands: their 居民区 (null for a 街道 admin without one) and 街道. */
export interface Place {
  caller: Caller;
  communityId: string | null;
  communityName: string;
  streetId: string | null;
  streetName: string;
}

/** The committee of the course's 居民区 manages a 居民区 course; the 街道's admin a 街道 course. */
export function manages(place: Place, course: Pick<CourseDoc, 'owner' | 'communityId' | 'streetId'>): boolean {
  const { caller } = place;
  if (course.owner === 'community') return caller.roles.includes('committee') && !!caller.communityId && caller.communityId === course.communityId;
  return caller.roles.includes('street_admin') && !!caller.streetId && caller.streetId === course.streetId;
}

/** The course is for the caller's 居民区: its own, or its 街道's. */
export function reaches(place: Place, course: Pick<CourseDoc, 'communityId' | 'streetId'>): boolean {
  if (course.communityId !== null) return !!place.communityId && course.communityId === place.communityId;
  return !!place.streetId && course.streetId === place.streetId;
}

/** Drafts and taken-down courses only to those who manage them; published ones to every resident they reach. */
export const mayView = (place: Place, course: CourseDoc) => manages(place, course) || (reaches(place, course) && course.state === 'published');

export const mayLearn = (place: Place, course: Pick<CourseDoc, 'communityId' | 'streetId' | 'state'>) =>
  course.state === 'published' && reaches(place, course) && place.caller.roles.includes('resident');

/** The required roles the caller holds now. */
export const heldRoles = (caller: Caller): RequiredRole[] => REQUIRED_ROLES.filter((r) => caller.roles.includes(r));

export const requiredOf = (caller: Caller, course: Pick<CourseDoc, 'requiredFor' | 'state'>) =>
  course.state === 'published' && course.requiredFor.some((r) => heldRoles(caller).includes(r));

export function toSummary(place: Place, course: CourseDoc, progress: ProgressDoc | null): CourseSummaryView {
  return {
    id: course._id,
    title: course.title,
    summary: course.summary,
    cover: course.cover && (manages(place, course) || course.approvedImages.includes(course.cover)) ? course.cover : '',
    owner: course.owner,
    ownerName: course.ownerName,
    state: course.state,
    studyMinutes: course.studyMinutes,
    lessonCount: course.lessonKeys.length,
    hasQuiz: course.hasQuiz,
    requiredFor: course.requiredFor,
    requiredOfMe: requiredOf(place.caller, course),
    lessonsDone: progress ? course.lessonKeys.filter((k) => progress.done.includes(k)).length : 0,
    completed: !!progress?.completedAt,
  };
}

export function toCertificate(doc: CompletionDoc): CourseCertificateView {
  return {
    code: doc.code,
    name: doc.name,
    communityName: doc.communityName,
    courseTitle: doc.courseTitle,
    studyMinutes: doc.studyMinutes,
    percent: doc.percent,
    completedAt: new Date(doc.completedAt).toISOString(),
    points: doc.points,
  };
}

export function toView(place: Place, course: CourseDoc, progress: ProgressDoc | null, completion: CompletionDoc | null): CourseView {
  const manager = manages(place, course);
  const done = progress?.done ?? [];
  // Learners see only images the check passed; managers see theirs too, with what is still under check.
  const shown = (f: string) => manager || course.approvedImages.includes(f);
  return {
    ...toSummary(place, course, progress),
    lessons: course.lessons.map((l) => ({ ...l, images: l.images.filter(shown), done: done.includes(l.key) })),
    quiz: course.quiz ? (manager ? { ...course.quiz, withAnswers: true as const } : quizForLearner(course.quiz)) : null,
    myQuiz: { attempts: progress?.attempts ?? 0, bestPercent: progress?.bestPercent ?? null, passed: !!progress?.passedAt },
    certificate: completion ? toCertificate(completion) : null,
    version: course.version,
    can: {
      edit: manager && course.state !== 'archived',
      publish: manager && course.state === 'draft',
      archive: manager && course.state === 'published',
      viewGaps: place.caller.roles.includes('committee') && reaches(place, course) && course.state === 'published' && course.requiredFor.length > 0,
      learn: mayLearn(place, course),
    },
    imageReview: imageReviewOf(course, manager),
  };
}

export function toCaseSummary(doc: CaseDoc): CaseSummaryView {
  return {
    id: doc._id,
    title: doc.title,
    summary: doc.summary,
    communityName: doc.communityName,
    tags: doc.tags,
    cover: doc.images[0] ?? null,
    published: doc.published,
    publishedAt: doc.publishedAt ? new Date(doc.publishedAt).toISOString() : null,
  };
}

export function toCaseView(doc: CaseDoc, canEdit: boolean): CaseView {
  return { ...toCaseSummary(doc), text: doc.text, images: doc.images, source: doc.source, version: doc.version, can: { edit: canEdit }, imageReview: imageReviewOf(doc, canEdit) };
}
