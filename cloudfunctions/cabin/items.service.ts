import type { ItemInput } from '../../src/shared/actions/cabin';
import { ensureImagesPublishable, imageFields, imageReviewOf } from '../_core/media-check';
import { HOME_PAGE, ITEM_PAGE, itemScene, SCENE_MAX, shelfScene, type HistoryKind, type ItemView } from '../../src/shared/domain/cabin';
import { resolveRules } from '../../src/shared/rules/cabin-loans';
import { borrowableNow, closedRefusal } from '../../src/shared/rules/cabin-shelf';
import { authorize, ensureSameCommunity } from '../_core/authorize';
import { loadCaller, type Caller } from '../_core/caller';
import { clock } from '../_core/clock';
import { ensurePublishable } from '../_core/content-check';
import { isDuplicateWrite } from '../_core/db';
import { AppError } from '../_core/errors';
import { findMember } from '../_core/member-record';
import { wechat } from '../_core/ports/wechat';
import type { CallContext } from '../_core/router';
import { canDesk, canManage, ensureBorrower, ensureDesk, ensureManage, viewableCabin } from './access';
import {
  holdIdOf,
  itemFields,
  newItemDoc,
  onShelfFor,
  sectionOpenState,
  shortId,
  toHistoryView,
  toHoldView,
  toItemSummary,
  toLoanView,
  type CabinDoc,
  type HoldDoc,
  type ItemDoc,
  type LoanDoc,
  type LogDoc,
} from './cabin.model';
import * as q from './cabin.queries';
import * as t from './cabin.tx';
import type { In, Out } from './cabin.types';
import { renewable } from './lending';
import { ownerOf, tellLowStock } from './messages';
import { handOn, settleOffShelf, tellUntold, type Cause } from './queue';
import { inTransaction } from '../_core/transaction';

/** A history line of an item. */
export function logOf(item: ItemDoc, id: string, kind: HistoryKind, by: Caller, at: Date, extra: Partial<LogDoc> = {}): LogDoc {
  return {
    _id: id,
    communityId: item.communityId,
    cabinId: item.cabinId,
    itemId: item._id,
    itemName: item.name,
    kind,
    delta: null,
    memberId: null,
    memberName: null,
    by: by.memberId,
    byName: by.record?.name ?? '',
    note: '',
    at,
    ...extra,
  };
}

/** An item of the caller's 居民区 with its cabin (two round trips). */
async function itemWithCabin(caller: Caller, itemId: string): Promise<{ item: ItemDoc; cabin: CabinDoc }> {
  const item = ensureSameCommunity(caller, await q.findItem(itemId));
  return { item, cabin: ensureSameCommunity(caller, await q.findCabin(item.cabinId)) };
}

function ensureSection(cabin: CabinDoc, sectionKey: string): void {
  if (!cabin.sections.some((s) => s.key === sectionKey)) throw new AppError('CABIN.SECTION_NOT_FOUND');
}

const publicTexts = (input: ItemInput) => [input.name, input.description ?? '', input.condition ?? ''];

interface Extras {
  hold: HoldDoc | null;
  /** The caller's place in the queue, when waiting. */
  position: number | null;
  loan: LoanDoc | null;
  holderName: string | null;
  renewable: boolean;
}

function toItemView(item: ItemDoc, cabin: CabinDoc, caller: Caller, now: Date, extras: Extras, loanRule: ItemView['loanRule']): ItemView {
  const manage = canManage(caller, cabin);
  const desk = canDesk(caller, cabin);
  const mineHold = extras.hold && (extras.hold.status === 'waiting' || extras.hold.status === 'ready') ? extras.hold : null;
  const mineLoan = extras.loan && extras.loan.memberId === caller.memberId && extras.loan.status === 'open' ? extras.loan : null;
  return {
    ...toItemSummary(item, cabin, caller.memberId, now, manage || desk),
    cabinName: cabin.name,
    openState: sectionOpenState(cabin, item.sectionKey, now),
    description: item.description,
    condition: item.condition,
    lowStockAt: item.lowStockAt,
    waiting: item.waiting,
    timesLent: item.loans,
    since: item.createdAt.toISOString(),
    myHold: mineHold && !(mineHold.status === 'ready' && mineHold.holdUntil && mineHold.holdUntil <= now) ? toHoldView(mineHold, extras.position) : null,
    myLoan: mineLoan ? toLoanView(mineLoan, now, extras.renewable, false) : null,
    loanRule,
    scene: itemScene(item._id),
    ...(manage || desk
      ? {
          holderName: extras.holderName,
          loanId: item.loanId,
          dueAt: item.dueAt?.toISOString() ?? null,
          holdUntil: item.holdUntil?.toISOString() ?? null,
        }
      : {}),
    ...imageReviewOf(item, manage),
    canManage: manage,
    canDesk: desk,
  };
}

