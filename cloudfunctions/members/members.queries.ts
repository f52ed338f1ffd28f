import type { ApplicationStatus } from '../../src/shared/domain/member';
import type { HistoryDoc } from '../_core/member-history';
import type { ProxyLogDoc } from '../_core/proxy-log';
import { COLLECTIONS } from '../_core/collections';
import { getDb, insertOnce } from '../_core/db';
import type { MemberDoc } from '../_core/member-record';
import type { CommunityDoc } from './members.model';
import type { ReportDoc } from '../reports/reports.model';
import { PAGE_FETCH, pageStart, toPage } from '../_core/paging';

export { findMember } from '../_core/member-record';
export { addHistory, type HistoryDoc } from '../_core/member-history';

/** Each function here is one database round trip, except where its comment says otherwise. */

const members = () => getDb().collection(COLLECTIONS.members);
const communities = () => getDb().collection(COLLECTIONS.communities);

/** Inserts under a deterministic `_id`; false when a racing or retried call inserted it first. */
export async function insertMember(doc: MemberDoc): Promise<boolean> {
  return insertOnce(COLLECTIONS.members, doc);
}

/**
 * A conditional update of one member: `guard` is matched together with the `_id`, so the write happens only
 * while the guard holds. Answers whether it did.
 */
export async function updateMemberIf(
  id: string,
  guard: Record<string, unknown>,
  patch: Record<string, unknown>,
): Promise<boolean> {
  const res = await members()
    .where({ _id: id, ...guard })
    .update(patch);
  return res.updated === 1;
}

export async function listCommunities(): Promise<CommunityDoc[]> {
  const res = await communities().orderBy('order', 'asc').limit(1000).get();
  return res.data as CommunityDoc[];
}

export async function findCommunity(id: string): Promise<CommunityDoc | null> {
  const res = await communities().doc(id).get();
  return (res.data?.[0] as CommunityDoc | undefined) ?? null;
}

/** One page of a 居民区's applications, newest first; fetches one extra row to know whether more follow. */
export async function listApplicationsPage(
  communityId: string,
  status: Exclude<ApplicationStatus, 'none'>,
  page: number,
): Promise<{ rows: MemberDoc[]; hasMore: boolean }> {
  const sortField = status === 'pending' ? 'application.submittedAt' : 'application.reviewedAt';
  const res = await members()
    .where({ communityId, 'application.status': status })
    .orderBy(sortField, 'desc')
    .orderBy('_id', 'asc')
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .get();
  return toPage(res.data as MemberDoc[]);
}


/** The micro-grid that lists `building` (array match): one round trip. */
export async function findGridIdOfBuilding(communityId: string, building: string): Promise<string | null> {
  const res = await getDb().collection(COLLECTIONS.grids).where({ communityId, buildings: building }).limit(1).get();
  return (res.data?.[0] as { _id: string } | undefined)?._id ?? null;
}


/** A member's history, oldest first (a member's lifetime of entries stays well under the cap). */
export async function listHistory(memberId: string): Promise<HistoryDoc[]> {
  const res = await getDb().collection(COLLECTIONS.memberHistory).where({ memberId }).orderBy('at', 'asc').limit(1000).get();
  return res.data as HistoryDoc[];
}

/** Proxy actions, newest first, one page: where `subjectId` is given, only those about that resident. */
export async function listProxyLogPage(
  communityId: string,
  subjectId: string | null,
  page: number,
): Promise<{ rows: ProxyLogDoc[]; hasMore: boolean }> {
  const res = await getDb()
    .collection(COLLECTIONS.proxyLog)
    .where(subjectId ? { communityId, subjectId } : { communityId })
    .orderBy('at', 'desc')
    .orderBy('_id', 'asc')
    .skip(pageStart(page))
    .limit(PAGE_FETCH)
    .get();
  return toPage(res.data as ProxyLogDoc[]);
}

/** Names of the given members, for showing who acted for whom: one round trip. */
export async function memberNames(ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const _ = getDb().command;
  const res = await getDb()
    .collection(COLLECTIONS.members)
    .where({ _id: _.in([...new Set(ids)]) })
    .field({ name: true })
    .limit(1000)
    .get();
  return new Map((res.data as { _id: string; name: string }[]).map((m) => [m._id, m.name]));
}

/** Names of documents of one collection (grids, councils) by id: one round trip. */
export async function namesOf(collection: typeof COLLECTIONS.grids | typeof COLLECTIONS.councils, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  const res = await getDb()
    .collection(collection)
    .where({ _id: getDb().command.in([...ids]) })
    .field({ name: true })
    .limit(100)
    .get();
  return (res.data as { _id: string; name: string }[]).map((d) => ({ id: d._id, name: d.name }));
}

/** The reports of a 居民区 the person filed, or joined with 我也遇到了 (`by`), newest first: one round trip. */
export async function reportsOf(communityId: string, memberId: string, by: 'reporterId' | 'followers', limit: number): Promise<ReportDoc[]> {
  const res = await getDb()
    .collection(COLLECTIONS.reports)
    .where({ communityId, [by]: memberId })
    .orderBy('filedAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit)
    .get();
  return res.data as ReportDoc[];
}
