import * as v from 'valibot';
import type { ActionMap } from '../action';
import { action } from '../action';
import { normalizeCode } from '../domain/honours';
import {
  CASE_TAGS,
  CASE_TEXT_MAX,
  LESSON_TEXT_MAX,
  MAX_CASE_IMAGES,
  MAX_CASE_TAGS,
  MAX_LESSON_IMAGES,
  MAX_QUIZ_OPTIONS,
  MAX_QUIZ_QUESTIONS,
  MAX_STUDY_MINUTES,
  REQUIRED_ROLES,
  type CaseSummaryView,
  type CaseView,
  type CourseCertificateView,
  type CourseSummaryView,
  type CourseVerifyResult,
  type CourseView,
  type GapsView,
  type QuizResultView,
} from '../domain/learning';
import type { Page } from '../result';
import { cleanChars, idSchema, multilineText, requestIdSchema as requestId, requiredMultilineText, requiredText, text, visible } from '../schemas';

const id = idSchema(80);
const page = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)), 1);
const key = v.pipe(v.string('编号不对'), v.regex(/^[a-z0-9]{1,8}$/, '编号不对'));
/** The record's version the caller saw: a change applies only if nobody changed it since. */
const version = v.pipe(v.number('请刷新后再试'), v.integer('请刷新后再试'), v.minValue(0, '请刷新后再试'), v.maxValue(1_000_000, '请刷新后再试'));

/** A file in the project's cloud storage, as the upload answers it (cloud://env.bucket/path). */
const cloudFile = (label: string) =>
  v.pipe(v.string(`${label}不对`), v.trim(), v.maxLength(512, `${label}地址太长`), v.regex(/^cloud:\/\/\S+$/, `${label}要先上传到云存储`), cleanChars(label));
/** An image as the other forms take it: an uploaded fileID or an https address. */
const image = v.pipe(
  v.string('图片地址不对'),
  v.trim(),
  v.maxLength(512, '图片地址太长'),
  v.regex(/^(https:\/\/|cloud:\/\/)\S+$/, '图片地址要以 https:// 或 cloud:// 开头'),
  cleanChars('图片地址'),
);
const images = (max: number) => v.optional(v.pipe(v.array(image, '图片不对'), v.maxLength(max, `最多${max}张图片`)), []);

export const lessonFields = v.object({
  title: requiredText('课时标题', 40),
  text: v.optional(multilineText('课时内容', LESSON_TEXT_MAX), ''),
  images: images(MAX_LESSON_IMAGES),
  media: v.optional(v.nullable(v.object({ kind: v.picklist(['video', 'audio'] as const, '请选择视频或音频'), fileId: cloudFile('音视频文件') })), null),
});
export type LessonInput = v.InferInput<typeof lessonFields>;

const quizOption = v.object({ key, label: requiredText('选项', 60) });

export const quizQuestionFields = v.pipe(
  v.object({
    key,
    kind: v.picklist(['single', 'multiple'] as const, '请选择题型'),
    title: requiredText('题目', 100),
    options: v.pipe(v.array(quizOption, '选项不对'), v.minLength(2, '每题至少2个选项'), v.maxLength(MAX_QUIZ_OPTIONS, `每题最多${MAX_QUIZ_OPTIONS}个选项`)),
    correct: v.pipe(v.array(key, '请选出正确答案'), v.minLength(1, '请选出正确答案'), v.maxLength(MAX_QUIZ_OPTIONS, '正确答案不对')),
  }),
  v.check((q) => new Set(q.options.map((o) => o.key)).size === q.options.length, '选项不能重复'),
  v.check((q) => new Set(q.correct).size === q.correct.length && q.correct.every((c) => q.options.some((o) => o.key === c)), '正确答案要在选项里'),
  v.check((q) => q.kind === 'multiple' || q.correct.length === 1, '单选题只有一个正确答案'),
);

export const quizFields = v.object({
  questions: v.pipe(
    v.array(quizQuestionFields, '请至少添加一道题'),
    v.minLength(1, '请至少添加一道题'),
    v.maxLength(MAX_QUIZ_QUESTIONS, `最多${MAX_QUIZ_QUESTIONS}道题`),
    v.check((qs) => new Set(qs.map((q) => q.key)).size === qs.length, '题目不能重复'),
  ),
  passPercent: v.pipe(v.number('请填写及格分'), v.integer('及格分要是整数'), v.minValue(1, '及格分在1到100之间'), v.maxValue(100, '及格分在1到100之间')),
});
export type QuizInput = v.InferInput<typeof quizFields>;

