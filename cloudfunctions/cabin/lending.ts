import type { LoanClass, LoanRules } from '../../src/shared/domain/cabin';
import { borrowRefusal, dueFor, renewRefusal, resolveRules } from '../../src/shared/rules/cabin-loans';
import { closedRefusal } from '../../src/shared/rules/cabin-shelf';
import { clock } from '../_core/clock';
import { command } from '../_core/db';
import { AppError } from '../_core/errors';
import { recordProxyAction } from '../_core/proxy-log';
import { holdExpired, holdIdOf, loanLog, sectionOpenState, shortId, type ItemDoc, type LoanDoc } from './cabin.model';
import * as q from './cabin.queries';
import { expireHold } from './queue';

/** The person a loan is for. */
export interface Borrower {
  memberId: string;
  communityId: string;
  name: string;
  phone: string;
}

/** Who lends: the borrower at the cabin, or a duty volunteer at the desk (recorded as a proxy action). */
export interface Lender {
  memberId: string;
  name: string;
  atDesk: boolean;
}

/** May this open loan be renewed now? */
export function renewable(loan: LoanDoc, item: ItemDoc | null, rules: LoanRules, now: Date): boolean {
  if (loan.status !== 'open' || !item) return false;
  return !renewRefusal({ renewals: loan.renewals, rule: rules.classes[loan.loanClass], waiting: item.waiting, dueAt: loan.dueAt, now });
}

const loanIdOf = (memberId: string, requestId: string): string => shortId('ln', memberId, requestId);

/**
 * One open loan of the class more for the person, under the rules' limit, held by this loan: the first loan ever
 * creates their counter; a racing copy of the same request finds the reservation already made for it.
 */
async function reserve(borrower: Borrower, loanClass: LoanClass, max: number, loanId: string): Promise<boolean> {
  if (await q.reserveSlot(borrower.memberId, loanClass, max, loanId)) return true;
  await q.insertBorrower(borrower.memberId, borrower.communityId);
  if (await q.reserveSlot(borrower.memberId, loanClass, max, loanId)) return true;
  return !!(await q.findBorrower(borrower.memberId))?.loanIds.includes(loanId);
}

/** The loan record of a claimed item: from the claim's own values, so racing copies of one request write the same one. */
function loanDocOf(item: ItemDoc, loanId: string, borrower: Borrower, lender: Lender, borrowedAt: Date, dueAt: Date): LoanDoc {
  return {
    _id: loanId,
    communityId: item.communityId,
    cabinId: item.cabinId,
    itemId: item._id,
    itemName: item.name,
    loanClass: item.loanClass ?? 'other',
    memberId: borrower.memberId,
    memberName: borrower.name,
    memberPhone: borrower.phone,
    status: 'open',
    borrowedAt,
    dueAt,
    renewals: 0,
    renewRequestIds: [],
    lentBy: lender.atDesk ? lender.memberId : null,
    returnedAt: null,
    returnedBy: null,
    returnCondition: null,
    dueReminded: false,
    overdueReminded: false,
  };
}

/** A claim that keeps losing to other writers gives up (COMMON.BUSY) after this many tries. */
const CLAIM_ATTEMPTS = 3;

/** The state a loan may start from for this borrower, as a guard on the item; null when it may not. */
function claimable(item: ItemDoc, borrower: Borrower, now: Date): Record<string, unknown> | null {
  if (item.kind !== 'loanable') return null;
  if (item.status === 'available') return { status: 'available' };
  if (item.status === 'on-hold' && item.holderId === borrower.memberId) return { status: 'on-hold', holderId: borrower.memberId };
  if (item.status === 'on-hold' && holdExpired(item, now) && item.waiting === 0) {
    return { status: 'on-hold', holdId: item.holdId, holdUntil: command().lte(now), waiting: 0 };
  }
  return null;
}

/** The guard a loan starts from, or the refusal. */
function claimGuard(item: ItemDoc, borrower: Borrower, now: Date): Record<string, unknown> {
  if (item.kind !== 'loanable') throw new AppError('CABIN.NOT_LOANABLE');
  if (item.status === 'retired') throw new AppError('CABIN.RETIRED');
  const guard = claimable(item, borrower, now);
  if (guard) return guard;
  throw new AppError(item.status === 'on-hold' ? 'CABIN.HELD_FOR_OTHER' : 'CABIN.NOT_AVAILABLE');
}

/**
 * Lends a loanable item: to its holder while a hold runs, to anyone when it is on the shelf or its hold ran out
 * with nobody waiting. The class limit is reserved first (a conditional increment), then the item is claimed by a
 * conditional update from the state it was read in: of any number racing for one item, one wins; the others
 * give their reservation back and are told it is gone. The loan's id comes from the borrower and the request id,
 * so a retry answers the same loan.
 *
 * Round trips: 1 (item, the loan if retried, open loans, rules) + 1 (cabin, reservation) + 1 (claim) + 1 (loan,
 * history, hold, proxy log side by side); +1 when a hold that ran out is handed on first.
 */
