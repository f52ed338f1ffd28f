import * as v from 'valibot';
import type { ActionMap } from '../action';
import { action } from '../action';
import {
  MAX_OPTIONS,
  MAX_QUESTIONS,
  RATING_MAX,
  RATING_MIN,
  SHORT_TEXT_MAX,
  type NamedAnswerView,
  type SurveyResultsView,
  type SurveySummaryView,
  type SurveyView,
} from '../domain/survey';
import type { Page } from '../result';
import { idSchema, instantSchema, multilineText, requestIdSchema as requestId, requiredText } from '../schemas';

const id = idSchema(80);
const page = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)), 1);
const key = v.pipe(v.string('题目不对'), v.regex(/^[a-z0-9]{1,8}$/, '题目不对'));
/** The survey's version the caller saw: an edit or a state change applies only if nobody changed it since. */
const version = v.pipe(v.number('请刷新后再试'), v.integer('请刷新后再试'), v.minValue(0, '请刷新后再试'), v.maxValue(1_000_000, '请刷新后再试'));
const count = (label: string) => v.pipe(v.number(`请填写${label}`), v.integer(`${label}要是整数`), v.minValue(1, `${label}至少1项`), v.maxValue(MAX_OPTIONS, `${label}最多${MAX_OPTIONS}项`));

const option = v.object({ key, label: requiredText('选项', 40) });

/** One question as the creator writes it; option keys are the page's (o1, o2...), unique within the question. */
export const questionFields = v.pipe(
  v.object({
    key,
    kind: v.picklist(['single', 'multiple', 'rating', 'text'] as const, '请选择题型'),
    title: requiredText('题目', 100),
    required: v.optional(v.boolean(), true),
    options: v.optional(v.pipe(v.array(option, '选项不对'), v.maxLength(MAX_OPTIONS, `每题最多${MAX_OPTIONS}个选项`)), []),
    min: v.optional(count('最少选择'), 1),
    max: v.optional(count('最多选择'), 1),
  }),
  v.check((q) => (q.kind === 'single' || q.kind === 'multiple' ? q.options.length >= 2 : q.options.length === 0), '选择题至少要2个选项，其他题型不用选项'),
  v.check((q) => new Set(q.options.map((o) => o.key)).size === q.options.length, '选项不能重复'),
  v.check((q) => q.kind !== 'multiple' || (q.min <= q.max && q.max <= q.options.length), '多选题的最少、最多选择项数不对'),
);

export const audienceFields = v.variant(
  'kind',
  [
    v.object({ kind: v.literal('community') }),
    v.object({ kind: v.literal('grids'), gridIds: v.pipe(v.array(id), v.minLength(1, '请选择微格'), v.maxLength(50, '最多50个微格')) }),
    v.object({ kind: v.literal('council'), councilId: id }),
    v.object({ kind: v.literal('members') }),
  ],
  '请选择问卷对象',
);

/** What the creator sends (also checked in the form before sending). */
export const surveyFields = v.pipe(
  v.object({
    title: requiredText('问卷标题', 40),
    intro: v.optional(multilineText('问卷说明', 500), ''),
    questions: v.pipe(
      v.array(questionFields, '请至少添加一道题'),
      v.minLength(1, '请至少添加一道题'),
      v.maxLength(MAX_QUESTIONS, `最多${MAX_QUESTIONS}道题`),
      v.check((qs) => new Set(qs.map((q) => q.key)).size === qs.length, '题目不能重复'),
    ),
    audience: audienceFields,
    opensAt: instantSchema('开始时间'),
    closesAt: instantSchema('结束时间'),
    anonymous: v.boolean('请选择是否匿名'),
    results: v.picklist(['live', 'afterClose'] as const, '请选择结果何时公布'),
    locked: v.optional(v.boolean(), false),
  }),
  v.forward(v.check((s) => s.closesAt > s.opensAt, '结束时间要晚于开始时间'), ['closesAt']),
);
export type SurveyInput = v.InferInput<typeof surveyFields>;

