import { DEFAULT_POINT_RULES, type PointRules } from '../../src/shared/domain/ledger';
import { COLLECTIONS } from './collections';
import { getDb } from './db';

/** A 居民区's point rules as stored (`_id` = communityId); read by the ledger and by event confirmation. */
export interface RulesDoc extends PointRules {
  _id: string;
  communityId: string;
  updatedBy: string;
  updatedAt: Date;
}

/** One round trip. */
export async function rulesDoc(communityId: string): Promise<RulesDoc | null> {
  const res = await getDb().collection(COLLECTIONS.ledgerRules).doc(communityId).get();
  return (res.data?.[0] as RulesDoc | undefined) ?? null;
}

/** The rules in force: the stored ones, or the defaults. */
export function rulesIn(doc: RulesDoc | null): PointRules {
  if (!doc) return DEFAULT_POINT_RULES;
  return { pointsPerHour: doc.pointsPerHour, eventTypes: doc.eventTypes, dailyCap: doc.dailyCap };
}
