import { dayOf } from '../../src/shared/rules/cabin-hours';
import { holdUntil, isOverdue, renewedDue, renewRefusal, resolveRules } from '../../src/shared/rules/cabin-loans';
import { ensureSameCommunity } from '../_core/authorize';
import { loadCaller, type Caller } from '../_core/caller';
import { clock } from '../_core/clock';
import { ensurePublishable } from '../_core/content-check';
import { command } from '../_core/db';
import { AppError } from '../_core/errors';
import { findMember } from '../_core/member-record';
import type { CallContext } from '../_core/router';
import { ensureBorrower, ensureDesk, ensureOwn, viewableCabin } from './access';
import { holdExpired, holdIdOf, loanLog, sectionOpenState, toHoldView, toItemSummary, toLoanView, type HoldDoc, type LoanDoc } from './cabin.model';
import * as q from './cabin.queries';
import type { In, Out } from './cabin.types';
import { lendItem, renewable, type Borrower } from './lending';
import { tellOverdue } from './messages';
import { endQueue, expireHold, passOn, settleQueue, writeHold } from './queue';

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
 * Round trips: 1 (caller) + 1 (item, own hold, rules) + 1 (the hold written beside the cabin's hours) + 1 (item claimed, or queue count)
 * + 1 (hold ready and history; or the queue settled and the place counted: 2-3).
 * The hold document is written first under its fixed id, so a double tap holds once; the item is then claimed
 * from the shelf by a conditional update, or the caller waits in the queue.
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
  if (item.kind !== 'loanable') throw new AppError('CABIN.NOT_LOANABLE');
  if (item.status === 'retired') throw new AppError('CABIN.RETIRED');
  if (item.status === 'in-repair' || item.status === 'lost') throw new AppError('CABIN.NOT_AVAILABLE');
  if (item.holderId === caller.memberId && item.status === 'on-loan') throw new AppError('CABIN.ALREADY_HELD');
  if (holdExpired(item, now)) {
    await expireHold(item, rules, now);
    item = (await q.findItem(item._id)) ?? item;
  }

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
  const [written, cabin] = await Promise.all([writeHold(doc), q.findCabin(item.cabinId)]);
  if (!written) {
    const raced = await q.findHold(hid);
    if (raced?.requestId === input.requestId) return { hold: await holdView(raced) };
    throw new AppError('CABIN.ALREADY_HELD');
  }
  if (item.status === 'available' && item.waiting === 0) {
    // Reserved while closed (可预约，明天 9:00 开门后来取): the hold runs from the opening, not from the night.
    const open = cabin ? sectionOpenState(cabin, item.sectionKey, now) : null;
    const until = holdUntil(open && !open.open && open.opensAt ? new Date(open.opensAt) : now, rules);
    const claimed = await q.updateItemIf(item._id, { status: 'available', waiting: 0 }, { status: 'on-hold', holderId: caller.memberId, holdId: hid, holdUntil: until, updatedAt: now });
    if (claimed) {
      const ready: HoldDoc = { ...doc, status: 'ready', holdUntil: until };
      await Promise.all([
        q.updateHoldIf(hid, { status: 'waiting' }, { status: 'ready', holdUntil: until }),
        q.insertLog({
          _id: `${hid}:${now.getTime()}:held`,
          communityId: item.communityId,
          cabinId: item.cabinId,
          itemId: item._id,
          itemName: item.name,
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
      return { hold: toHoldView(ready, null) };
    }
  }
  await q.updateItemIf(item._id, {}, { waiting: command().inc(1) });
  await settleQueue(item._id, rules, now);
  return { hold: await holdView((await q.findHold(hid)) ?? doc) };
}

/**
 * Round trips: 1 (caller) + 1 (hold) + 1 (cancelled) + 1 (queue count); a ready hold's item is handed on (2-4).
 */
export async function cancelHold(input: In<'cancelHold'>, { identity }: CallContext): Out<'cancelHold'> {
  const caller = await loadCaller(identity);
  ensureBorrower(caller);
  const found = ensureOwn(caller, await q.findHold(input.holdId));
  const now = clock().now();
  const patch = { status: 'cancelled' as const, updatedAt: now };
  if (found.status === 'waiting' && (await q.updateHoldIf(found._id, { status: 'waiting' }, patch))) {
    await q.updateItemIf(found.itemId, { waiting: command().gt(0) }, { waiting: command().inc(-1) });
    return { hold: toHoldView({ ...found, ...patch }, null) };
  }
  if (found.status === 'ready' && (await q.updateHoldIf(found._id, { status: 'ready' }, patch))) {
    const [item, rulesDoc] = await Promise.all([q.findItem(found.itemId), q.findRules(found.communityId)]);
    if (item) await passOn(item, { status: 'on-hold', holdId: found._id }, {}, resolveRules(rulesDoc), now);
    return { hold: toHoldView({ ...found, ...patch }, null) };
  }
  return { hold: await holdView((await q.findHold(found._id)) ?? found) };
}

/** Round trips: 1 (caller) + 4 (lending.ts). */
export async function borrow(input: In<'borrow'>, { identity }: CallContext): Out<'borrow'> {
  const caller = await loadCaller(identity);
  ensureBorrower(caller);
  const { loan, canRenew } = await lendItem(input.itemId, borrowerOf(caller), { memberId: caller.memberId, name: caller.record?.name ?? '', atDesk: false }, input.requestId);
  return { loan: toLoanView(loan, clock().now(), canRenew, false) };
}

/**
 * Round trips: 1 (caller) + 1 (loan) + 1 (item, rules, cabin) + 1 (the item's due date, only while nobody waits)
 * + 1 (the loan, conditional on its renewal count, beside its history).
 */
export async function renew(input: In<'renew'>, { identity }: CallContext): Out<'renew'> {
  const caller = await loadCaller(identity);
  ensureBorrower(caller);
  const loan = ensureOwn(caller, await q.findLoan(input.loanId));
  const now = clock().now();
  const [item, rulesDoc, cabin] = await Promise.all([q.findItem(loan.itemId), q.findRules(loan.communityId), q.findCabin(loan.cabinId)]);
  const rules = resolveRules(rulesDoc);
  const answer = (doc: LoanDoc) => ({ loan: toLoanView(doc, now, renewable(doc, item, rules, now), false) });
  if (loan.renewRequestIds.includes(input.requestId)) return answer(loan);
  if (loan.status !== 'open') throw new AppError('CABIN.LOAN_CLOSED');
  const rule = rules.classes[loan.loanClass];
  const refusal = renewRefusal({ renewals: loan.renewals, rule, waiting: item?.waiting ?? 0, dueAt: loan.dueAt, now });
  if (refusal) throw new AppError(refusal);
  const due = renewedDue(loan.dueAt, rule.loanDays, cabin?.hours ?? [], cabin?.closures ?? []);
  // Conditional on the queue being empty, so someone joining it meanwhile is never passed over.
  if (!(await q.updateItemIf(loan.itemId, { loanId: loan._id, waiting: 0 }, { dueAt: due.dueAt }))) {
    // Not matched: someone joined the queue or the loan ended (a racing copy writing the same due date still matches:
    // the service counts matched documents, so the renewal count below decides between copies).
    const fresh = await q.findItem(loan.itemId);
    if (!fresh || fresh.waiting > 0 || fresh.loanId !== loan._id) throw new AppError('CABIN.SOMEONE_WAITING');
  }
  const patch = { renewals: loan.renewals + 1, dueAt: due.dueAt, dueReminded: false, overdueReminded: false };
  const [renewed] = await Promise.all([
    q.updateLoanIf(loan._id, { status: 'open', renewals: loan.renewals }, { ...patch, renewRequestIds: command().addToSet(input.requestId) }),
    q.insertLog(loanLog(loan, 'renewed', `renew:${loan.renewals + 1}`, staffOf(caller), `续借至${due.dueDate}`, now)),
  ]);
  if (renewed) return answer({ ...loan, ...patch, renewRequestIds: [...loan.renewRequestIds, input.requestId] });
  // A racing renewal (a double tap) got there first.
  const fresh = (await q.findLoan(loan._id))!;
  if (fresh.renewRequestIds.includes(input.requestId)) return answer(fresh);
  throw new AppError(fresh.status === 'open' ? 'CABIN.RENEW_LIMIT' : 'CABIN.LOAN_CLOSED');
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
 * Round trips: 1 (caller) + 1 (loan) + 1 (cabin, item, rules) + 1 (loan returned) + 1-3 (the item handed on or
 * back on the shelf, conditional on still carrying this loan) + 1 (the class slot back, history) + 1 (item view).
 * The item step is guarded by the loan id and the slot and history are keyed by it, so however often it is
 * confirmed, each happens once; a retry after a crash completes what was left.
 */
export async function takeBack(input: In<'takeBack'>, { identity }: CallContext): Out<'takeBack'> {
  const caller = await loadCaller(identity);
  let loan = ensureSameCommunity(caller, await q.findLoan(input.loanId));
  const [found, item, rulesDoc] = await Promise.all([q.findCabin(loan.cabinId), q.findItem(loan.itemId), q.findRules(loan.communityId)]);
  const cabin = ensureSameCommunity(caller, found);
  ensureDesk(caller, cabin);
  // The condition note becomes the item's condition, which every borrower reads.
  await ensurePublishable(identity, [input.condition]);
  const now = clock().now();
  if (loan.status === 'open') {
    const patch = { status: 'returned' as const, returnedAt: now, returnedBy: caller.memberId, returnCondition: input.condition || null };
    loan = (await q.updateLoanIf(loan._id, { status: 'open' }, patch)) ? { ...loan, ...patch } : ((await q.findLoan(loan._id)) ?? loan);
  }
  let heldForNext = false;
  if (item && item.loanId === loan._id) {
    const extra = { loanId: null, dueAt: null, ...(input.condition ? { condition: input.condition } : {}) };
    const step =
      input.status === 'available'
        ? await passOn(item, { loanId: loan._id }, extra, resolveRules(rulesDoc), now)
        : { moved: await q.updateItemIf(item._id, { loanId: loan._id }, { ...extra, status: input.status, holderId: null, updatedAt: now }), holderId: null };
    heldForNext = !!step.holderId;
    if (step.moved && input.status === 'lost' && item.waiting > 0) await endQueue(item._id, now);
  }
  // Both once per loan by their keys, so a retry after a crash completes them.
  await Promise.all([
    q.releaseSlot(loan.memberId, loan.loanClass, loan._id),
    q.insertLog(
      loanLog(
        loan,
        'returned',
        'returned',
        staffOf(caller),
        [loan.returnCondition ?? '', input.status === 'available' ? '' : input.status === 'lost' ? '登记遗失' : '送修'].filter(Boolean).join('；'),
        loan.returnedAt ?? now,
      ),
    ),
  ]);
  const fresh = (await q.findItem(loan.itemId)) ?? item!;
  return { loan: toLoanView(loan, now, false, true), item: toItemSummary(fresh, cabin, caller.memberId, now, true), heldForNext };
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

/** Round trips: 1 (caller) + 1 (loan) + 1 (cabin) + the send (at most once a day per loan). The duty volunteer may too. */
export async function remind(input: In<'remind'>, { identity }: CallContext): Out<'remind'> {
  const caller = await loadCaller(identity);
  const loan = ensureSameCommunity(caller, await q.findLoan(input.loanId));
  ensureDesk(caller, ensureSameCommunity(caller, await q.findCabin(loan.cabinId)));
  if (loan.status !== 'open') throw new AppError('CABIN.LOAN_CLOSED');
  return { outcome: await tellOverdue(loan, dayOf(clock().now())) };
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
