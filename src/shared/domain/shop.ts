/** The points shop (积分超市): rewards a 居民区 gives for points, and the redemption codes members show at the counter. */
import type { ImageReview } from './media';

export type RedemptionStatus = 'pending' | 'used' | 'cancelled';

export const REDEMPTION_STATUS_LABELS: Record<RedemptionStatus, string> = {
  pending: '待使用',
  used: '已使用',
  cancelled: '已取消',
};

/** Why a reward's stock moved. Every change of stock is one of these, recorded. */
export type StockMovementKind = 'create' | 'restock' | 'redeem' | 'cancel';

export const MOVEMENT_LABELS: Record<StockMovementKind, string> = {
  create: '上架',
  restock: '补货',
  redeem: '兑换',
  cancel: '取消退回',
};

/** Someone the committee named to mark this reward's codes used (e.g. the partner shop's owner). */
export interface KeeperView {
  memberId: string;
  name: string;
  /** Shown to the committee only. */
  phone?: string;
}

/** `pendingImages` / `refusedImages`: a new photo under check and the refusal note, for the committee only. */
export interface RewardView extends ImageReview {
  id: string;
  name: string;
  description: string;
  price: number;
  stock: number;
  photoUrl: string | null;
  /** Who gives it: the 居委 or a 友邻联盟 shop (e.g. 老李理发店). */
  giver: string;
  /** The giver is a 友邻联盟 partner shop. */
  partner: boolean;
  active: boolean;
  /** The committee only. */
  keepers?: KeeperView[];
}

export interface RedemptionView {
  id: string;
  /** Shown to its owner, the committee and the reward's keepers only. */
  code: string;
  rewardId: string;
  rewardName: string;
  giver: string;
  price: number;
  status: RedemptionStatus;
  /** Full name for the committee, masked for a keeper, the owner's own. */
  memberName: string;
  createdAt: string;
  usedAt: string | null;
  usedByName: string | null;
  cancelledAt: string | null;
}

export interface MovementView {
  id: string;
  kind: StockMovementKind;
  delta: number;
  byName: string;
  at: string;
}

/** Letters and digits that cannot be mistaken for one another when read aloud or typed (no 0/O, 1/I/L). */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;

/** The page a redemption's mini-program code opens, with `scene` = `r=<code>`. */
export const VERIFY_PAGE = 'packages/shop/pages/verify/index';
export const CODE_SCENE_PREFIX = 'r=';

/**
 * A code as typed or scanned, in its stored form: upper case without spaces or dashes. A scanned mini-program
 * code answers its page path with `scene=r%3D<code>`; that is unwrapped too.
 */
export function normalizeCode(text: string): string {
  let raw = text.trim();
  const scene = /[?&]scene=([^&]+)/.exec(raw);
  if (scene?.[1]) raw = decodeURIComponent(scene[1]);
  if (raw.startsWith(CODE_SCENE_PREFIX)) raw = raw.slice(CODE_SCENE_PREFIX.length);
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

export function isCode(code: string): boolean {
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));
}

/** `ABCD EFGH`: two groups of four read more easily. */
export function formatCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`;
}
