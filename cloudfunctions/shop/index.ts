import { shopActions } from '../../src/shared/actions/shop';
import { createFunction } from '../_core/router';

/** The `shop` cloud function. */
export const main = createFunction('shop', shopActions, {});
