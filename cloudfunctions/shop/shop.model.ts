import { createHash } from 'crypto';
import { imageReviewOf } from '../_core/media-check';
import { CODE_ALPHABET, CODE_LENGTH, type MovementView, type RedemptionStatus, type RedemptionView, type RewardView, type StockMovementKind } from '../../src/shared/domain/shop';

export interface KeeperDoc {
  memberId: string;
  name: string;
  phone: string;
}

export interface RewardDoc {
  _id: string;
  communityId: string;
  name: string;
  description: string;
  price: number;
  /** Moved only by `_.inc` with a recorded movement (or giving back a unit a failed redemption took). */
  stock: number;
  /** A photo that passed the image check; a new one waits in pendingImages (_core/media-check.ts). */
  photoUrl: string | null;
  pendingImages?: string[];
  refusedImages?: number;
  giver: string;
  partner: boolean;
  /** Residents who may mark this reward's codes used; `keepers` has their names for the committee. */
  keeperIds: string[];
  keepers: KeeperDoc[];
  active: boolean;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
}

export interface MovementDoc {
  /** Deterministic from what caused it, so a retry records it once. */
  _id: string;
  communityId: string;
  rewardId: string;
  kind: StockMovementKind;
  delta: number;
  by: string;
  byName: string;
  at: Date;
  redemptionId?: string;
}

export interface RedemptionDoc {
  _id: string;
  communityId: string;
  memberId: string;
  memberName: string;
  rewardId: string;
  rewardName: string;
  giver: string;
  price: number;
  code: string;
  status: RedemptionStatus;
  createdAt: Date;
  usedAt?: Date;
  usedBy?: string;
  usedByName?: string;
  cancelledAt?: Date;
  cancelledBy?: string;
}

export interface CodeDoc {
  _id: string;
  communityId: string;
  redemptionId: string;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** A member's tap made twice (a retry, a double tap) names the same redemption. */
export function redemptionIdOf(memberId: string, requestId: string): string {
  return `rd-${digest(`${memberId}:${requestId}`).toString('hex').slice(0, 24)}`;
}

/**
 * The code of a redemption, attempt `n` after `n` collisions. Deterministic, so two racing copies of one tap pick
 * the same code and land on one claim (shop_codes keeps codes unique).
 */
export function codeFor(redemptionId: string, attempt: number): string {
  const bytes = digest(`${redemptionId}#${attempt}`);
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) code += CODE_ALPHABET[bytes[i]! % CODE_ALPHABET.length];
  return code;
}

export const spendKey = (redemptionId: string) => `redeem:${redemptionId}`;
export const refundKey = (redemptionId: string) => `redeem-back:${redemptionId}`;
export const movementId = {
  create: (rewardId: string) => `mv:create:${rewardId}`,
  restock: (rewardId: string, requestId: string) => `mv:restock:${rewardId}:${requestId}`,
  redeem: (redemptionId: string) => `mv:redeem:${redemptionId}`,
  cancel: (redemptionId: string) => `mv:cancel:${redemptionId}`,
};

export function toRewardView(doc: RewardDoc, forCommittee: boolean): RewardView {
  return {
    id: doc._id,
    name: doc.name,
    description: doc.description,
    price: doc.price,
    stock: doc.stock,
    photoUrl: doc.photoUrl,
    giver: doc.giver,
    partner: doc.partner,
    active: doc.active,
    ...imageReviewOf(doc, forCommittee),
    ...(forCommittee ? { keepers: doc.keepers.map((k) => ({ ...k })) } : {}),
  };
}

/** A keeper (the partner shop) sees who is at the counter by surname only. */
export function maskName(name: string): string {
  return name ? `${name.slice(0, 1)}${'*'.repeat(Math.max(1, name.length - 1))}` : '';
}

const iso = (at: Date | undefined) => (at ? new Date(at).toISOString() : null);

export type Viewer = 'owner' | 'committee' | 'keeper';

export function toRedemptionView(doc: RedemptionDoc, viewer: Viewer): RedemptionView {
  return {
    id: doc._id,
    code: doc.code,
    rewardId: doc.rewardId,
    rewardName: doc.rewardName,
    giver: doc.giver,
    price: doc.price,
    status: doc.status,
    memberName: viewer === 'keeper' ? maskName(doc.memberName) : doc.memberName,
    createdAt: new Date(doc.createdAt).toISOString(),
    usedAt: iso(doc.usedAt),
    usedByName: doc.usedByName ?? null,
    cancelledAt: iso(doc.cancelledAt),
  };
}

export function toMovementView(doc: MovementDoc): MovementView {
  return { id: doc._id, kind: doc.kind, delta: doc.delta, byName: doc.byName, at: new Date(doc.at).toISOString() };
}
