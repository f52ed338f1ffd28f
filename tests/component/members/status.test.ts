import { canApply, entryCommunityId, nextStep } from '@/features/members/status';
import { DEFAULT_VISIBILITY, type MemberView } from '@shared/domain/member';

const base: MemberView = {
  id: 'm1',
  communityId: 'cm-1',
  name: '王秀兰',
  building: '3号楼',
  room: '201',
  phone: '',
  skills: [],
  interests: [],
  availability: [],
  visibility: DEFAULT_VISIBILITY,
  roles: [],
  isMember: false,
  gridId: null,
  leadsGridIds: [],
  councilIds: [],
  application: { status: 'none' },
  createdAt: '2026-01-01T00:00:00.000Z',
};
const with_ = (patch: Partial<MemberView>): MemberView => ({ ...base, ...patch });

describe('nextStep', () => {
  it.each([
    ['community', with_({ communityId: null })],
    ['profile', with_({ name: '' })],
    ['profile', with_({ room: '  ' })],
    ['apply', base],
    ['pending', with_({ application: { status: 'pending' } })],
    ['member', with_({ isMember: true, application: { status: 'approved' } })],
    ['reapply', with_({ application: { status: 'rejected', reason: '请补充门牌' } })],
  ] as const)('%s', (step, member) => {
    expect(nextStep(member)).toBe(step);
  });

  it('lets a resident apply only before a decision or after a refusal', () => {
    expect(canApply(base)).toBe(true);
    expect(canApply(with_({ application: { status: 'pending' } }))).toBe(false);
    expect(canApply(with_({ isMember: true }))).toBe(false);
  });
});

describe('entryCommunityId', () => {
  it('reads communityId from the query', () => {
    expect(entryCommunityId({ communityId: 'cm-baiyu1' })).toBe('cm-baiyu1');
  });

  it('reads c=<id> from a URL-encoded mini-program code scene', () => {
    expect(entryCommunityId({ scene: encodeURIComponent('c=cm-baiyu1') })).toBe('cm-baiyu1');
    expect(entryCommunityId({ scene: encodeURIComponent('x=1&c=cm-yashi') })).toBe('cm-yashi');
    expect(entryCommunityId({ scene: 'c=cm-yashi' })).toBe('cm-yashi');
  });

  it('answers null for anything else', () => {
    expect(entryCommunityId(undefined)).toBeNull();
    expect(entryCommunityId({})).toBeNull();
    expect(entryCommunityId({ scene: 'e=evt1' })).toBeNull();
    expect(entryCommunityId({ scene: '%E0%A4%A' })).toBeNull();
  });
});
