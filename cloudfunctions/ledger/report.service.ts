import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { ledgerActions } from '../../src/shared/actions/ledger';
import { authorize } from '../_core/authorize';
import { loadCaller } from '../_core/caller';
import type { CallContext } from '../_core/router';
import * as q from './ledger.queries';
import { buildReport, monthBounds } from './report.model';

type A = typeof ledgerActions;
type In<K extends keyof A> = ActionParsed<A[K]>;
type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;

/**
 * Round trips: 2 (caller; then in parallel one aggregate over the month's entries joined with the members' grid and
 * councils, the councils' names, the grids' names). However many members, the cost stays the same.
 */
export async function report(input: In<'report'>, { identity }: CallContext): Out<'report'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'ledger.viewReport', { communityId: caller.communityId });
  const communityId = caller.communityId!;
  const { start, end } = monthBounds(input.month);
  const [members, councils, grids] = await Promise.all([
    q.monthSums(communityId, start, end),
    q.councilNames(communityId),
    q.gridNames(communityId),
  ]);
  return buildReport(input.month, members, councils, grids);
}
