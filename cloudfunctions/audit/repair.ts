import { createHash } from 'crypto';
import type { AuditCheck, AuditRepairView } from '../../src/shared/domain/audit';
import { COLLECTIONS } from '../_core/collections';
import { getDb } from '../_core/db';
import { inTransaction } from '../_core/transaction';
import { numberAt, stringAt, type Finding } from './checks/finding';

/** `audit_repairs`: one counter the audit set (or found moved and left alone), under the request that asked. */
export interface RepairDoc {
  _id: string;
  communityId: string;
  requestId: string;
  differenceId: string;
  check: AuditCheck;
  collection: string;
  subjectId: string;
  subjectName: string;
  outcome: AuditRepairView['outcome'];
  /** Per field (a path such as `roles.0.taken`, kept as a value: a stored key cannot hold a dot). */
  values: { field: string; before: number; after: number }[];
  /** Records the recomputed value was counted from. */
  records: number;
  by: string;
  byName: string;
  at: Date;
}

export const repairIdOf = (requestId: string, differenceId: string): string =>
  `rp-${createHash('sha256').update(`${requestId}|${differenceId}`).digest('hex').slice(0, 32)}`;

export interface RepairBy {
  communityId: string;
  requestId: string;
  memberId: string;
  name: string;
  now: Date;
}

/**
 * Sets one counter to its recomputed value, in one transaction with its log entry (so a crash leaves both or
 * neither), and only where the counter still holds the value the audit saw: a sign-up or a take that moved it since
 * is not erased (the entry says `changed`, and the next run shows what is left). A retry of the same request finds
 * its log entry and changes nothing. Round trips: 1 (start) + 2 (log, counter) + 2 (update, log) + commit.
 */
export function repairFinding(f: Finding, by: RepairBy): Promise<RepairDoc> {
  const logId = repairIdOf(by.requestId, f.id);
  return inTransaction(async (tx) => {
    const logged = (await tx.collection(COLLECTIONS.auditRepairs).doc(logId).get()).data as RepairDoc | null;
    if (logged) return logged;
    const ref = tx.collection(f.collection).doc(f.subjectId);
    const doc = (await ref.get()).data as Record<string, unknown> | null;
    const before = Object.fromEntries(f.values.map((v) => [v.field, numberAt(doc, v.field)]));
    const unchanged =
      f.values.every((v) => before[v.field] === v.recorded) &&
      Object.entries(f.guard ?? {}).every(([path, value]) => stringAt(doc, path) === value) &&
      (doc !== null || f.create !== undefined);
    const after = Object.fromEntries(f.values.map((v) => [v.field, unchanged ? v.recomputed : before[v.field]!]));
    if (unchanged && doc) await ref.update(after);
    else if (unchanged) await ref.set({ ...f.create, ...after, updatedAt: by.now });
    const log: RepairDoc = {
      _id: logId,
      communityId: by.communityId,
      requestId: by.requestId,
      differenceId: f.id,
      check: f.check,
      collection: f.collection,
      subjectId: f.subjectId,
      subjectName: f.subjectName,
      outcome: unchanged ? 'repaired' : 'changed',
      values: f.values.map((v) => ({ field: v.field, before: before[v.field]!, after: after[v.field]! })),
      records: f.records.reduce((n, r) => n + r.count, 0),
      by: by.memberId,
      byName: by.name,
      at: by.now,
    };
    await tx.collection(COLLECTIONS.auditRepairs).add(log);
    return log;
  });
}

/** The repairs one request made, so a retried tap answers the same list. One round trip. */
export async function repairsOf(communityId: string, requestId: string): Promise<RepairDoc[]> {
  const res = await getDb().collection(COLLECTIONS.auditRepairs).where({ communityId, requestId }).limit(1000).get();
  return (res.data as RepairDoc[]).sort((a, b) => a.differenceId.localeCompare(b.differenceId));
}

export function toRepairView(doc: RepairDoc): AuditRepairView {
  return {
    differenceId: doc.differenceId,
    check: doc.check,
    subjectName: doc.subjectName,
    outcome: doc.outcome,
    before: Object.fromEntries(doc.values.map((v) => [v.field, v.before])),
    after: Object.fromEntries(doc.values.map((v) => [v.field, v.after])),
    records: doc.records,
    at: new Date(doc.at).toISOString(),
  };
}
