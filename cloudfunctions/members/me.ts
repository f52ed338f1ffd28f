import { clock } from '../_core/clock';
import { AppError } from '../_core/errors';
import { accountKeyOf, memberIdFor, type Identity } from '../_core/identity';
import { findMember, findMemberByAccount, newMemberDoc, type MemberDoc } from '../_core/member-record';
import { PRIVACY_VERSION } from '../../src/shared/privacy';
import { insertMember } from './members.queries';

/** How many times one WeChat account may delete and start again before we stop looking for a free id. */
const MAX_LIVES = 20;

/**
 * The caller's live record, created on their first call: 1 round trip, 3 the first time. Creation is idempotent
 * under races: every racer tries the same derived ids in the same order; a deleted account's anonymous record
 * occupies its id, so a returning user moves on to the next.
 */
export async function loadOrCreateMe(identity: Identity): Promise<MemberDoc> {
  const accountKey = accountKeyOf(identity);
  const found = await findMemberByAccount(accountKey);
  if (found) return found;
  for (let life = 1; life <= MAX_LIVES; life += 1) {
    const doc = newMemberDoc(memberIdFor(identity, life), identity.openid, identity.appid, clock().now(), accountKey);
    if (await insertMember(doc)) return doc;
    const existing = await findMember(doc._id);
    if (existing?.accountKey === accountKey) return existing;
  }
  throw new Error('no free member id for this account');
}

export function hasConsented(doc: MemberDoc): boolean {
  return doc.consent?.version === PRIVACY_VERSION;
}

/** Data-collecting actions need the current privacy text accepted. */
export function requireConsent(doc: MemberDoc): void {
  if (!hasConsented(doc)) throw new AppError('MEMBERS.CONSENT_REQUIRED');
}

export function requireCommunity(doc: MemberDoc): string {
  if (!doc.communityId) throw new AppError('MEMBERS.NO_COMMUNITY');
  return doc.communityId;
}
