import type { LoanRules } from '../../src/shared/domain/cabin';
import { holdUntil } from '../../src/shared/rules/cabin-loans';
import { command } from '../_core/db';
import { holdExpired, type HoldDoc, type ItemDoc } from './cabin.model';
import * as q from './cabin.queries';
import { tellHold } from './messages';

/** How many waiting people are read at once when an item is handed on. */
const BATCH = 5;

const RELEASED = { holderId: null, holdId: null, holdUntil: null };

/**
 * Hands an item on, from the state `guard` names (a hold that ran out, a cancelled hold, a loan just returned):
 * to the first person still waiting, as a ready hold, or back on the shelf. The waiter's place is claimed first
 * (so one who cancels meanwhile is skipped), then the item moves only if it is still in the guarded state: two
 * hand-overs of one item never both succeed. `extra` is written with the move (a return's condition, the loan
 * cleared). Answers whether this call moved it, and to whom (null: back on the shelf).
 */
export async function passOn(
  item: ItemDoc,
  guard: Record<string, unknown>,
  extra: Record<string, unknown>,
  rules: LoanRules,
  now: Date,
): Promise<{ moved: boolean; holderId: string | null }> {
  for (;;) {
    const waiting = await q.firstWaiting(item._id, BATCH);
    for (const next of waiting) {
      const until = holdUntil(now, rules);
      if (!(await q.updateHoldIf(next._id, { status: 'waiting' }, { status: 'ready', holdUntil: until, expiryReminded: false, updatedAt: now }))) continue;
      const moved = await q.updateItemIf(item._id, guard, {
        ...extra,
        status: 'on-hold',
        holderId: next.memberId,
        holdId: next._id,
        holdUntil: until,
        waiting: command().inc(-1),
        updatedAt: now,
      });
      if (!moved) {
        // Someone else moved the item first: the waiter keeps their place.
        await q.updateHoldIf(next._id, { status: 'ready' }, { status: 'waiting' });
        return { moved: false, holderId: null };
      }
      await tellHold(next, until, false);
      return { moved: true, holderId: next.memberId };
    }
    if (waiting.length < BATCH) break;
  }
  const moved = await q.updateItemIf(item._id, guard, { ...extra, ...RELEASED, status: 'available', updatedAt: now });
  return { moved, holderId: null };
}

/** An item leaving the shelves for good (retired, lost) ends its queue: each waiting place is cancelled once. */
export async function endQueue(itemId: string, now: Date): Promise<void> {
  for (;;) {
    const waiting = await q.firstWaiting(itemId, BATCH);
    for (const place of waiting) {
      if (await q.updateHoldIf(place._id, { status: 'waiting' }, { status: 'cancelled', updatedAt: now })) {
        await q.updateItemIf(itemId, { waiting: command().gt(0) }, { waiting: command().inc(-1) });
      }
    }
    if (waiting.length < BATCH) return;
  }
}

/** A hold that ran out: marked expired, and the item handed on. Lazily on reads and borrows, and by the timer. */
export async function expireHold(item: ItemDoc, rules: LoanRules, now: Date): Promise<void> {
  if (!holdExpired(item, now) || !item.holdId) return;
  await q.updateHoldIf(item.holdId, { status: 'ready' }, { status: 'expired', updatedAt: now });
  await passOn(item, { status: 'on-hold', holdId: item.holdId, holdUntil: command().lte(now) }, {}, rules, now);
}

/**
 * After someone joins a queue: if the item came back on the shelf meanwhile (a return racing the join), the first
 * waiting person gets it, so nobody waits for an item standing on the shelf.
 */
export async function settleQueue(itemId: string, rules: LoanRules, now: Date): Promise<void> {
  const item = await q.findItem(itemId);
  if (item && item.status === 'available' && item.waiting > 0) await passOn(item, { status: 'available' }, {}, rules, now);
}

/**
 * Writes a hold or queue place under its fixed id: a new one, or one that had ended (fulfilled, expired,
 * cancelled) starting again. False when a live one is there (a double tap, or they already wait).
 */
export async function writeHold(doc: HoldDoc): Promise<boolean> {
  if (await q.insertHold(doc)) return true;
  const { _id, ...fields } = doc;
  return q.updateHoldIf(_id, { status: command().in(['fulfilled', 'expired', 'cancelled']) }, fields);
}
