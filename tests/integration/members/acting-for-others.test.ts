import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { CONTENT_CHECK_TEST_PHRASE } from '../../../emulator/platform/wechat.local';
import { startHarness, type Harness } from '../../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.reset());

const elder = { name: '顾阿婆', building: '2号楼', room: '102', phone: '', skills: ['编织'], note: '独居，不用微信' };

describe('a grid leader registers an elderly resident', () => {
  it('creates the record in their grid, with history and a proxy-log entry the committee and the resident can see', async () => {
    const { member } = await h.call('members', 'createForResident', elder, h.identities.gridLeader);
    expect(member).toMatchObject({ name: '顾阿婆', communityId: 'cm-baiyu1', gridId: 'cm-baiyu1-g1', isMember: false });
    const stored = (await getDb().collection(COLLECTIONS.members).doc(member.id).get()).data[0];
    expect(stored).toMatchObject({ source: 'proxy', openid: null, accountKey: null });

    const log = await h.call('members', 'listProxyLog', {}, h.identities.committee);
    expect(log.items).toEqual([
      expect.objectContaining({ action: '代为登记', actorName: '张丽华', subjectName: '顾阿婆', subjectId: member.id }),
    ]);
    const detail = await h.call('members', 'memberDetail', { memberId: member.id }, h.identities.committee);
    expect(detail.history).toEqual([expect.objectContaining({ kind: 'created_for', note: '独居，不用微信' })]);
  });

  it('refuses a building outside their grids, and a second registration of the same person', async () => {
    const outside = await h.invoke('members', { action: 'createForResident', payload: { ...elder, building: '9号楼' } }, h.identities.gridLeader);
    expect(outside).toMatchObject({ ok: false, error: { code: 'MEMBERS.BUILDING_OUTSIDE_GRID', message: '这栋楼不在你负责的微格里' } });
    await h.call('members', 'createForResident', elder, h.identities.gridLeader);
    const again = await h.invoke('members', { action: 'createForResident', payload: elder }, h.identities.gridLeader);
    expect(again).toMatchObject({ ok: false, error: { code: 'MEMBERS.ALREADY_REGISTERED' } });
    const count = await getDb().collection(COLLECTIONS.members).where({ name: '顾阿婆' }).count();
    expect(count.total).toBe(1);
  });

  it('lets the committee register anywhere in its 居民区', async () => {
    const { member } = await h.call('members', 'createForResident', { ...elder, building: '9号楼' }, h.identities.committee);
    expect(member.gridId).toBe('cm-baiyu1-g3');
  });

  it.each(['resident', 'member', 'streetAdmin', 'newcomer'] as const)('is refused to %s', async (who) => {
    const res = await h.invoke('members', { action: 'createForResident', payload: elder }, h.identities[who]);
    expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
  });

  it("keeps the proxy log to the committee and the resident concerned", async () => {
    const { member } = await h.call('members', 'createForResident', elder, h.identities.gridLeader);
    expect(await h.invoke('members', { action: 'listProxyLog', payload: {} }, h.identities.resident)).toMatchObject({
      error: { code: 'COMMON.FORBIDDEN' },
    });
    expect(await h.invoke('members', { action: 'listProxyLog', payload: { memberId: member.id } }, h.identities.resident)).toMatchObject({
      error: { code: 'COMMON.FORBIDDEN' },
    });
    expect((await h.call('members', 'listProxyLog', {}, h.identities.otherCommittee)).items).toEqual([]);
  });
});

