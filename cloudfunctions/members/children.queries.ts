import { COLLECTIONS } from '../_core/collections';
import { getDb, insertOnce } from '../_core/db';

/** A child in the 小小梯队 (children's data: the minimum, visible to the guardian and the committee). */
export interface ChildDoc {
  _id: string;
  communityId: string;
  guardianId: string;
  name: string;
  birthYear: number;
  consentAt: Date;
  consentVersion: string;
}

const children = () => getDb().collection(COLLECTIONS.children);

/** One round trip; false when the same child was already added (a retry). */
export async function insertChild(doc: ChildDoc): Promise<boolean> {
  return insertOnce(COLLECTIONS.children, doc);
}

export async function listChildrenOf(guardianId: string): Promise<ChildDoc[]> {
  const res = await children().where({ guardianId }).orderBy('birthYear', 'desc').limit(100).get();
  return res.data as ChildDoc[];
}

/** Removes only a child of this guardian: one round trip. */
export async function removeChildOf(guardianId: string, childId: string): Promise<boolean> {
  const res = await children().where({ _id: childId, guardianId }).remove();
  return res.deleted === 1;
}
