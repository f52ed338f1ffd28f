import { callCloud } from '@/services/cloud';
import type { AuditCheck } from '@shared/domain/audit';

/** The audit function's actions, as the 账目核对 page uses them. */
export const auditApi = {
  run: () => callCloud('audit', 'run', {}),
  repairDifference: (requestId: string, differenceId: string) => callCloud('audit', 'repair', { requestId, differenceId }),
  repairCheck: (requestId: string, check: AuditCheck) => callCloud('audit', 'repair', { requestId, check }),
};

export { newRequestId } from '@/services/request-id';
