import { visibleSettings, type TalentViewer } from '../../src/shared/domain/talent';
import { COLLECTIONS } from '../_core/collections';
import { command, getDb } from '../_core/db';
import type { CouncilDoc } from '../_core/council-chairs';
import type { TalentDoc } from './talent.model';
import { PAGE_FETCH, pageStart, toPage } from '../_core/paging';

/** Each function here is one database round trip. */

export interface TalentFilter {
  skills: string[];
  interests: string[];
  availability: string[];
  building: string;
  councilId: string;
}

/**
 * One page of a 居民区's second-echelon members matching every filter given. A filter on a field only matches
 * members who let this viewer see that field, so a search never reveals what a card would hide.
 */
export async function searchPage(
  communityId: string,
  filter: TalentFilter,
  viewer: TalentViewer,
  page: number,
): Promise<{ rows: TalentDoc[]; hasMore: boolean }> {
  const _ = command();
  const settings = visibleSettings(viewer);
  const where: Record<string, unknown> = { communityId, 'application.status': 'approved', deletedAt: _.exists(false) };
  for (const field of ['skills', 'interests', 'availability'] as const) {
    if (filter[field].length === 0) continue;
    where[field] = _.in(filter[field]);
    where[`visibility.${field}`] = _.in(settings);
  }
  if (filter.building) where.building = filter.building;
  if (filter.councilId) where.councilIds = filter.councilId;
  const res = await getDb()
    .collection(COLLECTIONS.members)
    .where(where)
    .orderBy('building', 'asc')
    .orderBy('room', 'asc')
    .orderBy('_id', 'asc')
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .field({ name: true, building: true, phone: true, skills: true, interests: true, availability: true, councilIds: true, visibility: true })
    .get();
  return toPage(res.data as TalentDoc[]);
}

/** The active councils of a 居民区 (optionally only these ids), with their rotations. */
export async function activeCouncils(communityId: string, ids?: readonly string[]): Promise<CouncilDoc[]> {
  const _ = command();
  const res = await getDb()
    .collection(COLLECTIONS.councils)
    .where({ communityId, active: true, ...(ids ? { _id: _.in([...ids]) } : {}) })
    .orderBy('order', 'asc')
    .limit(100)
    .get();
  return res.data as CouncilDoc[];
}

/** The buildings of a 居民区's grids, for the building filter. */
export async function gridBuildings(communityId: string): Promise<string[]> {
  const res = await getDb().collection(COLLECTIONS.grids).where({ communityId }).field({ buildings: true }).limit(100).get();
  return (res.data as { buildings?: string[] }[]).flatMap((g) => g.buildings ?? []);
}
