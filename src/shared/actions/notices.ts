import * as v from 'valibot';
import type { ActionMap } from '../action';
import { action } from '../action';
import { GRID_COLOURS } from '../domain/grid';
import {
  MAX_NOTICE_IMAGES,
  MAX_REPLY_OPTIONS,
  NOTICE_MODES,
  RECEIPT_FILTERS,
  type MyReceiptView,
  type NoticeCounts,
  type NoticeGroupView,
  type NoticeSummaryView,
  type NoticeTargetOptions,
  type NoticeView,
  type ReceiptGroupView,
  type ReceiptRowView,
  type RemindResult,
  type RobotView,
} from '../domain/notices';
import type { Page } from '../result';
import { idSchema, instantSchema, requestIdSchema as requestId, requiredMultilineText, requiredText, text } from '../schemas';

/**
 * Calls that carry a group's CloudID (`open`, `bindGroup`, `whichGroup`) send it as the TOP-LEVEL call field
 * `groupCloudId` as the plain CloudID string, never in the payload: the function resolves it through the platform
 * (getOpenData) and trusts nothing else (an object shaped like resolved open data is ignored).
 */
export const GROUP_CLOUD_ID_FIELD = 'groupCloudId';

const id = idSchema(80);
const page = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)), 1);
const instant = instantSchema;
const gridIds = (min: number) =>
  v.pipe(
    v.array(id, '请选择微格'),
    v.minLength(min, '请至少选择一个微格'),
    v.maxLength(20, '最多选择20个微格'),
    v.transform((ids) => [...new Set(ids)]),
  );

const target = v.variant(
  'kind',
  [
    v.object({ kind: v.literal('community') }),
    v.object({ kind: v.literal('grids'), gridIds: gridIds(1) }),
    v.object({ kind: v.literal('council'), councilId: id }),
    v.object({ kind: v.literal('colour'), colour: v.picklist(GRID_COLOURS, '请选择颜色'), gridIds: v.optional(gridIds(0), []) }),
  ],
  '请选择通知对象',
);

const question = v.object({
  text: requiredText('问题', 40),
  options: v.pipe(
    v.array(requiredText('选项', 12), '请填写选项'),
    v.minLength(2, '至少要有两个选项'),
    v.maxLength(MAX_REPLY_OPTIONS, `最多${MAX_REPLY_OPTIONS}个选项`),
    v.check((o) => new Set(o).size === o.length, '选项不能重复'),
  ),
});

/** One notice as the writer's form sends it (also checked in the form before sending). */
export const noticeFields = v.pipe(
  v.object({
    title: requiredText('标题', 40),
    body: requiredMultilineText('正文', 1000),
    images: v.optional(v.pipe(v.array(id), v.maxLength(MAX_NOTICE_IMAGES, `最多${MAX_NOTICE_IMAGES}张图片`)), []),
    target,
    mode: v.picklist(NOTICE_MODES, '请选择回复方式'),
    /** Required when mode is 'reply'; ignored otherwise. */
    question: v.optional(v.nullable(question), null),
    expiresAt: v.optional(v.nullable(instant('截止时间')), null),
    templateKey: v.optional(v.nullable(text('提醒模板', 40)), null),
    /** A questionnaire of the same 居民区 the notice asks residents to fill in (the page shows 去填写问卷). */
    surveyId: v.optional(v.nullable(id), null),
  }),
  v.forward(v.check((n) => n.mode !== 'reply' || !!n.question, '请填写要居民回答的问题'), ['question']),
);
export type NoticeInput = v.InferInput<typeof noticeFields>;

/** Save as a draft, publish now, or publish at a set time (a timer publishes it). */
const publish = v.variant(
  'kind',
  [v.object({ kind: v.literal('draft') }), v.object({ kind: v.literal('now') }), v.object({ kind: v.literal('at'), at: instant('发布时间') })],
  '请选择发布方式',
);
export type PublishInput = v.InferInput<typeof publish>;

/** The webhook of a WeCom group robot as copied from WeCom (the full URL), or only its key. */
export const WECOM_WEBHOOK_PATTERN = /^(?:https:\/\/qyapi\.weixin\.qq\.com\/cgi-bin\/webhook\/send\?key=)?([A-Za-z0-9-]{8,64})$/;

const EDIT_ERRORS = ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'COMMON.CONTENT_REJECTED', 'NOTICES.PUBLISH_AT_PAST'] as const;
const ANSWER_ERRORS = [
  'COMMON.FORBIDDEN',
  'COMMON.NOT_FOUND',
  'NOTICES.EXPIRED',
  'NOTICES.NOT_TARGETED',
  'NOTICES.WRONG_MODE',
] as const;

