import type { StaffRole } from '../../src/shared/domain/member';
import { AppError } from './errors';

/** The part of the caller's member record every service checks against: roles and scope. */
export interface CallerScope {
  memberId: string;
  communityId: string | null;
  roles: readonly StaffRole[];
}

/** Refuses unless the caller holds one of `roles` inside a 居民区; answers that 居民区. */
export function requireRole(caller: CallerScope, ...roles: StaffRole[]): string {
  if (!caller.communityId || !roles.some((role) => caller.roles.includes(role))) {
    throw new AppError('COMMON.FORBIDDEN');
  }
  return caller.communityId;
}
