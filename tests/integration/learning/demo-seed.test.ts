import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { DEMO_LEARNING } from '../../../emulator/seed/learning';
import type { CourseView, GapsView } from '../../../src/shared/domain/learning';
import { startHarness, type Harness } from '../../support/harness';

/** The demo course and cases (`npm start`): what each role finds in them, read through the real functions. */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(() => h.stop());
beforeEach(() => h.reset());

it('is seeded only when asked, once', async () => {
  expect(h.store.list(COLLECTIONS.courses)).toHaveLength(0);
  expect(await h.stack.seed({ learning: true })).toBe(5);
  expect(await h.stack.seed({ learning: true })).toBe(0);
});

it('shows the grid leader 微格长入门 as required and half begun, the committee who has not finished, everyone the two cases', async () => {
  await h.stack.seed({ learning: true });
  const list = await h.call('learning', 'listCourses', {}, h.identities.gridLeader);
  expect(list.items[0]).toMatchObject({ id: DEMO_LEARNING.gridLeaderCourse, title: '微格长入门', requiredOfMe: true, lessonsDone: 1, lessonCount: 3, hasQuiz: true, completed: false });
  const course = (await h.call('learning', 'getCourse', { courseId: DEMO_LEARNING.gridLeaderCourse }, h.identities.gridLeader)).course as CourseView;
  expect(course).toMatchObject({ myQuiz: { attempts: 1, passed: false }, lessons: [{ done: true, media: { kind: 'video' } }, { done: false, media: { kind: 'audio' } }, { done: false }] });
  // The member is not a grid leader: the course is there, not required of them.
  const member = await h.call('learning', 'listCourses', {}, h.identities.member);
  expect(member.items[0]).toMatchObject({ id: DEMO_LEARNING.gridLeaderCourse, requiredOfMe: false });
  const gaps = (await h.call('learning', 'requiredGaps', { courseId: DEMO_LEARNING.gridLeaderCourse, role: 'grid_leader' }, h.identities.committee)) as GapsView;
  expect(gaps).toMatchObject({ holders: 1, finished: 0, missing: 1, items: [{ name: '张丽华', lessonsDone: 1, lessonCount: 3 }] });
  const cases = await h.call('learning', 'listCases', {}, h.identities.resident);
  expect(cases.items.map((c: { id: string }) => c.id)).toEqual([DEMO_LEARNING.ebikeCase, DEMO_LEARNING.leakCase]);
  expect((await h.call('learning', 'listCases', { query: '漏水' }, h.identities.resident)).items.map((c: { id: string }) => c.id)).toEqual([DEMO_LEARNING.leakCase]);
});

it('the grid leader finishes it: the certificate verifies and the points are posted once', async () => {
  await h.stack.seed({ learning: true });
  for (const key of ['l2', 'l3']) await h.call('learning', 'finishLesson', { courseId: DEMO_LEARNING.gridLeaderCourse, key }, h.identities.gridLeader);
  const result = await h.call('learning', 'submitQuiz', { courseId: DEMO_LEARNING.gridLeaderCourse, requestId: 'demo-pass-1', answers: { q1: ['b'], q2: ['a', 'c'], q3: ['a'] } }, h.identities.gridLeader);
  expect(result).toMatchObject({ passed: true, percent: 100, certificate: { courseTitle: '微格长入门', name: '张丽华', points: 10 } });
  expect(await h.call('learning', 'verifyCertificate', { code: result.certificate.code }, h.identities.resident)).toMatchObject({ genuine: true });
  const gaps = (await h.call('learning', 'requiredGaps', { courseId: DEMO_LEARNING.gridLeaderCourse, role: 'grid_leader' }, h.identities.committee)) as GapsView;
  expect(gaps).toMatchObject({ holders: 1, finished: 1, missing: 0, items: [] });
});
