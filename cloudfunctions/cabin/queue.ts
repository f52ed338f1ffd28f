import type { LoanRules } from '../../src/shared/domain/cabin';
import { holdUntil } from '../../src/shared/rules/cabin-loans';
import { clock } from '../_core/clock';
import { inTransaction } from '../_core/transaction';
import { holdExpired, type HoldDoc, type ItemDoc } from './cabin.model';
import * as q from './cabin.queries';
import * as t from './cabin.tx';
import { tellHold } from './messages';
import { attempt, CLEARED, lastTry, retryFields } from './sends';

/** How many waiting people are read at once when a queue is ended. */
const BATCH = 5;
/** Times the queue is read again when it moved between its read and the hand-over's transaction. */
const QUEUE_READS = 5;

const RELEASED = { holderId: null, holdId: null, holdUntil: null };

export interface HandOver {
  /** Whether this call moved the item (false: it was no longer in the state the hand-over starts from). */
  moved: boolean;
  /** The hold it went to, ready now; null when it went back on the shelf or did not move. */
  next: HoldDoc | null;
}

/** The change that causes a hand-over (a loan returned, a hold cancelled or run out), written in its transaction. */
export type Cause = (tx: t.Tx, moved: boolean) => Promise<void>;

/**
 * Hands an item on, from the state `from` accepts (a hold that ran out, a cancelled hold, a loan just returned): to
 * the first person still waiting, as a ready hold, or back on the shelf. One transaction, because the item, the
 * waiter's place and the item's waiting count must move together (a count moved in a second write drifts when the
 * call dies between the two, and renewals then stay refused): the queue is read first (queries cannot run in a
 * transaction), then the item and that waiter are read in the snapshot, and a queue that moved meanwhile is read
 * again. Any write since the snapshot to the item or the waiter conflicts, and the transaction runs again, so two
 * hand-overs of one item never both succeed. `extra` is written with the move (a return's condition, the loan
 * cleared); `cause` writes its own change in the same commit. The new holder is told after the commit, and marked
 * told only once the platform answered; the timer tells whoever that left untold. `owner` names the call for the
 * message's lease (messages.ts).
 */
export async function handOn(itemId: string, from: (item: ItemDoc) => boolean, extra: Record<string, unknown>, rules: LoanRules, now: Date, cause?: Cause, owner?: string): Promise<HandOver> {
  const until = holdUntil(now, rules);
  for (let read = 1; ; read += 1) {
    const [first] = await q.firstWaiting(itemId, 1);
    const outcome = await inTransaction(async (tx): Promise<HandOver | 'again'> => {
      const [item, place] = await Promise.all([t.item(tx, itemId), first ? t.hold(tx, first._id) : Promise.resolve(null)]);
      const moved = !!item && from(item);
      let next: HoldDoc | null = null;
      if (item && moved) {
        const waiter = place?.status === 'waiting' ? place : null;
        // The queue read before the transaction is behind it: someone joined or left meanwhile.
        if ((first ? !waiter : item.waiting > 0) && read < QUEUE_READS) return 'again';
        if (waiter) {
          next = { ...waiter, status: 'ready', holdUntil: until, expiryReminded: false, readyTold: false, ...CLEARED, updatedAt: now };
          await Promise.all([
            t.patchItem(tx, itemId, { ...extra, status: 'on-hold', holderId: waiter.memberId, holdId: waiter._id, holdUntil: until, waiting: Math.max(0, item.waiting - 1), updatedAt: now }),
            t.patchHold(tx, waiter._id, { status: 'ready', holdUntil: until, expiryReminded: false, readyTold: false, ...CLEARED, updatedAt: now }),
          ]);
        } else {
          // Nobody waits: back on the shelf, with the count the queue backs (a stale count is set right here).
          await t.patchItem(tx, itemId, { ...extra, ...RELEASED, status: 'available', waiting: 0, updatedAt: now });
        }
      }
      if (cause) await cause(tx, moved);
      return { moved, next };
    });
    if (outcome === 'again') continue;
    if (outcome.next) await tellReady(outcome.next, owner);
    return outcome;
  }
}

