import { gridOfBuilding, normalizeBuilding } from '../../src/shared/domain/grid';
import { chairsNow, findPeople as findCouncilPeople, type CouncilDoc } from '../_core/council-chairs';
import type { ReportAssigneeDoc } from './reports.model';
import * as q from './reports.queries';

/**
 * Routing is data: the place's building -> its micro-grid (gridOfBuilding) -> the grid's 微格长 and the building's
 * 双楼长 pair; a grid without any of them, a building of no grid, or a public spot -> the 总格长; no 总格长 -> the
 * committee (who may always act). A category's sub-council does not change who answers first.
 */

export interface Route {
  assignee: ReportAssigneeDoc;
  handlerIds: string[];
  /** The grid of the place (null for a spot or a building of no grid). */
  gridId: string | null;
}

/** What routing reads of a 居民区 (one round trip: three reads side by side). */
export interface RoutingData {
  grids: q.GridRow[];
  chiefId: string | null;
  pair: { groupLeaderMemberId: string | null; partnerMemberId: string | null } | null;
}

export const pairIdOf = (communityId: string, building: string) => `${communityId}:${normalizeBuilding(building)}`;

/** Reads the grids, the chief and the building's pair together. One round trip (three reads in parallel). */
export async function routingData(communityId: string, building: string): Promise<RoutingData> {
  const [grids, chief, pair] = await Promise.all([q.gridsOf(communityId), q.findChief(communityId), building ? q.findPair(pairIdOf(communityId, building)) : Promise.resolve(null)]);
  return { grids, chiefId: chief?.memberId ?? null, pair };
}

const present = (ids: readonly (string | null | undefined)[]): string[] => [...new Set(ids.filter((id): id is string => !!id))];

/** Where a report at `building` ('' for a spot) goes first. */
export function routeOf(data: RoutingData, building: string): Route {
  const gridId = building ? gridOfBuilding(data.grids, building) : null;
  const grid = gridId ? data.grids.find((g) => g._id === gridId) : undefined;
  if (grid) {
    const handlerIds = present([grid.leaderMemberId, data.pair?.groupLeaderMemberId, data.pair?.partnerMemberId]);
    if (handlerIds.length) return { assignee: { kind: 'grid', gridId: grid._id }, handlerIds, gridId: grid._id };
  }
  return { ...fallback(data.chiefId), gridId };
}

/** The 总格长, or the committee when the 居民区 has none. */
export function fallback(chiefId: string | null): Omit<Route, 'gridId'> {
  return chiefId ? { assignee: { kind: 'chief' }, handlerIds: [chiefId] } : { assignee: { kind: 'committee' }, handlerIds: [] };
}

/** Who chairs an active council now (the handler of a report handed to it): one round trip for its rotation's people. */
export async function councilHandlers(council: CouncilDoc, now: Date): Promise<string[]> {
  const order = council.rotation?.order ?? [];
  if (!council.active || order.length === 0) return [];
  const people = await findCouncilPeople(order);
  const chair = chairsNow(council, people, now).current?.chairId;
  return chair ? [chair] : [];
}
