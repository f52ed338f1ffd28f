import { gridsActions } from '../../src/shared/actions/grids';
import { createFunction } from '../_core/router';

/** The `grids` cloud function. */
export const main = createFunction('grids', gridsActions, {});
