import { dayOf } from '../../src/shared/rules/cabin-hours';
import { holdUntil, isOverdue, renewedDue, renewRefusal, resolveRules } from '../../src/shared/rules/cabin-loans';
import { ensureSameCommunity } from '../_core/authorize';
import { loadCaller, type Caller } from '../_core/caller';
import { clock } from '../_core/clock';
import { ensurePublishable } from '../_core/content-check';
import { AppError } from '../_core/errors';
import { findMember } from '../_core/member-record';
import type { CallContext } from '../_core/router';
import { inTransaction } from '../_core/transaction';
import { ensureBorrower, ensureDesk, ensureOwn, viewableCabin } from './access';
import { holdExpired, holdIdOf, loanLog, sectionOpenState, toHoldView, toItemSummary, toLoanView, type HoldDoc, type ItemDoc, type LoanDoc } from './cabin.model';
import * as q from './cabin.queries';
import * as t from './cabin.tx';
import type { In, Out } from './cabin.types';
import { lendItem, renewable, type Borrower } from './lending';
import { ownerOf, tellOverdue } from './messages';
import { expireHold, handOn, leaveQueue, settleOffShelf, tellUntold, type Cause } from './queue';

function borrowerOf(caller: Caller): Borrower {
  return { memberId: caller.memberId, communityId: caller.communityId!, name: caller.record?.name ?? '', phone: caller.record?.phone ?? '' };
}

const staffOf = (caller: Caller) => ({ memberId: caller.memberId, name: caller.record?.name ?? '' });

const live = (hold: HoldDoc | null, now: Date): hold is HoldDoc =>
  !!hold && (hold.status === 'waiting' || (hold.status === 'ready' && !!hold.holdUntil && hold.holdUntil > now));

/** 1-based places in the queue of each waiting hold (one round trip for the page). */
async function positions(holds: readonly HoldDoc[]): Promise<Map<string, number>> {
  const waiting = holds.filter((h) => h.status === 'waiting');
  const all = await q.waitingFor([...new Set(waiting.map((h) => h.itemId))]);
  return new Map(waiting.map((h) => [h._id, all.filter((w) => w.itemId === h.itemId && w.queuedAt <= h.queuedAt).length]));
}

async function holdView(hold: HoldDoc) {
  return toHoldView(hold, (await positions([hold])).get(hold._id) ?? null);
}

/**
 * Round trips: 1 (caller) + 1 (item, own hold, rules) + 1 (cabin: the hours a hold runs from) + the transaction (4: start,
 * item and hold, the writes, commit) + 1 (the place in the queue, when waiting).
 * One transaction: the hold (or queue place) and the item's claim or waiting count commit together, so the count is
 * always the queue's length, a double tap or retry finds either nothing or all of it, and a return racing the join
 * conflicts with it (so nobody is left waiting for an item on the shelf).
 */
