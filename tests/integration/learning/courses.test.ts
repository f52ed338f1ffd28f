import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import type { CourseView, QuizResultView } from '../../../src/shared/domain/learning';
import { startHarness, type Harness } from '../../support/harness';
import { ALL_RIGHT, ALL_WRONG, HALF_RIGHT, courseInput, finishAllLessons, lessonInput, publishedCourse, quizInput, rid } from './support';

/** 云课堂 through the real functions: writing a course, learning it, the quiz, the certificate and its points. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(() => h.stop());
beforeEach(() => h.reset());

const points = (who: 'member' | 'resident' | 'gridLeader') => {
  const b = h.store.get(COLLECTIONS.ledgerBalances, h.memberIdOf(who)) as { points?: number } | undefined;
  return b?.points ?? 0;
};

describe('writing a course', () => {
  it('creates a draft once per request id, adds, replaces, orders and removes lessons, sets a quiz, publishes', async () => {
    const payload = { course: courseInput(), owner: 'community', requestId: rid() };
    const first = (await h.call('learning', 'createCourse', payload, h.identities.committee)).course as CourseView;
    const again = (await h.call('learning', 'createCourse', payload, h.identities.committee)).course as CourseView;
    expect(again.id).toBe(first.id);
    expect(h.store.list(COLLECTIONS.courses)).toHaveLength(1);
    expect(first).toMatchObject({ state: 'draft', owner: 'community', ownerName: '白玉新村第一居民区', lessonCount: 0, can: { edit: true, publish: true, learn: false } });

    let c = first;
    c = (await h.call('learning', 'saveLesson', { courseId: c.id, version: c.version, lesson: lessonInput(1, { media: { kind: 'video', fileId: 'cloud://env.bucket/v1.mp4' } }) }, h.identities.committee)).course;
    c = (await h.call('learning', 'saveLesson', { courseId: c.id, version: c.version, lesson: lessonInput(2, { images: ['cloud://env.bucket/p.png'] }) }, h.identities.committee)).course;
    expect(c.lessons.map((l) => l.key)).toEqual(['l1', 'l2']);
    c = (await h.call('learning', 'saveLesson', { courseId: c.id, version: c.version, key: 'l1', lesson: lessonInput(1, { title: '改过的第一课' }) }, h.identities.committee)).course;
    expect(c.lessons[0]).toMatchObject({ key: 'l1', title: '改过的第一课', media: null });
    c = (await h.call('learning', 'orderLessons', { courseId: c.id, version: c.version, keys: ['l2', 'l1'] }, h.identities.committee)).course;
    expect(c.lessons.map((l) => l.key)).toEqual(['l2', 'l1']);
    // A stale version is refused, nothing written.
    const stale = await h.invoke('learning', { action: 'removeLesson', payload: { courseId: c.id, version: c.version - 1, key: 'l1' } }, h.identities.committee);
    expect(stale).toMatchObject({ ok: false, error: { code: 'LEARNING.CHANGED' } });
    c = (await h.call('learning', 'removeLesson', { courseId: c.id, version: c.version, key: 'l1' }, h.identities.committee)).course;
    c = (await h.call('learning', 'saveLesson', { courseId: c.id, version: c.version, lesson: lessonInput(3) }, h.identities.committee)).course;
    // Keys are never reused: the removed l1 does not come back.
    expect(c.lessons.map((l) => l.key)).toEqual(['l2', 'l3']);
    c = (await h.call('learning', 'setQuiz', { courseId: c.id, version: c.version, quiz: quizInput() }, h.identities.committee)).course;
    expect(c.quiz).toMatchObject({ withAnswers: true, passPercent: 50 });
    c = (await h.call('learning', 'publishCourse', { courseId: c.id, version: c.version }, h.identities.committee)).course;
    expect(c).toMatchObject({ state: 'published', hasQuiz: true, lessonCount: 2 });

    // A member sees it, without the quiz's answers.
    const seen = (await h.call('learning', 'getCourse', { courseId: c.id }, h.identities.member)).course as CourseView;
    expect(seen.quiz).not.toHaveProperty('withAnswers');
    expect(JSON.stringify(seen.quiz)).not.toContain('correct');
    expect(seen).toMatchObject({ requiredOfMe: true, can: { edit: false, learn: true } });
  });

  it('will not publish a course without lessons; archives a published one', async () => {
    const c = (await h.call('learning', 'createCourse', { course: courseInput(), owner: 'community', requestId: rid() }, h.identities.committee)).course as CourseView;
    const res = await h.invoke('learning', { action: 'publishCourse', payload: { courseId: c.id, version: c.version } }, h.identities.committee);
    expect(res).toMatchObject({ ok: false, error: { code: 'LEARNING.NO_LESSONS' } });
    const p = await publishedCourse(h, { quiz: null });
    const archived = (await h.call('learning', 'archiveCourse', { courseId: p.id, version: p.version }, h.identities.committee)).course as CourseView;
    expect(archived.state).toBe('archived');
    const gone = await h.invoke('learning', { action: 'getCourse', payload: { courseId: p.id } }, h.identities.member);
    expect(gone).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } });
  });

  it('lists required-and-unfinished first, for residents only published ones', async () => {
    const draft = (await h.call('learning', 'createCourse', { course: courseInput({ title: '草稿课', requiredFor: [] }), owner: 'community', requestId: rid() }, h.identities.committee)).course as CourseView;
    const optional = await publishedCourse(h, { course: { title: '选修课', requiredFor: [] } });
    const required = await publishedCourse(h, { course: { title: '必修课', requiredFor: ['member'] } });
    const member = await h.call('learning', 'listCourses', {}, h.identities.member);
    expect(member.items.map((c: { title: string }) => c.title)).toEqual(['必修课', '选修课']);
    const committee = await h.call('learning', 'listCourses', {}, h.identities.committee);
    expect(committee.items.map((c: { id: string }) => c.id).sort()).toEqual([draft.id, optional.id, required.id].sort());
    const onlyRequired = await h.call('learning', 'listCourses', { filters: { requiredOnly: true } }, h.identities.member);
    expect(onlyRequired.items.map((c: { id: string }) => c.id)).toEqual([required.id]);
  });
});

describe('learning a course', () => {
  it('marks lessons done idempotently; finishing a course without a quiz issues a certificate and posts points once', async () => {
    const c = await publishedCourse(h, { quiz: null });
    const before = points('member');
    const once = (await h.call('learning', 'finishLesson', { courseId: c.id, key: 'l1' }, h.identities.member)).course as CourseView;
    const twice = (await h.call('learning', 'finishLesson', { courseId: c.id, key: 'l1' }, h.identities.member)).course as CourseView;
    expect(once.lessonsDone).toBe(1);
    expect(twice.lessonsDone).toBe(1);
    expect(twice.certificate).toBeNull();
    const done = (await h.call('learning', 'finishLesson', { courseId: c.id, key: 'l2' }, h.identities.member)).course as CourseView;
    expect(done).toMatchObject({ completed: true, lessonsDone: 2 });
    // 90 minutes is 1.5 hours by the hours rule, at the default 10 points an hour: 15.
    expect(done.certificate).toMatchObject({ name: '李建国', courseTitle: '第二梯队新成员入门', communityName: '白玉新村第一居民区', percent: null, points: 15 });
    expect(done.certificate!.code).toMatch(/^[23456789A-HJ-NP-Z]{12}$/);
    expect(points('member') - before).toBe(15);
    // Again: no second entry.
    await h.call('learning', 'finishLesson', { courseId: c.id, key: 'l2' }, h.identities.member);
    expect(points('member') - before).toBe(15);
    const entries = h.store.list(COLLECTIONS.ledgerEntries).filter((e) => e.source === 'course');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ memberId: h.memberIdOf('member'), halfHours: 0, points: 15, sourceId: c.id, reason: '完成课程《第二梯队新成员入门》' });
  });

  it('grades the quiz: a fail and a retry, then a pass issues the certificate; a retried attempt counts once', async () => {
    const c = await publishedCourse(h, { quiz: quizInput(100) });
    await finishAllLessons(h, c, 'member');
    const fail = (await h.call('learning', 'submitQuiz', { courseId: c.id, requestId: rid('q'), answers: HALF_RIGHT }, h.identities.member)) as QuizResultView;
    expect(fail).toMatchObject({ correct: 1, total: 2, percent: 50, passed: false, wrong: ['q2'], certificate: null, course: { completed: false, myQuiz: { attempts: 1, bestPercent: 50, passed: false } } });
    const payload = { courseId: c.id, requestId: rid('q'), answers: ALL_RIGHT };
    const pass = (await h.call('learning', 'submitQuiz', payload, h.identities.member)) as QuizResultView;
    expect(pass).toMatchObject({ percent: 100, passed: true, course: { completed: true, myQuiz: { attempts: 2, passed: true } } });
    expect(pass.certificate).toMatchObject({ percent: 100, points: 15 });
    // The same request again answers the same attempt and certificate, counting nothing.
    const retry = (await h.call('learning', 'submitQuiz', payload, h.identities.member)) as QuizResultView;
    expect(retry).toMatchObject({ attemptId: pass.attemptId, percent: 100, passed: true, course: { myQuiz: { attempts: 2 } } });
    expect(retry.certificate?.code).toBe(pass.certificate!.code);
    expect(h.store.list(COLLECTIONS.courseAttempts)).toHaveLength(2);
    // A later wrong attempt takes nothing away.
    const later = (await h.call('learning', 'submitQuiz', { courseId: c.id, requestId: rid('q'), answers: ALL_WRONG }, h.identities.member)) as QuizResultView;
    expect(later).toMatchObject({ passed: false, certificate: null, course: { completed: true, myQuiz: { attempts: 3, bestPercent: 100, passed: true } } });
    expect(h.store.list(COLLECTIONS.courseCompletions)).toHaveLength(1);
  });

  it('passing the quiz before the last lesson: the last lesson then finishes the course', async () => {
    const c = await publishedCourse(h);
    await h.call('learning', 'finishLesson', { courseId: c.id, key: 'l1' }, h.identities.member);
    const pass = (await h.call('learning', 'submitQuiz', { courseId: c.id, requestId: rid('q'), answers: ALL_RIGHT }, h.identities.member)) as QuizResultView;
    expect(pass).toMatchObject({ passed: true, certificate: null, course: { completed: false } });
    const done = (await h.call('learning', 'finishLesson', { courseId: c.id, key: 'l2' }, h.identities.member)).course as CourseView;
    expect(done.certificate).toMatchObject({ percent: 100 });
  });

  it('refuses a quiz with questions left out or unknown options, and a course without a quiz', async () => {
    const c = await publishedCourse(h);
    for (const answers of [{ q1: ['a'] }, { q1: ['a'], q2: ['z'] }, { q1: ['a', 'b'], q2: ['a'] }, { q1: ['a'], q2: ['a'], q9: ['a'] }]) {
      const res = await h.invoke('learning', { action: 'submitQuiz', payload: { courseId: c.id, requestId: rid('q'), answers } }, h.identities.member);
      expect(res).toMatchObject({ ok: false, error: { code: 'LEARNING.BAD_ANSWER' } });
    }
    expect(h.store.list(COLLECTIONS.courseAttempts)).toHaveLength(0);
    const plain = await publishedCourse(h, { quiz: null });
    const res = await h.invoke('learning', { action: 'submitQuiz', payload: { courseId: plain.id, requestId: rid('q'), answers: ALL_RIGHT } }, h.identities.member);
    expect(res).toMatchObject({ ok: false, error: { code: 'LEARNING.NO_QUIZ' } });
  });

  it('limits attempts a day, and allows more the next day', async () => {
    const c = await publishedCourse(h);
    for (let i = 0; i < 10; i++) await h.call('learning', 'submitQuiz', { courseId: c.id, requestId: rid('q'), answers: ALL_WRONG }, h.identities.member);
    const res = await h.invoke('learning', { action: 'submitQuiz', payload: { courseId: c.id, requestId: rid('q'), answers: ALL_RIGHT } }, h.identities.member);
    expect(res).toMatchObject({ ok: false, error: { code: 'LEARNING.TOO_MANY_ATTEMPTS' } });
    h.stack.clock.offsetMs = 24 * 60 * 60_000;
    try {
      const next = (await h.call('learning', 'submitQuiz', { courseId: c.id, requestId: rid('q'), answers: ALL_RIGHT }, h.identities.member)) as QuizResultView;
      expect(next.passed).toBe(true);
    } finally {
      h.stack.clock.offsetMs = 0;
    }
  });

  it('under concurrent retries and racing taps: one completion, one certificate code, points posted once', async () => {
    const c = await publishedCourse(h);
    await h.call('learning', 'finishLesson', { courseId: c.id, key: 'l1' }, h.identities.member);
    const before = points('member');
    const payload = { courseId: c.id, requestId: rid('q'), answers: ALL_RIGHT };
    const calls = [
      ...Array.from({ length: 4 }, () => h.invoke('learning', { action: 'submitQuiz', payload }, h.identities.member)),
      ...Array.from({ length: 2 }, () => h.invoke('learning', { action: 'submitQuiz', payload: { ...payload, requestId: rid('q') } }, h.identities.member)),
      ...Array.from({ length: 4 }, () => h.invoke('learning', { action: 'finishLesson', payload: { courseId: c.id, key: 'l2' } }, h.identities.member)),
    ];
    const results = await Promise.all(calls);
    for (const r of results) expect(r).toMatchObject({ ok: true });
    expect(h.store.list(COLLECTIONS.courseCompletions)).toHaveLength(1);
    expect(h.store.list(COLLECTIONS.courseAttempts)).toHaveLength(3);
    expect(h.store.list(COLLECTIONS.ledgerEntries).filter((e) => e.source === 'course')).toHaveLength(1);
    expect(points('member') - before).toBe(15);
    const view = (await h.call('learning', 'getCourse', { courseId: c.id }, h.identities.member)).course as CourseView;
    expect(view.myQuiz.attempts).toBe(3);
    expect(view.certificate!.code).toBe(h.store.list(COLLECTIONS.courseCompletions)[0]!.code);
  });

  it('points follow the 居民区’s rules: the 学习培训 rate when listed', async () => {
    await h.call('ledger', 'setRules', { pointsPerHour: 10, eventTypes: [{ name: '学习培训', pointsPerHour: 4 }], dailyCap: 5 }, h.identities.committee);
    const c = await publishedCourse(h, { quiz: null, course: { studyMinutes: 120 } });
    const done = await finishAllLessons(h, c, 'member');
    // 2 hours at 4 an hour; the daily cap on service points does not apply to learning.
    expect(done.certificate!.points).toBe(8);
  });
});

describe('certificates', () => {
  it('verifies a code with or without dashes, says no to others, lists the learner’s own', async () => {
    const c = await publishedCourse(h, { quiz: null });
    const done = await finishAllLessons(h, c, 'member');
    const code = done.certificate!.code;
    const dashed = code.replace(/(.{4})(?=.)/g, '$1-').toLowerCase();
    const ok = await h.call('learning', 'verifyCertificate', { code: dashed }, h.identities.newcomer);
    expect(ok).toEqual({ genuine: true, certificate: done.certificate });
    expect(JSON.stringify(ok)).not.toContain(h.memberIdOf('member'));
    expect(await h.call('learning', 'verifyCertificate', { code: 'ABCD-EFGH-JKLM' }, h.identities.newcomer)).toEqual({ genuine: false });
    expect(await h.call('learning', 'verifyCertificate', { code: '0000' }, h.identities.newcomer)).toEqual({ genuine: false });
    const mine = await h.call('learning', 'myCertificates', {}, h.identities.member);
    expect(mine.items).toEqual([done.certificate]);
    expect((await h.call('learning', 'myCertificates', {}, h.identities.resident)).items).toEqual([]);
  });

  it('the owed-points timer posts what a dead call left, once', async () => {
    const c = await publishedCourse(h, { quiz: null });
    await finishAllLessons(h, c, 'member');
    // As if the call died after the completion's transaction: the points are owed and not in the ledger.
    const doc = h.store.list(COLLECTIONS.courseCompletions)[0]! as { _id: string };
    const entry = h.store.list(COLLECTIONS.ledgerEntries).find((e) => e.source === 'course')!;
    h.store.commit([
      { op: 'put', coll: COLLECTIONS.courseCompletions, doc: { ...h.store.get(COLLECTIONS.courseCompletions, doc._id)!, pointsPosted: false } },
      { op: 'del', coll: COLLECTIONS.ledgerEntries, id: entry._id },
      { op: 'put', coll: COLLECTIONS.ledgerBalances, doc: { ...h.store.get(COLLECTIONS.ledgerBalances, h.memberIdOf('member'))!, points: 0, entries: 0 } },
    ]);
    expect(await h.timer('learning', 'course-points')).toEqual({ owed: 0, posted: 0 });
    h.stack.clock.offsetMs = 5 * 60_000;
    try {
      expect(await h.timer('learning', 'course-points')).toEqual({ owed: 1, posted: 1 });
      expect(await h.timer('learning', 'course-points')).toEqual({ owed: 0, posted: 0 });
    } finally {
      h.stack.clock.offsetMs = 0;
    }
    expect(h.store.list(COLLECTIONS.ledgerEntries).filter((e) => e.source === 'course')).toHaveLength(1);
  });
});
