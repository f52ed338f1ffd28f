import type { LoanClass, LoanRules } from '../../src/shared/domain/cabin';
import { borrowRefusal, dueFor, renewRefusal, resolveRules } from '../../src/shared/rules/cabin-loans';
import { closedRefusal } from '../../src/shared/rules/cabin-shelf';
import { clock } from '../_core/clock';
import { isDuplicateWrite } from '../_core/db';
import { AppError } from '../_core/errors';
import { recordProxyAction } from '../_core/proxy-log';
import { inTransaction } from '../_core/transaction';
import { EMPTY_OPEN, holdExpired, holdIdOf, loanLog, sectionOpenState, shortId, type BorrowerDoc, type ItemDoc, type LoanDoc } from './cabin.model';
import * as q from './cabin.queries';
import * as t from './cabin.tx';
import { ownerOf } from './messages';
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

/** The loan record of a claimed item. */
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

/** May a loan start from this state of the item for this borrower? */
function claimable(item: ItemDoc, borrower: Borrower, now: Date): boolean {
  if (item.kind !== 'loanable') return false;
  if (item.status === 'available') return true;
  if (item.status === 'on-hold' && item.holderId === borrower.memberId) return true;
  return item.status === 'on-hold' && holdExpired(item, now) && item.waiting === 0;
}

/** The refusal of a loan from this state of the item, if any. */
function ensureClaimable(item: ItemDoc, borrower: Borrower, now: Date): void {
  if (item.kind !== 'loanable') throw new AppError('CABIN.NOT_LOANABLE');
  if (item.status === 'retired') throw new AppError('CABIN.RETIRED');
  if (claimable(item, borrower, now)) return;
  throw new AppError(item.status === 'on-hold' ? 'CABIN.HELD_FOR_OTHER' : 'CABIN.NOT_AVAILABLE');
}

/** The borrower's counters with one more open loan of the class, held by this loan. */
function reserved(account: BorrowerDoc | null, borrower: Borrower, loanClass: LoanClass, loanId: string): BorrowerDoc {
  const base = account ?? { _id: borrower.memberId, communityId: borrower.communityId, open: { ...EMPTY_OPEN }, loanIds: [] };
  return { ...base, open: { ...base.open, [loanClass]: (base.open[loanClass] ?? 0) + 1 }, loanIds: [...base.loanIds, loanId] };
}

/**
 * Lends a loanable item: to its holder while a hold runs, to anyone when it is on the shelf or its hold ran out
 * with nobody waiting. One transaction over the item, the borrower's open-loan counters, the loan, its history line
 * and the hold it fulfils (all known up front): the class limit and the item's state are read in the snapshot, and
 * of any number racing for one item (or one person's limit) one commits and the others conflict, run again and are
 * told it is gone. Nothing is left half done by a call that dies: no slot reserved without its loan, no item lent
 * without its record. The loan's id comes from the borrower and the request id, so a retry answers the same loan;
 * the desk's proxy-log line is keyed by it too and written after the commit (and again by any retry).
 *
 * Round trips: 1 (item, the loan if retried, open loans, rules) + 1 (cabin) + the transaction (4: start, item beside
 * the counters, the writes, commit): 14 requests for a borrow with its caller; +1 (proxy log) at the desk; a hold
 * that ran out is handed on first.
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
  const logProxy = () =>
    lender.atDesk
      ? recordProxyAction({ key: loanId, communityId: borrower.communityId, actorId: lender.memberId, subjectId: borrower.memberId, action: 'cabin.lend', at: now })
      : Promise.resolve();
  if (existing) {
    await logProxy();
    return { loan: existing, canRenew: renewable(existing, found, rules, now) };
  }
  if (!found || found.communityId !== borrower.communityId) throw new AppError('COMMON.NOT_FOUND');
  let item = found;
  // A hold that ran out while others wait goes to the next in line first.
  if (holdExpired(item, now) && item.waiting > 0) {
    await expireHold(item, rules, now, ownerOf(requestId));
    item = (await q.findItem(itemId)) ?? item;
  }
  // (Claimed by a racing copy of this request between the reads above: the transaction answers its loan.)
  if (item.loanId !== loanId) ensureClaimable(item, borrower, now);
  const loanClass = item.loanClass ?? 'other';
  const refusal = borrowRefusal({ openLoans: openLoans.filter((l) => l._id !== loanId), loanClass, rules, now });
  if (refusal) throw new AppError(refusal);
  const cabin = await q.findCabin(item.cabinId);
  // A resident borrows only while the section is open, as the page says; the desk lends whenever a keeper is there.
  const closed = lender.atDesk || !cabin ? null : closedRefusal(sectionOpenState(cabin, item.sectionKey, now));
  if (closed) throw new AppError(closed.code, closed.fields);
  const due = dueFor(now, rules.classes[loanClass].loanDays, cabin?.hours ?? [], cabin?.closures ?? []);

  const lend = () => inTransaction(async (tx) => {
    const [cur, account] = await Promise.all([t.item(tx, itemId), t.borrower(tx, borrower.memberId)]);
    if (!cur) throw new AppError('COMMON.NOT_FOUND');
    // A racing copy of this very request committed it (the loan's add below would fail as a duplicate otherwise).
    if (cur.loanId === loanId) return null;
    ensureClaimable(cur, borrower, now);
    if ((account?.open[loanClass] ?? 0) >= rules.classes[loanClass].maxItems) throw new AppError('CABIN.LOAN_LIMIT');
    const loan = loanDocOf(cur, loanId, borrower, lender, now, due.dueAt);
    const previousHold = cur.status === 'on-hold' ? cur.holdId : null;
    await Promise.all([
      t.patchItem(tx, cur._id, { status: 'on-loan', holderId: borrower.memberId, holdId: null, holdUntil: null, loanId, dueAt: due.dueAt, loans: cur.loans + 1, updatedAt: now }),
      t.addLoan(tx, loan),
      t.putBorrower(tx, reserved(account, borrower, loanClass, loanId)),
      t.putLog(tx, loanLog(loan, 'lent', 'lent', lender, lender.atDesk ? '值班台借出' : '扫码借出', now)),
      previousHold
        ? t.patchHold(tx, previousHold, { status: previousHold === holdIdOf(cur._id, borrower.memberId) ? 'fulfilled' : 'expired', updatedAt: now })
        : Promise.resolve(),
    ]);
    return { loan, canRenew: cur.waiting === 0 && rules.classes[loanClass].maxRenewals > 0 };
  });
  // Null (or a duplicate loan): a racing copy of this request lent it; its loan is the answer.
  const lent = await lend().catch((err: unknown) => {
    if (isDuplicateWrite(err)) return null;
    throw err;
  });
  await logProxy();
  if (lent) return lent;
  const raced = (await q.findLoan(loanId))!;
  return { loan: raced, canRenew: renewable(raced, await q.findItem(itemId), rules, now) };
}
