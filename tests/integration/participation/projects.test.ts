import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { DEMO_EVENT_IDS } from '../../../emulator/seed/events';
import { startHarness, type Harness } from '../../support/harness';
import { allow } from '../reports/support';
import { rid } from './support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(async () => {
  await h.reset();
});

const call = (action: string, payload: unknown, openid: string) => h.invoke('participation', { action, payload }, openid);
const shed = {
  title: '非机动车棚改造',
  goal: '在3号楼前建一个带充电桩的车棚，让电动车不再进楼道。',
  place: '3号楼前空地',
  ownerCouncilId: 'cm-baiyu1-service',
  milestones: [{ title: '方案公示', due: '2027-01-15' }, { title: '施工完成', due: '2027-03-31' }],
  eventIds: [DEMO_EVENT_IDS.patrol],
};
const create = async (extra: Record<string, unknown> = {}) => (await h.call('participation', 'createProject', { project: { ...shed, ...extra }, requestId: rid('pj') }, h.identities.committee)).project;
const update = (projectId: string, percent: number, openid: string, requestId = rid('pu')) =>
  call('progress', { projectId, requestId, update: { date: '2027-01-10', percent, text: `完成${percent}%`, photosBefore: ['cloud://env/before.jpg'], photosAfter: [] } }, openid);