export async function lendItem(itemId: string, borrower: Borrower, lender: Lender, requestId: string): Promise<{ loan: LoanDoc; canRenew: boolean }> {
  const loanId = loanIdOf(borrower.memberId, requestId);
  const now = clock().now();
  const [existing, found, openLoans, rulesDoc] = await Promise.all([
    q.findLoan(loanId),
    q.findItem(itemId),
    q.openLoansOf(borrower.memberId),
    q.findRules(borrower.communityId),
  ]);
  const rules: LoanRules = resolveRules(rulesDoc);
  if (existing) return { loan: existing, canRenew: renewable(existing, found, rules, now) };
  if (!found || found.communityId !== borrower.communityId) throw new AppError('COMMON.NOT_FOUND');
  let item = found;
  // A hold that ran out while others wait goes to the next in line first.
  if (holdExpired(item, now) && item.waiting > 0) {
    await expireHold(item, rules, now);
    item = (await q.findItem(itemId)) ?? item;
  }
  // A racing copy of this very request has claimed it: its loan is this one, recorded from the claim.
  const raced = async (claimedItem: ItemDoc) => {
    const loan = loanDocOf(claimedItem, loanId, borrower, lender, claimedItem.updatedAt, claimedItem.dueAt!);
    const saved = (await q.insertLoan(loan)) ? loan : ((await q.findLoan(loanId)) ?? loan);
    return { loan: saved, canRenew: renewable(saved, claimedItem, rules, now) };
  };
  if (item.loanId === loanId) return raced(item);
  const guard = claimGuard(item, borrower, now);
  const loanClass = item.loanClass ?? 'other';
  const refusal = borrowRefusal({ openLoans: openLoans.filter((l) => l._id !== loanId), loanClass, rules, now });
  if (refusal) throw new AppError(refusal);

  const [cabin, reserved] = await Promise.all([q.findCabin(item.cabinId), reserve(borrower, loanClass, rules.classes[loanClass].maxItems, loanId)]);
  if (!reserved) throw new AppError('CABIN.LOAN_LIMIT');
  // A resident borrows only while the section is open, as the page says; the desk lends whenever a keeper is there.
  const closed = lender.atDesk || !cabin ? null : closedRefusal(sectionOpenState(cabin, item.sectionKey, now));
  if (closed) {
    await q.releaseSlot(borrower.memberId, loanClass, loanId);
    throw new AppError(closed.code, closed.fields);
  }
  const due = dueFor(now, rules.classes[loanClass].loanDays, cabin?.hours ?? [], cabin?.closures ?? []);
  const patch = { status: 'on-loan', holderId: borrower.memberId, holdId: null, holdUntil: null, loanId, dueAt: due.dueAt, loans: command().inc(1), updatedAt: now };
  // Whatever stops the claim (a refusal, contention, a failed write) gives the reserved slot back.
  try {
    let claimed = await q.updateItemIf(item._id, guard, patch);
    for (let attempt = 0; !claimed && attempt < CLAIM_ATTEMPTS; attempt += 1) {
      const fresh = await q.findItem(item._id);
      if (fresh?.loanId === loanId) return raced(fresh);
      // It moved between the read and the claim (the timer released a hold, a return came in): still claimable, try
      // again from its new state; otherwise the refusal says why.
      const next = fresh ? claimable(fresh, borrower, now) : null;
      if (!next) throw new AppError(fresh?.status === 'on-hold' ? 'CABIN.HELD_FOR_OTHER' : 'CABIN.NOT_AVAILABLE');
      item = fresh!;
      claimed = await q.updateItemIf(item._id, next, patch);
    }
    if (!claimed) throw new AppError('COMMON.BUSY');
  } catch (err) {
    await q.releaseSlot(borrower.memberId, loanClass, loanId);
    throw err;
  }

  const loan = loanDocOf(item, loanId, borrower, lender, now, due.dueAt);
  const previousHold = item.status === 'on-hold' ? item.holdId : null;
  await Promise.all([
    q.insertLoan(loan),
    q.insertLog(loanLog(loan, 'lent', 'lent', lender, lender.atDesk ? '值班台借出' : '扫码借出', now)),
    previousHold
      ? q.updateHoldIf(previousHold, { status: 'ready' }, { status: previousHold === holdIdOf(item._id, borrower.memberId) ? 'fulfilled' : 'expired', updatedAt: now })
      : Promise.resolve(false),
    lender.atDesk
      ? recordProxyAction({ key: loanId, communityId: item.communityId, actorId: lender.memberId, subjectId: borrower.memberId, action: 'cabin.lend', at: now })
      : Promise.resolve(),
  ]);
  return { loan, canRenew: item.waiting === 0 && rules.classes[loanClass].maxRenewals > 0 };
}
