import { COLLECTIONS } from '../../../../cloudfunctions/_core/collections';
import { cloneValue } from '../../../../emulator/store';
import { scenario, type CrashScenario } from '../../../support/crash-matrix';
import type { Harness } from '../../../support/harness';

/**
 * audit.repair is a chain of small transactions (one per counter, each with its log entry, keyed by the request id
 * and the difference), and the nightly audit stores one report per 居民区 and day: crashed after any write and
 * retried, each ends exactly as a clean run.
 */

const COMMUNITY = 'cm-baiyu1';

/** Queue counts of the first `n` loanable items set wrong, as a crash between a hold and its increment leaves them. */
function driftWaiting(h: Harness, n: number): void {
  const items = h.store.list(COLLECTIONS.cabinItems).filter((i) => i.communityId === COMMUNITY && i.kind === 'loanable').slice(0, n);
  for (const item of items) h.store.commit([{ op: 'put', coll: COLLECTIONS.cabinItems, doc: { ...cloneValue(item), waiting: 6 } }]);
}

export const scenarios: CrashScenario[] = [
  scenario({
    name: 'audit.repair (every difference of a check)',
    fn: 'audit',
    action: 'repair',
    caller: 'committee',
    setup: async (h) => driftWaiting(h, 3),
    payload: () => ({ requestId: 'crash-audit-check-0001', check: 'cabinWaiting' }),
  }),
  scenario({
    name: 'audit.repair (a missing balance created)',
    fn: 'audit',
    action: 'repair',
    caller: 'committee',
    setup: async (h) => {
      const balance = h.store.list(COLLECTIONS.ledgerBalances).find((b) => b.communityId === COMMUNITY && (b.entries as number) > 0)!;
      h.store.commit([{ op: 'del', coll: COLLECTIONS.ledgerBalances, id: balance._id }]);
      return { differenceId: `ledger:${balance._id as string}` };
    },
    payload: (ctx: { differenceId: string }) => ({ requestId: 'crash-audit-diff-0001', differenceId: ctx.differenceId }),
  }),
  scenario({
    name: 'audit-nightly (a report per 居民区)',
    fn: 'audit',
    timer: 'audit-nightly',
    setup: async (h) => driftWaiting(h, 1),
  }),
];