describe('children in the 小小梯队', () => {
  it('needs guardian consent, keeps one record per child, and only the guardian lists or removes them', async () => {
    const noConsent = await h.invoke('members', { action: 'addChild', payload: { name: '小明', birthYear: 2018, guardianConsent: false } }, h.identities.member);
    expect(noConsent).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT', fields: { guardianConsent: '请确认你是孩子的监护人并同意登记' } } });
    const first = await h.call('members', 'addChild', { name: '小明', birthYear: 2018, guardianConsent: true }, h.identities.member);
    await h.call('members', 'addChild', { name: '小明', birthYear: 2018, guardianConsent: true }, h.identities.member);
    expect((await h.call('members', 'listChildren', {}, h.identities.member)).items).toHaveLength(1);
    expect((await h.call('members', 'listChildren', {}, h.identities.resident)).items).toEqual([]);
    expect(await h.invoke('members', { action: 'removeChild', payload: { childId: first.child.id } }, h.identities.resident)).toMatchObject({
      error: { code: 'COMMON.NOT_FOUND' },
    });
    await h.call('members', 'removeChild', { childId: first.child.id }, h.identities.member);
    expect((await h.call('members', 'listChildren', {}, h.identities.member)).items).toEqual([]);
  });

  it('is for children under 18', async () => {
    const res = await h.invoke('members', { action: 'addChild', payload: { name: '大明', birthYear: 2007, guardianConsent: true } }, h.identities.member);
    expect(res).toMatchObject({ ok: false, error: { code: 'MEMBERS.CHILD_TOO_OLD' } });
  });
});

describe('the committee promotes members', () => {
  it('grants 楼组长 once under doubled calls, records it, and ends it', async () => {
    const id = h.memberIdOf('member');
    const flagged = { memberId: id, role: 'building_leader', granted: true, reason: CONTENT_CHECK_TEST_PHRASE };
    expect(await h.invoke('members', { action: 'setRole', payload: flagged }, h.identities.committee)).toMatchObject({ ok: false, error: { code: 'COMMON.CONTENT_REJECTED' } });
    expect((await h.call('members', 'memberDetail', { memberId: id }, h.identities.committee)).member.roles).toEqual([]);
    await Promise.all([1, 2, 3].map(() => h.call('members', 'setRole', { memberId: id, role: 'building_leader', granted: true, reason: '5号楼楼组长' }, h.identities.committee)));
    const detail = await h.call('members', 'memberDetail', { memberId: id }, h.identities.committee);
    expect(detail.member.roles).toEqual(['building_leader']);
    expect(detail.history.filter((e: { kind: string }) => e.kind === 'role_granted')).toEqual([
      expect.objectContaining({ role: 'building_leader', note: '5号楼楼组长' }),
    ]);
    await h.call('members', 'setRole', { memberId: id, role: 'building_leader', granted: false }, h.identities.committee);
    expect((await h.call('members', 'memberDetail', { memberId: id }, h.identities.committee)).member.roles).toEqual([]);
  });

  it("cannot reach another 居民区's member or grant roles outside the list", async () => {
    const res = await h.invoke('members', { action: 'setRole', payload: { memberId: h.memberIdOf('member'), role: 'first_echelon', granted: true } }, h.identities.otherCommittee);
    expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } });
    const committee = await h.invoke('members', { action: 'setRole', payload: { memberId: h.memberIdOf('member'), role: 'committee', granted: true } }, h.identities.committee);
    expect(committee).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } });
    expect((await h.call('members', 'me', {}, h.identities.member)).member.roles).toEqual([]);
  });

  it.each(['resident', 'member', 'gridLeader'] as const)('is refused to %s', async (who) => {
    const res = await h.invoke('members', { action: 'setRole', payload: { memberId: h.memberIdOf('member'), role: 'first_echelon', granted: true } }, h.identities[who]);
    expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
  });

  it('a member sees their own history; others in the 居民区 do not', async () => {
    expect(await h.call('members', 'memberDetail', { memberId: h.memberIdOf('member') }, h.identities.member)).toMatchObject({
      member: { name: '李建国' },
    });
    expect(await h.invoke('members', { action: 'memberDetail', payload: { memberId: h.memberIdOf('member') } }, h.identities.resident)).toMatchObject({
      error: { code: 'COMMON.FORBIDDEN' },
    });
  });
});

describe("the 居民区's invitation code", () => {
  it('gives the committee a code whose scene chooses their 居民区', async () => {
    const code = await h.call('members', 'inviteCode', {}, h.identities.committee);
    expect(code).toMatchObject({ page: 'pages/home/index', scene: 'c=cm-baiyu1' });
    const png = Buffer.from(code.image.replace('data:image/png;base64,', ''), 'base64');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });

  it.each(['resident', 'member', 'gridLeader'] as const)('is refused to %s', async (who) => {
    expect(await h.invoke('members', { action: 'inviteCode', payload: {} }, h.identities[who])).toMatchObject({
      error: { code: 'COMMON.FORBIDDEN' },
    });
  });
});