/** The full view: the caller's hold and place in the queue, the open loan, the holder's name for staff, the rules (one round trip). */
async function fullView(item: ItemDoc, cabin: CabinDoc, caller: Caller): Promise<ItemView> {
  const staff = canManage(caller, cabin) || canDesk(caller, cabin);
  const [hold, queue, loan, holder, rulesDoc] = await Promise.all([
    item.kind === 'loanable' ? q.findHold(holdIdOf(item._id, caller.memberId)) : null,
    item.kind === 'loanable' && item.waiting > 0 ? q.waitingFor([item._id]) : [],
    item.loanId && (staff || item.holderId === caller.memberId) ? q.findLoan(item.loanId) : null,
    staff && item.holderId ? findMember(item.holderId) : null,
    item.kind === 'loanable' ? q.findRules(item.communityId) : null,
  ]);
  const rules = resolveRules(rulesDoc);
  const now = clock().now();
  const loanRule = item.kind === 'loanable' ? rules.classes[item.loanClass ?? 'other'] : null;
  const position = hold?.status === 'waiting' ? queue.filter((w) => w.queuedAt <= hold.queuedAt).length : null;
  const extras = { hold, position, loan, holderName: holder?.name ?? null, renewable: !!loan && renewable(loan, item, rules, now) };
  return toItemView(item, cabin, caller, now, extras, loanRule);
}

/**
 * Round trips: 1 (caller) + 1 (cabin) + 1 (the page; none for 只看现在可借 while every section asked for is closed).
 * Staff may list the consumables running low.
 */
export async function items(input: In<'items'>, { identity }: CallContext): Out<'items'> {
  const caller = await loadCaller(identity);
  const cabin = await viewableCabin(caller, input.cabinId);
  const staff = canManage(caller, cabin) || canDesk(caller, cabin);
  const now = clock().now();
  if (input.lowStockOnly && staff) {
    const { rows, hasMore } = await q.lowStockPage(cabin._id, input.page);
    return { items: rows.map((i) => toItemSummary(i, cabin, caller.memberId, now, true)), page: input.page, hasMore };
  }
  // 只看现在可借: the shelf rule (borrowableNow) decides, as on the cards. Nothing can be borrowed in a closed section.
  const asked = input.sectionKey ? cabin.sections.filter((s) => s.key === input.sectionKey) : cabin.sections;
  if (input.borrowableNow && !asked.some((s) => sectionOpenState(cabin, s.key, now).open)) return { items: [], page: input.page, hasMore: false };
  const { rows, hasMore } = await q.itemsPage(
    {
      cabinId: cabin._id,
      sectionKey: input.sectionKey,
      kind: input.kind,
      availableNow: input.availableNow || input.borrowableNow,
      query: input.query,
      includeRetired: input.includeRetired && staff,
      now,
    },
    input.page,
  );
  // With a section closed and another open, the page keeps only the open sections' items (it may come out short).
  const shown = input.borrowableNow ? rows.filter((i) => borrowableNow(i.kind, onShelfFor(i, caller.memberId, now), sectionOpenState(cabin, i.sectionKey, now))) : rows;
  return { items: shown.map((i) => toItemSummary(i, cabin, caller.memberId, now, staff)), page: input.page, hasMore };
}

/** Round trips: 1 (caller) + 2 (item, cabin) + 1 (own hold, loan, holder, rules). */
export async function item(input: In<'item'>, { identity }: CallContext): Out<'item'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'cabin.view', { communityId: caller.communityId });
  const { item: found, cabin } = await itemWithCabin(caller, input.itemId);
  if (found.status === 'retired' && !canManage(caller, cabin)) throw new AppError('COMMON.NOT_FOUND');
  return { item: await fullView(found, cabin, caller) };
}

/**
 * Round trips: 1 (caller) + 1 (cabin) + 1 (item) + 1 (history) + 1 (view); plus the content check.
 * A chain of two idempotent steps rather than a transaction: the item's id comes from the request id and its
 * history line's from the item's, so a retry adds neither twice and completes whichever is missing.
 */
