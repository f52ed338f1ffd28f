import type { AuditCheck, AuditDifference, AuditRecords, AuditValue } from '../../../src/shared/domain/audit';

/** A difference as the service keeps it: with what a repair needs to find and guard its counter. */
export interface Finding extends AuditDifference {
  /** The counter document's collection (its `_id` is `subjectId`). */
  collection: string;
  /** Fields that must still hold these values for a repair to apply (the role at that index, say). */
  guard?: Record<string, string>;
  /** The counter document may be missing (a balance never cached): a repair creates it with these fields. */
  create?: Record<string, unknown>;
}

export interface CheckOutcome {
  /** Counters compared. */
  scanned: number;
  findings: Finding[];
}

export type CheckRunner = (communityId: string) => Promise<CheckOutcome>;

/** `<label>记为 3，按记录应为 5` for each value, in one sentence about `what`. */
export function sentence(what: string, values: AuditValue[], show: (v: AuditValue, n: number) => string = (_v, n) => String(n)): string {
  const parts = values.map((v) => `${v.label}记为 ${show(v, v.recorded)}，按记录应为 ${show(v, v.recomputed)}`);
  return `${what}：${parts.join('；')}。`;
}

export function finding(parts: {
  check: AuditCheck;
  collection: string;
  subjectId: string;
  subjectName: string;
  values: AuditValue[];
  records: AuditRecords[];
  text: string;
  guard?: Record<string, string>;
  create?: Record<string, unknown>;
}): Finding {
  return { id: `${parts.check}:${parts.subjectId}`, ...parts };
}

/** The value at a dotted path of a document, 0 when absent (a counter never moved). */
export function numberAt(doc: unknown, path: string): number {
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return 0;
    cur = (cur as Record<string, unknown>)[part];
  }
  return typeof cur === 'number' ? cur : 0;
}

export function stringAt(doc: unknown, path: string): string | undefined {
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return typeof cur === 'string' ? cur : undefined;
}
