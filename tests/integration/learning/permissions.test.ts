import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import type { CourseView, GapsView } from '../../../src/shared/domain/learning';
import { startHarness, type DemoIdentity, type Harness } from '../../support/harness';
import { ALL_RIGHT, courseInput, finishAllLessons, publishedCourse, rid } from './support';

/** Who may write, read and learn which course; foreign ids answer as missing; the gap list and its phones. */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(() => h.stop());
beforeEach(() => h.reset());

const codeOf = async (who: DemoIdentity, action: string, payload: unknown) => {
  const res = await h.invoke('learning', { action, payload }, h.identities[who]);
  return res.ok ? 'ok' : res.error.code;
};

describe('writing courses', () => {
  it('the committee writes for its 居民区, the 街道 for all; nobody else writes, and the owner is not the caller’s to pick', async () => {
    for (const who of ['resident', 'member', 'gridLeader', 'newcomer'] as const) {
      expect(await codeOf(who, 'createCourse', { course: courseInput(), owner: 'community', requestId: rid() })).toBe('COMMON.FORBIDDEN');
    }
    expect(await codeOf('committee', 'createCourse', { course: courseInput(), owner: 'street', requestId: rid() })).toBe('COMMON.FORBIDDEN');
    expect(await codeOf('streetAdmin', 'createCourse', { course: courseInput(), owner: 'community', requestId: rid() })).toBe('COMMON.FORBIDDEN');
    expect(h.store.list(COLLECTIONS.courses)).toHaveLength(0);
    const street = (await h.call('learning', 'createCourse', { course: courseInput(), owner: 'street', requestId: rid() }, h.identities.streetAdmin)).course as CourseView;
    expect(street).toMatchObject({ owner: 'street', ownerName: '长风新村街道' });
  });

  it('another 居民区’s committee cannot see, change or list a course; its ids answer as missing', async () => {
    const c = await publishedCourse(h);
    for (const [action, payload] of [
      ['getCourse', { courseId: c.id }],
      ['updateCourse', { courseId: c.id, version: c.version, course: courseInput({ title: '改' }) }],
      ['saveLesson', { courseId: c.id, version: c.version, lesson: { title: '第9课' } }],
      ['archiveCourse', { courseId: c.id, version: c.version }],
      ['finishLesson', { courseId: c.id, key: 'l1' }],
      ['submitQuiz', { courseId: c.id, requestId: rid(), answers: ALL_RIGHT }],
      ['requiredGaps', { courseId: c.id, role: 'member' }],
    ] as const) {
      expect([action, await codeOf('otherCommittee', action, payload)]).toEqual([action, 'COMMON.NOT_FOUND']);
      expect([action, await codeOf('applicant3', action, payload)]).toEqual([action, action === 'requiredGaps' ? 'COMMON.FORBIDDEN' : 'COMMON.NOT_FOUND']);
    }
    expect((await h.call('learning', 'listCourses', {}, h.identities.otherCommittee)).items).toEqual([]);
    // A made-up id is missing too.
    expect(await codeOf('member', 'getCourse', { courseId: 'co-000000000000000000000000' })).toBe('COMMON.NOT_FOUND');
    expect(h.store.list(COLLECTIONS.courseProgress)).toHaveLength(0);
  });

  it('a draft is the managers’ only; a member cannot change a published course', async () => {
    const draft = (await h.call('learning', 'createCourse', { course: courseInput(), owner: 'community', requestId: rid() }, h.identities.committee)).course as CourseView;
    expect(await codeOf('member', 'getCourse', { courseId: draft.id })).toBe('COMMON.NOT_FOUND');
    expect(await codeOf('member', 'finishLesson', { courseId: draft.id, key: 'l1' })).toBe('COMMON.NOT_FOUND');
    const c = await publishedCourse(h);
    expect(await codeOf('member', 'updateCourse', { courseId: c.id, version: c.version, course: courseInput({ title: '改' }) })).toBe('COMMON.NOT_FOUND');
    expect(await codeOf('gridLeader', 'setQuiz', { courseId: c.id, version: c.version, quiz: null })).toBe('COMMON.NOT_FOUND');
  });

  it('a 街道 course reaches every 居民区 of the 街道: both committees’ residents learn it; only the 街道 changes it', async () => {
    const c = await publishedCourse(h, { who: 'streetAdmin', quiz: null, course: { requiredFor: ['committee'] } });
    expect(await codeOf('committee', 'updateCourse', { courseId: c.id, version: c.version, course: courseInput() })).toBe('COMMON.NOT_FOUND');
    const mine = (await h.call('learning', 'getCourse', { courseId: c.id }, h.identities.otherCommittee)).course as CourseView;
    expect(mine).toMatchObject({ owner: 'street', requiredOfMe: true, can: { edit: false, learn: true, viewGaps: true } });
    const done = await finishAllLessons(h, mine, 'otherCommittee');
    expect(done.certificate).toMatchObject({ communityName: '长风一村' });
    // The 街道 admin manages it but, with no 居民区, does not learn it.
    const admin = (await h.call('learning', 'getCourse', { courseId: c.id }, h.identities.streetAdmin)).course as CourseView;
    expect(admin.can).toMatchObject({ edit: true, learn: false });
    expect(await codeOf('streetAdmin', 'finishLesson', { courseId: c.id, key: 'l1' })).toBe('COMMON.FORBIDDEN');
  });
});

