import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { learningActions } from '../../src/shared/actions/learning';
import { MAX_LESSONS, type CourseView, type Lesson, type Quiz } from '../../src/shared/domain/learning';
import { authorize } from '../_core/authorize';
import { clock } from '../_core/clock';
import { ensurePublishable } from '../_core/content-check';
import type { Identity } from '../_core/identity';
import { ensureImagesPublishable, imageFields } from '../_core/media-check';
import { AppError } from '../_core/errors';
import type { CallContext } from '../_core/router';
import { courseIdOf, type CourseDoc } from './learning.model';
import * as q from './learning.queries';
import { manages, mayView, requiredOf, toSummary, toView, type Place } from './learning.views';
import { loadPlace } from './place';
import { learnerState } from './progress.service';

type A = typeof learningActions;
type In<K extends keyof A> = ActionParsed<A[K]>;
type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;

/** A 居民区 and its 街道 hold a few dozen courses: the list reads them all and sorts in memory. */
const LIST_READ = 200;

/** A course the caller may see; anything else (foreign, or a draft not theirs) answers as missing. */
export async function visibleCourse(place: Place, courseId: string): Promise<CourseDoc> {
  const course = await q.findCourse(courseId);
  if (!course || !mayView(place, course)) throw new AppError('COMMON.NOT_FOUND');
  return course;
}

/**
 * A course the caller manages, at the version they saw, not taken down. Images a call left unsubmitted (it died
 * after its write) are submitted first, so a retry, even one the version then refuses, finishes the check.
 */
async function managed(place: Place, identity: Identity, courseId: string, version: number): Promise<CourseDoc> {
  const course = await q.findCourse(courseId);
  if (!course || !manages(place, course)) throw new AppError('COMMON.NOT_FOUND');
  await ensureImagesPublishable(identity, 'courseImage', course._id, course.createdBy.memberId, course.pendingImages, course.updatedAt);
  if (course.version !== version) throw new AppError('LEARNING.CHANGED');
  if (course.state === 'archived') throw new AppError('LEARNING.WRONG_STATE');
  return course;
}

/**
 * One conditional write on the version (with the image fields when the cover or lessons change), then the new
 * images' checks; answers the course as the manager sees it.
 */
async function change(place: Place, identity: Identity, course: CourseDoc, patch: Partial<CourseDoc>): Promise<{ course: CourseView }> {
  const updatedAt = clock().now();
  const next = { ...course, ...patch };
  const images = patch.cover !== undefined || patch.lessons !== undefined ? imageFields('courseImage', course, wantedImages(next)) : {};
  const full = { ...patch, ...images, updatedAt };
  if (!(await q.updateCourseIf(course._id, course.version, full))) throw new AppError('LEARNING.CHANGED');
  const saved: CourseDoc = { ...course, ...full, version: course.version + 1 };
  await ensureImagesPublishable(identity, 'courseImage', course._id, course.createdBy.memberId, saved.pendingImages, updatedAt);
  return { course: toView(place, saved, null, null) };
}

/** Every image a course shows: its cover and its lessons' images. */
const wantedImages = (c: Pick<CourseDoc, 'cover' | 'lessons'>) => [c.cover, ...c.lessons.flatMap((l) => l.images)].filter(Boolean);

const lessonTexts = (l: Pick<Lesson, 'title' | 'text'>) => [l.title, l.text];
const quizTexts = (quiz: Quiz) => quiz.questions.flatMap((x) => [x.title, ...x.options.map((o) => o.label)]);

/**
 * Writes a draft: the committee for its 居民区, the 街道 admin for all its 居民区. ONE insert under an id from (author,
 * request id), so a retry answers the same draft. Round trips: 2 (caller, 居民区) + the content check + 1 (insert)
 * [+ 1 the street's name, + 1 the stored draft on a retry].
 */