export async function createItem(input: In<'createItem'>, { identity }: CallContext): Out<'createItem'> {
  const caller = await loadCaller(identity);
  const cabin = await viewableCabin(caller, input.cabinId);
  ensureManage(caller, cabin);
  ensureSection(cabin, input.item.sectionKey);
  await ensurePublishable(identity, publicTexts(input.item));
  const now = clock().now();
  const doc = newItemDoc(shortId('it', cabin.communityId, input.requestId), cabin.communityId, cabin._id, input.item, caller.memberId, now);
  const saved = (await q.insertItem(doc)) ? doc : ensureSameCommunity(caller, await q.findItem(doc._id));
  // Written by every retry under its fixed id, so a call that died after adding the item still gets its history line.
  const stocked = saved.kind === 'consumable' && (saved.stock ?? 0) > 0;
  await q.insertLog(logOf(saved, `${saved._id}:added`, stocked ? 'create' : 'added', caller, saved.createdAt, stocked ? { delta: saved.stock } : {}));
  await ensureImagesPublishable(identity, 'cabinItemPhoto', saved._id, caller.memberId, saved.pendingImages ?? [], now);
  return { item: await fullView(saved, cabin, caller) };
}

/**
 * Round trips: 1 (caller) + 2 (item, cabin) + the transaction (4: start, item, the change beside its history, commit)
 * + 1 (view); plus the content check. One transaction, so the change never lands without its history line; an edit
 * that changes nothing (a retry of one that landed) writes nothing.
 */
export async function updateItem(input: In<'updateItem'>, { identity }: CallContext): Out<'updateItem'> {
  const caller = await loadCaller(identity);
  const { item: found, cabin } = await itemWithCabin(caller, input.itemId);
  ensureManage(caller, cabin);
  if (input.item.kind !== found.kind) throw new AppError('CABIN.KIND_CHANGED');
  ensureSection(cabin, input.item.sectionKey);
  await ensurePublishable(identity, publicTexts(input.item));
  const now = clock().now();
  const fields = { ...itemFields(input.item), ...(imageFields('cabinItemPhoto', found, [input.item.photo ?? '']) as Pick<ItemDoc, 'photo' | 'pendingImages' | 'refusedImages'>) };
  const saved = await inTransaction(async (tx) => {
    const cur = (await t.item(tx, found._id)) ?? found;
    if (Object.entries(fields).every(([k, v]) => JSON.stringify(cur[k as keyof ItemDoc] ?? null) === JSON.stringify(v ?? null))) return cur;
    const patch = { ...fields, updatedAt: now };
    await Promise.all([t.patchItem(tx, cur._id, patch), t.putLog(tx, logOf(cur, `${cur._id}:edit:${now.getTime()}`, 'edited', caller, now))]);
    return { ...cur, ...patch };
  });
  await ensureImagesPublishable(identity, 'cabinItemPhoto', found._id, caller.memberId, saved.pendingImages ?? [], now);
  return { item: await fullView(saved, cabin, caller) };
}

/**
 * Round trips: 1 (caller) + 2 (item, cabin) + the transaction (4: start, item, the status beside its history line,
 * commit) + 1 (view); back on the shelf with people waiting, it goes to the first of them in the hand-over's
 * transaction (+1 queue read, and their message); leaving the shelves for good ends the queue, one small transaction
 * per place. The status and its history line commit together; asking for the status it already has changes nothing
 * (so a retry of a change that landed writes no second line) but still ends a queue a dead call left behind.
 */
