import { authorize } from '../_core/authorize';
import { loadCaller } from '../_core/caller';
import type { CallContext } from '../_core/router';
import { grantSubscriptions as grant, quotaOf } from '../_core/subscriptions';
import type { In, Out } from './members.types';

/** Round trips: 1, then one transaction over the caller's own quota documents. */
export async function grantSubscriptions(input: In<'grantSubscriptions'>, { identity }: CallContext): Out<'grantSubscriptions'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'members.subscribe', { communityId: caller.communityId, memberId: caller.memberId });
  return { quota: await grant(caller.memberId, input.requestId, input.templates) };
}

/** Round trips: 2. */
export async function mySubscriptions(_input: In<'mySubscriptions'>, { identity }: CallContext): Out<'mySubscriptions'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'members.subscribe', { communityId: caller.communityId, memberId: caller.memberId });
  return { quota: await quotaOf(caller.memberId) };
}