export async function createCourse(input: In<'createCourse'>, { identity }: CallContext): Out<'createCourse'> {
  const place = await loadPlace(identity);
  const { caller } = place;
  let scope: Pick<CourseDoc, 'owner' | 'communityId' | 'streetId' | 'ownerName'>;
  if (input.owner === 'community') {
    authorize(caller, 'learning.manageCourses', { communityId: place.communityId });
    scope = { owner: 'community', communityId: place.communityId!, streetId: place.streetId ?? '', ownerName: place.communityName };
  } else {
    authorize(caller, 'learning.manageCourses', { streetId: caller.streetId });
    const streetName = (await q.communitiesOf(caller.streetId!))[0]?.streetName ?? '';
    scope = { owner: 'street', communityId: null, streetId: caller.streetId!, ownerName: streetName };
  }
  const f = input.course;
  await ensurePublishable(identity, [f.title, f.summary]);
  const now = clock().now();
  const doc: CourseDoc = {
    _id: courseIdOf(caller.memberId, input.requestId),
    ...scope,
    title: f.title,
    summary: f.summary,
    cover: f.cover,
    studyMinutes: f.studyMinutes,
    requiredFor: f.requiredFor,
    ...(imageFields('courseImage', null, wantedImages({ cover: f.cover, lessons: [] })) as Pick<CourseDoc, 'approvedImages' | 'pendingImages' | 'refusedImages'>),
    lessons: [],
    lessonKeys: [],
    nextLesson: 1,
    quiz: null,
    hasQuiz: false,
    state: 'draft',
    version: 0,
    createdBy: { memberId: caller.memberId, name: caller.record?.name ?? '' },
    createdAt: now,
    updatedAt: now,
    publishedAt: null,
  };
  const stored = ((await q.insertCourse(doc)) ? doc : await q.findCourse(doc._id)) ?? doc;
  // A new cover shows once its check passes; a retry submits what its first call left.
  await ensureImagesPublishable(identity, 'courseImage', stored._id, stored.createdBy.memberId, stored.pendingImages, stored.createdAt);
  return { course: toView(place, stored, null, null) };
}

export async function updateCourse(input: In<'updateCourse'>, { identity }: CallContext): Out<'updateCourse'> {
  const place = await loadPlace(identity);
  const course = await managed(place, identity, input.courseId, input.version);
  const f = input.course;
  await ensurePublishable(identity, [f.title, f.summary]);
  return change(place, identity, course, { title: f.title, summary: f.summary, cover: f.cover, studyMinutes: f.studyMinutes, requiredFor: f.requiredFor });
}

/** Adds a lesson at the end under a new key (l<n>, never reused), or replaces lesson `key`. */
export async function saveLesson(input: In<'saveLesson'>, { identity }: CallContext): Out<'saveLesson'> {
  const place = await loadPlace(identity);
  const course = await managed(place, identity, input.courseId, input.version);
  await ensurePublishable(identity, lessonTexts(input.lesson));
  const body = { title: input.lesson.title, text: input.lesson.text, images: [...new Set(input.lesson.images)], media: input.lesson.media };
  if (input.key !== undefined) {
    if (!course.lessonKeys.includes(input.key)) throw new AppError('COMMON.NOT_FOUND');
    return change(place, identity, course, { lessons: course.lessons.map((l) => (l.key === input.key ? { key: l.key, ...body } : l)) });
  }
  if (course.lessons.length >= MAX_LESSONS) throw new AppError('LEARNING.TOO_MANY_LESSONS');
  const key = `l${course.nextLesson}`;
  return change(place, identity, course, { lessons: [...course.lessons, { key, ...body }], lessonKeys: [...course.lessonKeys, key], nextLesson: course.nextLesson + 1 });
}

/** A published course keeps at least one lesson (finishing it would otherwise mean nothing). */
export async function removeLesson(input: In<'removeLesson'>, { identity }: CallContext): Out<'removeLesson'> {
  const place = await loadPlace(identity);
  const course = await managed(place, identity, input.courseId, input.version);
  if (!course.lessonKeys.includes(input.key)) throw new AppError('COMMON.NOT_FOUND');
  if (course.state === 'published' && course.lessons.length === 1) throw new AppError('LEARNING.WRONG_STATE');
  return change(place, identity, course, { lessons: course.lessons.filter((l) => l.key !== input.key), lessonKeys: course.lessonKeys.filter((k) => k !== input.key) });
}

