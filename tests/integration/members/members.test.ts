import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { CONTENT_CHECK_TEST_PHRASE } from '../../../emulator/platform/wechat.local';
import type { MemberView } from '../../../src/shared/domain/member';
import { PRIVACY_VERSION } from '../../../src/shared/privacy';
import { startHarness, type Harness } from '../../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.reset());

const profile = { name: '马丽', building: '4号楼', room: '602', phone: '13911112222', skills: ['瑜伽', '瑜伽', '摄影'], interests: [] };

async function countMembers(where: Record<string, unknown> = {}): Promise<number> {
  return (await getDb().collection(COLLECTIONS.members).where(where).count()).total as number;
}

async function memberDoc(id: string): Promise<Record<string, any> | undefined> {
  return (await getDb().collection(COLLECTIONS.members).doc(id).get()).data[0];
}

async function joinAsNewcomer(openid: string): Promise<MemberView> {
  await h.call('members', 'chooseCommunity', { communityId: 'cm-baiyu1' }, openid);
  await h.call('members', 'acceptPrivacy', { version: PRIVACY_VERSION }, openid);
  return (await h.call('members', 'updateProfile', profile, openid)).member;
}

describe('me', () => {
  it('creates the caller on the first call, once, even when ten first calls race', async () => {
    const before = await countMembers();
    const results = await Promise.all(Array.from({ length: 10 }, () => h.call('members', 'me', {}, 'fresh-user')));
    expect(new Set(results.map((r) => r.member.id)).size).toBe(1);
    expect(await countMembers()).toBe(before + 1);
    expect(results[0].member).toMatchObject({ communityId: null, isMember: false, application: { status: 'none' }, roles: [] });
    expect(results[0].community).toBeNull();
  });

  it('answers the seeded member with their 居民区', async () => {
    const { member, community } = await h.call('members', 'me', {}, h.identities.member);
    expect(member).toMatchObject({ name: '李建国', isMember: true, phone: '13900001002' });
    expect(community).toEqual({ id: 'cm-baiyu1', name: '白玉新村第一居民区', streetName: '长风新村街道' });
  });

  it('ignores an openid claimed in the payload', async () => {
    const res = await h.invoke('members', { action: 'me', payload: { openid: h.identities.committee } }, h.identities.resident);
    expect(res.ok && (res.data as { member: MemberView }).member.name).toBe('王秀兰');
  });

  it('refuses a call with no WeChat user', async () => {
    const res = await h.invoke('members', { action: 'me', payload: {} }, null);
    expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.UNAUTHENTICATED' } });
  });
});

describe('listCommunities and chooseCommunity', () => {
  it('lists every 居民区 in order', async () => {
    const { items } = await h.call('members', 'listCommunities', {}, 'someone');
    expect(items.map((c: { name: string }) => c.name)).toEqual(['白玉新村第一居民区', '长风一村', '雅仕汇都']);
  });

  it('sets the 居民区 once; the same choice again is a harmless retry; another is refused', async () => {
    const first = await h.call('members', 'chooseCommunity', { communityId: 'cm-yashi' }, 'mover');
    expect(first.member.communityId).toBe('cm-yashi');
    const again = await h.call('members', 'chooseCommunity', { communityId: 'cm-yashi' }, 'mover');
    expect(again.community.name).toBe('雅仕汇都');
    const other = await h.invoke('members', { action: 'chooseCommunity', payload: { communityId: 'cm-baiyu1' } }, 'mover');
    expect(other).toMatchObject({ ok: false, error: { code: 'MEMBERS.COMMUNITY_ALREADY_SET' } });
    expect((await h.call('members', 'me', {}, 'mover')).member.communityId).toBe('cm-yashi');
  });

  it('refuses an unknown 居民区 and an empty id', async () => {
    const unknown = await h.invoke('members', { action: 'chooseCommunity', payload: { communityId: 'cm-nowhere' } }, 'x');
    expect(unknown).toMatchObject({ ok: false, error: { code: 'MEMBERS.COMMUNITY_NOT_FOUND', message: '没有找到这个居民区，请重新选择' } });
    const empty = await h.invoke('members', { action: 'chooseCommunity', payload: { communityId: '  ' } }, 'x');
    expect(empty).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT', fields: { communityId: '请选择' } } });
  });
});

