import { COLLECTIONS } from '../_core/collections';
import { AppError } from '../_core/errors';
import { inTransaction } from '../_core/transaction';
import type { MovementDoc, RewardDoc } from './shop.model';

/**
 * A reward's stock moves only with its movement, in one transaction: the movement (its `_id` keyed by what caused it:
 * the request, the redemption) and the new stock commit together or not at all. So the stock is always the sum of
 * its movements, and a retry, a racing copy of the same call or a call that died after its commit finds the movement
 * and moves nothing twice. (Two writes to two documents known up front: a transaction rather than a chain, which
 * would need a third marker to tell "movement written, stock not yet moved" apart.)
 *
 * Answers 'moved', 'recorded' (this movement was made before), 'short' (it would take the stock below zero) or
 * 'retired' (a take while the reward is off the shelf). Round trips: 5 (start; the movement; the reward; 2 writes)
 * and the commit; a conflict with another move of the same reward is retried (_core/transaction).
 */
export function moveStock(movement: MovementDoc, options: { onShelfOnly?: boolean } = {}): Promise<'moved' | 'recorded' | 'short' | 'retired'> {
  return inTransaction(async (tx) => {
    const moves = tx.collection(COLLECTIONS.shopMovements);
    if ((await moves.doc(movement._id).get()).data) return 'recorded';
    const ref = tx.collection(COLLECTIONS.shopRewards).doc(movement.rewardId);
    const reward = (await ref.get()).data as RewardDoc | null;
    if (!reward || reward.communityId !== movement.communityId) throw new AppError('COMMON.NOT_FOUND');
    if (options.onShelfOnly && !reward.active) return 'retired';
    if (reward.stock + movement.delta < 0) return 'short';
    await moves.add(movement);
    await ref.update({ stock: reward.stock + movement.delta });
    return 'moved';
  });
}

/**
 * Takes back a movement and what it moved, in one transaction; nothing when it is not there (undone already, by a
 * retry or a racing copy). Used when a redemption is refused after its unit was taken. Round trips: 5 and the commit.
 */
export function undoMove(movementId: string, rewardId: string): Promise<void> {
  return inTransaction(async (tx) => {
    const ref = tx.collection(COLLECTIONS.shopMovements).doc(movementId);
    const movement = (await ref.get()).data as MovementDoc | null;
    if (!movement) return;
    const rewardRef = tx.collection(COLLECTIONS.shopRewards).doc(rewardId);
    const reward = (await rewardRef.get()).data as RewardDoc | null;
    await ref.delete();
    if (reward) await rewardRef.update({ stock: reward.stock - movement.delta });
  });
}
