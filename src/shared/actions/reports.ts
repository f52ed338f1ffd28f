import * as v from 'valibot';
import type { ActionMap } from '../action';
import { action } from '../action';
import {
  MAX_REPORT_PHOTOS,
  REPORT_STATES,
  type HandOverTargetsView,
  type ReportFigures,
  type ReportSettingsView,
  type ReportSummaryView,
  type ReportView,
  type SimilarReportView,
  type StreetReportRow,
} from '../domain/report';
import type { Page } from '../result';
import { idSchema, instantSchema, multilineText, requestIdSchema as requestId, requiredMultilineText, requiredText, text } from '../schemas';

const id = idSchema(80);
const page = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)), 1);
const month = v.pipe(v.string('请选择月份'), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '请选择月份'));
const categoryKey = v.pipe(v.string('请选择问题类别'), v.regex(/^[a-z0-9-]{1,20}$/, '请选择问题类别'));
/** The report's version the caller saw: a state change applies only if nobody changed it since. */
const version = v.pipe(v.number('请刷新后再试'), v.integer('请刷新后再试'), v.minValue(0, '请刷新后再试'), v.maxValue(1_000_000, '请刷新后再试'));

const photo = v.pipe(
  v.string('照片地址不对'),
  v.maxLength(512, '照片地址太长'),
  v.regex(/^(https:\/\/|cloud:\/\/)\S+$/, '照片地址要以 https:// 或 cloud:// 开头'),
);
const photos = v.optional(v.pipe(v.array(photo, '照片不对'), v.maxLength(MAX_REPORT_PHOTOS, `最多${MAX_REPORT_PHOTOS}张照片`)), []);

const clock = v.pipe(v.string('请选择时间'), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '请选择时间'));

/** Where the problem is: a building of the 居民区 (with a unit or room), or a public spot; a map point optional. */
export const reportPlace = v.pipe(
  v.object({
    building: v.optional(text('楼号', 20), ''),
    unit: v.optional(text('单元或门牌', 20), ''),
    spot: v.optional(text('公共区域', 30), ''),
    point: v.optional(
      v.nullable(
        v.object({
          latitude: v.pipe(v.number('位置不对'), v.minValue(-90, '位置不对'), v.maxValue(90, '位置不对')),
          longitude: v.pipe(v.number('位置不对'), v.minValue(-180, '位置不对'), v.maxValue(180, '位置不对')),
        }),
      ),
      null,
    ),
  }),
  v.check((p) => (p.building.trim() === '') !== (p.spot.trim() === ''), '请选择楼栋或公共区域（二选一）'),
);
export type ReportPlaceInput = v.InferInput<typeof reportPlace>;

/** What a resident sends (also checked in the form before sending). */
export const reportFields = v.object({
  categoryKey,
  place: reportPlace,
  text: requiredMultilineText('问题描述', 300, '请简单说说是什么问题'),
  photos,
});
export type ReportInput = v.InferInput<typeof reportFields>;

const categoryInput = v.pipe(
  v.object({
    key: categoryKey,
    name: requiredText('类别名称', 10),
    responseMinutes: v.pipe(v.number('请填写响应时限'), v.integer('响应时限要是整数'), v.minValue(5, '响应时限至少5分钟'), v.maxValue(1440, '响应时限最多24小时')),
    resolutionHours: v.pipe(v.number('请填写办结时限'), v.integer('办结时限要是整数'), v.minValue(1, '办结时限至少1小时'), v.maxValue(720, '办结时限最多30天')),
    quietHours: v.optional(v.nullable(v.object({ from: clock, to: clock })), null),
    councilId: v.optional(v.nullable(id), null),
    skills: v.optional(v.pipe(v.array(requiredText('技能', 12)), v.maxLength(5, '每个类别最多5项技能')), []),
    active: v.optional(v.boolean(), true),
  }),
  v.forward(v.check((c) => !c.quietHours || c.quietHours.from !== c.quietHours.to, '安静时段的开始和结束不能相同'), ['quietHours']),
);

