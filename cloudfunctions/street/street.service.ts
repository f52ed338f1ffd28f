import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { streetActions } from '../../src/shared/actions/street';
import type { CommunityCounts } from '../../src/shared/domain/street';
import { authorize } from '../_core/authorize';
import { loadCaller } from '../_core/caller';
import type { CallContext } from '../_core/router';
import * as q from './street.queries';

type A = typeof streetActions;
type In<K extends keyof A> = ActionParsed<A[K]>;
type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;

/**
 * Round trips: 6 (caller, 居民区, then four in parallel: people counts, council counts, councils, grid counts),
 * whatever the number of 居民区 or residents. Only counts and the names of 居民区 and councils leave the
 * function: the aggregations group before anything is answered, so no person's record is ever read here.
 */
export async function viewCounts(_input: In<'viewCounts'>, { identity }: CallContext): Out<'viewCounts'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'street.viewCounts', { streetId: caller.streetId });
  const streetId = caller.streetId!;
  const communities = await q.communitiesOf(streetId);
  const ids = communities.map((c) => c._id);
  const [people, councilMembers, councils, grids] = ids.length
    ? await Promise.all([q.peopleCounts(ids), q.councilMemberCounts(ids), q.councilsOf(ids), q.gridCounts(ids)])
    : [[], [], [], []];

  const peopleOf = new Map(people.map((p) => [p._id, p]));
  const membersOf = new Map(councilMembers.map((c) => [c._id, c.members]));
  const gridsOf = new Map(grids.map((g) => [g._id, g.grids]));
  const rows: CommunityCounts[] = communities.map((c) => ({
    id: c._id,
    name: c.name,
    residents: peopleOf.get(c._id)?.residents ?? 0,
    members: peopleOf.get(c._id)?.members ?? 0,
    pending: peopleOf.get(c._id)?.pending ?? 0,
    grids: gridsOf.get(c._id) ?? 0,
    councils: councils
      .filter((k) => k.communityId === c._id)
      .map((k) => ({ id: k._id, name: k.name, members: membersOf.get(k._id) ?? 0 })),
  }));
  const sum = (pick: (r: CommunityCounts) => number) => rows.reduce((n, r) => n + pick(r), 0);
  return {
    street: { id: streetId, name: communities[0]?.streetName ?? '' },
    totals: {
      communities: rows.length,
      residents: sum((r) => r.residents),
      members: sum((r) => r.members),
      pending: sum((r) => r.pending),
      grids: sum((r) => r.grids),
    },
    communities: rows,
  };
}
