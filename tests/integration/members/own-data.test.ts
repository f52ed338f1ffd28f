import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { memberIdFor } from '../../../cloudfunctions/_core/identity';
import { LOCAL_APPID } from '../../../emulator/dev-server/functions-host';
import { PRIVACY_VERSION } from '../../../src/shared/privacy';
import { startHarness, type Harness } from '../../support/harness';
import { fileReport } from '../reports/support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.reset());

const profile = { name: '严老师', building: '6号楼', room: '301', phone: '13922223333', skills: ['教师'], availability: ['周末'] };

async function newcomerWithProfile(openid: string) {
  await h.call('members', 'chooseCommunity', { communityId: 'cm-baiyu1' }, openid);
  await h.call('members', 'acceptPrivacy', { version: PRIVACY_VERSION }, openid);
  return (await h.call('members', 'updateProfile', profile, openid)).member;
}

describe('privacy consent', () => {
  it('a newcomer is asked; accepting records the current version once', async () => {
    const before = await h.call('members', 'me', {}, 'consent-1');
    expect(before.privacy).toEqual({ version: PRIVACY_VERSION, accepted: false, acceptedVersion: null, acceptedAt: null });
    await h.call('members', 'chooseCommunity', { communityId: 'cm-baiyu1' }, 'consent-1');
    const refused = await h.invoke('members', { action: 'updateProfile', payload: profile }, 'consent-1');
    expect(refused).toMatchObject({ ok: false, error: { code: 'MEMBERS.CONSENT_REQUIRED', message: '请先阅读并同意隐私说明' } });
    await h.call('members', 'acceptPrivacy', { version: PRIVACY_VERSION }, 'consent-1');
    await h.call('members', 'acceptPrivacy', { version: PRIVACY_VERSION }, 'consent-1');
    const after = (await h.call('members', 'me', {}, 'consent-1')).privacy;
    expect(after).toEqual({ version: PRIVACY_VERSION, accepted: true, acceptedVersion: PRIVACY_VERSION, acceptedAt: expect.any(String) });
  });

  it('refuses an outdated version: a new text asks again', async () => {
    const res = await h.invoke('members', { action: 'acceptPrivacy', payload: { version: '2020-01-01' } }, 'consent-2');
    expect(res).toMatchObject({ ok: false, error: { code: 'MEMBERS.PRIVACY_OUTDATED' } });
    expect((await h.call('members', 'me', {}, 'consent-2')).privacy.accepted).toBe(false);
  });
});

describe('profile: availability, visibility and the micro-grid', () => {
  it('keeps the grid in step with the building, in the grids\' normal form', async () => {
    const member = await newcomerWithProfile('grid-1');
    expect(member).toMatchObject({ gridId: 'cm-baiyu1-g2', availability: ['周末'] });
    const written = await h.call('members', 'updateProfile', { ...profile, building: '７栋' }, 'grid-1');
    expect(written.member).toMatchObject({ building: '7号楼', gridId: 'cm-baiyu1-g2' });
    const moved = await h.call('members', 'updateProfile', { ...profile, building: '9号楼' }, 'grid-1');
    expect(moved.member.gridId).toBe('cm-baiyu1-g3');
    const unknown = await h.call('members', 'updateProfile', { ...profile, building: '物业楼' }, 'grid-1');
    expect(unknown.member.gridId).toBeNull();
  });

  it('stores visibility choices and keeps them when a later save omits them', async () => {
    await newcomerWithProfile('vis-1');
    const visibility = { skills: 'hidden', interests: 'committee', availability: 'leaders', phone: 'hidden' };
    await h.call('members', 'updateProfile', { ...profile, visibility }, 'vis-1');
    const again = await h.call('members', 'updateProfile', profile, 'vis-1');
    expect(again.member.visibility).toEqual(visibility);
  });

  it('refuses an unknown availability or visibility', async () => {
    await newcomerWithProfile('vis-2');
    const res = await h.invoke(
      'members',
      { action: 'updateProfile', payload: { ...profile, availability: ['半夜'], visibility: { skills: 'everyone', interests: 'leaders', availability: 'leaders', phone: 'hidden' } } },
      'vis-2',
    );
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'COMMON.INVALID_INPUT', fields: { 'availability.0': '请选择空闲时间', 'visibility.skills': '请选择谁可以看到' } },
    });
  });
});