const requiredFor = v.optional(
  v.pipe(v.array(v.picklist(REQUIRED_ROLES, '请选择角色'), '请选择角色'), v.maxLength(REQUIRED_ROLES.length, '请选择角色'), v.check((r) => new Set(r).size === r.length, '角色重复了')),
  [],
);

export const courseFields = v.object({
  title: requiredText('课程名称', 40),
  summary: v.optional(multilineText('课程简介', 300), ''),
  cover: v.optional(v.union([v.literal(''), image], '封面图片不对'), ''),
  studyMinutes: v.pipe(v.number('请填写学习时长'), v.integer('学习时长要是整数分钟'), v.minValue(1, '学习时长至少1分钟'), v.maxValue(MAX_STUDY_MINUTES, `学习时长最多${MAX_STUDY_MINUTES}分钟`)),
  requiredFor,
});
export type CourseInput = v.InferInput<typeof courseFields>;

/** A quiz answer: question key -> the options chosen. */
export const quizAnswerFields = v.pipe(
  v.record(key, v.pipe(v.array(key, '选项不对'), v.maxLength(MAX_QUIZ_OPTIONS, '选项太多')), '答卷不对'),
  v.check((a) => Object.keys(a).length <= MAX_QUIZ_QUESTIONS, '答卷不对'),
);

const tag = v.picklist(CASE_TAGS, '请选择标签');
export const caseFields = v.object({
  title: requiredText('案例标题', 40),
  summary: requiredText('一句话简介', 100),
  text: requiredMultilineText('案例正文', CASE_TEXT_MAX),
  /** The 居民区 the story comes from (one of the 街道's); empty for a story of the whole 街道. */
  communityId: v.optional(v.union([v.literal(''), id], '请选择居民区'), ''),
  tags: v.pipe(v.array(tag, '请选择标签'), v.minLength(1, '请至少选择一个标签'), v.maxLength(MAX_CASE_TAGS, `最多${MAX_CASE_TAGS}个标签`), v.check((t) => new Set(t).size === t.length, '标签重复了')),
  images: images(MAX_CASE_IMAGES),
  /** Where it was first told (an article's title, a meeting). */
  source: v.optional(text('来源', 100), ''),
});
export type CaseInput = v.InferInput<typeof caseFields>;

const CHANGE_ERRORS = ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'LEARNING.CHANGED', 'LEARNING.WRONG_STATE'] as const;