describe('updateProfile', () => {
  it('saves a valid profile, trims and de-duplicates tags', async () => {
    const member = await joinAsNewcomer('new-1');
    expect(member).toMatchObject({ name: '马丽', building: '4号楼', room: '602', phone: '13911112222', skills: ['瑜伽', '摄影'] });
    expect((await h.call('members', 'me', {}, 'new-1')).member.skills).toEqual(['瑜伽', '摄影']);
  });

  it('keeps an optional birth year picked from a list: omitted keeps it, null clears it, a typed-in oddity is refused', async () => {
    const member = await joinAsNewcomer('born-1');
    expect(member.birthYear).toBeUndefined();
    expect((await h.call('members', 'updateProfile', { ...profile, birthYear: 1958 }, 'born-1')).member.birthYear).toBe(1958);
    expect((await h.call('members', 'updateProfile', profile, 'born-1')).member.birthYear).toBe(1958);
    expect((await h.call('members', 'me', {}, 'born-1')).member.birthYear).toBe(1958);
    const bad = await h.invoke('members', { action: 'updateProfile', payload: { ...profile, birthYear: 1958.5 } }, 'born-1');
    expect(bad).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT', fields: { birthYear: '请选择出生年份' } } });
    expect((await h.call('members', 'updateProfile', { ...profile, birthYear: null }, 'born-1')).member.birthYear).toBeUndefined();
    await h.call('members', 'updateProfile', { ...profile, birthYear: 1950 }, 'born-1');
    await h.call('members', 'deleteAccount', { confirm: '注销' }, 'born-1');
    expect((await memberDoc(member.id))!.birthYear).toBeNull();
  });

  it('answers each bad field in Chinese and writes nothing', async () => {
    await h.call('members', 'chooseCommunity', { communityId: 'cm-baiyu1' }, 'new-2');
    await h.call('members', 'acceptPrivacy', { version: PRIVACY_VERSION }, 'new-2');
    const res = await h.invoke(
      'members',
      { action: 'updateProfile', payload: { ...profile, name: ' ', phone: '12345', skills: ['a'.repeat(13)] } },
      'new-2',
    );
    expect(res).toMatchObject({
      ok: false,
      error: {
        code: 'COMMON.INVALID_INPUT',
        fields: { name: '请填写姓名', phone: '请填写11位手机号', 'skills.0': '技能最多12个字' },
      },
    });
    expect((await h.call('members', 'me', {}, 'new-2')).member.name).toBe('');
  });

  it('needs a 居民区 first', async () => {
    const res = await h.invoke('members', { action: 'updateProfile', payload: profile }, 'nobody-yet');
    expect(res).toMatchObject({ ok: false, error: { code: 'MEMBERS.NO_COMMUNITY' } });
  });

  it('refuses text that fails the content check and keeps the old profile', async () => {
    const res = await h.invoke(
      'members',
      { action: 'updateProfile', payload: { ...profile, name: `王${CONTENT_CHECK_TEST_PHRASE}` } },
      h.identities.resident,
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.CONTENT_REJECTED' } });
    expect((await h.call('members', 'me', {}, h.identities.resident)).member.name).toBe('王秀兰');
  });
});

describe('apply', () => {
  it('submits once; asking again while pending changes nothing', async () => {
    const { member } = await h.call('members', 'apply', { motivation: '想为邻居做点事' }, h.identities.resident);
    expect(member.application).toMatchObject({ status: 'pending', motivation: '想为邻居做点事' });
    expect(member.application.submittedAt).toEqual(expect.any(String));
    const again = await h.invoke('members', { action: 'apply', payload: {} }, h.identities.resident);
    expect(again).toMatchObject({ ok: false, error: { code: 'MEMBERS.ALREADY_PENDING' } });
    const stored = await memberDoc(h.memberIdOf('resident'));
    expect(stored?.application.motivation).toBe('想为邻居做点事');
  });

  it('racing applies submit exactly once', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () => h.invoke('members', { action: 'apply', payload: {} }, h.identities.resident)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'MEMBERS.ALREADY_PENDING')).toBe(true);
    const history = await getDb()
      .collection(COLLECTIONS.memberHistory)
      .where({ memberId: h.memberIdOf('resident'), kind: 'applied' })
      .count();
    expect(history.total).toBe(1);
  });

  it('refuses a newcomer without a 居民区, an incomplete profile, and an existing member', async () => {
    expect(await h.invoke('members', { action: 'apply', payload: {} }, 'brand-new')).toMatchObject({
      error: { code: 'MEMBERS.NO_COMMUNITY' },
    });
    await h.call('members', 'chooseCommunity', { communityId: 'cm-baiyu1' }, 'brand-new');
    expect(await h.invoke('members', { action: 'apply', payload: {} }, 'brand-new')).toMatchObject({
      error: { code: 'MEMBERS.CONSENT_REQUIRED' },
    });
    await h.call('members', 'acceptPrivacy', { version: PRIVACY_VERSION }, 'brand-new');
    expect(await h.invoke('members', { action: 'apply', payload: {} }, 'brand-new')).toMatchObject({
      error: { code: 'MEMBERS.PROFILE_INCOMPLETE' },
    });
    expect(await h.invoke('members', { action: 'apply', payload: {} }, h.identities.member)).toMatchObject({
      error: { code: 'MEMBERS.ALREADY_MEMBER' },
    });
  });

  it('refuses a motivation over 200 characters', async () => {
    const res = await h.invoke('members', { action: 'apply', payload: { motivation: '好'.repeat(201) } }, h.identities.resident);
    expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT', fields: { motivation: '申请理由最多200个字' } } });
  });
});

