import { auditActions } from '../../src/shared/actions/audit';
import { createFunction } from '../_core/router';
import * as service from './audit.service';

/** The `audit` cloud function: every counter recomputed from its records, reported and repaired (docs/audit.md). */
export const main = createFunction(
  'audit',
  auditActions,
  {
    run: service.run,
    repair: service.repair,
    reports: service.reports,
  },
  { 'audit-nightly': service.nightly },
);
