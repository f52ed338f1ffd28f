import { loadCaller, type Caller } from '../_core/caller';
import type { Identity } from '../_core/identity';
import * as q from './learning.queries';
import type { Place } from './learning.views';

/**
 * The caller and where they stand: a resident's 居民区 and, from it, the 街道 (the member record does not carry it);
 * a 街道 admin's 街道 from their record. Round trips: 2 (the caller; their 居民区), 1 for a 街道 admin without one.
 */
export async function loadPlace(identity: Identity): Promise<Place> {
  return placeOf(await loadCaller(identity));
}

/** Where a loaded caller stands: one round trip (their 居民区), none for a 街道 admin without one. */
export async function placeOf(caller: Caller): Promise<Place> {
  const community = caller.communityId ? await q.findCommunity(caller.communityId) : null;
  return {
    caller,
    communityId: community ? community._id : null,
    communityName: community?.name ?? '',
    streetId: community?.streetId ?? caller.streetId ?? null,
    streetName: community?.streetName ?? '',
  };
}