/** The committee's settings form. */
export const reportSettingsFields = v.object({
  categories: v.pipe(
    v.array(categoryInput, '请至少保留一个类别'),
    v.minLength(1, '请至少保留一个类别'),
    v.maxLength(20, '最多20个类别'),
    v.check((cs) => new Set(cs.map((c) => c.key)).size === cs.length, '类别不能重复'),
    v.check((cs) => cs.some((c) => c.active !== false), '请至少保留一个在用的类别'),
  ),
  spots: v.pipe(v.array(requiredText('公共区域', 30)), v.maxLength(30, '最多30个公共区域')),
  handlerPoints: v.pipe(v.number('请填写积分'), v.integer('积分要是整数'), v.minValue(0, '积分不能为负'), v.maxValue(50, '积分最多50')),
});
export type ReportSettingsInput = v.InferInput<typeof reportSettingsFields>;

const handOverTarget = v.variant('kind', [
  v.object({ kind: v.literal('grid'), gridId: id }),
  v.object({ kind: v.literal('council'), councilId: id }),
  v.object({ kind: v.literal('chief') }),
  v.object({ kind: v.literal('committee') }),
], '请选择转给谁');

const listFilters = v.object({
  state: v.optional(v.picklist([...REPORT_STATES, 'open'] as const, '请选择状态')),
  categoryKey: v.optional(categoryKey),
  gridId: v.optional(id),
  overdue: v.optional(v.boolean()),
});

/** A change of state: the report, the version the caller saw, and a request id so a retry applies it once. */
const change = { reportId: id, version, requestId };

const CHANGE_ERRORS = ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'REPORTS.CHANGED', 'REPORTS.WRONG_STATE'] as const;

