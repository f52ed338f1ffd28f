import { ensureSameCommunity } from '../_core/authorize';
import { loadCaller } from '../_core/caller';
import { clock } from '../_core/clock';
import { AppError } from '../_core/errors';
import type { CallContext } from '../_core/router';
import { ensureManage, viewableCabin } from './access';
import { toSaleView, type SaleDoc } from './cabin.model';
import * as q from './cabin.queries';
import type { In, Out } from './cabin.types';
import { logOf } from './items.service';

/**
 * Round trips: 1 (caller) + 1 (item beside its sale) + 1 (cabin) + 1 (sold, only from the shelf) + 1 (the sale
 * beside its history). The sale's id is the item's, so an item is sold once; the item remembers the request that
 * sold it, so a retry or racing copy of that request records and answers the same sale.
 */
export async function recordSale(input: In<'recordSale'>, { identity }: CallContext): Out<'recordSale'> {
  const caller = await loadCaller(identity);
  const [found, existing] = await Promise.all([q.findItem(input.itemId), q.findSale(input.itemId)]);
  const item = ensureSameCommunity(caller, found);
  ensureManage(caller, ensureSameCommunity(caller, await q.findCabin(item.cabinId)));
  if (existing) {
    if (existing.requestId === input.requestId) return { sale: toSaleView(existing) };
    throw new AppError('CABIN.SOLD');
  }
  if (item.kind !== 'sale') throw new AppError('CABIN.NOT_FOR_SALE');
  if (item.status === 'retired') throw new AppError('CABIN.RETIRED');
  let now = clock().now();
  if (!(await q.updateItemIf(item._id, { kind: 'sale', status: 'available' }, { status: 'sold', saleRequestId: input.requestId, updatedAt: now }))) {
    // Sold already: by a racing copy of this request (or one that crashed before recording it), whose sale this is.
    const fresh = await q.findItem(item._id);
    if (fresh?.saleRequestId !== input.requestId) throw new AppError('CABIN.SOLD');
    now = fresh.updatedAt;
  }
  const doc: SaleDoc = {
    _id: item._id,
    communityId: item.communityId,
    cabinId: item.cabinId,
    itemId: item._id,
    itemName: item.name,
    priceFen: input.priceFen ?? item.priceFen ?? 0,
    note: input.note,
    requestId: input.requestId,
    soldBy: caller.memberId,
    soldByName: caller.record?.name ?? '',
    soldAt: now,
  };
  const [added] = await Promise.all([
    q.insertSale(doc),
    q.insertLog(logOf(item, `${item._id}:sold`, 'sold', caller, now, { note: input.note })),
  ]);
  if (added) return { sale: toSaleView(doc) };
  const raced = (await q.findSale(item._id))!;
  if (raced.requestId !== input.requestId) throw new AppError('CABIN.SOLD');
  return { sale: toSaleView(raced) };
}

/** Round trips: 1 (caller) + 1 (cabin) + 1 (the page). */
export async function sales(input: In<'sales'>, { identity }: CallContext): Out<'sales'> {
  const caller = await loadCaller(identity);
  const cabin = await viewableCabin(caller, input.cabinId);
  ensureManage(caller, cabin);
  const { rows, hasMore } = await q.salesPage(cabin._id, input.page);
  return { items: rows.map(toSaleView), page: input.page, hasMore };
}