describe('listApplications', () => {
  it('shows the committee its own 居民区 only, newest first, with full phone numbers', async () => {
    const page = await h.call('members', 'listApplications', {}, h.identities.committee);
    expect(page.items.map((a: { name: string }) => a.name)).toEqual(['陈志明', '刘美华']);
    expect(page.items[0].phone).toBe('13900001007');
    expect(page).toMatchObject({ page: 1, hasMore: false });
    const other = await h.call('members', 'listApplications', {}, h.identities.otherCommittee);
    expect(other.items.map((a: { name: string }) => a.name)).toEqual(['黄海']);
  });

  it.each(['resident', 'member', 'gridLeader', 'streetAdmin', 'newcomer'] as const)('is refused to %s', async (who) => {
    const res = await h.invoke('members', { action: 'listApplications', payload: {} }, h.identities[who]);
    expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN', message: '你没有权限进行这个操作' } });
  });

  it('pages 20 at a time', async () => {
    for (let i = 0; i < 23; i += 1) {
      const openid = `bulk-${i}`;
      await joinAsNewcomer(openid);
      await h.call('members', 'apply', {}, openid);
    }
    const first = await h.call('members', 'listApplications', { page: 1 }, h.identities.committee);
    const second = await h.call('members', 'listApplications', { page: 2 }, h.identities.committee);
    expect(first.items).toHaveLength(20);
    expect(first.hasMore).toBe(true);
    expect(second.items).toHaveLength(5);
    expect(second.hasMore).toBe(false);
    const ids = new Set([...first.items, ...second.items].map((a: { memberId: string }) => a.memberId));
    expect(ids.size).toBe(25);
  });
});

describe('review', () => {
  const review = (who: string, payload: Record<string, unknown>) => h.invoke('members', { action: 'review', payload }, who);

  it('approves: the applicant becomes a member and the decision is in their history', async () => {
    const id = h.memberIdOf('applicant1');
    const res = await review(h.identities.committee, { memberId: id, decision: 'approve' });
    expect(res).toMatchObject({ ok: true, data: { application: { memberId: id, application: { status: 'approved' } } } });
    const me = await h.call('members', 'me', {}, h.identities.applicant1);
    expect(me.member.isMember).toBe(true);
    const history = await getDb().collection(COLLECTIONS.memberHistory).where({ memberId: id }).get();
    expect(history.data.map((e: { kind: string }) => e.kind)).toEqual(['approved']);
  });

  it('a refusal needs a reason, and the applicant reads it', async () => {
    const id = h.memberIdOf('applicant2');
    expect(await review(h.identities.committee, { memberId: id, decision: 'reject', reason: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'MEMBERS.REASON_REQUIRED' },
    });
    expect((await memberDoc(id))?.application.status).toBe('pending');
    // The applicant reads the reason: it passes the content check first.
    expect(await review(h.identities.committee, { memberId: id, decision: 'reject', reason: `${CONTENT_CHECK_TEST_PHRASE}` })).toMatchObject({ ok: false, error: { code: 'COMMON.CONTENT_REJECTED' } });
    expect((await memberDoc(id))?.application.status).toBe('pending');
    await review(h.identities.committee, { memberId: id, decision: 'reject', reason: '请先参加一次志愿活动' });
    const me = await h.call('members', 'me', {}, h.identities.applicant2);
    expect(me.member.application).toMatchObject({ status: 'rejected', reason: '请先参加一次志愿活动' });
    // A refused resident may apply again; the old reason goes with the new submission.
    const again = await h.call('members', 'apply', {}, h.identities.applicant2);
    expect(again.member.application.status).toBe('pending');
    expect(again.member.application.reason).toBeUndefined();
  });

  it("another 居民区's committee cannot see or decide, and learns nothing from the id", async () => {
    const id = h.memberIdOf('applicant1');
    const res = await review(h.identities.otherCommittee, { memberId: id, decision: 'approve' });
    expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } });
    const missing = await review(h.identities.otherCommittee, { memberId: 'no-such-member', decision: 'approve' });
    expect(missing).toEqual(res);
    expect((await memberDoc(id))?.application.status).toBe('pending');
  });

  it('decides once when two committee calls race, and answers NOT_PENDING afterwards', async () => {
    const id = h.memberIdOf('applicant1');
    const [a, b] = await Promise.all([
      review(h.identities.committee, { memberId: id, decision: 'approve' }),
      review(h.identities.committee, { memberId: id, decision: 'reject', reason: '重复' }),
    ]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ error: { code: 'MEMBERS.NOT_PENDING' } });
    const history = await getDb().collection(COLLECTIONS.memberHistory).where({ memberId: id }).count();
    expect(history.total).toBe(1);
  });

  it.each(['resident', 'member', 'gridLeader', 'streetAdmin'] as const)('is refused to %s', async (who) => {
    const res = await review(h.identities[who], { memberId: h.memberIdOf('applicant1'), decision: 'approve' });
    expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    expect((await memberDoc(h.memberIdOf('applicant1')))?.application.status).toBe('pending');
  });

  it('refuses an unknown decision', async () => {
    const res = await review(h.identities.committee, { memberId: h.memberIdOf('applicant1'), decision: 'maybe' });
    expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT', fields: { decision: '请选择通过或不通过' } } });
  });
});
