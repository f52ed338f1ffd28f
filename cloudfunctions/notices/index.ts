import { noticesActions } from '../../src/shared/actions/notices';
import { createFunction } from '../_core/router';

/** The `notices` cloud function. */
export const main = createFunction('notices', noticesActions, {});
