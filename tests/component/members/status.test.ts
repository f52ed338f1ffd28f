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
    expect(nextStep(member, true)).toBe(step);
  });

  it('asks for the privacy text after the 居民区 and before anything else, whatever the application', () => {
    expect(nextStep(with_({ communityId: null }), false)).toBe('community');
    expect(nextStep(with_({ name: '' }), false)).toBe('privacy');
    expect(nextStep(base, false)).toBe('privacy');
    expect(nextStep(with_({ isMember: true, application: { status: 'approved' } }), false)).toBe('privacy');
  });

  it('lets a resident apply only before a decision or after a refusal', () => {
    expect(canApply(base, true)).toBe(true);
    expect(canApply(base, false)).toBe(false);
    expect(canApply(with_({ application: { status: 'pending' } }), true)).toBe(false);
    expect(canApply(with_({ isMember: true }), true)).toBe(false);
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
