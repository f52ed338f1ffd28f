import { createHash } from 'crypto';
import { GRID_COLOUR_LABELS } from '../../src/shared/domain/grid';
import type {
  MyReceiptView,
  NoticeCounts,
  NoticeGroupView,
  NoticeMode,
  NoticeQuestion,
  NoticeStatus,
  NoticeSummaryView,
  NoticeSurveyLink,
  NoticeTarget,
  NoticeView,
  ReceiptState,
  RobotDeliveryView,
  RobotView,
} from '../../src/shared/domain/notices';
import type { TemplateValues } from '../../src/shared/subscriptions';
import { imageReviewOf } from '../_core/media-check';
import type { WeComMessage } from '../_core/ports/wecom';

/** A notice as stored in `notices`. The counters move by `_.inc` only, each with the write that earns it. */
export interface NoticeDoc {
  _id: string;
  communityId: string;
  writerId: string;
  writerName: string;
  title: string;
  body: string;
  /** Images that passed the image check (shown to everyone it targets); the rest wait in pendingImages. */
  images: string[];
  /** _core/media-check.ts: images still being checked, and how many were refused since the last edit. */
  pendingImages?: string[];
  refusedImages?: number;
  target: NoticeTarget;
  /** rules/notice-audience.ts: a resident is targeted when their keys meet these. */
  audienceKeys: string[];
  /** How staff read the audience: names a colour group (`红色分组（第一微格）`). */
  targetLabel: string;
  /** How residents read it: a colour group is never named to them (`第一微格部分居民`); absent on older notices. */
  publicLabel?: string;
  mode: NoticeMode;
  question: NoticeQuestion | null;
  expiresAt: Date | null;
  templateKey: string | null;
  /** The questionnaire it links to (checked to be of the same 居民区 when saved); absent on older notices. */
  survey?: NoticeSurveyLink | null;
  status: NoticeStatus;
  publishAt: Date | null;
  publishedAt: Date | null;
  /**
   * The targeted residents, counted when it is published. What they did (read, confirmed, replied, per group, per
   * option) is counted from the receipts when shown (notices.queries.ts `tallies`, `readsOf`): no counter is kept
   * beside the receipts, so none can drift from them, whatever dies between two writes.
   */
  counts: Pick<NoticeCounts, 'targeted'>;
  /** The bound groups' names as they were when first read in, so the receipts view needs no more reads. */
  groupNames: Record<string, string>;
  /** Reminder rounds so far, and the request id of the tap that started the last one. */
  remindRound: number;
  remindRequestId: string | null;
  /**
   * The `notice-published` subscribe messages to targeted residents, a roster page at a time: `page` is the next
   * page to send; null before publishing.
   */
  announce: { state: 'pending' | 'done'; page: number } | null;
  /** Who published it (a request, or a timer minute): that caller's retry finishes its deliveries. */
  publishedBy?: string;
  /** The minute timer's failures on this notice and when it tries again (./timer-failures.ts); absent when none. */
  timerFailures?: number;
  timerRetryAt?: Date;
  timerError?: string;
  createdAt: Date;
  updatedAt: Date;
}

/** `notice_receipts`: a resident who opened a notice. `state` only moves forward (read -> confirmed / replied). */
export interface ReceiptDoc {
  _id: string;
  noticeId: string;
  communityId: string;
  memberId: string;
  /** Among the notice's targeted residents when they first opened it: only those count. */
  targeted: boolean;
  state: Exclude<ReceiptState, 'unread'>;
  readAt: Date;
  /** Bound groups they opened it in. */
  groupIds: string[];
  /** First opened (or answered) outside any bound group; absent on older receipts (then: no group). */
  elsewhere?: boolean;
  confirmedAt: Date | null;
  reply: string | null;
}

/** `notice_groups`: a WeChat group bound to a grid. */
export interface GroupDoc {
  _id: string;
  communityId: string;
  gridId: string;
  /** Never sent to a client. */
  opengid: string;
  name: string;
  boundBy: string;
  boundByName: string;
  boundAt: Date;
}

/** `wecom_robots` (`_id` = gridId): the webhook key is a secret and never leaves the function. */
export interface RobotDoc {
  _id: string;
  communityId: string;
  gridId: string;
  key: string;
  setBy: string;
  setByName: string;
  setAt: Date;
  /** Sends in the current minute window (rate limit), moved by conditional updates only. */
  windowStart: number;
  windowCount: number;
  lastError: string | null;
}

export type OutboxKind = 'notice' | 'remind';

