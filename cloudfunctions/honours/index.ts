import { honoursActions } from '../../src/shared/actions/honours';
import { createFunction } from '../_core/router';

/** The `honours` cloud function. */
export const main = createFunction('honours', honoursActions, {});