export const noticesActions = {
  /** What the caller may target when writing (grids they lead, councils they chair, colour groups they may see). */
  targets: action<NoticeTargetOptions>()({
    input: v.object({}),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /** The caller's notices as a resident: published ones targeted at them, unread first, then newest, 20 a page. */
  list: action<Page<NoticeSummaryView> & { canWrite: boolean }>()({
    input: v.object({ page }),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /** Notices the caller wrote (the committee: all of the 居民区), drafts and scheduled too, newest first, with counts. */
  managed: action<Page<NoticeSummaryView>>()({
    input: v.object({ page }),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /**
   * Opens a notice and records the read: in the bound group the top-level `groupCloudId` resolves to, else as
   * opened elsewhere. Drafts and scheduled notices open only for those who manage them (and record nothing).
   */
  open: action<{ notice: NoticeView }>()({
    input: v.object({ noticeId: id }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /** Taps 收到 (mode 'confirm'); a second tap changes nothing. */
  confirm: action<{ mine: MyReceiptView }>()({
    input: v.object({ noticeId: id }),
    errors: ANSWER_ERRORS,
  }),

  /** Answers the notice's question (mode 'reply') once; the same answer again changes nothing. */
  reply: action<{ mine: MyReceiptView }>()({
    input: v.object({ noticeId: id, answer: requiredText('回复', 12) }),
    errors: [...ANSWER_ERRORS, 'NOTICES.BAD_OPTION', 'NOTICES.ALREADY_REPLIED'],
  }),

  /** Writes a notice: a draft, published now, or at a set time. The request id makes a retry create it once. */
  create: action<{ notice: NoticeView }>()({
    input: v.object({ notice: noticeFields, publish, requestId }),
    errors: EDIT_ERRORS,
  }),

  /**
   * Changes a draft or scheduled notice (and how it is published); a published one cannot change. The request id
   * (optional for older clients) lets a retry of a call that published finish what it started.
   */
  update: action<{ notice: NoticeView }>()({
    input: v.object({ noticeId: id, notice: noticeFields, publish, requestId: v.optional(requestId) }),
    errors: [...EDIT_ERRORS, 'NOTICES.ALREADY_PUBLISHED'],
  }),

  /** Deletes a draft or scheduled notice. */
  remove: action<{ removed: boolean }>()({
    input: v.object({ noticeId: id }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'NOTICES.ALREADY_PUBLISHED'],
  }),

  /**
   * For the writer and the committee: counts, reads per bound group (and "elsewhere"), and a page of the targeted
   * residents with each one's state, filtered by state and optionally by the group they read it in.
   */
  receipts: action<Page<ReceiptRowView> & { counts: NoticeCounts; groups: ReceiptGroupView[] }>()({
    input: v.object({
      noticeId: id,
      filter: v.optional(v.picklist(RECEIPT_FILTERS), 'all'),
      groupId: v.optional(id),
      page,
    }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'NOTICES.NOT_PUBLISHED'],
  }),

  /**
   * Reminds targeted residents who have not done what the notice asks: a subscribe message to those with quota,
   * a WeCom robot message @-mentioning the rest by mobile where their grid has a robot; the others are listed to
   * call or visit. The request id makes a doubled tap one round of reminders.
   */
  remind: action<RemindResult>()({
    input: v.object({ noticeId: id, requestId }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'NOTICES.NOT_PUBLISHED', 'NOTICES.EXPIRED'],
  }),

  /** Bound WeChat groups of the caller's grids (the committee: of every grid, or of `gridId`). */
  groups: action<Page<NoticeGroupView>>()({
    input: v.object({ gridId: v.optional(id), page }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /** The bound group the top-level `groupCloudId` resolves to, if any (the bind card shows it). */
  whichGroup: action<{ group: NoticeGroupView | null }>()({
    input: v.object({}),
    errors: ['COMMON.FORBIDDEN', 'NOTICES.NO_GROUP'],
  }),

  /** Binds the group the top-level `groupCloudId` resolves to, to one of the caller's grids; binding again renames. */
  bindGroup: action<{ group: NoticeGroupView }>()({
    input: v.object({ gridId: id, name: requiredText('群名称', 30) }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'COMMON.CONTENT_REJECTED', 'NOTICES.NO_GROUP', 'NOTICES.GROUP_BOUND_ELSEWHERE'],
  }),

  renameGroup: action<{ group: NoticeGroupView }>()({
    input: v.object({ groupId: id, name: requiredText('群名称', 30) }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'COMMON.CONTENT_REJECTED'],
  }),

  unbindGroup: action<{ removed: boolean }>()({
    input: v.object({ groupId: id }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /** For the committee: every grid with its WeCom robot, masked. */
  robots: action<{ items: RobotView[] }>()({
    input: v.object({}),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /** The committee sets a grid's robot webhook (kept server-side; only its masked key ever comes back). */
  setRobot: action<{ robot: RobotView }>()({
    input: v.object({
      gridId: id,
      webhook: v.pipe(v.string('请填写机器人地址'), v.trim(), v.regex(WECOM_WEBHOOK_PATTERN, '机器人地址不对')),
    }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  removeRobot: action<{ robot: RobotView }>()({
    input: v.object({ gridId: id }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),
} satisfies ActionMap;