describe('my data', () => {
  it('shows everything stored about me, including history and children, but never the colour a grid recorded about me', async () => {
    await h.call('members', 'addChild', { name: '小明', birthYear: 2018, guardianConsent: true }, h.identities.member);
    await getDb().collection(COLLECTIONS.memberColours).add({ _id: h.memberIdOf('member'), memberId: h.memberIdOf('member'), communityId: 'cm-baiyu1', colour: 'green' });
    const data = await h.call('members', 'myData', {}, h.identities.member);
    expect(data.member).toMatchObject({ name: '李建国', phone: '13900001002', councilIds: ['cm-baiyu1-service', 'cm-baiyu1-governance'] });
    expect(data.community).toEqual({ id: 'cm-baiyu1', name: '白玉新村第一居民区' });
    expect(data.grid).toEqual({ id: 'cm-baiyu1-g2', name: '第二微格' });
    expect(data.councils.map((c: { name: string }) => c.name).sort()).toEqual(['便民服务分会', '综合治理分会']);
    expect(data.privacy.acceptedVersion).toBe(PRIVACY_VERSION);
    expect(data.children).toEqual([expect.objectContaining({ name: '小明', birthYear: 2018 })]);
    expect(data).not.toHaveProperty('colour');
    expect(JSON.stringify(data)).not.toMatch(/green|绿/);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});

describe('deleting an account', () => {
  it('erases the profile, keeps an anonymous record others can refer to, and a returning user starts afresh', async () => {
    const original = await newcomerWithProfile('leaver');
    await h.call('members', 'apply', {}, 'leaver');
    await h.call('members', 'addChild', { name: '小红', birthYear: 2017, guardianConsent: true }, 'leaver');
    expect(await h.invoke('members', { action: 'deleteAccount', payload: { confirm: '好的' } }, 'leaver')).toMatchObject({
      ok: false,
      error: { code: 'COMMON.INVALID_INPUT', fields: { confirm: '请输入“注销”确认' } },
    });
    await h.call('members', 'deleteAccount', { confirm: '注销' }, 'leaver');

    const tomb = (await getDb().collection(COLLECTIONS.members).doc(original.id).get()).data[0];
    expect(tomb).toMatchObject({ name: '', phone: '', building: '', skills: [], openid: null, accountKey: null });
    expect(tomb.deletedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(tomb)).not.toContain('严老师');
    const history = await getDb().collection(COLLECTIONS.memberHistory).where({ memberId: original.id }).count();
    expect(history.total).toBe(1);
    expect((await getDb().collection(COLLECTIONS.children).where({ guardianId: original.id }).count()).total).toBe(0);
    // Not in the committee's list any more.
    const pending = await h.call('members', 'listApplications', {}, h.identities.committee);
    expect(pending.items.map((a: { memberId: string }) => a.memberId)).not.toContain(original.id);

    const back = await h.call('members', 'me', {}, 'leaver');
    expect(back.member.id).toBe(memberIdFor({ openid: 'leaver', appid: LOCAL_APPID }, 2));
    expect(back.member).toMatchObject({ name: '', communityId: null, application: { status: 'none' } });
    expect(back.privacy.accepted).toBe(false);
  });

  it('a deleted grid leader no longer leads the grid; a deleted chief is no longer chief', async () => {
    expect((await getDb().collection(COLLECTIONS.grids).doc('cm-baiyu1-g1').get()).data[0].leaderMemberId).toBe(h.memberIdOf('gridLeader'));
    await h.call('members', 'deleteAccount', { confirm: '注销' }, h.identities.gridLeader);
    const grid = (await getDb().collection(COLLECTIONS.grids).doc('cm-baiyu1-g1').get()).data[0];
    expect(grid.leaderMemberId).toBeNull();
    await h.call('members', 'deleteAccount', { confirm: '注销' }, h.identities.committee);
    expect((await getDb().collection(COLLECTIONS.gridChiefs).where({ communityId: 'cm-baiyu1' }).count()).total).toBe(0);
  });

  it('a deleted member\'s certificates no longer verify and their display choices go', async () => {
    const id = h.memberIdOf('member');
    await getDb().collection(COLLECTIONS.certificates).add({ _id: 'cert-1', code: 'ABCDEFGHJKLM', memberId: id, communityId: 'cm-baiyu1', name: '李建国' });
    await getDb().collection(COLLECTIONS.honourSettings).add({ _id: id, communityId: 'cm-baiyu1', showOnWall: false });
    await h.call('members', 'deleteAccount', { confirm: '注销' }, h.identities.member);
    expect((await getDb().collection(COLLECTIONS.certificates).where({ memberId: id }).count()).total).toBe(0);
    expect((await getDb().collection(COLLECTIONS.honourSettings).doc(id).get()).data).toEqual([]);
  });

  it('racing first calls after deletion still create one new record', async () => {
    await newcomerWithProfile('twice');
    await h.call('members', 'deleteAccount', { confirm: '注销' }, 'twice');
    const results = await Promise.all(Array.from({ length: 6 }, () => h.call('members', 'me', {}, 'twice')));
    expect(new Set(results.map((r) => r.member.id)).size).toBe(1);
  });

  it('their reports: in their data while they have an account; after it, a report they filed stays for the 居民区 and one they joined no longer counts them', async () => {
    const filed = await fileReport(h, h.identities.resident, {});
    const others = await fileReport(h, h.identities.applicant1, { building: '5号楼', categoryKey: 'leak', text: '五楼楼顶漏水' });
    await h.call('reports', 'join', { reportId: filed.id }, h.identities.member);

    const mine = await h.call('members', 'myData', {}, h.identities.resident);
    expect(mine.reports.joined).toEqual([]);
    expect(mine.reports.filed).toEqual([
      expect.objectContaining({ id: filed.id, category: '楼道堆物', place: '3号楼 2单元', text: '楼道里堆了很多纸箱，挡住了消防通道', state: 'submitted' }),
    ]);
    const joiner = await h.call('members', 'myData', {}, h.identities.member);
    expect(joiner.reports).toEqual({ filed: [], joined: [expect.objectContaining({ id: filed.id })] });

    const before = (await getDb().collection(COLLECTIONS.reports).doc(others.id).get()).data[0];
    await h.call('members', 'deleteAccount', { confirm: '注销' }, h.identities.member);
    await h.call('members', 'deleteAccount', { confirm: '注销' }, h.identities.member); // a retry finds it done
    const joined = (await getDb().collection(COLLECTIONS.reports).doc(filed.id).get()).data[0];
    expect(joined.followers).toEqual([]);
    expect(joined.reporterId).toBe(h.memberIdOf('resident'));

    await h.call('members', 'deleteAccount', { confirm: '注销' }, h.identities.resident);
    const kept = (await getDb().collection(COLLECTIONS.reports).doc(filed.id).get()).data[0];
    expect(kept).toMatchObject({ state: 'submitted', categoryKey: 'clutter' });
    // The report now points at an anonymous record: no name, phone or account of theirs is left to lead to.
    const tomb = (await getDb().collection(COLLECTIONS.members).doc(kept.reporterId).get()).data[0];
    expect(tomb).toMatchObject({ name: '', phone: '', openid: null });
    expect((await getDb().collection(COLLECTIONS.reports).doc(others.id).get()).data[0]).toEqual(before);
  });
});