/**
 * Tells the holder of a hold handed on to them, then records what happened: told (the platform answered), or a
 * try to repeat later with a growing wait (the timer looks for holds left untold). Only a hold still ready for
 * the same time is marked, so a later round of the same hold keeps its own mark.
 */
export async function tellReady(hold: HoldDoc, owner?: string): Promise<boolean> {
  const until = hold.holdUntil!;
  const result = await attempt(() => tellHold(hold, until, false, owner));
  const tries = hold.sendTries ?? 0;
  const fields = result.done ? { readyTold: true, ...CLEARED } : lastTry(tries) ? { readyTold: true, ...retryFields(tries, result.error, clock().now()) } : retryFields(tries, result.error, clock().now());
  await q.updateHoldIf(hold._id, { status: 'ready', holdUntil: until, readyTold: false }, fields);
  return result.done;
}

/**
 * The retry of a call that handed an item on finds the move done and hands nothing: if the call died after queuing
 * the new holder's message (the hold still untold), the retry, under the same owner, takes that message back and
 * sends it now (a message queued by someone else answers 'already' and stays theirs). Only with an owner: without
 * one nothing could be taken back. Round trips: 2 (item, hold), and the send when untold.
 */
export async function tellUntold(itemId: string, owner: string | undefined): Promise<void> {
  if (!owner) return;
  const item = await q.findItem(itemId);
  if (item?.status !== 'on-hold' || !item.holdId) return;
  const hold = await q.findHold(item.holdId);
  // A hold whose send already failed once is the timer's, on its backoff; the dead call's never got that far.
  if (hold?.status === 'ready' && !hold.readyTold && !hold.sendTries && hold.holdUntil) await tellReady(hold, owner);
}

/**
 * A waiting place ends, and the item's count goes down with it, in one transaction (the same reason as handOn).
 * Answers whether this call ended it: a second cancel, or a racing one, changes nothing.
 */
export function leaveQueue(holdId: string, itemId: string, now: Date): Promise<boolean> {
  return inTransaction(async (tx) => {
    const [place, item] = await Promise.all([t.hold(tx, holdId), t.item(tx, itemId)]);
    if (place?.status !== 'waiting') return false;
    await Promise.all([
      t.patchHold(tx, holdId, { status: 'cancelled', updatedAt: now }),
      item ? t.patchItem(tx, itemId, { waiting: Math.max(0, item.waiting - 1) }) : Promise.resolve(),
    ]);
    return true;
  });
}

/**
 * An item leaving the shelves for good (retired, lost) ends its queue: each waiting place is cancelled once, each in
 * its own small transaction with the count. A call that dies halfway leaves the rest waiting; its retry (or any
 * later call that finds the item off the shelves with people waiting) ends them.
 */
export async function endQueue(itemId: string, now: Date): Promise<void> {
  for (;;) {
    const waiting = await q.firstWaiting(itemId, BATCH);
    for (const place of waiting) await leaveQueue(place._id, itemId, now);
    if (waiting.length < BATCH) return;
  }
}

/** Off the shelves for good with people still waiting (a call that died before ending the queue): end it now. */
export async function settleOffShelf(item: ItemDoc, now: Date): Promise<boolean> {
  if ((item.status !== 'retired' && item.status !== 'lost') || item.waiting <= 0) return false;
  await endQueue(item._id, now);
  return true;
}

/**
 * A hold that ran out: marked expired and the item handed on, in one transaction. Lazily on reads and borrows, and
 * by the timer.
 */
export async function expireHold(item: ItemDoc, rules: LoanRules, now: Date, owner?: string): Promise<void> {
  if (!holdExpired(item, now) || !item.holdId) return;
  const holdId = item.holdId;
  const stillExpired = (cur: ItemDoc) => cur.holdId === holdId && holdExpired(cur, now);
  await handOn(item._id, stillExpired, {}, rules, now, async (tx, moved) => {
    if (moved) await t.patchHold(tx, holdId, { status: 'expired', updatedAt: now });
  }, owner);
}
