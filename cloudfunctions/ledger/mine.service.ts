import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { ledgerActions } from '../../src/shared/actions/ledger';
import { inShanghai } from '../../src/shared/time';
import { authorize } from '../_core/authorize';
import { loadCaller } from '../_core/caller';
import { clock } from '../_core/clock';
import { balanceOf } from '../_core/ledger';
import type { CallContext } from '../_core/router';
import { viewsOf } from './entries';
import * as q from './ledger.queries';

type A = typeof ledgerActions;
type In<K extends keyof A> = ActionParsed<A[K]>;
type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;

/** Months the summary covers: this one and the eleven before it. */
const SUMMARY_MONTHS = 12;

/** Round trips: 3 (caller; the page and the balance in parallel; names and corrections in parallel). */
export async function myLedger(input: In<'myLedger'>, { identity }: CallContext): Out<'myLedger'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'ledger.viewOwn', { memberId: caller.memberId, communityId: caller.communityId });
  const [{ rows, hasMore }, totals] = await Promise.all([q.entriesPage(caller.memberId, input.page), balanceOf(caller.memberId)]);
  return { items: await viewsOf(rows), page: input.page, hasMore, totals };
}

/** Round trips: 2 (caller; one aggregate by Shanghai month). */
export async function mySummary(_input: In<'mySummary'>, { identity }: CallContext): Out<'mySummary'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'ledger.viewOwn', { memberId: caller.memberId, communityId: caller.communityId });
  const since = inShanghai(clock().now()).startOf('month').subtract(SUMMARY_MONTHS - 1, 'month').toDate();
  return { months: await q.monthlyTotals(caller.memberId, since) };
}
