import * as v from 'valibot';
import type { ActionMap } from '../action';
import { action } from '../action';
import {
  CARE_FREQUENCIES,
  CARE_MOODS,
  CARE_NEEDS,
  MAX_VISIT_MINUTES,
  PLAN_EVERY_WEEKS,
  VISIT_STATES,
  type CareFiguresView,
  type ElderSummaryView,
  type ElderView,
  type PairingView,
  type SuggestionView,
  type VisitView,
} from '../domain/care';
import { AVAILABILITY_OPTIONS } from '../domain/member';
import type { Page } from '../result';
import { idSchema, instantSchema, multilineText, requestIdSchema as requestId, requiredText, text } from '../schemas';

const id = idSchema(80);
const page = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)), 1);
const month = v.pipe(v.string('请选择月份'), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '请选择月份'));
const day = v.pipe(v.string('请选择日期'), v.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '请选择日期'));
/** The elder's version the caller saw: an edit applies only if nobody changed the record since. */
const version = v.pipe(v.number('请刷新后再试'), v.integer('请刷新后再试'), v.minValue(0, '请刷新后再试'), v.maxValue(1_000_000, '请刷新后再试'));
const phone = v.pipe(v.string('请填写电话'), v.trim(), v.regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '电话号码格式不对'));
const optionalPhone = v.optional(v.union([v.literal(''), phone], '电话号码格式不对'), '');
const needs = v.pipe(
  v.array(v.picklist(CARE_NEEDS, '请选择需要的帮助'), '请选择需要的帮助'),
  v.minLength(1, '请至少选择一项需要的帮助'),
  v.maxLength(CARE_NEEDS.length, '需要的帮助选多了'),
  v.check((a) => new Set(a).size === a.length, '需要的帮助不能重复'),
);
const times = v.optional(
  v.pipe(
    v.array(v.picklist(AVAILABILITY_OPTIONS, '请选择方便的时间'), '请选择方便的时间'),
    v.maxLength(AVAILABILITY_OPTIONS.length, '方便的时间选多了'),
    v.check((a) => new Set(a).size === a.length, '方便的时间不能重复'),
  ),
  [],
);

/** A visit plan: weekdays (1 = 周一 ... 7 = 周日) and every how many weeks. */
export const planFields = v.object({
  weekdays: v.pipe(
    v.array(v.pipe(v.number('请选择星期几'), v.integer('请选择星期几'), v.minValue(1, '请选择星期几'), v.maxValue(7, '请选择星期几')), '请选择星期几'),
    v.minLength(1, '请至少选择一天'),
    v.maxLength(3, '每周最多探访3天'),
    v.check((a) => new Set(a).size === a.length, '星期不能重复'),
  ),
  everyWeeks: v.picklist(PLAN_EVERY_WEEKS, '请选择多久一次'),
});

/** What the committee or a grid leader records about an elder (also checked in the form). */
export const elderFields = v.object({
  name: requiredText('老人姓名', 20),
  building: requiredText('楼号', 20),
  room: v.optional(text('门牌', 20), ''),
  phone: optionalPhone,
  needs,
  frequency: v.picklist(CARE_FREQUENCIES, '请选择探访频次'),
  preferredTimes: times,
  healthNotes: v.optional(multilineText('健康情况', 500), ''),
  family: v.object({ name: requiredText('家属姓名', 20), relation: requiredText('与老人关系', 10), phone }),
  /** How consent was given (本人口头同意，女儿在场): the proxy record quotes it. */
  consent: v.object({ given: v.literal(true, '请先征得老人同意'), note: requiredText('同意方式', 60) }),
  /** The elder's own member record, when they are on WeChat. */
  memberId: v.optional(v.nullable(id), null),
});
export type ElderInput = v.InferInput<typeof elderFields>;

/** A visit as the volunteer logs it. */
export const visitLogFields = v.object({
  startAt: instantSchema('探访时间'),
  minutes: v.pipe(v.number('请填写时长'), v.integer('时长要是整数分钟'), v.minValue(1, '时长至少1分钟'), v.maxValue(MAX_VISIT_MINUTES, '一次探访最多8小时')),
  done: v.pipe(
    v.array(v.picklist(CARE_NEEDS, '请选择做了什么'), '请选择做了什么'),
    v.minLength(1, '请至少选择一项做了什么'),
    v.maxLength(CARE_NEEDS.length, '选多了'),
    v.check((a) => new Set(a).size === a.length, '不能重复'),
  ),
  mood: v.picklist(CARE_MOODS, '请选择老人状态'),
  note: v.optional(multilineText('探访记录', 300), ''),
  /** A concern's words: anything not '' reaches the grid leader at once. */
  concern: v.optional(multilineText('需要关注的情况', 200), ''),
});
export type VisitLogInput = v.InferInput<typeof visitLogFields>;

const ELDER_ERRORS = ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'COMMON.CONTENT_REJECTED', 'CARE.GRID_NOT_FOUND', 'CARE.MEMBER_NOT_FOUND'] as const;