export const reportsActions = {
  /** The caller's 居民区's categories (active ones), public spots and the caller's own building as default place. */
  settings: action<ReportSettingsView>()({ input: v.object({}), errors: ['COMMON.FORBIDDEN'] }),

  /** The committee changes categories, clocks, quiet hours, spots and handler points. */
  saveSettings: action<ReportSettingsView>()({
    input: v.object({ settings: reportSettingsFields }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.CONTENT_REJECTED', 'REPORTS.COUNCIL_NOT_FOUND'],
  }),

  /** Open reports of the same category at the same place (已有邻居上报), without who reported them. At most 5. */
  similar: action<{ items: SimilarReportView[] }>()({
    input: v.object({ categoryKey, place: reportPlace }),
    errors: ['COMMON.FORBIDDEN', 'REPORTS.CATEGORY_NOT_FOUND'],
  }),

  /**
   * Files a report (or, for a grid leader, for a resident of their grid: proxy-logged). Routed by the place's
   * building to its micro-grid; the handlers are told at once. The request id makes a retry file it once.
   */
  file: action<{ report: ReportView }>()({
    input: v.object({ report: reportFields, requestId, forMemberId: v.optional(id) }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.CONTENT_REJECTED', 'REPORTS.CATEGORY_NOT_FOUND', 'REPORTS.PLACE_NOT_FOUND', 'REPORTS.PERSON_NOT_FOUND'],
  }),

  /** "Me too": the caller follows an open report of their 居民区 and is told of its progress. Idempotent. */
  join: action<{ report: ReportView }>()({
    input: v.object({ reportId: id }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'REPORTS.WRONG_STATE'],
  }),

  /** Reports the caller filed or joined, newest first, 20 a page. */
  mine: action<Page<ReportSummaryView>>()({ input: v.object({ page }), errors: ['COMMON.FORBIDDEN'] }),

  /** One report with its timeline, as the caller may see it. */
  get: action<{ report: ReportView }>()({ input: v.object({ reportId: id }), errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'] }),

  /** 待处理: open reports the caller handles (their grids, buildings, councils; all for the 总格长 when escalated), next due first. */
  queue: action<Page<ReportSummaryView>>()({ input: v.object({ page }), errors: ['COMMON.FORBIDDEN'] }),

  /** The committee's list of every report of their 居民区, with filters, newest first. */
  list: action<Page<ReportSummaryView>>()({
    input: v.object({ page, filters: v.optional(listFilters, {}) }),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /** 响应: a handler takes the report, with a word to the resident. Exactly one of racing accepts wins. */
  accept: action<{ report: ReportView }>()({
    input: v.object({ ...change, message: requiredText('回复居民的话', 100, '请给居民回一句话') }),
    errors: CHANGE_ERRORS,
  }),

  /** Hands the report on to another grid, a sub-council, the 总格长 or the committee, with a reason. */
  handOver: action<{ report: ReportView }>()({
    input: v.object({ ...change, to: handOverTarget, reason: requiredText('转交原因', 100) }),
    errors: [...CHANGE_ERRORS, 'REPORTS.TARGET_NOT_FOUND'],
  }),

  /** Where the caller may hand the report on to. */
  handOverTargets: action<HandOverTargetsView>()({ input: v.object({ reportId: id }), errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'] }),

  /** 等待居民: pauses the clocks with a reason the resident reads. */
  wait: action<{ report: ReportView }>()({
    input: v.object({ ...change, reason: requiredText('等待原因', 100) }),
    errors: CHANGE_ERRORS,
  }),

  /** Ends the pause; the clocks go on where they stopped. */
  resume: action<{ report: ReportView }>()({ input: v.object(change), errors: CHANGE_ERRORS }),

  /** 走访记录: when, whom, what was found, photos. Does not change the state. */
  visit: action<{ report: ReportView }>()({
    input: v.object({
      reportId: id,
      requestId,
      visit: v.object({ at: instantSchema('走访时间'), whom: requiredText('走访对象', 30), found: requiredMultilineText('走访情况', 300), photos }),
    }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'COMMON.CONTENT_REJECTED', 'REPORTS.WRONG_STATE'],
  }),

  /** Members with the category's skills who let the handler see them (from the talent pool), at most 20. */
  helpers: action<{ items: { memberId: string; name: string; building: string; skills: string[] }[] }>()({
    input: v.object({ reportId: id }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /** Closes the handler's part: what was done and photos after. The resident is asked to confirm. */
  resolve: action<{ report: ReportView }>()({
    input: v.object({ ...change, summary: requiredMultilineText('处理结果', 300), photos }),
    errors: [...CHANGE_ERRORS, 'COMMON.CONTENT_REJECTED'],
  }),

  /** The reporter confirms 已解决 (closed, with a rating) or says it is not (reopened, clocks restart). */
  confirm: action<{ report: ReportView }>()({
    input: v.object({
      ...change,
      solved: v.boolean('请选择是否已解决'),
      stars: v.optional(v.pipe(v.number('请评分'), v.integer('请评分'), v.minValue(1, '请评分'), v.maxValue(5, '请评分'))),
      comment: v.optional(multilineText('评价', 200), ''),
    }),
    errors: [...CHANGE_ERRORS, 'COMMON.CONTENT_REJECTED'],
  }),

  /** The committee merges a duplicate into another open report of the same 居民区; both timelines say so. */
  merge: action<{ report: ReportView }>()({
    input: v.object({ ...change, intoId: id }),
    errors: [...CHANGE_ERRORS, 'REPORTS.MERGE_TARGET'],
  }),

  /** The committee's month figures; the 街道 reads them per 居民区 through `street`. */
  figures: action<ReportFigures>()({ input: v.object({ month }), errors: ['COMMON.FORBIDDEN'] }),

  /** The month's reports as CSV (committee), one row per report, no phone numbers. */
  exportCsv: action<{ fileName: string; csv: string }>()({ input: v.object({ month }), errors: ['COMMON.FORBIDDEN'] }),

  /** The 街道's figures per 居民区 for a month, without any personal detail. */
  street: action<{ items: StreetReportRow[] }>()({ input: v.object({ month }), errors: ['COMMON.FORBIDDEN'] }),
} satisfies ActionMap;