export async function hold(input: In<'hold'>, { identity }: CallContext): Out<'hold'> {
  const caller = await loadCaller(identity);
  ensureBorrower(caller);
  const hid = holdIdOf(input.itemId, caller.memberId);
  const [found, existing, rulesDoc] = await Promise.all([q.findItem(input.itemId), q.findHold(hid), q.findRules(caller.communityId!)]);
  let item = ensureSameCommunity(caller, found);
  const rules = resolveRules(rulesDoc);
  const now = clock().now();
  if (live(existing, now)) {
    if (existing.requestId === input.requestId) return { hold: await holdView(existing) };
    throw new AppError('CABIN.ALREADY_HELD');
  }
  holdable(item, caller.memberId);
  if (holdExpired(item, now)) {
    await expireHold(item, rules, now, ownerOf(input.requestId));
    item = (await q.findItem(item._id)) ?? item;
  }
  const cabin = await q.findCabin(item.cabinId);
  // Reserved while closed (可预约，明天 9:00 开门后来取): the hold runs from the opening, not from the night.
  const open = cabin ? sectionOpenState(cabin, item.sectionKey, now) : null;
  const until = holdUntil(open && !open.open && open.opensAt ? new Date(open.opensAt) : now, rules);
  const doc: HoldDoc = {
    _id: hid,
    communityId: item.communityId,
    cabinId: item.cabinId,
    itemId: item._id,
    itemName: item.name,
    memberId: caller.memberId,
    status: 'waiting',
    holdUntil: null,
    queuedAt: now,
    expiryReminded: false,
    requestId: input.requestId,
    createdAt: now,
    updatedAt: now,
  };
  const saved = await inTransaction(async (tx) => {
    const [cur, prior] = await Promise.all([t.item(tx, item._id), t.hold(tx, hid)]);
    if (live(prior, now)) {
      if (prior.requestId === input.requestId) return prior;
      throw new AppError('CABIN.ALREADY_HELD');
    }
    if (!cur) throw new AppError('COMMON.NOT_FOUND');
    holdable(cur, caller.memberId);
    if (cur.status === 'available' && cur.waiting === 0) {
      const ready: HoldDoc = { ...doc, status: 'ready', holdUntil: until };
      await Promise.all([
        t.putHold(tx, ready),
        t.patchItem(tx, cur._id, { status: 'on-hold', holderId: caller.memberId, holdId: hid, holdUntil: until, updatedAt: now }),
        t.putLog(tx, {
          _id: `${hid}:${now.getTime()}:held`,
          communityId: cur.communityId,
          cabinId: cur.cabinId,
          itemId: cur._id,
          itemName: cur.name,
          kind: 'held',
          delta: null,
          memberId: caller.memberId,
          memberName: caller.record?.name ?? '',
          by: caller.memberId,
          byName: caller.record?.name ?? '',
          note: '',
          at: now,
        }),
      ]);
      return ready;
    }
    await Promise.all([t.putHold(tx, doc), t.patchItem(tx, cur._id, { waiting: cur.waiting + 1 })]);
    return doc;
  });
  return { hold: saved.status === 'waiting' ? await holdView(saved) : toHoldView(saved, null) };
}

/** The refusals of a hold on this item by this person. */
function holdable(item: ItemDoc, memberId: string): void {
  if (item.kind !== 'loanable') throw new AppError('CABIN.NOT_LOANABLE');
  if (item.status === 'retired') throw new AppError('CABIN.RETIRED');
  if (item.status === 'in-repair' || item.status === 'lost') throw new AppError('CABIN.NOT_AVAILABLE');
  if (item.holderId === memberId && item.status === 'on-loan') throw new AppError('CABIN.ALREADY_HELD');
}

/**
 * Round trips: 1 (caller) + 1 (hold) + the transaction (4) + 1 (the answer); a ready hold's item is handed on instead
 * (1 queue read + a transaction of 5, and the next holder's message).
 * A waiting place leaves the queue with the count in one transaction; a ready hold is cancelled in the hand-over's
 * transaction. A second cancel finds it ended and changes nothing.
 */
export async function cancelHold(input: In<'cancelHold'>, { identity }: CallContext): Out<'cancelHold'> {
  const caller = await loadCaller(identity);
  ensureBorrower(caller);
  const found = ensureOwn(caller, await q.findHold(input.holdId));
  const now = clock().now();
  const owner = ownerOf(input.requestId);
  if (found.status === 'waiting') {
    await leaveQueue(found._id, found.itemId, now);
  } else if (found.status === 'ready') {
    const rules = resolveRules(await q.findRules(found.communityId));
    const heldByIt = (item: ItemDoc) => item.status === 'on-hold' && item.holdId === found._id;
    await handOn(found.itemId, heldByIt, {}, rules, now, async (tx) => {
      const cur = await t.hold(tx, found._id);
      if (cur?.status === 'ready') await t.patchHold(tx, found._id, { status: 'cancelled', updatedAt: now });
    }, owner);
  } else if (found.status === 'cancelled') {
    // A retry of a cancel that handed the item on: the next holder's message, if the call died after queuing it.
    await tellUntold(found.itemId, owner);
  }
  const fresh = (await q.findHold(found._id)) ?? found;
  return { hold: fresh.status === 'waiting' ? await holdView(fresh) : toHoldView(fresh, null) };
}

