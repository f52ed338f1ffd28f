import { COLLECTIONS, type CollectionName } from './collections';
import { getDb } from './db';

/**
 * Where other collections point at a person in a way that must not outlive their account. When an account is
 * deleted, `remove` drops the document (sensitive or personal: a colour, a child) and `clear` empties the field (a
 * role held: grid leader, chief, building pair). Records others need (history, proxy log, council rotations,
 * check-ins) keep the id, which now leads to an anonymous record.
 */
export const ERASED_WITH_ACCOUNT: readonly { collection: CollectionName; field: string; onErase: 'remove' | 'clear' }[] = [
  { collection: COLLECTIONS.memberColours, field: 'memberId', onErase: 'remove' },
  { collection: COLLECTIONS.children, field: 'guardianId', onErase: 'remove' },
  // A certificate states the person's name: once they are gone it no longer verifies.
  { collection: COLLECTIONS.certificates, field: 'memberId', onErase: 'remove' },
  { collection: COLLECTIONS.honourSettings, field: '_id', onErase: 'remove' },
  // 云课堂: their progress, quiz answers and course certificates (which state their name); ledger points stay.
  { collection: COLLECTIONS.courseProgress, field: 'memberId', onErase: 'remove' },
  { collection: COLLECTIONS.courseAttempts, field: 'memberId', onErase: 'remove' },
  { collection: COLLECTIONS.courseCompletions, field: 'memberId', onErase: 'remove' },
  { collection: COLLECTIONS.gridChiefs, field: 'memberId', onErase: 'remove' },
  // What they allowed WeChat to send them, and what was sent: nothing is sent to a deleted account.
  { collection: COLLECTIONS.subscriptionQuota, field: 'memberId', onErase: 'remove' },
  { collection: COLLECTIONS.subscriptionGrants, field: 'memberId', onErase: 'remove' },
  { collection: COLLECTIONS.subscriptionSends, field: 'memberId', onErase: 'remove' },
  { collection: COLLECTIONS.grids, field: 'leaderMemberId', onErase: 'clear' },
  { collection: COLLECTIONS.buildingPairs, field: 'groupLeaderMemberId', onErase: 'clear' },
  { collection: COLLECTIONS.buildingPairs, field: 'partnerMemberId', onErase: 'clear' },
  // An elder's 邻援助老 record stays the committee's (registered by proxy, with consent): only the link to the account goes.
  { collection: COLLECTIONS.careElders, field: 'memberId', onErase: 'clear' },
];

/**
 * Lists of a 居民区's records that name the person among others: their id is pulled out and the record stays (a
 * report they joined with 我也遇到了 no longer counts or tells them; the reporter and the handlers keep it).
 */
export const PULLED_WITH_ACCOUNT: readonly { collection: CollectionName; field: string }[] = [
  { collection: COLLECTIONS.reports, field: 'followers' },
];

/** One round trip per entry above (the pulled lists only when the person belongs to a 居民区). */
export async function eraseReferencesTo(memberId: string, communityId: string | null): Promise<void> {
  const db = getDb();
  for (const ref of ERASED_WITH_ACCOUNT) {
    const where = db.collection(ref.collection).where({ [ref.field]: memberId });
    if (ref.onErase === 'remove') await where.remove();
    else await where.update({ [ref.field]: null });
  }
  if (!communityId) return;
  for (const ref of PULLED_WITH_ACCOUNT) {
    // A pull that finds nothing left to pull changes nothing: a retry after a crash completes the rest.
    await db.collection(ref.collection).where({ communityId, [ref.field]: memberId }).update({ [ref.field]: db.command.pull(memberId) });
  }
}