export const learningActions = {
  /**
   * Creates a draft course (committee: for its 居民区; 街道: for every 居民区 of the street). A retried call with the
   * same request id answers the same draft.
   */
  createCourse: action<{ course: CourseView }>()({
    input: v.object({ course: courseFields, owner: v.picklist(['community', 'street'] as const, '请选择课程范围'), requestId }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.CONTENT_REJECTED'],
  }),

  /** Changes a course's title, summary, cover, length and required roles. */
  updateCourse: action<{ course: CourseView }>()({
    input: v.object({ courseId: id, version, course: courseFields }),
    errors: [...CHANGE_ERRORS, 'COMMON.CONTENT_REJECTED'],
  }),

  /** Adds a lesson at the end (no key) or replaces lesson `key`. */
  saveLesson: action<{ course: CourseView }>()({
    input: v.object({ courseId: id, version, key: v.optional(key), lesson: lessonFields }),
    errors: [...CHANGE_ERRORS, 'COMMON.CONTENT_REJECTED', 'LEARNING.TOO_MANY_LESSONS'],
  }),

  removeLesson: action<{ course: CourseView }>()({ input: v.object({ courseId: id, version, key }), errors: CHANGE_ERRORS }),

  /** Puts the lessons in this order (every key once). */
  orderLessons: action<{ course: CourseView }>()({
    input: v.object({ courseId: id, version, keys: v.pipe(v.array(key, '顺序不对'), v.maxLength(30, '顺序不对')) }),
    errors: [...CHANGE_ERRORS, 'LEARNING.BAD_ORDER'],
  }),

  /** Sets the quiz at the end (null: none). */
  setQuiz: action<{ course: CourseView }>()({
    input: v.object({ courseId: id, version, quiz: v.nullable(quizFields) }),
    errors: [...CHANGE_ERRORS, 'COMMON.CONTENT_REJECTED'],
  }),

  /** Publishes a draft with at least one lesson; residents may learn from then. */
  publishCourse: action<{ course: CourseView }>()({ input: v.object({ courseId: id, version }), errors: [...CHANGE_ERRORS, 'LEARNING.NO_LESSONS'] }),

  /** Takes a course down (finished learners keep their certificates). */
  archiveCourse: action<{ course: CourseView }>()({ input: v.object({ courseId: id, version }), errors: CHANGE_ERRORS }),

  /** Courses the caller may learn or manage (their 居民区's and their 街道's), required ones first, 20 a page. */
  listCourses: action<Page<CourseSummaryView>>()({
    input: v.object({ page, filters: v.optional(v.object({ state: v.optional(v.picklist(['draft', 'published', 'archived'] as const, '请选择状态')), requiredOnly: v.optional(v.boolean()) }), {}) }),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /** One course with its lessons, the caller's progress and certificate. */
  getCourse: action<{ course: CourseView }>()({ input: v.object({ courseId: id }), errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'] }),

  /** Marks a lesson done (again: nothing changes). Finishing the last step issues the certificate and posts points once. */
  finishLesson: action<{ course: CourseView }>()({
    input: v.object({ courseId: id, key }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'LEARNING.NOT_OPEN'],
  }),

  /**
   * Hands in a quiz attempt, once per request id (a retry answers the same result). A pass with every lesson done
   * issues the certificate and posts points once.
   */
  submitQuiz: action<QuizResultView>()({
    input: v.object({ courseId: id, requestId, answers: quizAnswerFields }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'LEARNING.NOT_OPEN', 'LEARNING.NO_QUIZ', 'LEARNING.BAD_ANSWER', 'LEARNING.TOO_MANY_ATTEMPTS'],
  }),

  /** The caller's course certificates, newest first. */
  myCertificates: action<Page<CourseCertificateView>>()({ input: v.object({ page }), errors: ['COMMON.FORBIDDEN'] }),

  /** Anyone with a code: is the course certificate genuine, and what does it state (no ids, no phone). */
  verifyCertificate: action<CourseVerifyResult>()({
    input: v.object({
      code: v.pipe(v.string('请输入证书编号'), v.trim(), v.minLength(1, '请输入证书编号'), v.maxLength(40, '证书编号不对'), cleanChars('证书编号'), visible('证书编号', '请输入证书编号'), v.transform(normalizeCode)),
    }),
    errors: [],
  }),

  /** The committee: who holding `role` now has not finished a course required of it, 20 a page, with counts. */
  requiredGaps: action<GapsView>()({
    input: v.object({ courseId: id, role: v.picklist(REQUIRED_ROLES, '请选择角色'), page }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'LEARNING.NOT_REQUIRED'],
  }),

  /** The 街道 writes a case (draft); a retried call with the same request id answers the same one. */
  createCase: action<{ case: CaseView }>()({
    input: v.object({ case: caseFields, requestId }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.CONTENT_REJECTED', 'LEARNING.COMMUNITY_NOT_FOUND'],
  }),

  updateCase: action<{ case: CaseView }>()({
    input: v.object({ caseId: id, version, case: caseFields }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'COMMON.CONTENT_REJECTED', 'LEARNING.CHANGED', 'LEARNING.COMMUNITY_NOT_FOUND'],
  }),

  /** Publishes (true) or withdraws (false) a case. */
  publishCase: action<{ case: CaseView }>()({
    input: v.object({ caseId: id, version, published: v.boolean() }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'LEARNING.CHANGED'],
  }),

  /** Published cases of the caller's 街道 (the 街道 also sees drafts), by tag and words, newest first, 20 a page. */
  listCases: action<Page<CaseSummaryView>>()({
    input: v.object({ page, tag: v.optional(tag), query: v.optional(text('搜索词', 30), '') }),
    errors: ['COMMON.FORBIDDEN'],
  }),

  getCase: action<{ case: CaseView }>()({ input: v.object({ caseId: id }), errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'] }),
} satisfies ActionMap;
