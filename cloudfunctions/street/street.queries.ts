import { COLLECTIONS } from '../_core/collections';
import { command, getDb } from '../_core/db';

/** Each function here is one database round trip. Aggregations end in limit(): CloudBase answers 20 groups otherwise. */

const MAX = 1000;

export interface CommunityRow {
  _id: string;
  name: string;
  streetName: string;
  order: number;
}

export async function communitiesOf(streetId: string): Promise<CommunityRow[]> {
  const res = await getDb()
    .collection(COLLECTIONS.communities)
    .where({ streetId })
    .field({ name: true, streetName: true, order: true })
    .orderBy('order', 'asc')
    .limit(MAX)
    .get();
  return res.data as CommunityRow[];
}

export interface PeopleCounts {
  _id: string;
  residents: number;
  members: number;
  pending: number;
}

const live = () => ({ deletedAt: command().exists(false) });

/** Per 居民区: people on record, approved members, pending applications (deleted accounts not counted). */
export async function peopleCounts(communityIds: readonly string[]): Promise<PeopleCounts[]> {
  const db = getDb();
  const $ = db.command.aggregate;
  const when = (status: string) => $.sum($.cond({ if: $.eq(['$application.status', status]), then: 1, else: 0 }));
  const res = await db
    .collection(COLLECTIONS.members)
    .aggregate()
    .match({ communityId: command().in([...communityIds]), ...live() })
    .group({ _id: '$communityId', residents: $.sum(1), members: when('approved'), pending: when('pending') })
    .limit(MAX)
    .end();
  return res.data as PeopleCounts[];
}

/** Approved members per council they joined. */
export async function councilMemberCounts(communityIds: readonly string[]): Promise<{ _id: string; members: number }[]> {
  const db = getDb();
  const $ = db.command.aggregate;
  const res = await db
    .collection(COLLECTIONS.members)
    .aggregate()
    .match({ communityId: command().in([...communityIds]), 'application.status': 'approved', ...live() })
    .unwind('$councilIds')
    .group({ _id: '$councilIds', members: $.sum(1) })
    .limit(MAX * 10)
    .end();
  return res.data as { _id: string; members: number }[];
}

export interface CouncilRow {
  _id: string;
  communityId: string;
  name: string;
  order: number;
}

/** The councils still running (a retired one has `active: false`). */
export async function councilsOf(communityIds: readonly string[]): Promise<CouncilRow[]> {
  const res = await getDb()
    .collection(COLLECTIONS.councils)
    .where({ communityId: command().in([...communityIds]), active: command().neq(false) })
    .field({ communityId: true, name: true, order: true })
    .orderBy('order', 'asc')
    .limit(MAX)
    .get();
  return res.data as CouncilRow[];
}

export async function gridCounts(communityIds: readonly string[]): Promise<{ _id: string; grids: number }[]> {
  const db = getDb();
  const $ = db.command.aggregate;
  const res = await db
    .collection(COLLECTIONS.grids)
    .aggregate()
    .match({ communityId: command().in([...communityIds]) })
    .group({ _id: '$communityId', grids: $.sum(1) })
    .limit(MAX)
    .end();
  return res.data as { _id: string; grids: number }[];
}
