import { PERMISSIONS, type Permission, type Role, type Scope } from '../../src/shared/permissions';
import type { Caller } from './caller';
import { AppError } from './errors';

/** What an action touches; each scope compares the fields it needs. */
export interface Target {
  communityId?: string | null;
  gridId?: string | null;
  councilId?: string | null;
  memberId?: string | null;
  streetId?: string | null;
}

function inScope(caller: Caller, scope: Scope, target: Target): boolean {
  const sameCommunity = !!caller.communityId && target.communityId === caller.communityId;
  switch (scope) {
    case 'self':
      return !!target.memberId && target.memberId === caller.memberId;
    case 'grid':
      return sameCommunity && !!target.gridId && caller.gridIds.includes(target.gridId);
    case 'council':
      return sameCommunity && !!target.councilId && caller.chairCouncilIds.includes(target.councilId);
    case 'community':
      return sameCommunity;
    case 'street':
      return !!caller.streetId && target.streetId === caller.streetId;
  }
}

/** Does the matrix let `caller` do `permission` on `target`? */
export function can(caller: Caller, permission: Permission, target: Target): boolean {
  const grants: Partial<Record<Role, Scope>> = PERMISSIONS[permission];
  return caller.roles.some((role) => {
    const scope = grants[role];
    return !!scope && inScope(caller, scope, target);
  });
}

export function authorize(caller: Caller, permission: Permission, target: Target): void {
  if (!can(caller, permission, target)) throw new AppError('COMMON.FORBIDDEN');
}

/**
 * A record found by an id the caller sent: one from another 居民区 answers exactly like a missing one, so
 * ids cannot be probed across tenants.
 */
export function ensureSameCommunity<T extends { communityId?: string | null }>(caller: Caller, record: T | null): T {
  if (!record || !caller.communityId || record.communityId !== caller.communityId) throw new AppError('COMMON.NOT_FOUND');
  return record;
}
