import { halfHoursBetween } from '../../src/shared/rules/hours';
import { monthRange } from '../../src/shared/rules/cabin-hours';
import { loadCaller } from '../_core/caller';
import type { CallContext } from '../_core/router';
import { ensureManage, viewableCabin } from './access';
import * as q from './cabin.queries';
import type { In, Out } from './cabin.types';

/** The report's lists are short: the most borrowed five, every consumable used. */
const TOP = 5;

/** Round trips: 1 (caller) + 1 (cabin) + 1 (loans, returns, stock, donations, sales and shifts side by side) + 1 (units). */
export async function report(input: In<'report'>, { identity }: CallContext): Out<'report'> {
  const caller = await loadCaller(identity);
  const cabin = await viewableCabin(caller, input.cabinId);
  ensureManage(caller, cabin);
  const { start, end } = monthRange(input.month);
  const [loans, returns, taken, donations, sales, shifts] = await Promise.all([
    q.loansPerItem(cabin._id, start, end),
    q.countReturns(cabin._id, start, end),
    q.takenPerItem(cabin._id, start, end),
    q.donationsPerStatus(cabin._id, start, end),
    q.salesTotal(cabin._id, start, end),
    q.shiftsBetween(cabin._id, start, end),
  ]);
  const units = new Map((await q.findItems(taken.map((row) => row._id))).map((i) => [i._id, i.unit ?? '个']));
  const donationCount = (status: string) => donations.find((d) => d._id === status)?.n ?? 0;
  return {
    cabinId: cabin._id,
    month: input.month,
    loans: loans.reduce((sum, row) => sum + row.n, 0),
    returns,
    mostBorrowed: loans.slice(0, TOP).map((row) => ({ itemId: row._id, name: row.name ?? '', loans: row.n })),
    stockUsed: taken.map((row) => ({ itemId: row._id, name: row.name ?? '', taken: row.n, unit: units.get(row._id) ?? '个' })),
    donations: {
      offered: donations.reduce((sum, row) => sum + row.n, 0),
      accepted: donationCount('accepted'),
      declined: donationCount('declined'),
    },
    sales,
    dutyHalfHours: shifts.reduce((sum, s) => sum + halfHoursBetween(s.startAt, s.endAt), 0),
  };
}
