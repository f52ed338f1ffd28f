import { streetActions } from '../../src/shared/actions/street';
import { createFunction } from '../_core/router';
import * as service from './street.service';

/** The `street` cloud function: the 街道 admin's overview of every 居民区, counts only. */
export const main = createFunction('street', streetActions, {
  viewCounts: service.viewCounts,
});
