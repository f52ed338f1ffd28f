import { can } from '../../../cloudfunctions/_core/authorize';
import type { Caller } from '../../../cloudfunctions/_core/caller';
import { PERMISSIONS, ROLES, type Permission, type Role, type Scope } from '../../../src/shared/permissions';

const callerWith = (role: Role): Caller => ({
  memberId: 'm1',
  communityId: 'cA',
  streetId: 's1',
  roles: [role],
  gridIds: ['g1'],
  chairCouncilIds: ['c1'],
  record: null,
});

/** A target just inside each scope, and one that is everything at once (the widest the caller could reach). */
const INSIDE: Record<Scope, object> = {
  self: { memberId: 'm1', communityId: 'cA' },
  grid: { communityId: 'cA', gridId: 'g1' },
  council: { communityId: 'cA', councilId: 'c1' },
  community: { communityId: 'cA' },
  street: { streetId: 's1' },
};
const EVERYTHING = { memberId: 'm1', communityId: 'cA', gridId: 'g1', councilId: 'c1', streetId: 's1' };
/** The same ids in another 居民区 and 街道: nothing may reach it. */
const ELSEWHERE = { memberId: 'm2', communityId: 'cB', gridId: 'g1', councilId: 'c1', streetId: 's2' };
/** Inside the 居民区 but outside the caller's grid, council and self. */
const NEIGHBOUR = { memberId: 'm9', communityId: 'cA', gridId: 'g2', councilId: 'c2' };

const cases = (Object.keys(PERMISSIONS) as Permission[]).flatMap((permission) =>
  ROLES.map((role) => [permission, role, (PERMISSIONS[permission] as Partial<Record<Role, Scope>>)[role] ?? null] as const),
);

describe.each(cases)('%s as %s (grant: %s)', (permission, role, scope) => {
  const caller = callerWith(role);

  if (scope) {
    it('is allowed just inside its scope', () => {
      expect(can(caller, permission, INSIDE[scope])).toBe(true);
    });
    it('is refused in another 居民区 and 街道', () => {
      expect(can(caller, permission, ELSEWHERE)).toBe(false);
    });
    it(`reaches a neighbour's record only with community scope`, () => {
      expect(can(caller, permission, NEIGHBOUR)).toBe(scope === 'community');
    });
  } else {
    it('is refused even on everything the caller could reach', () => {
      expect(can(caller, permission, EVERYTHING)).toBe(false);
    });
  }
});

describe('callers without a 居民区', () => {
  it('reach nothing by community scope, even when the target has no 居民区 either', () => {
    const caller = { ...callerWith('committee'), communityId: null };
    expect(can(caller, 'members.review', { communityId: null })).toBe(false);
    expect(can(caller, 'members.review', {})).toBe(false);
  });
});
