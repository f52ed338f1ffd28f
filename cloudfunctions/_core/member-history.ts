import type { HistoryKind, StaffRole } from '../../src/shared/domain/member';
import { COLLECTIONS } from './collections';
import { getDb, isDuplicateWrite } from './db';

/** One line of a member's history (joined, roles held, promotions): written by whichever function changes it. */
export interface HistoryDoc {
  _id: string;
  communityId: string;
  memberId: string;
  kind: HistoryKind;
  at: Date;
  by: string;
  role?: StaffRole;
  note?: string;
}

/** One round trip; the same event recorded twice by a retry is the same entry (its id says what and when). */
export async function addHistory(entry: HistoryDoc): Promise<void> {
  try {
    await getDb().collection(COLLECTIONS.memberHistory).add(entry);
  } catch (err) {
    // The same event recorded twice by a retry is the same entry: keep the first.
    if (!isDuplicateWrite(err)) throw err;
  }
}
