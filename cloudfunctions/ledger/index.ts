import { ledgerActions } from '../../src/shared/actions/ledger';
import { createFunction } from '../_core/router';

/** The `ledger` cloud function. */
export const main = createFunction('ledger', ledgerActions, {});
