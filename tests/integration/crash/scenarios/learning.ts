import { COLLECTIONS } from '../../../../cloudfunctions/_core/collections';
import { ALL_RIGHT, courseInput, lessonInput, quizInput } from '../../learning/support';
import { scenario, type CrashScenario } from '../../../support/crash-matrix';
import type { DemoIdentity, Harness } from '../../../support/harness';

/**
 * The learning function's writing actions and its owed-points timer for the crash matrix (docs/crash-safety.md). A
 * draft course or case is one keyed insert; every edit is one conditional write on the version; a lesson done or a
 * quiz attempt moves the progress (with the attempt, and the completion when it finishes the course) in one
 * transaction, then the points go through the ledger under `course:<courseId>:<memberId>` and are marked posted.
 * Read actions that need a course, a case or a gap list have rows here with no write point.
 */

interface Made {
  id: string;
  version: number;
}

/** The certificate's code is random by design (nobody can work it out from a learner's details). */
const CODE = [/^[2-9A-HJ-NP-Z]{12}$/];

async function draft(h: Harness, who: DemoIdentity = 'committee'): Promise<Made> {
  const owner = who === 'streetAdmin' ? 'street' : 'community';
  let c = (await h.call('learning', 'createCourse', { course: courseInput(), owner, requestId: 'crash-setup-course' }, h.identities[who])).course;
  for (const n of [1, 2]) c = (await h.call('learning', 'saveLesson', { courseId: c.id, version: c.version, lesson: lessonInput(n) }, h.identities[who])).course;
  c = (await h.call('learning', 'setQuiz', { courseId: c.id, version: c.version, quiz: quizInput() }, h.identities[who])).course;
  return { id: c.id, version: c.version };
}

async function published(h: Harness): Promise<Made> {
  const d = await draft(h);
  const c = (await h.call('learning', 'publishCourse', { courseId: d.id, version: d.version }, h.identities.committee)).course;
  return { id: c.id, version: c.version };
}

/** Published, with the member one lesson and a passed quiz short of finishing: the next lesson finishes it. */
async function almostDone(h: Harness): Promise<Made> {
  const c = await published(h);
  await h.call('learning', 'finishLesson', { courseId: c.id, key: 'l1' }, h.identities.member);
  await h.call('learning', 'submitQuiz', { courseId: c.id, requestId: 'crash-setup-quiz', answers: ALL_RIGHT }, h.identities.member);
  return c;
}

const caseInput = (title = '微格长走访发现漏水隐患') => ({ title, summary: '及时报、及时修', text: '微格长走访时发现装修漏水隐患，联系物业上门排查。', tags: ['微格治理'] });

async function draftCase(h: Harness): Promise<Made> {
  const c = (await h.call('learning', 'createCase', { case: caseInput(), requestId: 'crash-setup-case' }, h.identities.streetAdmin)).case;
  return { id: c.id, version: c.version };
}

