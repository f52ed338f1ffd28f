import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { talentActions } from '../../src/shared/actions/talent';
import type { TalentViewer } from '../../src/shared/domain/talent';
import { authorize } from '../_core/authorize';
import { loadCaller, type Caller } from '../_core/caller';
import type { Identity } from '../_core/identity';
import type { CallContext } from '../_core/router';
import { withChairs } from '../_core/council-chairs';
import { toTalentCard } from './talent.model';
import * as q from './talent.queries';

type A = typeof talentActions;
type In<K extends keyof A> = ActionParsed<A[K]>;
type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;

/** Committee and grid leaders need nothing more than their record; a member may be a council's chair now. */
async function searcher(identity: Identity): Promise<{ caller: Caller; viewer: TalentViewer }> {
  let caller = await loadCaller(identity);
  const leader = caller.roles.includes('committee') || caller.roles.includes('grid_leader');
  if (!leader && caller.communityId && caller.roles.includes('member') && caller.record?.councilIds.length) {
    caller = await withChairs(caller, await q.activeCouncils(caller.communityId, caller.record.councilIds));
  }
  authorize(caller, 'talent.search', { communityId: caller.communityId });
  return { caller, viewer: caller.roles.includes('committee') ? 'committee' : 'leader' };
}

/** Round trips: 2 for the committee and grid leaders (caller; the page), 4 for a council chair (+ councils, + rotation people). */
export async function search(input: In<'search'>, { identity }: CallContext): Out<'search'> {
  const { caller, viewer } = await searcher(identity);
  const { page, ...filter } = input;
  const { rows, hasMore } = await q.searchPage(caller.communityId!, filter, viewer, page);
  return { items: rows.map((row) => toTalentCard(row, viewer)), page, hasMore };
}

/** Round trips: 2-4 (caller; councils and grids in parallel; + rotation people for a chair). */
export async function options(_input: In<'options'>, { identity }: CallContext): Out<'options'> {
  let caller = await loadCaller(identity);
  const communityId = caller.communityId;
  const [councils, buildings] = communityId
    ? await Promise.all([q.activeCouncils(communityId), q.gridBuildings(communityId)])
    : [[], []];
  if (!caller.roles.includes('committee') && !caller.roles.includes('grid_leader')) {
    caller = await withChairs(caller, councils.filter((c) => caller.record?.councilIds.includes(c._id)));
  }
  authorize(caller, 'talent.search', { communityId });
  return {
    viewer: caller.roles.includes('committee') ? 'committee' : 'leader',
    councils: councils.map((c) => ({ id: c._id, name: c.name })),
    buildings,
  };
}