describe('who has not finished (requiredGaps)', () => {
  it('lists the role’s holders without a certificate, with progress and phones, to the committee of the 居民区 only', async () => {
    const c = await publishedCourse(h, { course: { requiredFor: ['member', 'grid_leader'] } });
    await h.call('learning', 'finishLesson', { courseId: c.id, key: 'l1' }, h.identities.gridLeader);
    const before = (await h.call('learning', 'requiredGaps', { courseId: c.id, role: 'member' }, h.identities.committee)) as GapsView;
    const names = before.items.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['李建国', '张丽华']));
    expect(before).toMatchObject({ holders: names.length, finished: 0, missing: names.length, hasMore: false });
    expect(before.items.find((r) => r.name === '张丽华')).toMatchObject({ lessonsDone: 1, lessonCount: 2, phone: '13900001003', startedAt: expect.any(String) });
    expect(before.items.find((r) => r.name === '李建国')).toMatchObject({ lessonsDone: 0, startedAt: null });

    await finishAllLessons(h, c, 'member');
    await h.call('learning', 'submitQuiz', { courseId: c.id, requestId: rid(), answers: ALL_RIGHT }, h.identities.member);
    const after = (await h.call('learning', 'requiredGaps', { courseId: c.id, role: 'member' }, h.identities.committee)) as GapsView;
    expect(after.items.map((r) => r.name)).not.toContain('李建国');
    expect(after).toMatchObject({ holders: before.holders, finished: 1, missing: before.missing - 1 });
    const leaders = (await h.call('learning', 'requiredGaps', { courseId: c.id, role: 'grid_leader' }, h.identities.committee)) as GapsView;
    expect(leaders.items.map((r) => r.name)).toEqual(['张丽华']);

    for (const who of ['resident', 'member', 'gridLeader', 'streetAdmin'] as const) {
      expect([who, await codeOf(who, 'requiredGaps', { courseId: c.id, role: 'member' })]).toEqual([who, 'COMMON.FORBIDDEN']);
    }
    expect(await codeOf('committee', 'requiredGaps', { courseId: c.id, role: 'committee' })).toBe('LEARNING.NOT_REQUIRED');
  });

  it('a deleted account leaves the list, and its progress, attempts and certificate are erased', async () => {
    const c = await publishedCourse(h);
    await finishAllLessons(h, c, 'member');
    await h.call('learning', 'submitQuiz', { courseId: c.id, requestId: rid(), answers: ALL_RIGHT }, h.identities.member);
    const mine = await h.call('members', 'myData', {}, h.identities.member);
    expect(mine.courses).toEqual([expect.objectContaining({ courseId: c.id, title: '第二梯队新成员入门', lessonsDone: 2, quizAttempts: 1, bestPercent: 100, certificateCode: expect.any(String) })]);
    await h.call('members', 'deleteAccount', { confirm: '注销' }, h.identities.member);
    for (const coll of [COLLECTIONS.courseProgress, COLLECTIONS.courseAttempts, COLLECTIONS.courseCompletions]) {
      expect(h.store.list(coll).filter((d) => d.memberId === h.memberIdOf('member'))).toEqual([]);
    }
    const gaps = (await h.call('learning', 'requiredGaps', { courseId: c.id, role: 'member' }, h.identities.committee)) as GapsView;
    expect(gaps.items.map((r) => r.name)).not.toContain('李建国');
  });
});

