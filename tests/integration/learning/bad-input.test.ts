import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { startHarness, type DemoIdentity, type Harness } from '../../support/harness';
import { courseInput, lessonInput, publishedCourse, quizInput, rid } from './support';

/** Bad input: a stable code and a Chinese message, never COMMON.INTERNAL, and nothing written. */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(() => h.stop());
beforeEach(() => h.reset());

const MB = 'x'.repeat(1_000_000);
const NUL = '课\u0000程';

async function refused(who: DemoIdentity, action: string, payload: unknown): Promise<{ code: string; message: string; fields?: Record<string, string> }> {
  const res = await h.invoke('learning', { action, payload }, h.identities[who]);
  if (res.ok) throw new Error(`${action} accepted ${JSON.stringify(payload).slice(0, 200)}`);
  return res.error;
}

it('refuses NUL bytes, 1 MB strings, bidi overrides and malformed media in courses, lessons and quizzes, writing nothing', async () => {
  const c = await publishedCourse(h);
  const stored = () => JSON.stringify(h.store.list(COLLECTIONS.courses));
  const before = stored();
  const cases: [string, unknown][] = [
    ['createCourse', { course: courseInput({ title: NUL }), owner: 'community', requestId: rid() }],
    ['createCourse', { course: courseInput({ summary: MB }), owner: 'community', requestId: rid() }],
    ['createCourse', { course: courseInput({ title: '\u202E课程' }), owner: 'community', requestId: rid() }],
    ['createCourse', { course: courseInput({ studyMinutes: 601 }), owner: 'community', requestId: rid() }],
    ['createCourse', { course: courseInput({ requiredFor: ['street_admin' as never] }), owner: 'community', requestId: rid() }],
    ['createCourse', { course: courseInput({ cover: 'javascript:alert(1)' }), owner: 'community', requestId: rid() }],
    ['createCourse', { course: courseInput(), owner: 'community', requestId: 'x\u0000yyyyyyyy' }],
    ['updateCourse', { courseId: MB, version: c.version, course: courseInput() }],
    ['saveLesson', { courseId: c.id, version: c.version, lesson: lessonInput(1, { text: MB }) }],
    ['saveLesson', { courseId: c.id, version: c.version, lesson: lessonInput(1, { text: `正文${'\u0000'}` }) }],
    ['saveLesson', { courseId: c.id, version: c.version, lesson: lessonInput(1, { media: { kind: 'video', fileId: 'https://example.com/v.mp4' } }) }],
    ['saveLesson', { courseId: c.id, version: c.version, lesson: lessonInput(1, { media: { kind: 'video', fileId: `cloud://env/${'\u0000'}.mp4` } }) }],
    ['saveLesson', { courseId: c.id, version: c.version, lesson: lessonInput(1, { media: { kind: 'film' as never, fileId: 'cloud://env/v.mp4' } }) }],
    ['saveLesson', { courseId: c.id, version: c.version, lesson: lessonInput(1, { images: Array.from({ length: 10 }, (_, i) => `cloud://env/${i}.png`) }) }],
    ['saveLesson', { courseId: c.id, version: c.version, key: 'L1!', lesson: lessonInput(1) }],
    ['setQuiz', { courseId: c.id, version: c.version, quiz: { ...quizInput(), passPercent: 0 } }],
    ['setQuiz', { courseId: c.id, version: c.version, quiz: { ...quizInput(), passPercent: 101 } }],
    ['setQuiz', { courseId: c.id, version: c.version, quiz: { passPercent: 50, questions: [{ key: 'q1', kind: 'single', title: '题', options: [{ key: 'a', label: '甲' }, { key: 'b', label: '乙' }], correct: ['a', 'b'] }] } }],
    ['setQuiz', { courseId: c.id, version: c.version, quiz: { passPercent: 50, questions: [{ key: 'q1', kind: 'single', title: '题', options: [{ key: 'a', label: '甲' }, { key: 'b', label: '乙' }], correct: ['z'] }] } }],
    ['setQuiz', { courseId: c.id, version: c.version, quiz: { passPercent: 50, questions: [{ key: 'q1', kind: 'single', title: MB, options: [{ key: 'a', label: '甲' }, { key: 'b', label: '乙' }], correct: ['a'] }] } }],
    ['orderLessons', { courseId: c.id, version: c.version, keys: ['l1', '\u0000'] }],
  ];
  for (const [action, payload] of cases) {
    const error = await refused('committee', action, payload);
    expect([action, error.code]).toEqual([action, 'COMMON.INVALID_INPUT']);
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
  }
  expect(stored()).toBe(before);
});

it('refuses bad quiz answers, codes and searches with a stable code; a foreign or odd lesson key is missing', async () => {
  const c = await publishedCourse(h);
  for (const payload of [
    { courseId: c.id, requestId: rid(), answers: { q1: [NUL] } },
    { courseId: c.id, requestId: rid(), answers: { [MB]: ['a'] } },
    { courseId: c.id, requestId: 'short', answers: { q1: ['a'] } },
    { courseId: c.id, requestId: rid(), answers: ['a'] },
  ]) {
    expect((await refused('member', 'submitQuiz', payload)).code).toBe('COMMON.INVALID_INPUT');
  }
  expect((await refused('member', 'finishLesson', { courseId: c.id, key: 'l9' })).code).toBe('COMMON.NOT_FOUND');
  expect((await refused('member', 'finishLesson', { courseId: `${c.id}\u0000`, key: 'l1' })).code).toBe('COMMON.INVALID_INPUT');
  expect((await refused('resident', 'verifyCertificate', { code: MB })).code).toBe('COMMON.INVALID_INPUT');
  expect((await refused('resident', 'verifyCertificate', { code: 'ABCD\u0000EFGH' })).code).toBe('COMMON.INVALID_INPUT');
  expect((await refused('resident', 'listCases', { query: MB })).code).toBe('COMMON.INVALID_INPUT');
  expect((await refused('resident', 'listCases', { query: '电梯\u0000' })).code).toBe('COMMON.INVALID_INPUT');
  expect((await refused('resident', 'listCases', { tag: '不存在的标签' })).code).toBe('COMMON.INVALID_INPUT');
  expect((await refused('streetAdmin', 'createCase', { case: { title: '案例', summary: '简介', text: MB, tags: ['志愿服务'] }, requestId: rid() })).code).toBe('COMMON.INVALID_INPUT');
  expect((await refused('streetAdmin', 'createCase', { case: { title: '案例', summary: '简介', text: '正文', tags: [] }, requestId: rid() })).code).toBe('COMMON.INVALID_INPUT');
  expect((await refused('committee', 'requiredGaps', { courseId: c.id, role: 'street_admin' })).code).toBe('COMMON.INVALID_INPUT');
  expect(h.store.list(COLLECTIONS.courseAttempts)).toHaveLength(0);
  expect(h.store.list(COLLECTIONS.learningCases)).toHaveLength(0);
});
