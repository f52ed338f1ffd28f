import { CABIN_ERRORS } from './errors/cabin';
import { CARE_ERRORS } from './errors/care';
import { COMMON_ERRORS } from './errors/common';
import { CHECKIN_ERRORS } from './errors/checkin';
import { COUNCILS_ERRORS } from './errors/councils';
import { EVENTS_ERRORS } from './errors/events';
import { GRIDS_ERRORS } from './errors/grids';
import { HONOURS_ERRORS } from './errors/honours';
import { LEARNING_ERRORS } from './errors/learning';
import { LEDGER_ERRORS } from './errors/ledger';
import { MEMBERS_ERRORS } from './errors/members';
import { NOTICES_ERRORS } from './errors/notices';
import { PARTICIPATION_ERRORS } from './errors/participation';
import { REPORTS_ERRORS } from './errors/reports';
import { ROSTER_ERRORS } from './errors/roster';
import { SHOP_ERRORS } from './errors/shop';
import { STREET_ERRORS } from './errors/street';
import { SURVEYS_ERRORS } from './errors/surveys';
import { TALENT_ERRORS } from './errors/talent';

/**
 * Stable error codes and the Chinese messages residents read, one file per domain under errors/. Codes never
 * change once shipped; messages may be reworded.
 */
export const ERRORS = {
  ...COMMON_ERRORS,
  ...MEMBERS_ERRORS,
  ...COUNCILS_ERRORS,
  ...GRIDS_ERRORS,
  ...TALENT_ERRORS,
  ...ROSTER_ERRORS,
  ...STREET_ERRORS,
  ...LEDGER_ERRORS,
  ...SHOP_ERRORS,
  ...HONOURS_ERRORS,
  ...EVENTS_ERRORS,
  ...CHECKIN_ERRORS,
  ...CABIN_ERRORS,
  ...NOTICES_ERRORS,
  ...REPORTS_ERRORS,
  ...PARTICIPATION_ERRORS,
  ...SURVEYS_ERRORS,
  ...CARE_ERRORS,
  ...LEARNING_ERRORS,
} as const;

export type ErrorCode = keyof typeof ERRORS;

export function errorMessage(code: ErrorCode): string {
  return ERRORS[code];
}