describe('the case library', () => {
  const input = (title: string, tags: string[], extra: Record<string, unknown> = {}) => ({ title, summary: '一句话', text: `${title}的经过：大家一起想办法。`, tags, ...extra });

  it('the 街道 writes and publishes; residents of its 居民区 read published ones, by tag and words; nobody else writes', async () => {
    const a = (await h.call('learning', 'createCase', { case: input('加装电梯十法', ['议事协商'], { communityId: 'cm-baiyu1', source: '风荷十法' }), requestId: rid() }, h.identities.streetAdmin)).case;
    expect(a).toMatchObject({ communityName: '白玉新村第一居民区', published: false, can: { edit: true } });
    const b = (await h.call('learning', 'createCase', { case: input('楼道堆物清理 (100%)', ['楼道自治', '环境整治']), requestId: rid() }, h.identities.streetAdmin)).case;
    await h.call('learning', 'publishCase', { caseId: b.id, version: b.version, published: true }, h.identities.streetAdmin);
    // A draft is the 街道's only.
    expect((await h.call('learning', 'listCases', {}, h.identities.resident)).items.map((x: { id: string }) => x.id)).toEqual([b.id]);
    expect(await codeOf('resident', 'getCase', { caseId: a.id })).toBe('COMMON.NOT_FOUND');
    expect((await h.call('learning', 'listCases', {}, h.identities.streetAdmin)).items).toHaveLength(2);
    await h.call('learning', 'publishCase', { caseId: a.id, version: a.version, published: true }, h.identities.streetAdmin);
    const byTag = await h.call('learning', 'listCases', { tag: '楼道自治' }, h.identities.otherCommittee);
    expect(byTag.items.map((x: { id: string }) => x.id)).toEqual([b.id]);
    // Words match title, summary and text literally: regex characters are only characters.
    expect((await h.call('learning', 'listCases', { query: '电梯' }, h.identities.member)).items.map((x: { id: string }) => x.id)).toEqual([a.id]);
    expect((await h.call('learning', 'listCases', { query: '(100%)' }, h.identities.member)).items.map((x: { id: string }) => x.id)).toEqual([b.id]);
    expect((await h.call('learning', 'listCases', { query: '.*' }, h.identities.member)).items).toEqual([]);
    for (const who of ['resident', 'committee', 'gridLeader'] as const) {
      expect(await codeOf(who, 'createCase', { case: input('x', ['志愿服务']), requestId: rid() })).toBe('COMMON.FORBIDDEN');
      expect(await codeOf(who, 'publishCase', { caseId: a.id, version: 9, published: false })).toBe('COMMON.FORBIDDEN');
    }
    // A 居民区 of another 街道, or a made-up one, is refused.
    expect(await codeOf('streetAdmin', 'createCase', { case: input('x', ['志愿服务'], { communityId: 'cm-nowhere' }), requestId: rid() })).toBe('LEARNING.COMMUNITY_NOT_FOUND');
    expect(await codeOf('newcomer', 'listCases', {})).toBe('COMMON.FORBIDDEN');
    // A made-up case id is missing to readers and to the 街道 alike.
    expect(await codeOf('resident', 'getCase', { caseId: 'ca-000000000000000000000000' })).toBe('COMMON.NOT_FOUND');
    expect(await codeOf('streetAdmin', 'updateCase', { caseId: 'ca-000000000000000000000000', version: 0, case: input('x', ['志愿服务']) })).toBe('COMMON.NOT_FOUND');
    expect(await codeOf('streetAdmin', 'publishCase', { caseId: 'ca-000000000000000000000000', version: 0, published: true })).toBe('COMMON.NOT_FOUND');
  });

  it('withdrawing a case hides it; publishing the same state again changes nothing; a stale version is refused', async () => {
    const k = (await h.call('learning', 'createCase', { case: input('案例', ['志愿服务']), requestId: rid() }, h.identities.streetAdmin)).case;
    const p = (await h.call('learning', 'publishCase', { caseId: k.id, version: k.version, published: true }, h.identities.streetAdmin)).case;
    const again = (await h.call('learning', 'publishCase', { caseId: k.id, version: k.version, published: true }, h.identities.streetAdmin)).case;
    expect(again.version).toBe(p.version);
    expect(await codeOf('streetAdmin', 'updateCase', { caseId: k.id, version: k.version, case: input('改', ['志愿服务']) })).toBe('LEARNING.CHANGED');
    await h.call('learning', 'publishCase', { caseId: k.id, version: p.version, published: false }, h.identities.streetAdmin);
    expect(await codeOf('member', 'getCase', { caseId: k.id })).toBe('COMMON.NOT_FOUND');
  });
});
