import { talentActions } from '../../src/shared/actions/talent';
import { createFunction } from '../_core/router';

/** The `talent` cloud function. */
export const main = createFunction('talent', talentActions, {});
