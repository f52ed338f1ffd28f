import * as v from 'valibot';
import { action } from '../action';
import type { ActionMap } from '../action';
import type { StreetOverview } from '../domain/street';

export const streetActions = {
  /** Every 居民区 of the admin's 街道 with its counts; no personal details. */
  viewCounts: action<StreetOverview>()({ input: v.object({}), errors: ['COMMON.FORBIDDEN'] }),
} satisfies ActionMap;