/** Round trips: 1 (caller) + 4 (lending.ts). */
export async function borrow(input: In<'borrow'>, { identity }: CallContext): Out<'borrow'> {
  const caller = await loadCaller(identity);
  ensureBorrower(caller);
  const { loan, canRenew } = await lendItem(input.itemId, borrowerOf(caller), { memberId: caller.memberId, name: caller.record?.name ?? '', atDesk: false }, input.requestId);
  return { loan: toLoanView(loan, clock().now(), canRenew, false) };
}

/**
 * Round trips: 1 (caller) + 1 (loan) + 1 (item, rules, cabin) + the transaction (4: start, loan and item, the item's
 * due date beside the loan and its history line, commit).
 * One transaction over the three: the renewal is refused while anyone waits (the item's count, read in the snapshot;
 * someone joining meanwhile writes the item and so conflicts), and the loan, the item's due date and the history line
 * land together. The loan remembers the request, so a retry or double tap answers the same renewal.
 */
export async function renew(input: In<'renew'>, { identity }: CallContext): Out<'renew'> {
  const caller = await loadCaller(identity);
  ensureBorrower(caller);
  const loan = ensureOwn(caller, await q.findLoan(input.loanId));
  const now = clock().now();
  const [item, rulesDoc, cabin] = await Promise.all([q.findItem(loan.itemId), q.findRules(loan.communityId), q.findCabin(loan.cabinId)]);
  const rules = resolveRules(rulesDoc);
  const answer = (doc: LoanDoc, current: ItemDoc | null) => ({ loan: toLoanView(doc, now, renewable(doc, current, rules, now), false) });
  if (loan.renewRequestIds.includes(input.requestId)) return answer(loan, item);
  const rule = rules.classes[loan.loanClass];
  const renewed = await inTransaction(async (tx) => {
    const [cur, it] = await Promise.all([t.loan(tx, loan._id), t.item(tx, loan.itemId)]);
    if (!cur) throw new AppError('COMMON.NOT_FOUND');
    if (cur.renewRequestIds.includes(input.requestId)) return { loan: cur, item: it };
    if (cur.status !== 'open') throw new AppError('CABIN.LOAN_CLOSED');
    const refusal = renewRefusal({ renewals: cur.renewals, rule, waiting: it?.waiting ?? 0, dueAt: cur.dueAt, now });
    if (refusal) throw new AppError(refusal);
    if (!it || it.loanId !== cur._id) throw new AppError('CABIN.SOMEONE_WAITING');
    const due = renewedDue(cur.dueAt, rule.loanDays, cabin?.hours ?? [], cabin?.closures ?? []);
    const patch = { renewals: cur.renewals + 1, dueAt: due.dueAt, dueReminded: false, overdueReminded: false, renewRequestIds: [...cur.renewRequestIds, input.requestId] };
    await Promise.all([
      t.patchItem(tx, it._id, { dueAt: due.dueAt }),
      t.patchLoan(tx, cur._id, patch),
      t.putLog(tx, loanLog(cur, 'renewed', `renew:${cur.renewals + 1}`, staffOf(caller), `续借至${due.dueDate}`, now)),
    ]);
    return { loan: { ...cur, ...patch }, item: { ...it, dueAt: due.dueAt } };
  });
  return answer(renewed.loan, renewed.item);
}

/** Round trips: 1 (caller) + 1 (loans) + 1 (their items and the rules). */
export async function myLoans(input: In<'myLoans'>, { identity }: CallContext): Out<'myLoans'> {
  const caller = await loadCaller(identity);
  ensureBorrower(caller);
  const { rows, hasMore } = await q.ownLoansPage(caller.memberId, input.status, input.page);
  const [items, rulesDoc] = await Promise.all([q.findItems(rows.map((l) => l.itemId)), q.findRules(caller.communityId!)]);
  const byId = new Map(items.map((i) => [i._id, i]));
  const rules = resolveRules(rulesDoc);
  const now = clock().now();
  return { items: rows.map((l) => toLoanView(l, now, renewable(l, byId.get(l.itemId) ?? null, rules, now), false)), page: input.page, hasMore };
}

/** Round trips: 1 (caller) + 1 (holds) + 1 (queue places). */
export async function myHolds(input: In<'myHolds'>, { identity }: CallContext): Out<'myHolds'> {
  const caller = await loadCaller(identity);
  ensureBorrower(caller);
  const { rows, hasMore } = await q.ownHoldsPage(caller.memberId, input.page);
  const now = clock().now();
  const shown = rows.filter((h) => live(h, now));
  const places = await positions(shown);
  return { items: shown.map((h) => toHoldView(h, places.get(h._id) ?? null)), page: input.page, hasMore };
}

