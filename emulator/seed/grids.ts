import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { DEMO_COMMUNITIES, DEMO_GRIDS } from './demo-data';
import type { Ensure } from './seed';

/** Each demo 居民区's micro-grids and their buildings. Answers how many documents were new. */
export async function seedGrids(ensure: Ensure, _now: Date): Promise<number> {
  let added = 0;
  for (const c of DEMO_COMMUNITIES) {
    for (const [order, grid] of DEMO_GRIDS.entries()) {
      const doc = { _id: `${c._id}-${grid.key}`, communityId: c._id, name: grid.name, buildings: [...grid.buildings], order };
      if (await ensure(COLLECTIONS.grids, doc)) added += 1;
    }
  }
  return added;
}