export async function orderLessons(input: In<'orderLessons'>, { identity }: CallContext): Out<'orderLessons'> {
  const place = await loadPlace(identity);
  const course = await managed(place, identity, input.courseId, input.version);
  const keys = input.keys;
  if (keys.length !== course.lessonKeys.length || new Set(keys).size !== keys.length || !keys.every((k) => course.lessonKeys.includes(k))) {
    throw new AppError('LEARNING.BAD_ORDER');
  }
  const byKey = new Map(course.lessons.map((l) => [l.key, l]));
  return change(place, identity, course, { lessons: keys.map((k) => byKey.get(k)!), lessonKeys: keys });
}

export async function setQuiz(input: In<'setQuiz'>, { identity }: CallContext): Out<'setQuiz'> {
  const place = await loadPlace(identity);
  const course = await managed(place, identity, input.courseId, input.version);
  const quiz: Quiz | null = input.quiz ? { passPercent: input.quiz.passPercent, questions: input.quiz.questions.map((x) => ({ ...x })) } : null;
  if (quiz) await ensurePublishable(identity, quizTexts(quiz));
  return change(place, identity, course, { quiz, hasQuiz: quiz !== null });
}

export async function publishCourse(input: In<'publishCourse'>, { identity }: CallContext): Out<'publishCourse'> {
  const place = await loadPlace(identity);
  const course = await managed(place, identity, input.courseId, input.version);
  if (course.state !== 'draft') throw new AppError('LEARNING.WRONG_STATE');
  if (course.lessons.length === 0) throw new AppError('LEARNING.NO_LESSONS');
  return change(place, identity, course, { state: 'published', publishedAt: clock().now() });
}

/** Takes a published course down: nobody new starts it; certificates already issued still verify. */
export async function archiveCourse(input: In<'archiveCourse'>, { identity }: CallContext): Out<'archiveCourse'> {
  const place = await loadPlace(identity);
  const course = await managed(place, identity, input.courseId, input.version);
  if (course.state !== 'published') throw new AppError('LEARNING.WRONG_STATE');
  return change(place, identity, course, { state: 'archived' });
}

/**
 * Courses of the caller's 居民区 and 街道: required of the caller and unfinished first, then newest. Round trips: 2
 * (caller, 居民区) + 1 (the courses) + 1 (the caller's progress on the page's courses).
 */
export async function listCourses(input: In<'listCourses'>, { identity }: CallContext): Out<'listCourses'> {
  const place = await loadPlace(identity);
  const { caller } = place;
  const street = caller.roles.includes('street_admin');
  if (!caller.roles.includes('resident') && !street) throw new AppError('COMMON.FORBIDDEN');
  const rows = await q.coursesFor(place.communityId, street ? caller.streetId : place.streetId, LIST_READ);
  const { state, requiredOnly } = input.filters;
  const visible = rows.filter((c) => mayView(place, c) && (!state || c.state === state) && (!requiredOnly || requiredOf(caller, c)));
  const progress = new Map((await q.progressByIds(visible.map((c) => `${c._id}:${caller.memberId}`))).map((p) => [p.courseId, p]));
  const rank = (c: CourseDoc) => (requiredOf(caller, c) && !progress.get(c._id)?.completedAt ? 0 : 1);
  const sorted = [...visible].sort((a, b) => rank(a) - rank(b));
  const start = (input.page - 1) * 20;
  const page = sorted.slice(start, start + 20);
  return { items: page.map((c) => toSummary(place, c, progress.get(c._id) ?? null)), page: input.page, hasMore: sorted.length > start + 20 };
}

/** Round trips: 2 (caller, 居民区) + 1 (the course, the caller's progress and certificate side by side). */
export async function getCourse(input: In<'getCourse'>, { identity }: CallContext): Out<'getCourse'> {
  const place = await loadPlace(identity);
  const { course, progress, completion } = await learnerState(place, input.courseId);
  if (!course || !mayView(place, course)) throw new AppError('COMMON.NOT_FOUND');
  return { course: toView(place, course, progress, completion) };
}
