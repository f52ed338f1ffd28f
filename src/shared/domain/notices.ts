import type { GridColour } from './grid';
import type { ImageReview } from './media';

/**
 * Notices (通知) into group chats: what a writer publishes to part of a 居民区, the WeChat groups bound to a grid,
 * read receipts and WeCom robots. Views are what the app shows (dates as ISO strings, UTC).
 */

export const MAX_NOTICE_IMAGES = 9;
export const MAX_REPLY_OPTIONS = 6;

/** How residents answer: just open it, tap 收到, or pick one answer to a question. */
export const NOTICE_MODES = ['read', 'confirm', 'reply'] as const;
export type NoticeMode = (typeof NOTICE_MODES)[number];
export const NOTICE_MODE_LABELS: Record<NoticeMode, string> = { read: '阅读即可', confirm: '需要点“收到”', reply: '需要回复' };

/**
 * Who a notice is for. `colour`: residents of one 微格分色 colour, in the given grids (a grid leader must name their
 * own grids; the committee may leave `gridIds` empty for the whole 居民区).
 */
export type NoticeTarget =
  | { kind: 'community' }
  | { kind: 'grids'; gridIds: string[] }
  | { kind: 'council'; councilId: string }
  | { kind: 'colour'; colour: GridColour; gridIds: string[] };
export type NoticeTargetKind = NoticeTarget['kind'];

/** draft: saved, not sent; scheduled: waits for `publishAt` (a timer publishes it); published: residents see it. */
export type NoticeStatus = 'draft' | 'scheduled' | 'published';
export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = { draft: '草稿', scheduled: '定时发布', published: '已发布' };

/** Where a resident stands on one notice. */
export type ReceiptState = 'unread' | 'read' | 'confirmed' | 'replied';
export const RECEIPT_STATE_LABELS: Record<ReceiptState, string> = {
  unread: '未读',
  read: '已读',
  confirmed: '已收到',
  replied: '已回复',
};

/** The caller's own receipt of a notice. */
export interface MyReceiptView {
  state: ReceiptState;
  readAt: string | null;
  confirmedAt: string | null;
  /** The chosen option when mode is 'reply'. */
  reply: string | null;
}

/** Counts over the targeted residents (the roster at publish time and since). */
export interface NoticeCounts {
  targeted: number;
  read: number;
  confirmed: number;
  replied: number;
}

/** Delivery to the WeCom robots of the targeted grids: shown on the notice to its writer and the committee. */
export type RobotDeliveryState = 'queued' | 'sent' | 'failed';
export const ROBOT_DELIVERY_LABELS: Record<RobotDeliveryState, string> = { queued: '排队发送中', sent: '已推送', failed: '推送失败' };

export interface RobotDeliveryView {
  gridId: string;
  gridName: string;
  kind: 'notice' | 'remind';
  state: RobotDeliveryState;
  attempts: number;
  /** Why it failed, in plain words, when state is 'failed' or the last try was refused. */
  lastError: string | null;
  sentAt: string | null;
}

/** A notice in a list. `counts` only for those who may see receipts (the writer and the committee). */
export interface NoticeSummaryView {
  id: string;
  title: string;
  mode: NoticeMode;
  status: NoticeStatus;
  targetLabel: string;
  writerName: string;
  publishAt: string | null;
  publishedAt: string | null;
  expiresAt: string | null;
  expired: boolean;
  /** The caller's receipt; null when they are not among the targeted residents. */
  mine: MyReceiptView | null;
  counts: NoticeCounts | null;
}

export interface NoticeQuestion {
  text: string;
  options: string[];
}

/** A questionnaire a notice links to, with its title as it was when the notice was saved. */
export interface NoticeSurveyLink {
  id: string;
  title: string;
}

/** One notice, opened. `pendingImages` / `refusedImages` are for those who manage it (empty for everyone else). */
export interface NoticeView extends NoticeSummaryView, ImageReview {
  body: string;
  /** Cloud fileIDs that passed the image check. */
  images: string[];
  /** Only to those who manage it (a colour group must never reach a resident); null for everyone else. */
  target: NoticeTarget | null;
  question: NoticeQuestion | null;
  templateKey: string | null;
  /** The questionnaire it links to (same 居民区), or null. */
  survey: NoticeSurveyLink | null;
  /** The caller wrote it or is the committee: may edit (before publishing), see receipts and remind. */
  canManage: boolean;
  /** For those who manage it: the WeCom robot sends of this notice. */
  robots: RobotDeliveryView[] | null;
  /** For those who manage it, mode 'reply': how many chose each option (same order as question.options). */
  replyCounts: number[] | null;
}

/** What a writer may target, with labels. */
export interface NoticeTargetOptions {
  community: boolean;
  grids: { id: string; name: string }[];
  councils: { id: string; name: string }[];
  /** Colour groups: the colours, and the grids in which the writer may address them (committee: all, empty list = whole 居民区). */
  colours: { colour: GridColour; label: string }[];
  colourGridIds: string[];
  colourWholeCommunity: boolean;
}

/** A WeChat group bound to a grid. */
export interface NoticeGroupView {
  id: string;
  gridId: string;
  gridName: string;
  name: string;
  boundByName: string;
  boundAt: string;
}

/** Per-group reads of one notice; `groupId` null is "opened elsewhere" (a direct share, the notice list). */
export interface ReceiptGroupView {
  groupId: string | null;
  name: string;
  read: number;
}

/** One targeted resident in the receipts view. */
export interface ReceiptRowView {
  memberId: string;
  name: string;
  building: string;
  room: string;
  state: ReceiptState;
  reply: string | null;
  readAt: string | null;
  /** Names of the bound groups they opened it in. */
  groups: string[];
}

export const RECEIPT_FILTERS = ['all', 'unread', 'read', 'confirmed', 'replied', 'pending'] as const;
/** pending: has not done what the mode asks (unread, or read but not confirmed/replied). */
export type ReceiptFilter = (typeof RECEIPT_FILTERS)[number];

/** Who a reminder reached, and who the leader should call or visit. */
export interface RemindResult {
  round: number;
  /** Residents sent a subscribe message. */
  subscribed: { memberId: string; name: string }[];
  /** Residents @-mentioned by a WeCom robot message (queued). */
  wecom: { memberId: string; name: string }[];
  /** Residents not reachable by either: call or visit. Phones are full for the committee, masked (138****5678) for others. */
  rest: { memberId: string; name: string; building: string; room: string; phone: string }[];
}

/** A grid's WeCom robot as the committee sees it: never the webhook itself. */
export interface RobotView {
  gridId: string;
  gridName: string;
  /** null when the grid has no robot; else e.g. `****a1b2` (the key's last 4 characters). */
  maskedKey: string | null;
  setByName: string | null;
  setAt: string | null;
  /** The last failed send to this robot, if any. */
  lastError: string | null;
}