export async function setStatus(input: In<'setStatus'>, { identity }: CallContext): Out<'setStatus'> {
  const caller = await loadCaller(identity);
  const { item: found, cabin } = await itemWithCabin(caller, input.itemId);
  ensureManage(caller, cabin);
  if (found.kind !== 'loanable' && (input.status === 'in-repair' || input.status === 'lost')) throw new AppError('CABIN.NOT_LOANABLE');
  const now = clock().now();
  const owner = ownerOf(input.requestId);
  if (found.status !== input.status) {
    if (found.status === 'on-loan' || found.status === 'on-hold' || found.status === 'sold') {
      // A retry of a repair that handed the item to the next in line finds it held: that holder's message, if the
      // call died after queuing it (tellUntold sends only what is still untold).
      if (found.status === 'on-hold' && input.status === 'available') await tellUntold(found._id, owner);
      throw new AppError('CABIN.STATUS_LOCKED');
    }
    const line = logOf(found, `${found._id}:status:${now.getTime()}`, 'status', caller, now, { note: [input.status, input.note].filter(Boolean).join('；') });
    const unchanged = (cur: ItemDoc) => cur.status === found.status;
    const writeLine: Cause = async (tx, moved) => (moved ? t.putLog(tx, line) : undefined);
    const moved =
      input.status === 'available' && found.kind === 'loanable' && found.waiting > 0
        ? (await handOn(found._id, unchanged, {}, resolveRules(await q.findRules(found.communityId)), now, writeLine, owner)).moved
        : await inTransaction(async (tx) => {
            const cur = await t.item(tx, found._id);
            if (!cur || !unchanged(cur)) return false;
            await Promise.all([t.patchItem(tx, cur._id, { status: input.status, updatedAt: now }), writeLine(tx, true)]);
            return true;
          });
    if (!moved) throw new AppError('CABIN.STATUS_LOCKED');
  }
  let fresh = (await q.findItem(found._id)) ?? found;
  if (await settleOffShelf(fresh, now)) fresh = (await q.findItem(found._id)) ?? fresh;
  return { item: await fullView(fresh, cabin, caller) };
}

/**
 * Round trips: 1 (caller) + 1 (item beside the movement if retried) + 1 (cabin) + the transaction (4: start, item
 * beside the movement, the stock beside its movement, commit) + 1 (view).
 * The stock and its movement are one transaction (two documents known up front): a crash between them cannot leave
 * the stock moved without its record, and the movement's id comes from the request id, so a retry or racing copy
 * finds it recorded (in its snapshot, or by conflicting with the commit that wrote it) and moves nothing.
 */
export async function restock(input: In<'restock'>, { identity }: CallContext): Out<'restock'> {
  const caller = await loadCaller(identity);
  const movementId = shortId('mv', input.itemId, input.requestId);
  const [found, recorded] = await Promise.all([q.findItem(input.itemId), q.findLog(movementId)]);
  const current = ensureSameCommunity(caller, found);
  const cabin = ensureSameCommunity(caller, await q.findCabin(current.cabinId));
  ensureManage(caller, cabin);
  if (current.kind !== 'consumable') throw new AppError('CABIN.NOT_CONSUMABLE');
  if (recorded) return { item: await fullView(current, cabin, caller) };
  const now = clock().now();
  const after = await inTransaction(async (tx) => {
    const [cur, again] = await Promise.all([t.item(tx, current._id), t.log(tx, movementId)]);
    if (!cur || again) return cur ?? current;
    const stock = (cur.stock ?? 0) + input.delta;
    if (stock < 0) throw new AppError('CABIN.STOCK_BELOW_ZERO');
    const patch = { stock, restocks: cur.restocks + (input.delta > 0 ? 1 : 0), updatedAt: now };
    await Promise.all([
      t.patchItem(tx, cur._id, patch),
      t.putLog(tx, logOf(cur, movementId, input.delta > 0 ? 'restock' : 'correct', caller, now, { delta: input.delta, note: input.note })),
    ]);
    return { ...cur, ...patch };
  });
  return { item: await fullView(after, cabin, caller) };
}

/**
 * Round trips: 1 (caller) + 1 (item beside the movement if retried) + 1 (cabin: is its section open) + the
 * transaction (4: start, item, the take beside its movement, commit): 9 requests; crossing the low-stock line adds
 * the keepers' alerts.
 * The stock and its movement are one transaction, as in restock: a take is counted once and recorded once however
 * the call dies or is repeated. Concurrent takes of one item conflict on it and run again (inTransaction), each from
 * the stock the last commit left, so the stock never goes below zero. The movement keeps the stock it left and the
 * restock round, so a retry of a take that crossed the low-stock line still sends the keepers' alert (once, by its key).
 */
