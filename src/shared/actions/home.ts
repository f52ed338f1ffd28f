import * as v from 'valibot';
import { action } from '../action';
import type { ActionMap } from '../action';
import type { HomeToday } from '../domain/home';

export const homeActions = {
  /**
   * What matters today for each role of the caller (首页): counts only, each section scoped to the caller's own
   * records, grids, 居民区 or 街道. A caller without a 居民区 (a newcomer) gets empty sections, never an error.
   */
  today: action<HomeToday>()({ input: v.object({}), errors: [] }),
} satisfies ActionMap;
