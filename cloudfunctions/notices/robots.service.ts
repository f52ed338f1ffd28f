import { authorize } from '../_core/authorize';
import { loadCaller, type Caller } from '../_core/caller';
import { clock } from '../_core/clock';
import { COLLECTIONS } from '../_core/collections';
import { getDb } from '../_core/db';
import { AppError } from '../_core/errors';
import type { CallContext } from '../_core/router';
import { WECOM_WEBHOOK_PATTERN } from '../../src/shared/actions/notices';
import * as m from './notices.model';
import * as q from './notices.queries';
import type { In, Out } from './notices.types';

/** The committee's WeCom robots, one per grid. The key is a secret: it is stored here and only ever answered masked. */

const robots = () => getDb().collection(COLLECTIONS.wecomRobots);

/** The committee and a grid of their 居民区. Round trips: 1 (caller) + 1 (grids). */
async function committeeGrid(ctx: CallContext, gridId: string): Promise<{ caller: Caller; grid: q.GridName }> {
  const caller = await loadCaller(ctx.identity);
  authorize(caller, 'notices.manageRobots', { communityId: caller.communityId });
  const grid = (await q.gridsOf(caller.communityId!)).find((g) => g._id === gridId);
  if (!grid) throw new AppError('COMMON.NOT_FOUND');
  return { caller, grid };
}

/** Round trips: 1 (caller) + 2 (grids, robots at once). */
export async function list(_input: In<'robots'>, { identity }: CallContext): Out<'robots'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'notices.manageRobots', { communityId: caller.communityId });
  const [grids, res] = await Promise.all([q.gridsOf(caller.communityId!), robots().where({ communityId: caller.communityId }).limit(100).get()]);
  const byGrid = new Map((res.data as m.RobotDoc[]).map((r) => [r.gridId, r]));
  return { items: grids.map((g) => m.toRobotView(g._id, g.name, byGrid.get(g._id))) };
}

/** Round trips: 2 (caller, grids) + 1 (set). A new key starts a fresh rate window. */
export async function set(input: In<'setRobot'>, ctx: CallContext): Out<'setRobot'> {
  const { caller, grid } = await committeeGrid(ctx, input.gridId);
  const key = WECOM_WEBHOOK_PATTERN.exec(input.webhook)?.[1];
  if (!key) throw new AppError('COMMON.INVALID_INPUT', { webhook: '机器人地址不对' });
  const doc: m.RobotDoc = {
    _id: grid._id,
    communityId: caller.communityId!,
    gridId: grid._id,
    key,
    setBy: caller.memberId,
    setByName: caller.record?.name ?? '',
    setAt: clock().now(),
    windowStart: 0,
    windowCount: 0,
    lastError: null,
  };
  const { _id, ...fields } = doc;
  await robots().doc(_id).set(fields);
  return { robot: m.toRobotView(grid._id, grid.name, doc) };
}

/** Round trips: 2 (caller, grids) + 1 (remove). Queued messages for it then fail as "removed". */
export async function remove(input: In<'removeRobot'>, ctx: CallContext): Out<'removeRobot'> {
  const { caller, grid } = await committeeGrid(ctx, input.gridId);
  await robots().where({ _id: grid._id, communityId: caller.communityId }).remove();
  return { robot: m.toRobotView(grid._id, grid.name, undefined) };
}