/** The resident a desk loan is for, by phone or member id, in the caller's 居民区 (one round trip). */
async function deskBorrower(communityId: string, input: In<'lend'>): Promise<Borrower> {
  const person = input.memberId ? await findMember(input.memberId) : ((await q.membersByPhone(communityId, [input.phone!]))[0] ?? null);
  if (!person || person.communityId !== communityId || person.deletedAt) throw new AppError('CABIN.PERSON_NOT_FOUND');
  return { memberId: person._id, communityId, name: person.name, phone: person.phone };
}

/** Round trips: 1 (caller) + 1 (item, the borrower) + 1 (cabin) + 4 (lending.ts) + the proxy log beside. */
export async function lend(input: In<'lend'>, { identity }: CallContext): Out<'lend'> {
  const caller = await loadCaller(identity);
  if (!caller.communityId) throw new AppError('COMMON.FORBIDDEN');
  const [found, borrower] = await Promise.all([q.findItem(input.itemId), deskBorrower(caller.communityId, input).catch((err: unknown) => err as AppError)]);
  const item = ensureSameCommunity(caller, found);
  ensureDesk(caller, ensureSameCommunity(caller, await q.findCabin(item.cabinId)));
  // Told only to those who may lend, so the desk cannot be used to probe who lives here.
  if (borrower instanceof Error) throw borrower;
  const { loan, canRenew } = await lendItem(item._id, borrower, { memberId: caller.memberId, name: caller.record?.name ?? '', atDesk: true }, input.requestId);
  return { loan: toLoanView(loan, clock().now(), canRenew, true) };
}

/** Round trips: 1 (caller) + 1 (cabin) + 1 (the page). */
export async function residents(input: In<'residents'>, { identity }: CallContext): Out<'residents'> {
  const caller = await loadCaller(identity);
  const cabin = await viewableCabin(caller, input.cabinId);
  ensureDesk(caller, cabin);
  const { rows, hasMore } = await q.residentsPage(cabin.communityId, input.query, input.page);
  return {
    items: rows.map((p) => ({ memberId: p._id, name: p.name, building: p.building, phoneTail: p.phone.slice(-4) })),
    page: input.page,
    hasMore,
  };
}

/**
 * Round trips: 1 (caller) + 1 (loan) + 1 (cabin, item, rules) + 1 (the queue) + the transaction (6: start, item and the
 * first waiter, the item's move, loan and borrower, the loan's writes, commit) + 1 (item and loan for the answer): 11;
 * the next holder's message when handed on, and ending the queue of an item lost.
 * One transaction per return: the loan closed, the item handed to the next in line (or back on the shelf, or off it),
 * the class slot given back and the history line, all or nothing. A second confirmation, racing or retried, finds
 * the loan returned and changes nothing; a call that died while ending a lost item's queue is completed by its retry.
 */
