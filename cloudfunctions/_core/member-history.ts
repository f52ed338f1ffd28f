import type { HistoryKind, StaffRole } from '../../src/shared/domain/member';
import { COLLECTIONS } from './collections';
import { getDb, isDuplicateWrite } from './db';
import { inTransaction } from './transaction';

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

/** A record written beside a member change: a history line, a proxy-log entry. Set by its deterministic `_id`. */
export interface ChangeLine {
  coll: string;
  doc: { _id: string };
}

/** What to write, decided on the record as the transaction reads it: a new record, or a patch of the existing one. */
export type MemberChange = ({ create: { _id: string } } | { patch: Record<string, unknown> }) & { lines: ChangeLine[] };

/**
 * Changes one member record and writes the lines that say so, in one transaction (one write point). Why: the lines
 * are written because the change happened; as separate writes, a call that died between them left the change, and
 * its retry, finding the change already made, never wrote the lines (a lost history entry, found by the crash
 * matrix). `decide` sees the record on the transaction's snapshot and answers null to write nothing (its guard did
 * not hold); a racing change to the same record is a conflict, retried on the new state, so two racing calls still
 * decide once. Answers whether it wrote. Round trips: 4 + lines (start, read, write, lines, commit).
 */
export async function changeMember(memberId: string, decide: (current: Record<string, unknown> | null) => MemberChange | null): Promise<boolean> {
  return inTransaction(async (tx) => {
    const ref = tx.collection(COLLECTIONS.members).doc(memberId);
    const current = ((await ref.get()).data as Record<string, unknown> | null) ?? null;
    const change = decide(current);
    if (!change) return false;
    if ('create' in change) {
      const { _id: ignored, ...fields } = change.create;
      void ignored;
      await ref.set(fields);
    } else {
      await ref.update(change.patch);
    }
    for (const line of change.lines) {
      const { _id, ...fields } = line.doc;
      await tx.collection(line.coll).doc(_id).set(fields);
    }
    return true;
  });
}

/** A history line as a ChangeLine. */
export function historyLine(entry: HistoryDoc): ChangeLine {
  return { coll: COLLECTIONS.memberHistory, doc: { ...entry } };
}
