import * as v from 'valibot';
import { action, type ActionMap } from '../action';
import { AUDIT_CHECKS, type AuditReport, type AuditRepairView, type AuditSummaryView } from '../domain/audit';
import { requestIdSchema as requestId } from '../schemas';

const differenceId = v.pipe(v.string('请选择要修正的差异'), v.trim(), v.regex(/^[A-Za-z]+:[^\s]{1,200}$/, '请选择要修正的差异'));
const check = v.picklist(AUDIT_CHECKS, '请选择要修正的核对项');

export const auditActions = {
  /**
   * The committee recomputes every counter of its 居民区 from the records behind it and reads each difference.
   * Nothing is written.
   */
  run: action<AuditReport>()({ input: v.object({}), errors: ['COMMON.FORBIDDEN'] }),

  /**
   * The committee sets a counter (one difference, or every difference of a check) to the value its records give,
   * only where it still holds the value the audit saw, and logs each change. `requestId` comes from the tap: a retry
   * answers the repairs already made.
   */
  repair: action<{ repairs: AuditRepairView[]; remaining: number }>()({
    input: v.pipe(
      v.object({ requestId, differenceId: v.optional(differenceId), check: v.optional(check) }),
      v.forward(
        v.check((i) => (i.differenceId === undefined) !== (i.check === undefined), '请选择一处差异或一个核对项'),
        ['differenceId'],
      ),
    ),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /** The nightly reports: the committee's own 居民区 in full; the street's 居民区 as counts only. */
  reports: action<{ reports: AuditSummaryView[]; latest: AuditReport | null }>()({ input: v.object({}), errors: ['COMMON.FORBIDDEN'] }),
} satisfies ActionMap;
