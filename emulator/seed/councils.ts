import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { DEFAULT_COUNCILS, DEMO_COMMUNITIES } from './demo-data';
import type { Ensure } from './seed';

/** Each demo 居民区's 总会 and five 分会. Answers how many documents were new. */
export async function seedCouncils(ensure: Ensure, _now: Date): Promise<number> {
  let added = 0;
  for (const c of DEMO_COMMUNITIES) {
    for (const [order, council] of DEFAULT_COUNCILS.entries()) {
      const doc = { _id: `${c._id}-${council.key}`, communityId: c._id, name: council.name, kind: council.kind, order, active: true };
      if (await ensure(COLLECTIONS.councils, doc)) added += 1;
    }
  }
  return added;
}
