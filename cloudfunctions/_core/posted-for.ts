import { AppError } from './errors';
import type { LedgerEntryDoc } from './ledger';

/** What a posting is: whose, from where, for what. */
export type Posting = Pick<LedgerEntryDoc, 'communityId' | 'memberId' | 'source' | 'sourceId'>;

/**
 * Whether `postEntry` created the entry just now. An entry found under the key's id is this posting made before only
 * when it is the same posting (same member, 居民区, source and what it is for); anyone else's entry there would have
 * the member's hours silently dropped as "already posted", so it is refused (LEDGER.ENTRY_TAKEN) and nothing about
 * the member is marked done.
 */
export function postedNow(posted: { entry: LedgerEntryDoc; created: boolean }, expected: Posting): boolean {
  if (posted.created) return true;
  const e = posted.entry;
  const same = e.memberId === expected.memberId && e.communityId === expected.communityId && e.source === expected.source && e.sourceId === expected.sourceId;
  if (!same) throw new AppError('LEDGER.ENTRY_TAKEN');
  return false;
}