const answerValue = v.union(
  [
    v.object({ options: v.pipe(v.array(key, '选项不对'), v.maxLength(MAX_OPTIONS, '选项太多')) }),
    v.object({ rating: v.pipe(v.number('请评分'), v.integer('请评分'), v.minValue(RATING_MIN, '请打1到5分'), v.maxValue(RATING_MAX, '请打1到5分')) }),
    v.object({ text: multilineText('回答', SHORT_TEXT_MAX) }),
  ],
  '答卷不对',
);

/** question key -> value; at most as many entries as a survey has questions. */
export const answerFields = v.pipe(
  v.record(key, answerValue, '答卷不对'),
  v.check((a) => Object.keys(a).length <= MAX_QUESTIONS, '答卷不对'),
);

const listFilters = v.object({ state: v.optional(v.picklist(['draft', 'published', 'closed'] as const, '请选择状态')) });

const CHANGE_ERRORS = ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'SURVEYS.CHANGED', 'SURVEYS.WRONG_STATE'] as const;

export const surveysActions = {
  /** Writes a draft (committee: any audience of its 居民区; council chair: their council; grid leader: their grids). */
  create: action<{ survey: SurveyView }>()({
    input: v.object({ survey: surveyFields, requestId }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.CONTENT_REJECTED', 'SURVEYS.AUDIENCE_NOT_FOUND', 'SURVEYS.TIMES'],
  }),

  /** Changes a draft (questions are frozen once published). */
  update: action<{ survey: SurveyView }>()({
    input: v.object({ surveyId: id, version, survey: surveyFields }),
    errors: [...CHANGE_ERRORS, 'COMMON.CONTENT_REJECTED', 'SURVEYS.AUDIENCE_NOT_FOUND', 'SURVEYS.TIMES'],
  }),

  /** Publishes a draft: its questions freeze; the audience may answer from the open time. */
  publish: action<{ survey: SurveyView }>()({ input: v.object({ surveyId: id, version }), errors: [...CHANGE_ERRORS, 'SURVEYS.TIMES'] }),

  /** Closes a published survey early (the timer closes it at its close time). Idempotent. */
  close: action<{ survey: SurveyView }>()({ input: v.object({ surveyId: id, version }), errors: CHANGE_ERRORS }),

  /** Surveys the caller may answer or manage, newest first, 20 a page. */
  list: action<Page<SurveySummaryView>>()({ input: v.object({ page, filters: v.optional(listFilters, {}) }), errors: ['COMMON.FORBIDDEN'] }),

  /** One survey, with the caller's own answer and what they may do. */
  get: action<{ survey: SurveyView }>()({ input: v.object({ surveyId: id }), errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'] }),

  /**
   * Answers (or changes one's answer until close unless locked). One answer per resident under any concurrency;
   * the tallies move with the answer in one transaction.
   */
  answer: action<{ survey: SurveyView }>()({
    input: v.object({ surveyId: id, answer: answerFields }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'COMMON.CONTENT_REJECTED', 'SURVEYS.NOT_OPEN', 'SURVEYS.NOT_IN_AUDIENCE', 'SURVEYS.LOCKED', 'SURVEYS.BAD_ANSWER'],
  }),

  /** Counts, percentages, ratings, short texts and turnout, from the tally document (no scan of answers). */
  results: action<SurveyResultsView>()({ input: v.object({ surveyId: id }), errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'SURVEYS.RESULTS_HIDDEN'] }),

  /** Who answered what (committee only, named surveys), 50 a page. */
  named: action<Page<NamedAnswerView>>()({ input: v.object({ surveyId: id, page }), errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'] }),

  /** The answers as CSV (committee): anonymous surveys without names, named ones with name and building. */
  exportCsv: action<{ fileName: string; csv: string }>()({ input: v.object({ surveyId: id }), errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'] }),
} satisfies ActionMap;
