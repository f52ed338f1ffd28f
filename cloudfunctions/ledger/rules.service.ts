import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { ledgerActions } from '../../src/shared/actions/ledger';
import { authorize } from '../_core/authorize';
import { loadCaller } from '../_core/caller';
import { clock } from '../_core/clock';
import { ensurePublishable } from '../_core/content-check';
import { findPeople } from '../_core/council-chairs';
import type { CallContext } from '../_core/router';
import { toRulesView, type RulesDoc } from './ledger.model';
import * as q from './ledger.queries';

type A = typeof ledgerActions;
type In<K extends keyof A> = ActionParsed<A[K]>;
type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;

/** Round trips: 3 (caller; the rules; who last set them). */
export async function rules(_input: In<'rules'>, { identity }: CallContext): Out<'rules'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'ledger.setRules', { communityId: caller.communityId });
  const doc = await q.rulesDoc(caller.communityId!);
  const people = await findPeople(doc ? [doc.updatedBy] : []);
  return toRulesView(q.rulesIn(doc), doc, people);
}

/** Round trips: 2 (caller; one write of the whole settings document). */
export async function setRules(input: In<'setRules'>, { identity }: CallContext): Out<'setRules'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'ledger.setRules', { communityId: caller.communityId });
  // Event type names show in every event form and ledger of the 居民区.
  await ensurePublishable(identity, input.eventTypes.map((t) => t.name));
  const communityId = caller.communityId!;
  const doc: RulesDoc = { _id: communityId, communityId, ...input, updatedBy: caller.memberId, updatedAt: clock().now() };
  await q.saveRules(doc);
  return toRulesView(q.rulesIn(doc), doc, new Map(caller.record ? [[caller.memberId, caller.record]] : []));
}