export const scenarios: CrashScenario[] = [
  scenario({ name: 'learning.createCourse', fn: 'learning', action: 'createCourse', caller: 'committee', payload: () => ({ course: courseInput(), owner: 'community', requestId: 'crash-create-course' }) }),
  scenario({
    name: 'learning.updateCourse',
    fn: 'learning',
    action: 'updateCourse',
    caller: 'committee',
    setup: (h) => draft(h),
    payload: (c: Made) => ({ courseId: c.id, version: c.version, course: courseInput({ title: '改过的课程名' }) }),
  }),
  scenario({
    name: 'learning.saveLesson (added)',
    fn: 'learning',
    action: 'saveLesson',
    caller: 'committee',
    setup: (h) => draft(h),
    payload: (c: Made) => ({ courseId: c.id, version: c.version, lesson: lessonInput(3, { media: { kind: 'audio', fileId: 'cloud://env.bucket/a.mp3' } }) }),
  }),
  scenario({
    name: 'learning.saveLesson (with images: their checks resumed by the retry)',
    fn: 'learning',
    action: 'saveLesson',
    caller: 'committee',
    setup: (h) => draft(h),
    payload: (c: Made) => ({ courseId: c.id, version: c.version, key: 'l1', lesson: lessonInput(1, { images: ['cloud://local/0a1b2c3d-stairs.jpg', 'cloud://local/8c9d0e1f-garden.jpg'] }) }),
  }),
  scenario({
    name: 'learning.createCase (with an image)',
    fn: 'learning',
    action: 'createCase',
    caller: 'streetAdmin',
    payload: () => ({ case: { ...caseInput(), images: ['cloud://local/0a1b2c3d-stairs.jpg'] }, requestId: 'crash-create-case-image' }),
  }),
  scenario({
    name: 'learning.removeLesson',
    fn: 'learning',
    action: 'removeLesson',
    caller: 'committee',
    setup: (h) => draft(h),
    payload: (c: Made) => ({ courseId: c.id, version: c.version, key: 'l1' }),
  }),
  scenario({
    name: 'learning.orderLessons',
    fn: 'learning',
    action: 'orderLessons',
    caller: 'committee',
    setup: (h) => draft(h),
    payload: (c: Made) => ({ courseId: c.id, version: c.version, keys: ['l2', 'l1'] }),
  }),
  scenario({ name: 'learning.setQuiz', fn: 'learning', action: 'setQuiz', caller: 'committee', setup: (h) => draft(h), payload: (c: Made) => ({ courseId: c.id, version: c.version, quiz: quizInput(100) }) }),
  scenario({ name: 'learning.publishCourse', fn: 'learning', action: 'publishCourse', caller: 'committee', setup: (h) => draft(h), payload: (c: Made) => ({ courseId: c.id, version: c.version }) }),
  scenario({ name: 'learning.archiveCourse', fn: 'learning', action: 'archiveCourse', caller: 'committee', setup: published, payload: (c: Made) => ({ courseId: c.id, version: c.version }) }),
  scenario({ name: 'learning.finishLesson (first lesson)', fn: 'learning', action: 'finishLesson', caller: 'member', setup: published, payload: (c: Made) => ({ courseId: c.id, key: 'l1' }) }),
  scenario({
    name: 'learning.finishLesson (the last step: certificate and points)',
    fn: 'learning',
    action: 'finishLesson',
    caller: 'member',
    setup: almostDone,
    payload: (c: Made) => ({ courseId: c.id, key: 'l2' }),
    random: CODE,
  }),
  scenario({
    name: 'learning.submitQuiz (a fail)',
    fn: 'learning',
    action: 'submitQuiz',
    caller: 'member',
    setup: published,
    payload: (c: Made) => ({ courseId: c.id, requestId: 'crash-quiz-fail', answers: { q1: ['b'], q2: ['c'] } }),
  }),
  scenario({
    name: 'learning.submitQuiz (a pass that finishes: certificate and points)',
    fn: 'learning',
    action: 'submitQuiz',
    caller: 'member',
    setup: async (h) => {
      const c = await published(h);
      for (const key of ['l1', 'l2']) await h.call('learning', 'finishLesson', { courseId: c.id, key }, h.identities.member);
      return c;
    },
    payload: (c: Made) => ({ courseId: c.id, requestId: 'crash-quiz-pass', answers: ALL_RIGHT }),
    random: CODE,
  }),
  scenario({ name: 'learning.getCourse', fn: 'learning', action: 'getCourse', caller: 'member', setup: almostDone, payload: (c: Made) => ({ courseId: c.id }) }),
  scenario({ name: 'learning.requiredGaps', fn: 'learning', action: 'requiredGaps', caller: 'committee', setup: almostDone, payload: (c: Made) => ({ courseId: c.id, role: 'member' }) }),
  scenario({ name: 'learning.createCase', fn: 'learning', action: 'createCase', caller: 'streetAdmin', payload: () => ({ case: caseInput(), requestId: 'crash-create-case' }) }),
  scenario({ name: 'learning.updateCase', fn: 'learning', action: 'updateCase', caller: 'streetAdmin', setup: draftCase, payload: (c: Made) => ({ caseId: c.id, version: c.version, case: caseInput('改过的标题') }) }),
  scenario({ name: 'learning.publishCase', fn: 'learning', action: 'publishCase', caller: 'streetAdmin', setup: draftCase, payload: (c: Made) => ({ caseId: c.id, version: c.version, published: true }) }),
  scenario({
    name: 'learning.getCase',
    fn: 'learning',
    action: 'getCase',
    caller: 'member',
    setup: async (h) => {
      const c = await draftCase(h);
      await h.call('learning', 'publishCase', { caseId: c.id, version: c.version, published: true }, h.identities.streetAdmin);
      return c;
    },
    payload: (c: Made) => ({ caseId: c.id }),
  }),
  scenario({
    name: 'learning@course-points (owed points of a call that died after its transaction)',
    fn: 'learning',
    timer: 'course-points',
    setup: async (h) => {
      const c = await almostDone(h);
      await h.call('learning', 'finishLesson', { courseId: c.id, key: 'l2' }, h.identities.member);
      // As if the call died before the ledger: the completion owes its points, the ledger has no entry.
      const done = h.store.list(COLLECTIONS.courseCompletions)[0]!;
      const entry = h.store.list(COLLECTIONS.ledgerEntries).find((e) => e.source === 'course')!;
      const balance = h.store.get(COLLECTIONS.ledgerBalances, h.memberIdOf('member'))!;
      h.store.commit([
        { op: 'put', coll: COLLECTIONS.courseCompletions, doc: { ...done, pointsPosted: false } },
        { op: 'del', coll: COLLECTIONS.ledgerEntries, id: entry._id },
        { op: 'put', coll: COLLECTIONS.ledgerBalances, doc: { ...balance, points: (balance.points as number) - (entry.points as number), entries: (balance.entries as number) - 1 } },
      ]);
      // A run finds it only once it is a minute old (the saved state keeps the clock's offset).
      h.stack.clock.offsetMs = 5 * 60_000;
    },
    random: CODE,
  }),
];