describe('governance projects', () => {
  it('the committee creates one (once per request); residents list, see, follow it; progress moves status and percent; the timeline pages', async () => {
    const requestId = rid('pj');
    const first = (await h.call('participation', 'createProject', { project: shed, requestId }, h.identities.committee)).project;
    await h.call('participation', 'createProject', { project: shed, requestId }, h.identities.committee);
    expect(h.store.list(COLLECTIONS.projects)).toHaveLength(1);
    expect(first).toMatchObject({ status: 'planned', percent: 0, ownerCouncilName: '便民服务分会', eventIds: [DEMO_EVENT_IDS.patrol], milestones: [{ title: '方案公示', done: false }, { title: '施工完成' }] });

    const f1 = await h.call('participation', 'follow', { projectId: first.id, on: true }, h.identities.resident);
    await h.call('participation', 'follow', { projectId: first.id, on: true }, h.identities.resident);
    expect(f1.project).toMatchObject({ followers: 1, followedByMe: true });
    expect((await h.call('participation', 'projects', { followed: true }, h.identities.resident)).items.map((p: { id: string }) => p.id)).toEqual([first.id]);
    expect((await h.call('participation', 'projects', { followed: true }, h.identities.member)).items).toEqual([]);

    const requestIdU = rid('pu');
    expect(await update(first.id, 40, h.identities.committee, requestIdU)).toMatchObject({ ok: true, data: { project: { status: 'active', percent: 40 } } });
    await update(first.id, 40, h.identities.committee, requestIdU);
    expect(await update(first.id, 100, h.identities.committee)).toMatchObject({ ok: true, data: { project: { status: 'done', percent: 100 } } });
    const timeline = await h.call('participation', 'timeline', { projectId: first.id }, h.identities.resident);
    expect(timeline.items.map((u: { percent: number }) => u.percent)).toEqual([100, 40]);
    expect((await h.call('participation', 'project', { projectId: first.id }, h.identities.resident)).project).toMatchObject({ followers: 1, followedByMe: true, percent: 100 });
    const unfollowed = await h.call('participation', 'follow', { projectId: first.id, on: false }, h.identities.resident);
    expect(unfollowed.project).toMatchObject({ followers: 0, followedByMe: false });
  });

  it('progress tells each follower who allowed it once (a retry sends nothing more), not its author nor a former follower', async () => {
    const p = await create();
    const { resident, member, applicant1, committee } = h.identities;
    await allow(h, [resident, applicant1, committee], ['project-progress'], 2);
    for (const who of [resident, member, applicant1, committee]) await h.call('participation', 'follow', { projectId: p.id, on: true }, who);
    await h.call('participation', 'follow', { projectId: p.id, on: false }, applicant1);
    const sent = () => h.stack.wechat.messages.filter((m) => m.templateId === 'project-progress');

    const requestId = rid('pu');
    await update(p.id, 40, committee, requestId);
    await update(p.id, 40, committee, requestId);
    // The member follows but never allowed the message; 周敏 posted it; applicant1 stopped following.
    expect(sent().map((m) => m.openid)).toEqual([resident]);
    expect(sent()[0]).toMatchObject({ page: `packages/participation/pages/project/index?id=${p.id}` });
    expect(Object.values(sent()[0]!.data).map((v) => v.value)).toEqual(expect.arrayContaining([shed.title, '40%', '完成40%']));
    expect(h.store.list(COLLECTIONS.projectUpdates).map((u) => u.untold)).toEqual([false]);

    await update(p.id, 60, committee);
    expect(sent().map((m) => m.openid)).toEqual([resident, resident]);
  });

  it('a progress call that died right after its write, never retried: the proposal-clocks timer tells the followers, once', async () => {
    const p = await create();
    await allow(h, [h.identities.resident], ['project-progress'], 2);
    await h.call('participation', 'follow', { projectId: p.id, on: true }, h.identities.resident);
    h.faults.arm({ at: 1, mode: 'crash' });
    const dead = update(p.id, 50, h.identities.committee);
    await h.faults.whenTripped();
    h.faults.reset();
    // Released by the reset, the dead call answers a failure (and logs it inside this test).
    expect((await dead).ok).toBe(false);
    const sent = () => h.stack.wechat.messages.filter((m) => m.templateId === 'project-progress');
    expect(h.store.list(COLLECTIONS.projectUpdates).map((u) => u.untold)).toEqual([true]);
    expect(sent()).toHaveLength(0);
    await h.timer('participation', 'proposal-clocks');
    await h.timer('participation', 'proposal-clocks');
    expect(sent().map((m) => m.openid)).toEqual([h.identities.resident]);
    expect(h.store.list(COLLECTIONS.projectUpdates).map((u) => u.untold)).toEqual([false]);
  });

  it('progress photos go through the image check: the committee sees them 审核中, residents only those that passed; a refused one is removed with a note', async () => {
    const p = await create();
    const CLEAN = 'cloud://local/0a1b2c3d-shed-before.jpg';
    const AFTER = 'cloud://local/1b2c3d4e-shed-after.jpg';
    const RISKY = 'cloud://local/4e5f6a7b-risky-test.jpg';
    const posted = await h.call('participation', 'progress', { projectId: p.id, requestId: rid('pu'), update: { date: '2027-01-10', percent: 30, text: '立柱已安装', photosBefore: [CLEAN], photosAfter: [AFTER, RISKY] } }, h.identities.gridLeader);
    expect(posted.update).toMatchObject({ photosBefore: [CLEAN], photosAfter: [AFTER, RISKY], pendingImages: [CLEAN, AFTER, RISKY], refusedImages: 0 });
    expect(h.stack.wechat.pendingMediaChecks.map((c) => c.fileId)).toEqual([CLEAN, AFTER, RISKY]);
    const timelineOf = async (openid: string) => (await h.call('participation', 'timeline', { projectId: p.id }, openid)).items[0];
    expect(await timelineOf(h.identities.committee)).toMatchObject({ photosBefore: [CLEAN], photosAfter: [AFTER, RISKY], pendingImages: [CLEAN, AFTER, RISKY] });
    expect(await timelineOf(h.identities.resident)).toMatchObject({ photosBefore: [], photosAfter: [], pendingImages: [], refusedImages: 0 });

    expect(await h.stack.wechat.flushMediaChecks()).toBe(3);
    expect(await timelineOf(h.identities.resident)).toMatchObject({ photosBefore: [CLEAN], photosAfter: [AFTER], pendingImages: [], refusedImages: 0 });
    expect(await timelineOf(h.identities.committee)).toMatchObject({ photosBefore: [CLEAN], photosAfter: [AFTER], pendingImages: [], refusedImages: 1 });
    // The author (the service council's chair now) sees the note too.
    expect(await timelineOf(h.identities.gridLeader)).toMatchObject({ refusedImages: 1 });
  });

  it('permissions: only the committee creates and edits; progress by the committee or the owner council chair now (张丽华), not a member of it', async () => {
    const p = await create();
    for (const who of [h.identities.resident, h.identities.member, h.identities.gridLeader, h.identities.streetAdmin]) {
      expect((await call('createProject', { project: shed, requestId: rid() }, who)).ok).toBe(false);
      expect((await call('editProject', { projectId: p.id, version: 0, project: shed, status: 'paused' }, who)).ok).toBe(false);
    }
    expect(await update(p.id, 10, h.identities.member)).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    expect(await update(p.id, 10, h.identities.resident)).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    expect(await update(p.id, 10, h.identities.gridLeader)).toMatchObject({ ok: true });
    expect(await update(p.id, 20, h.identities.otherCommittee)).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } });
    const edited = await h.call('participation', 'editProject', { projectId: p.id, version: 1, project: { ...shed, ownerCouncilId: null }, status: 'paused' }, h.identities.committee);
    expect(edited.project).toMatchObject({ status: 'paused', ownerCouncilName: null, version: 2 });
    expect(await call('editProject', { projectId: p.id, version: 1, project: shed, status: 'active' }, h.identities.committee)).toMatchObject({ ok: false, error: { code: 'PROJECTS.CHANGED' } });
    // No owner council now: its chair may no longer post.
    expect(await update(p.id, 30, h.identities.gridLeader)).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
  });

  it('foreign ids answer as missing; an event or council of another 居民区 is refused; bad input writes nothing', async () => {
    const p = await create();
    for (const action of ['project', 'timeline']) {
      expect(await call(action, { projectId: p.id }, h.identities.otherCommittee)).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } });
    }
    expect(await call('follow', { projectId: p.id, on: true }, h.identities.otherCommittee)).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } });
    expect(await call('createProject', { project: { ...shed, eventIds: ['cm-changfeng1-ev-x'] }, requestId: rid() }, h.identities.committee)).toMatchObject({ ok: false, error: { code: 'PROJECTS.EVENT_NOT_FOUND' } });
    expect(await call('createProject', { project: { ...shed, ownerCouncilId: 'cm-changfeng1-service' }, requestId: rid() }, h.identities.committee)).toMatchObject({ ok: false, error: { code: 'PROJECTS.COUNCIL_NOT_FOUND' } });
    for (const project of [{ ...shed, title: 'a\u0000' }, { ...shed, goal: 'x'.repeat(1024 * 1024) }, { ...shed, milestones: [{ title: '开工', due: '2027-13-01' }] }]) {
      expect(await call('createProject', { project, requestId: rid() }, h.identities.committee)).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } });
    }
    expect(await update(p.id, 101, h.identities.committee)).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } });
    expect(h.store.list(COLLECTIONS.projects)).toHaveLength(1);
    expect(h.store.list(COLLECTIONS.projectUpdates)).toHaveLength(0);
  });

  it('the 街道 lists every project of its 居民区 with no person named; a committee cannot', async () => {
    const p = await create();
    await h.call('participation', 'createProject', { project: { ...shed, title: '长风一村加装电梯', ownerCouncilId: null, eventIds: [] }, requestId: rid() }, h.identities.otherCommittee);
    const street = await h.call('participation', 'streetProjects', {}, h.identities.streetAdmin);
    expect(street.items).toHaveLength(2);
    expect(street.items.find((r: { projectId: string }) => r.projectId === p.id)).toEqual({
      communityId: 'cm-baiyu1',
      communityName: expect.any(String),
      projectId: p.id,
      title: shed.title,
      status: 'planned',
      percent: 0,
      updatedAt: expect.any(String),
    });
    expect(JSON.stringify(street)).not.toMatch(/周敏|孙伟|1390000/);
    expect(await call('streetProjects', {}, h.identities.committee)).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    // Filtered by status, for the street and for a 居民区.
    await h.call('participation', 'progress', { projectId: p.id, requestId: rid('pu'), update: { date: '2027-01-10', percent: 10, text: '开工' } }, h.identities.committee);
    expect((await h.call('participation', 'streetProjects', { status: 'planned' }, h.identities.streetAdmin)).items.map((r: { title: string }) => r.title)).toEqual(['长风一村加装电梯']);
    expect((await h.call('participation', 'projects', { status: 'active' }, h.identities.resident)).items.map((r: { id: string }) => r.id)).toEqual([p.id]);
    expect((await h.call('participation', 'projects', { status: 'planned' }, h.identities.resident)).items).toEqual([]);
    // Each 居民区 sees only its own.
    expect((await h.call('participation', 'projects', {}, h.identities.otherCommittee)).items.map((x: { title: string }) => x.title)).toEqual(['长风一村加装电梯']);
  });
});