export async function takeBack(input: In<'takeBack'>, { identity }: CallContext): Out<'takeBack'> {
  const caller = await loadCaller(identity);
  const loan = ensureSameCommunity(caller, await q.findLoan(input.loanId));
  const [found, item, rulesDoc] = await Promise.all([q.findCabin(loan.cabinId), q.findItem(loan.itemId), q.findRules(loan.communityId)]);
  const cabin = ensureSameCommunity(caller, found);
  ensureDesk(caller, cabin);
  // The condition note becomes the item's condition, which every borrower reads.
  await ensurePublishable(identity, [input.condition]);
  const now = clock().now();
  const extra = { loanId: null, dueAt: null, ...(input.condition ? { condition: input.condition } : {}) };
  const carries = (it: ItemDoc) => it.loanId === loan._id;
  const close: Cause = async (tx) => {
    const [cur, account] = await Promise.all([t.loan(tx, loan._id), t.borrower(tx, loan.memberId)]);
    if (cur?.status !== 'open') return;
    const returnCondition = input.condition || null;
    const note = [returnCondition ?? '', input.status === 'available' ? '' : input.status === 'lost' ? '登记遗失' : '送修'].filter(Boolean).join('；');
    await Promise.all([
      t.patchLoan(tx, cur._id, { status: 'returned', returnedAt: now, returnedBy: caller.memberId, returnCondition }),
      t.putLog(tx, loanLog(cur, 'returned', 'returned', staffOf(caller), note, now)),
      account?.loanIds.includes(cur._id)
        ? t.putBorrower(tx, { ...account, open: { ...account.open, [cur.loanClass]: Math.max(0, account.open[cur.loanClass] - 1) }, loanIds: account.loanIds.filter((id) => id !== cur._id) })
        : Promise.resolve(),
    ]);
  };
  const owner = ownerOf(input.requestId);
  let heldForNext = false;
  if (item && input.status === 'available') {
    const handed = await handOn(item._id, carries, extra, resolveRules(rulesDoc), now, close, owner);
    heldForNext = !!handed.next;
    // A retry of a return that landed: the next holder's message, if the call died after queuing it.
    if (!handed.moved) await tellUntold(item._id, owner);
  } else {
    await inTransaction(async (tx) => {
      const cur = item ? await t.item(tx, item._id) : null;
      if (cur && carries(cur)) await t.patchItem(tx, cur._id, { ...extra, status: input.status, holderId: null, updatedAt: now });
      await close(tx, !!cur && carries(cur));
    });
  }
  const [after, closed] = await Promise.all([q.findItem(loan.itemId), q.findLoan(loan._id)]);
  let fresh = after ?? item!;
  if (await settleOffShelf(fresh, now)) fresh = (await q.findItem(loan.itemId)) ?? fresh;
  return { loan: toLoanView(closed ?? loan, now, false, true), item: toItemSummary(fresh, cabin, caller.memberId, now, true), heldForNext };
}

/** Round trips: 1 (caller) + 1 (cabin) + 1 (loans). */
export async function loans(input: In<'loans'>, { identity }: CallContext): Out<'loans'> {
  const caller = await loadCaller(identity);
  const cabin = await viewableCabin(caller, input.cabinId);
  ensureDesk(caller, cabin);
  const now = clock().now();
  const { rows, hasMore } = await q.cabinLoansPage(cabin._id, input.overdueOnly, now, input.page);
  return { items: rows.map((l) => toLoanView(l, now, false, true)), page: input.page, hasMore };
}

/**
 * Round trips: 1 (caller) + 1 (loan) + 1 (cabin) + the send (at most once a day per loan). The duty volunteer may too.
 * No write of its own: the send's key (today's) makes a retry send nothing more.
 */
export async function remind(input: In<'remind'>, { identity }: CallContext): Out<'remind'> {
  const caller = await loadCaller(identity);
  const loan = ensureSameCommunity(caller, await q.findLoan(input.loanId));
  ensureDesk(caller, ensureSameCommunity(caller, await q.findCabin(loan.cabinId)));
  if (loan.status !== 'open') throw new AppError('CABIN.LOAN_CLOSED');
  return { outcome: await tellOverdue(loan, dayOf(clock().now()), ownerOf(input.requestId)) };
}

/**
 * Round trips: 1 (caller) + 1 (loan) + 1 (cabin beside the borrower's record). The number goes straight to the
 * dialer: the desk lists show it masked, so it is given only to the desk of an overdue loan, and read fresh.
 */
export async function borrowerPhone(input: In<'borrowerPhone'>, { identity }: CallContext): Out<'borrowerPhone'> {
  const caller = await loadCaller(identity);
  const loan = ensureSameCommunity(caller, await q.findLoan(input.loanId));
  const [cabin, borrower] = await Promise.all([q.findCabin(loan.cabinId), findMember(loan.memberId)]);
  ensureDesk(caller, ensureSameCommunity(caller, cabin));
  if (loan.status !== 'open') throw new AppError('CABIN.LOAN_CLOSED');
  if (!isOverdue(loan.dueAt, clock().now())) throw new AppError('CABIN.NOT_OVERDUE');
  if (!borrower?.phone || borrower.deletedAt) throw new AppError('CABIN.NO_PHONE');
  return { phone: borrower.phone };
}
