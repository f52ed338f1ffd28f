import type { CourseInput, LessonInput, QuizInput } from '../../../src/shared/actions/learning';
import type { CourseView } from '../../../src/shared/domain/learning';
import type { DemoIdentity, Harness } from '../../support/harness';

export const BAIYU = 'cm-baiyu1';
export const CHANGFENG1 = 'cm-changfeng1';

let serial = 0;
export const rid = (label = 'r') => `${label}-${++serial}-${Math.random().toString(36).slice(2, 8)}`;

export const courseInput = (extra: Partial<CourseInput> = {}): CourseInput => ({
  title: '第二梯队新成员入门',
  summary: '加入梯队后的第一课',
  studyMinutes: 90,
  requiredFor: ['member'],
  ...extra,
});

export const lessonInput = (n: number, extra: Partial<LessonInput> = {}): LessonInput => ({
  title: `第${n}课`,
  text: `第${n}课的内容`,
  ...extra,
});

/** Two questions, pass mark 50: q1 single (right: a), q2 multiple (right: a and b). */
export const quizInput = (passPercent = 50): QuizInput => ({
  passPercent,
  questions: [
    { key: 'q1', kind: 'single', title: '绿色代表什么', options: [{ key: 'a', label: '第二梯队' }, { key: 'b', label: '独居老人' }], correct: ['a'] },
    { key: 'q2', kind: 'multiple', title: '发现漏水怎么办', options: [{ key: 'a', label: '联系物业' }, { key: 'b', label: '一键上报' }, { key: 'c', label: '不管' }], correct: ['a', 'b'] },
  ],
});

export const ALL_RIGHT = { q1: ['a'], q2: ['a', 'b'] };
export const HALF_RIGHT = { q1: ['a'], q2: ['a'] };
export const ALL_WRONG = { q1: ['b'], q2: ['c'] };

/**
 * A published course by `who` (committee: 白玉一居's; streetAdmin: the 街道's) with `lessons` lessons and, unless
 * told otherwise, the quiz above. Answers the manager's view.
 */
export async function publishedCourse(
  h: Harness,
  opts: { who?: DemoIdentity; lessons?: number; quiz?: QuizInput | null; course?: Partial<CourseInput> } = {},
): Promise<CourseView> {
  const who = opts.who ?? 'committee';
  const owner = who === 'streetAdmin' ? 'street' : 'community';
  let c: CourseView = (await h.call('learning', 'createCourse', { course: courseInput(opts.course), owner, requestId: rid('course') }, h.identities[who])).course;
  for (let i = 1; i <= (opts.lessons ?? 2); i++) {
    c = (await h.call('learning', 'saveLesson', { courseId: c.id, version: c.version, lesson: lessonInput(i) }, h.identities[who])).course;
  }
  const quiz = opts.quiz === undefined ? quizInput() : opts.quiz;
  if (quiz) c = (await h.call('learning', 'setQuiz', { courseId: c.id, version: c.version, quiz }, h.identities[who])).course;
  return (await h.call('learning', 'publishCourse', { courseId: c.id, version: c.version }, h.identities[who])).course;
}

export async function finishAllLessons(h: Harness, course: CourseView, who: DemoIdentity): Promise<CourseView> {
  let view = course;
  for (const l of course.lessons) view = (await h.call('learning', 'finishLesson', { courseId: course.id, key: l.key }, h.identities[who])).course;
  return view;
}
