import { startHarness, type Harness } from '../../support/harness';
import { countingRequests } from '../../support/request-count';
import { ALL_RIGHT, publishedCourse, rid } from './support';

/**
 * The database requests the learning function makes, counted at the gateway (every database call the SDK sends is one
 * HTTP request; calls sent side by side are several requests but one wait).
 */
let h: Harness;
const { trips: counted } = countingRequests();

beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(async () => {
  await h.stop();
});
beforeEach(() => h.reset());


it('reading, learning, finishing with points, and the gap list', async () => {
  const c = await publishedCourse(h);
  const call = (action: string, payload: unknown, who: 'member' | 'committee' = 'member') => h.call('learning', action, payload, h.identities[who]);
  const figures: Record<string, number> = {};
  // Caller, 居民区; then the course, progress and certificate side by side.
  figures.getCourse = await counted(() => call('getCourse', { courseId: c.id }));
  // Caller, 居民区; course, progress, certificate and point rules side by side; the transaction: start, progress,
  // write, commit.
  figures.firstLesson = await counted(() => call('finishLesson', { courseId: c.id, key: 'l1' }));
  // A lesson already done writes nothing.
  figures.lessonAgain = await counted(() => call('finishLesson', { courseId: c.id, key: 'l1' }));
  await call('finishLesson', { courseId: c.id, key: 'l2' });
  // Caller, 居民区; course, progress, certificate, attempt and rules; the transaction (start, attempt, progress,
  // certificate, 3 writes, commit); the ledger's transaction (start, entry, balance, 2 writes, commit; the key is
  // short enough to be its own id) and the mark.
  figures.passingQuiz = await counted(() => call('submitQuiz', { courseId: c.id, requestId: rid(), answers: ALL_RIGHT }));
  // Caller; 居民区, course, both counts; one page of holders and one of finishers; progress and grid names.
  figures.requiredGaps = await counted(() => call('requiredGaps', { courseId: c.id, role: 'member' }, 'committee'));
  expect(figures).toEqual({ getCourse: 5, firstLesson: 10, lessonAgain: 6, passingQuiz: 22, requiredGaps: 9 });
});
