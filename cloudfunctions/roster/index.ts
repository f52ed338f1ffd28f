import { rosterActions } from '../../src/shared/actions/roster';
import { createFunction } from '../_core/router';

/** The `roster` cloud function. */
export const main = createFunction('roster', rosterActions, {});
