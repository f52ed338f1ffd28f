import { streetActions } from '../../src/shared/actions/street';
import { createFunction } from '../_core/router';

/** The `street` cloud function. */
export const main = createFunction('street', streetActions, {});
