import type { LedgerEntryView } from '../../src/shared/domain/ledger';
import { findPeople } from '../_core/council-chairs';
import type { LedgerEntryDoc } from '../_core/ledger';
import { toEntryView } from './ledger.model';
import * as q from './ledger.queries';

/** Entries as the app shows them: who posted each (names) and which were corrected since. One round trip (two in parallel). */
export async function viewsOf(rows: readonly LedgerEntryDoc[]): Promise<LedgerEntryView[]> {
  const [people, corrected] = await Promise.all([
    findPeople(rows.map((r) => r.by)),
    q.correctedAmong(rows.filter((r) => !r.reverses).map((r) => r._id)),
  ]);
  return rows.map((r) => toEntryView(r, people, corrected));
}
