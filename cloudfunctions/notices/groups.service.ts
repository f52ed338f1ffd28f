import { authorize, can, ensureSameCommunity } from '../_core/authorize';
import { loadCaller, type Caller } from '../_core/caller';
import { clock } from '../_core/clock';
import { COLLECTIONS } from '../_core/collections';
import { ensurePublishable } from '../_core/content-check';
import { command, getDb, insertOnce } from '../_core/db';
import { AppError } from '../_core/errors';
import { PAGE_FETCH, pageStart, toPage } from '../_core/paging';
import type { CallContext } from '../_core/router';
import { opengidFrom } from './access';
import * as m from './notices.model';
import * as q from './notices.queries';
import type { In, Out } from './notices.types';

/** WeChat groups bound to a grid: the opengid comes only from the platform's open data of the call. */

const groups = () => getDb().collection(COLLECTIONS.noticeGroups);

/** A grid of the caller's 居民区 they may bind groups for (another 居民区's id answers NOT_FOUND). */
function ensureGridScope(caller: Caller, gridId: string, grids: q.GridName[]): q.GridName {
  const grid = grids.find((g) => g._id === gridId);
  if (!grid) throw new AppError('COMMON.NOT_FOUND');
  authorize(caller, 'notices.bindGroup', { communityId: caller.communityId, gridId });
  return grid;
}

/** A bound group of the caller's 居民区 they may manage, with its grid's name. Round trips: 1 (caller, group, grids at once). */
async function managedGroup(ctx: CallContext, groupId: string): Promise<{ caller: Caller; group: m.GroupDoc; gridName: string }> {
  const caller = await loadCaller(ctx.identity);
  const [found, grids] = await Promise.all([q.byId<m.GroupDoc>(COLLECTIONS.noticeGroups, groupId), q.gridsOf(caller.communityId ?? '')]);
  const group = ensureSameCommunity(caller, found);
  const grid = ensureGridScope(caller, group.gridId, grids);
  return { caller, group, gridName: grid.name };
}

/** Round trips: 1 (caller) + 2 (grids, the page). */
export async function list(input: In<'groups'>, { identity }: CallContext): Out<'groups'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'notices.view', { communityId: caller.communityId });
  const communityId = caller.communityId!;
  const all = can(caller, 'notices.bindGroup', { communityId });
  const grids = await q.gridsOf(communityId);
  if (input.gridId) ensureGridScope(caller, input.gridId, grids);
  else if (!all && caller.gridIds.length === 0) throw new AppError('COMMON.FORBIDDEN');
  const gridIds = input.gridId ? [input.gridId] : all ? null : caller.gridIds;
  const res = await groups()
    .where({ communityId, ...(gridIds ? { gridId: command().in(gridIds) } : {}) })
    .orderBy('gridId', 'asc')
    .orderBy('boundAt', 'asc')
    .skip(pageStart(input.page))
    .limit(PAGE_FETCH)
    .get();
  const { rows, hasMore } = toPage(res.data as m.GroupDoc[]);
  const names = new Map(grids.map((g) => [g._id, g.name]));
  return { items: rows.map((g) => m.toGroupView(g, names.get(g.gridId) ?? '')), page: input.page, hasMore };
}

/** Round trips: 1 (caller, group at once) + 1 (grids) when bound in the caller's 居民区. */
export async function which(_input: In<'whichGroup'>, { identity, event }: CallContext): Out<'whichGroup'> {
  const opengid = await opengidFrom(event, identity);
  if (!opengid) throw new AppError('NOTICES.NO_GROUP');
  const [caller, group] = await Promise.all([loadCaller(identity), q.byId<m.GroupDoc>(COLLECTIONS.noticeGroups, m.groupIdOf(opengid))]);
  authorize(caller, 'notices.view', { communityId: caller.communityId });
  if (!group || group.communityId !== caller.communityId) return { group: null };
  const grids = await q.gridsOf(group.communityId);
  return { group: m.toGroupView(group, grids.find((g) => g._id === group.gridId)?.name ?? '') };
}

/**
 * Binds the group the call came from to a grid: one group, one grid (`_id` from the opengid, so two leaders
 * binding it at once leave one binding). Binding it again to the same grid renames it.
 * Round trips: 1 (caller) + 1 (grids) + 1 (insert), +1-2 when it was bound already.
 */
export async function bind(input: In<'bindGroup'>, { identity, event }: CallContext): Out<'bindGroup'> {
  const opengid = await opengidFrom(event, identity);
  if (!opengid) throw new AppError('NOTICES.NO_GROUP');
  const caller = await loadCaller(identity);
  authorize(caller, 'notices.view', { communityId: caller.communityId });
  const grid = ensureGridScope(caller, input.gridId, await q.gridsOf(caller.communityId!));
  await ensurePublishable(identity, [input.name]);
  const now = clock().now();
  const doc: m.GroupDoc = {
    _id: m.groupIdOf(opengid),
    communityId: caller.communityId!,
    gridId: grid._id,
    opengid,
    name: input.name,
    boundBy: caller.memberId,
    boundByName: caller.record?.name ?? '',
    boundAt: now,
  };
  if (await insertOnce(COLLECTIONS.noticeGroups, doc)) return { group: m.toGroupView(doc, grid.name) };
  const current = await q.byId<m.GroupDoc>(COLLECTIONS.noticeGroups, doc._id);
  if (!current || current.communityId !== doc.communityId || current.gridId !== doc.gridId) throw new AppError('NOTICES.GROUP_BOUND_ELSEWHERE');
  if (current.name !== input.name) await q.updateIf(COLLECTIONS.noticeGroups, doc._id, { gridId: doc.gridId }, { name: input.name });
  return { group: m.toGroupView({ ...current, name: input.name }, grid.name) };
}

/** Round trips: 2 (caller; group and grids) + 1 (the change). */
export async function rename(input: In<'renameGroup'>, ctx: CallContext): Out<'renameGroup'> {
  const { group, gridName } = await managedGroup(ctx, input.groupId);
  await ensurePublishable(ctx.identity, [input.name]);
  await q.updateIf(COLLECTIONS.noticeGroups, group._id, { communityId: group.communityId }, { name: input.name });
  return { group: m.toGroupView({ ...group, name: input.name }, gridName) };
}

/** Round trips: 2 (caller; group and grids) + 1 (remove). Receipts already recorded in the group stay. */
export async function unbind(input: In<'unbindGroup'>, ctx: CallContext): Out<'unbindGroup'> {
  const { group } = await managedGroup(ctx, input.groupId);
  return { removed: await q.removeIf(COLLECTIONS.noticeGroups, group._id, { communityId: group.communityId }) };
}