export async function take(input: In<'take'>, { identity }: CallContext): Out<'take'> {
  const caller = await loadCaller(identity);
  ensureBorrower(caller);
  const movementId = shortId('tk', caller.memberId, input.requestId);
  const [found, recorded] = await Promise.all([q.findItem(input.itemId), q.findLog(movementId)]);
  const current = ensureSameCommunity(caller, found);
  const cabin = ensureSameCommunity(caller, await q.findCabin(current.cabinId));
  const now = clock().now();
  const owner = ownerOf(input.requestId);
  if (recorded) {
    await alertLow(current, recorded, cabin, owner);
    return { item: toItemSummary(current, cabin, caller.memberId, now, false), taken: -(recorded.delta ?? 0), already: true };
  }
  if (current.kind !== 'consumable') throw new AppError('CABIN.NOT_CONSUMABLE');
  if (current.status === 'retired') throw new AppError('CABIN.RETIRED');
  // The page offers 现在可领 only while the section is open; a take at a closed cabin is refused the same way.
  const closed = closedRefusal(sectionOpenState(cabin, current.sectionKey, now));
  if (closed) throw new AppError(closed.code, closed.fields);
  const name = caller.record?.name ?? '';
  const once = async () => {
    try {
      return await inTransaction(async (tx) => {
        const cur = await t.item(tx, current._id);
        const stock = cur?.stock ?? 0;
        if (!cur || cur.kind !== 'consumable' || cur.status !== 'available' || stock < input.quantity) {
          throw new AppError(stock > 0 && stock < input.quantity ? 'CABIN.NOT_ENOUGH_STOCK' : 'CABIN.OUT_OF_STOCK');
        }
        const after = { ...cur, stock: stock - input.quantity, updatedAt: now };
        const movement = logOf(cur, movementId, 'take', caller, now, { delta: -input.quantity, memberId: caller.memberId, memberName: name, stockAfter: after.stock, round: cur.restocks });
        await Promise.all([t.patchItem(tx, cur._id, { stock: after.stock, updatedAt: now }), t.addLog(tx, movement)]);
        return { item: after, movement, already: false };
      });
    } catch (err) {
      // A racing copy of this request recorded it first: nothing of ours was written.
      const raced = isDuplicateWrite(err) ? await q.findLog(movementId) : null;
      if (!raced) throw err;
      return { item: (await q.findItem(current._id)) ?? current, movement: raced, already: true };
    }
  };
  const done = await once();
  await alertLow(done.item, done.movement, cabin, owner);
  return { item: toItemSummary(done.item, cabin, caller.memberId, now, false), taken: -(done.movement.delta ?? 0), already: done.already };
}

/** The keepers' low-stock alert of a take that crossed the item's line (each keeper once per restock round, by its key). */
async function alertLow(item: ItemDoc, movement: LogDoc, cabin: CabinDoc, owner: string | undefined): Promise<void> {
  if (movement.kind !== 'take' || movement.stockAfter === undefined) return;
  const line = item.lowStockAt ?? 0;
  const before = movement.stockAfter - (movement.delta ?? 0);
  if (item.status !== 'available' || movement.stockAfter > line || before <= line) return;
  const then = { ...item, stock: movement.stockAfter, restocks: movement.round ?? item.restocks };
  await tellLowStock(then, cabin.keeperIds, owner);
}

/** Round trips: 1 (caller) + 2 (item, cabin) + 1 (the page). */
export async function history(input: In<'history'>, { identity }: CallContext): Out<'history'> {
  const caller = await loadCaller(identity);
  const { item: found, cabin } = await itemWithCabin(caller, input.itemId);
  ensureDesk(caller, cabin);
  const { rows, hasMore } = await q.historyPage(found._id, input.page);
  return { items: rows.map((l) => toHistoryView(l, true)), page: input.page, hasMore };
}

/** Round trips: 1 (caller) + 2 (item, cabin), plus one platform call. */
export async function itemCode(input: In<'itemCode'>, { identity }: CallContext): Out<'itemCode'> {
  const caller = await loadCaller(identity);
  const { item: found, cabin } = await itemWithCabin(caller, input.itemId);
  ensureManage(caller, cabin);
  const scene = itemScene(found._id);
  const png = await wechat().miniProgramCode({ scene, page: ITEM_PAGE });
  return { page: ITEM_PAGE, scene, image: `data:image/png;base64,${png.toString('base64')}` };
}

/** Round trips: 1 (caller) + 1 (cabin), plus one platform call. */
export async function shelfCode(input: In<'shelfCode'>, { identity }: CallContext): Out<'shelfCode'> {
  const caller = await loadCaller(identity);
  const cabin = await viewableCabin(caller, input.cabinId);
  ensureManage(caller, cabin);
  ensureSection(cabin, input.sectionKey);
  const scene = shelfScene(cabin._id, input.sectionKey);
  if (scene.length > SCENE_MAX) return { page: HOME_PAGE, scene, image: null };
  const png = await wechat().miniProgramCode({ scene, page: HOME_PAGE });
  return { page: HOME_PAGE, scene, image: `data:image/png;base64,${png.toString('base64')}` };
}
