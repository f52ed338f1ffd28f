import { PAGE_SIZE } from '../../src/shared/result';
import type { ApplicationStatus } from '../../src/shared/domain/member';
import { COLLECTIONS } from '../_core/collections';
import { getDb, isDuplicateWrite } from '../_core/db';
import type { MemberDoc } from '../_core/member-record';
import type { CommunityDoc } from './members.model';

export { findMember } from '../_core/member-record';

/** Each function here is one database round trip, except where its comment says otherwise. */

const members = () => getDb().collection(COLLECTIONS.members);
const communities = () => getDb().collection(COLLECTIONS.communities);

/** Inserts under a deterministic `_id`; false when a racing or retried call inserted it first. */
export async function insertMember(doc: MemberDoc): Promise<boolean> {
  try {
    await members().add(doc);
    return true;
  } catch (err) {
    if (isDuplicateWrite(err)) return false;
    throw err;
  }
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
    .skip((page - 1) * PAGE_SIZE)
    .limit(PAGE_SIZE + 1)
    .get();
  const rows = res.data as MemberDoc[];
  return { rows: rows.slice(0, PAGE_SIZE), hasMore: rows.length > PAGE_SIZE };
}

export async function addHistory(entry: {
  _id: string;
  communityId: string;
  memberId: string;
  kind: 'applied' | 'approved' | 'rejected';
  at: Date;
  by: string;
  note?: string;
}): Promise<void> {
  try {
    await getDb().collection(COLLECTIONS.memberHistory).add(entry);
  } catch (err) {
    // The same event recorded twice by a retry is the same entry: keep the first.
    if (!isDuplicateWrite(err)) throw err;
  }
}
