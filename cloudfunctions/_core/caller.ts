import type { Role } from '../../src/shared/permissions';
import type { Identity } from './identity';
import { accountKeyOf, memberIdFor } from './identity';
import { findMemberByAccount, type MemberDoc } from './member-record';

/** The caller as every service checks them: roles and the scope each reaches. */
export interface Caller {
  memberId: string;
  communityId: string | null;
  streetId: string | null;
  roles: Role[];
  /** Micro-grids they lead. */
  gridIds: string[];
  /** Councils they chair now; filled only by services whose permissions grant council_chair. */
  chairCouncilIds: string[];
  /** Their record, null before their first `members.me`. */
  record: MemberDoc | null;
}

/** The roles a member record gives (council_chair follows from the clock and is added where needed). */
export function rolesOf(doc: MemberDoc | null): Role[] {
  if (!doc || doc.deletedAt) return [];
  const roles: Role[] = [];
  if (doc.communityId) roles.push('resident');
  if (doc.communityId && doc.application.status === 'approved') roles.push('member');
  if (doc.communityId && doc.roles.includes('grid_leader') && doc.leadsGridIds.length > 0) roles.push('grid_leader');
  if (doc.communityId && doc.roles.includes('committee')) roles.push('committee');
  if (doc.streetId && doc.roles.includes('street_admin')) roles.push('street_admin');
  return roles;
}

export function callerFrom(memberId: string, doc: MemberDoc | null): Caller {
  const live = doc && !doc.deletedAt ? doc : null;
  return {
    memberId,
    communityId: live?.communityId ?? null,
    streetId: live?.streetId ?? null,
    roles: rolesOf(live),
    gridIds: live?.leadsGridIds ?? [],
    chairCouncilIds: [],
    record: live,
  };
}

/** The caller from their member record: one round trip. */
export async function loadCaller(identity: Identity): Promise<Caller> {
  const doc = await findMemberByAccount(accountKeyOf(identity));
  return callerFrom(doc?._id ?? memberIdFor(identity), doc);
}
