import type { AuditCheck } from '../../../src/shared/domain/audit';
import { cabinStockCheck, cabinWaitingCheck } from './cabin';
import { careMissedInRowCheck } from './care';
import { courseAttemptsCheck } from './course-attempts';
import { eventPlacesCheck } from './event-places';
import type { CheckRunner } from './finding';
import { ledgerCheck } from './ledger';
import { projectFollowersCheck, proposalSupportsCheck } from './participation';
import { shopStockCheck } from './shop-stock';
import { surveyTalliesCheck } from './survey-tallies';

/** Every check, in the order the report lists them (AUDIT_CHECKS). */
export const CHECKS: Record<AuditCheck, CheckRunner> = {
  ledger: ledgerCheck,
  eventPlaces: eventPlacesCheck,
  cabinStock: cabinStockCheck,
  cabinWaiting: cabinWaitingCheck,
  shopStock: shopStockCheck,
  proposalSupports: proposalSupportsCheck,
  projectFollowers: projectFollowersCheck,
  surveyTallies: surveyTalliesCheck,
  careMissedInRow: careMissedInRowCheck,
  courseAttempts: courseAttemptsCheck,
};
