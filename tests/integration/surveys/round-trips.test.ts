import http from 'http';
import { startHarness, type Harness } from '../../support/harness';
import { answerOf, freeze, published, residents } from './support';

/**
 * The database requests the surveys function makes, counted at the gateway (every database call the SDK sends is one
 * HTTP request; calls sent side by side are several requests but one wait). Results read the tallies, never the
 * answers, so their count does not grow with the answers.
 */
let h: Harness;
let requests = 0;
const realRequest = http.request;

beforeAll(async () => {
  h = await startHarness();
  (http as { request: typeof http.request }).request = ((...args: Parameters<typeof http.request>) => {
    requests += 1;
    return realRequest(...args);
  }) as typeof http.request;
});
afterAll(async () => {
  (http as { request: typeof http.request }).request = realRequest;
  await h.stop();
});
beforeEach(() => h.reset());

async function counted<T>(work: () => Promise<T>): Promise<number> {
  requests = 0;
  await work();
  return requests;
}

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
