import { startHarness, type Harness } from '../../support/harness';
import { countingRequests } from '../../support/request-count';
import { answerOf, freeze, published, residents } from './support';

/**
 * The database requests the surveys function makes, counted at the gateway (every database call the SDK sends is one
 * HTTP request; calls sent side by side are several requests but one wait). Results read the tallies, never the
 * answers, so their count does not grow with the answers.
 */
let h: Harness;
const { trips: counted } = countingRequests();

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});
beforeEach(() => h.reset());


it('answer and results; results cost the same for 1 answer and for 60', async () => {
  const t0 = freeze(h);
  const survey = await published(h, t0);
  const people = await residents(60, 'rt');
  const figures: Record<string, number> = {};
  // Caller, survey, content check (no text: none), then the transaction: start, answer, shard, 2 writes, commit.
  figures.answer = await counted(() => h.call('surveys', 'answer', { surveyId: survey.id, answer: answerOf('o1') }, people[0]!));
  // Caller; then the survey, its shards and the newest texts side by side.
  figures.resultsOne = await counted(() => h.call('surveys', 'results', { surveyId: survey.id }, h.identities.committee));
  for (const openid of people.slice(1)) await h.call('surveys', 'answer', { surveyId: survey.id, answer: answerOf('o2') }, openid);
  figures.resultsSixty = await counted(() => h.call('surveys', 'results', { surveyId: survey.id }, h.identities.committee));
  expect(figures).toEqual({ answer: 8, resultsOne: 4, resultsSixty: 4 });
});
