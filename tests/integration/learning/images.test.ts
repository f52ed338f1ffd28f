import type { CaseView, CourseView } from '../../../src/shared/domain/learning';
import { startHarness, type Harness } from '../../support/harness';
import { courseInput, lessonInput, rid } from './support';

/** Course and case images through the image check: learners see an image once the verdict passes it. */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(() => h.stop());
beforeEach(() => h.reset());

const CLEAN = 'cloud://local/0a1b2c3d-cover.jpg';
const LESSON = 'cloud://local/1a2b3c4d-lesson.jpg';
const RISKY = 'cloud://local/4e5f6a7b-risky-test.jpg';

it('a course’s cover and lesson images show to learners after the verdict; a refused one is dropped and counted', async () => {
  let c: CourseView = (await h.call('learning', 'createCourse', { course: courseInput({ cover: CLEAN }), owner: 'community', requestId: rid() }, h.identities.committee)).course;
  c = (await h.call('learning', 'saveLesson', { courseId: c.id, version: c.version, lesson: lessonInput(1, { images: [LESSON, RISKY] }) }, h.identities.committee)).course;
  expect(c.imageReview).toEqual({ pendingImages: [CLEAN, LESSON, RISKY], refusedImages: 0 });
  c = (await h.call('learning', 'publishCourse', { courseId: c.id, version: c.version }, h.identities.committee)).course;
  const before = (await h.call('learning', 'getCourse', { courseId: c.id }, h.identities.member)).course as CourseView;
  expect(before).toMatchObject({ cover: '', lessons: [{ images: [] }], imageReview: { pendingImages: [], refusedImages: 0 } });

  expect(await h.stack.wechat.flushMediaChecks()).toBe(3);
  const after = (await h.call('learning', 'getCourse', { courseId: c.id }, h.identities.member)).course as CourseView;
  expect(after).toMatchObject({ cover: CLEAN, lessons: [{ images: [LESSON] }] });
  const manager = (await h.call('learning', 'getCourse', { courseId: c.id }, h.identities.committee)).course as CourseView;
  expect(manager.imageReview).toEqual({ pendingImages: [], refusedImages: 1 });
});

it('a case’s images show once passed; readers never see those under check', async () => {
  const input = { title: '楼道微更新', summary: '楼组长带着大家一起动手', text: '楼道里堆物清理后，大家一起画了墙绘。', tags: ['楼道自治'], images: [CLEAN] };
  let k: CaseView = (await h.call('learning', 'createCase', { case: input, requestId: rid() }, h.identities.streetAdmin)).case;
  expect(k).toMatchObject({ images: [], imageReview: { pendingImages: [CLEAN] } });
  k = (await h.call('learning', 'publishCase', { caseId: k.id, version: k.version, published: true }, h.identities.streetAdmin)).case;
  expect((await h.call('learning', 'getCase', { caseId: k.id }, h.identities.resident)).case).toMatchObject({ images: [], cover: null, imageReview: { pendingImages: [] } });
  await h.stack.wechat.flushMediaChecks();
  expect((await h.call('learning', 'getCase', { caseId: k.id }, h.identities.resident)).case).toMatchObject({ images: [CLEAN], cover: CLEAN });
});
