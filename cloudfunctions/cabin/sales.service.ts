import { ensureSameCommunity } from '../_core/authorize';
import { loadCaller } from '../_core/caller';
import { clock } from '../_core/clock';
import { AppError } from '../_core/errors';
import type { CallContext } from '../_core/router';
import { inTransaction } from '../_core/transaction';
import { ensureManage, viewableCabin } from './access';
import { toSaleView, type SaleDoc } from './cabin.model';
import * as q from './cabin.queries';
import * as t from './cabin.tx';
import type { In, Out } from './cabin.types';
import { logOf } from './items.service';

/**
 * Round trips: 1 (caller) + 1 (item beside its sale) + 1 (cabin) + the transaction (4: start, item beside the sale,
 * the item sold beside the sale and its history line, commit).
 * One transaction: the item sold, the sale and its history line land together. The sale's id is the item's, so an
 * item is sold once; the sale remembers the request, so a retry or racing copy of that request answers the same sale.
 */
export async function recordSale(input: In<'recordSale'>, { identity }: CallContext): Out<'recordSale'> {
  const caller = await loadCaller(identity);
  const [found, existing] = await Promise.all([q.findItem(input.itemId), q.findSale(input.itemId)]);
  const item = ensureSameCommunity(caller, found);
  ensureManage(caller, ensureSameCommunity(caller, await q.findCabin(item.cabinId)));
  const answer = (sale: SaleDoc) => {
    if (sale.requestId !== input.requestId) throw new AppError('CABIN.SOLD');
    return { sale: toSaleView(sale) };
  };
  if (existing) return answer(existing);
  const now = clock().now();
  const sold = await inTransaction(async (tx) => {
    const [cur, sale] = await Promise.all([t.item(tx, item._id), t.at<SaleDoc>(tx, 'cabinSales', item._id)]);
    if (sale) return sale;
    if (!cur) throw new AppError('COMMON.NOT_FOUND');
    if (cur.kind !== 'sale') throw new AppError('CABIN.NOT_FOR_SALE');
    if (cur.status === 'retired') throw new AppError('CABIN.RETIRED');
    if (cur.status !== 'available') throw new AppError('CABIN.SOLD');
    const doc: SaleDoc = {
      _id: cur._id,
      communityId: cur.communityId,
      cabinId: cur.cabinId,
      itemId: cur._id,
      itemName: cur.name,
      priceFen: input.priceFen ?? cur.priceFen ?? 0,
      note: input.note,
      requestId: input.requestId,
      soldBy: caller.memberId,
      soldByName: caller.record?.name ?? '',
      soldAt: now,
    };
    await Promise.all([
      t.patchItem(tx, cur._id, { status: 'sold', saleRequestId: input.requestId, updatedAt: now }),
      t.putIn(tx, 'cabinSales', doc),
      t.putLog(tx, logOf(cur, `${cur._id}:sold`, 'sold', caller, now, { note: input.note })),
    ]);
    return doc;
  });
  return answer(sold);
}

/** Round trips: 1 (caller) + 1 (cabin) + 1 (the page). */
export async function sales(input: In<'sales'>, { identity }: CallContext): Out<'sales'> {
  const caller = await loadCaller(identity);
  const cabin = await viewableCabin(caller, input.cabinId);
  ensureManage(caller, cabin);
  const { rows, hasMore } = await q.salesPage(cabin._id, input.page);
  return { items: rows.map(toSaleView), page: input.page, hasMore };
}