/** `wecom_outbox`: one robot message, sent by the queue under the robot's rate limit, retried with backoff. */
export interface OutboxDoc {
  _id: string;
  communityId: string;
  noticeId: string;
  gridId: string;
  gridName: string;
  kind: OutboxKind;
  message: WeComMessage;
  state: RobotDeliveryView['state'];
  attempts: number;
  nextAttemptAt: Date;
  /** A drain that claimed it holds it until then, so two drains never send it twice; `owner` names it. */
  leaseUntil: Date;
  owner?: string | null;
  /** Moved by every take, so one of two takers wins; 0 when nobody holds it. */
  claims?: number;
  /** The robot's minute window whose send slot this message holds. */
  slotWindow?: number;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

/** A robot message as queued: what it says and where, and a delivery not yet tried (notices/outbox.ts drains it). */
export function queuedRobotMessage(what: Pick<OutboxDoc, '_id' | 'communityId' | 'noticeId' | 'gridId' | 'gridName' | 'kind' | 'message'>, now: Date): OutboxDoc {
  return { ...what, state: 'queued', attempts: 0, nextAttemptAt: now, leaseUntil: new Date(0), owner: null, claims: 0, lastError: null, sentAt: null, createdAt: now };
}

export const noticeIdOf = (communityId: string, requestId: string) => `${communityId}-nt-${requestId}`;
/** The 居民区 a notice id names (every notice id is made by noticeIdOf), so a query can match it before reading the notice. */
export const communityOfNoticeId = (noticeId: string) => noticeId.split('-nt-')[0] ?? '';
export const receiptIdOf = (noticeId: string, memberId: string) => `${noticeId}:${memberId}`;
export const outboxIdOf = (noticeId: string, gridId: string, kind: OutboxKind, round = 0) =>
  kind === 'notice' ? `${noticeId}:${gridId}:notice` : `${noticeId}:${gridId}:remind:${round}`;
/** A bound group is keyed by its opengid (one grid per WeChat group), hashed so the id a client sees does not reveal it. */
export const groupIdOf = (opengid: string) => `grp-${createHash('sha256').update(opengid).digest('hex').slice(0, 20)}`;
/** The key under `groupReads` for opens outside any bound group. */
export const ELSEWHERE = 'elsewhere';

export const EMPTY_COUNTS: NoticeCounts = { targeted: 0, read: 0, confirmed: 0, replied: 0 };

export function isExpired(doc: Pick<NoticeDoc, 'expiresAt'>, now: Date): boolean {
  return !!doc.expiresAt && doc.expiresAt <= now;
}

export function toMyReceipt(r: ReceiptDoc | null | undefined): MyReceiptView {
  return r
    ? { state: r.state, readAt: r.readAt.toISOString(), confirmedAt: r.confirmedAt?.toISOString() ?? null, reply: r.reply }
    : { state: 'unread', readAt: null, confirmedAt: null, reply: null };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** What targeted residents did with a notice, counted from its receipts. */
export type Tally = Omit<NoticeCounts, 'targeted'>;
export const EMPTY_TALLY: Tally = { read: 0, confirmed: 0, replied: 0 };

/** Reads per bound group id (and `elsewhere`), everyone who opened it there; answers per option text. */
export interface Reads {
  groupReads: Record<string, number>;
  replies: Record<string, number>;
}

/**
 * The audience label for a reader: staff who may see colours (grids.viewColour over the notice's grids) read the
 * colour group; a resident never does, so a notice cannot tell them which sensitive group they are in.
 */
export function audienceLabel(doc: Pick<NoticeDoc, 'target' | 'targetLabel' | 'publicLabel'>, seesColour: boolean): string {
  if (doc.target.kind !== 'colour' || seesColour) return doc.targetLabel;
  return doc.publicLabel ?? '部分居民';
}

export function toSummary(doc: NoticeDoc, now: Date, mine: MyReceiptView | null, tally: Tally | null, seesColour: boolean): NoticeSummaryView {
  return {
    id: doc._id,
    title: doc.title,
    mode: doc.mode,
    status: doc.status,
    targetLabel: audienceLabel(doc, seesColour),
    writerName: doc.writerName,
    publishAt: iso(doc.publishAt),
    publishedAt: iso(doc.publishedAt),
    expiresAt: iso(doc.expiresAt),
    expired: isExpired(doc, now),
    mine,
    counts: tally ? { ...EMPTY_COUNTS, ...tally, targeted: doc.counts?.targeted ?? 0 } : null,
  };
}

function toDelivery(o: OutboxDoc): RobotDeliveryView {
  return {
    gridId: o.gridId,
    gridName: o.gridName,
    kind: o.kind,
    state: o.state,
    attempts: o.attempts,
    lastError: o.lastError,
    sentAt: iso(o.sentAt),
  };
}

export function toView(
  doc: NoticeDoc,
  now: Date,
  mine: MyReceiptView | null,
  manage: { canManage: boolean; deliveries: OutboxDoc[]; tally?: Tally; replies?: Record<string, number> },
  seesColour: boolean,
): NoticeView {
  const { canManage } = manage;
  return {
    ...toSummary(doc, now, mine, canManage ? (manage.tally ?? EMPTY_TALLY) : null, seesColour),
    body: doc.body,
    images: doc.images,
    ...imageReviewOf(doc, canManage),
    target: canManage ? doc.target : null,
    question: doc.question,
    templateKey: doc.templateKey,
    survey: doc.survey ?? null,
    canManage,
    robots: canManage ? manage.deliveries.map(toDelivery) : null,
    replyCounts: canManage && doc.question ? doc.question.options.map((option) => manage.replies?.[option] ?? 0) : null,
  };
}

export function toGroupView(g: GroupDoc, gridName: string): NoticeGroupView {
  return { id: g._id, gridId: g.gridId, gridName, name: g.name, boundByName: g.boundByName, boundAt: g.boundAt.toISOString() };
}

/** Only the last 4 characters of a key ever leave the function. */
export function maskKey(key: string): string {
  return `****${key.slice(-4)}`;
}

export function toRobotView(gridId: string, gridName: string, robot: RobotDoc | undefined): RobotView {
  return {
    gridId,
    gridName,
    maskedKey: robot ? maskKey(robot.key) : null,
    setByName: robot?.setByName ?? null,
    setAt: iso(robot?.setAt ?? null),
    lastError: robot?.lastError ?? null,
  };
}

/** How a colour group reads to residents: the grids only, never the colour. */
export function publicLabelOf(target: NoticeTarget, names: Map<string, string>): string {
  if (target.kind !== 'colour') return targetLabelOf(target, names);
  const grids = target.gridIds.map((id) => names.get(id) ?? '').filter(Boolean).join('、');
  return grids ? `${grids}部分居民` : '部分居民';
}

/** How a target reads on a notice to staff: `第一微格、第二微格`, `红色分组（第一微格）`, … */
export function targetLabelOf(target: NoticeTarget, names: Map<string, string>): string {
  const gridNames = (ids: string[]) => ids.map((id) => names.get(id) ?? id).join('、');
  switch (target.kind) {
    case 'community':
      return '全体居民';
    case 'grids':
      return gridNames(target.gridIds);
    case 'council':
      return names.get(target.councilId) ?? '分会成员';
    case 'colour': {
      const label = `${GRID_COLOUR_LABELS[target.colour]}色分组`;
      return target.gridIds.length ? `${label}（${gridNames(target.gridIds)}）` : label;
    }
  }
}

/** The robot message a published notice becomes (markdown, within WeCom's 4096 bytes). */
export function noticeMarkdown(doc: NoticeDoc): WeComMessage {
  const ask = doc.mode === 'confirm' ? '请在小程序里点“收到”。' : doc.mode === 'reply' ? `请在小程序里回答：${doc.question?.text ?? ''}` : '';
  const body = doc.body.length > 600 ? `${doc.body.slice(0, 600)}…` : doc.body;
  const content = [`### ${doc.title}`, body, ask && `> ${ask}`, `<font color="comment">${doc.writerName} · 同心梯队</font>`]
    .filter(Boolean)
    .join('\n');
  return { msgtype: 'markdown', markdown: { content } };
}

/** The detail page a subscribe message opens. */
export const detailPage = (noticeId: string) => `packages/notices/pages/detail/index?id=${encodeURIComponent(noticeId)}`;

/** The subscribe message's semantic fields (notice-published and notice-remind alike). */
export function subscribeData(doc: Pick<NoticeDoc, 'title' | 'writerName'>): TemplateValues<'notice-published' | 'notice-remind'> {
  return { title: doc.title, writer: doc.writerName || '居委会' };
}

/** The robot reminder: text, so it can @-mention by mobile. */
export function remindText(doc: NoticeDoc, mobiles: string[]): WeComMessage {
  return {
    msgtype: 'text',
    text: { content: `提醒：请查看通知「${doc.title}」，在同心梯队小程序里打开即可。`, mentioned_mobile_list: mobiles },
  };
}
