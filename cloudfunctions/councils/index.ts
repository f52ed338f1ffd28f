import { councilsActions } from '../../src/shared/actions/councils';
import { createFunction } from '../_core/router';

/** The `councils` cloud function. */
export const main = createFunction('councils', councilsActions, {});
