import { cabinActions } from '../../src/shared/actions/cabin';
import { createFunction } from '../_core/router';

/** The `cabin` cloud function. */
export const main = createFunction('cabin', cabinActions, {});