export const careActions = {
  /** Registers an elder by proxy (committee: any building of the 居民区; grid leader: a building of their grids). */
  registerElder: action<{ elder: ElderView }>()({ input: v.object({ elder: elderFields, requestId }), errors: ELDER_ERRORS }),

  /** Changes an elder's record (at the version the caller saw). */
  updateElder: action<{ elder: ElderView }>()({ input: v.object({ elderId: id, version, elder: elderFields }), errors: [...ELDER_ERRORS, 'CARE.CHANGED'] }),

  /**
   * Deletes an elder's record (committee): their name, address, phones, health notes and visit words go; anonymised
   * visit counts stay for the figures; their pairings end.
   */
  removeElder: action<{ removed: boolean }>()({ input: v.object({ elderId: id }), errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'] }),

  /** Elders the caller looks after (committee: all; grid leader: their grids), those without a visit in 14 days first. */
  listElders: action<Page<ElderSummaryView>>()({ input: v.object({ page, filters: v.optional(v.object({ gridId: v.optional(id) }), {}) }), errors: ['COMMON.FORBIDDEN'] }),

  /** One elder, with the fields the caller's role may see. */
  getElder: action<{ elder: ElderView; pairings: PairingView[] }>()({ input: v.object({ elderId: id }), errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'] }),

  /** Volunteers to pair with the elder: nearest building, matching skills and free times, lightest load. Two round trips. */
  suggest: action<{ items: SuggestionView[] }>()({ input: v.object({ elderId: id }), errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'] }),

  /** Asks a volunteer to pair with the elder, with a visit plan; they accept or decline. */
  pair: action<{ pairing: PairingView }>()({
    input: v.object({ elderId: id, volunteerId: id, plan: planFields, note: v.optional(multilineText('给志愿者的话', 200), ''), requestId }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'COMMON.CONTENT_REJECTED', 'CARE.VOLUNTEER_NOT_FOUND', 'CARE.ELDER_FULL', 'CARE.VOLUNTEER_BUSY', 'CARE.ALREADY_PAIRED'],
  }),

  /** The volunteer accepts (the plan starts making visits) or declines a proposed pairing. Idempotent. */
  respond: action<{ pairing: PairingView }>()({ input: v.object({ pairingId: id, accept: v.boolean('请选择接受或婉拒') }), errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'CARE.WRONG_STATE'] }),

  /** Ends a pairing (the grid leader, the committee or the volunteer): its coming visits are cancelled. Idempotent. */
  endPairing: action<{ pairing: PairingView }>()({ input: v.object({ pairingId: id, reason: v.optional(text('原因', 100), '') }), errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'CARE.WRONG_STATE'] }),

  /** The caller's pairings as a volunteer, newest first, 20 a page. */
  myPairings: action<Page<PairingView>>()({ input: v.object({ page }), errors: ['COMMON.FORBIDDEN'] }),

  /** The caller's visits as a volunteer (one state, or all), newest day first, 20 a page. */
  myVisits: action<Page<VisitView>>()({ input: v.object({ page, filters: v.optional(v.object({ state: v.optional(v.picklist(VISIT_STATES, '请选择状态')) }), {}) }), errors: ['COMMON.FORBIDDEN'] }),

  /**
   * Logs a visit of an active pairing on a day (today or up to 7 days back): the due visit of that day, a missed
   * one, or an extra one. One log per pairing and day, under any retry; a concern reaches the grid leader at once.
   */
  logVisit: action<{ visit: VisitView }>()({
    input: v.object({ pairingId: id, day, log: visitLogFields, requestId }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'COMMON.CONTENT_REJECTED', 'CARE.NOT_PAIRED', 'CARE.DAY', 'CARE.ALREADY_LOGGED'],
  }),

  /** The grid leader (or committee) confirms a logged or questioned visit, optionally with corrected minutes: hours post once. */
  confirmVisit: action<{ visit: VisitView }>()({
    input: v.object({ visitId: id, minutes: v.optional(v.pipe(v.number('请填写时长'), v.integer('时长要是整数分钟'), v.minValue(1, '时长至少1分钟'), v.maxValue(MAX_VISIT_MINUTES, '一次探访最多8小时'))) }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'CARE.WRONG_STATE', 'LEDGER.ENTRY_TAKEN'],
  }),

  /** The grid leader questions a logged visit within 72 hours: no hours until they confirm it. */
  challengeVisit: action<{ visit: VisitView }>()({ input: v.object({ visitId: id, reason: requiredText('疑问', 100) }), errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'CARE.WRONG_STATE', 'COMMON.CONTENT_REJECTED'] }),

  /** An elder's visits, newest first, 20 a page (staff; a volunteer of an active pairing sees their own). */
  visitsOf: action<Page<VisitView>>()({ input: v.object({ elderId: id, page }), errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'] }),

  /** The grid leader's (or committee's) queue: visits with a concern, then logged and questioned ones to confirm. */
  toConfirm: action<Page<VisitView>>()({ input: v.object({ page }), errors: ['COMMON.FORBIDDEN'] }),

  /** Per grid for a month: elders covered, visits, hours, missed rate (committee: every grid; grid leader: theirs). */
  figures: action<CareFiguresView>()({ input: v.object({ month }), errors: ['COMMON.FORBIDDEN'] }),
} satisfies ActionMap;
