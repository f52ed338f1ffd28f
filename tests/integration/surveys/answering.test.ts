import { tallyKeys } from '../../../src/shared/domain/survey';
import { startHarness, type Harness } from '../../support/harness';
import { answerOf, answersOf, DAY, freeze, idOf, published, residents, setNow, surveyDoc, talliesOf } from './support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(async () => {
  await h.reset();
  h.stack.clock.frozenAtMs = null;
});

const answer = (openid: string, surveyId: string, a: unknown) => h.invoke('surveys', { action: 'answer', payload: { surveyId, answer: a } }, openid);

/** Recomputes every tally counter from the answers, as the audit does. */
function recomputed(questions: Parameters<typeof tallyKeys>[0], answers: { answer: Parameters<typeof tallyKeys>[1] }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of answers) for (const k of tallyKeys(questions, a.answer)) out[k] = (out[k] ?? 0) + 1;
  return out;
}

describe('answering', () => {
  it('200 residents answering at the same second, each twice (the second changes the answer): 200 answers, exact tallies', async () => {
    const t0 = freeze(h);
    const survey = await published(h, t0);
    const people = await residents(200, 'race');
    const calls = people.flatMap((openid, i) => [answer(openid, survey.id, answerOf('o1', 3)), answer(openid, survey.id, answerOf(i % 2 ? 'o2' : 'o1', 5))]);
    const outcomes = await Promise.all(calls);
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    const answers = await answersOf(survey.id);
    expect(answers).toHaveLength(200);
    const results = await h.call('surveys', 'results', { surveyId: survey.id }, h.identities.committee);
    expect(results.answers).toBe(200);
    // Which of a resident's two racing calls landed last is the race's; the tallies match the answers stored, exactly.
    const doc = await surveyDoc(survey.id);
    const want = recomputed(doc.questions, answers);
    const sum: Record<string, number> = {};
    for (const t of await talliesOf(survey.id)) for (const [k, n] of Object.entries(t.counts)) if (n) sum[k] = (sum[k] ?? 0) + n;
    expect(sum).toEqual(want);
    const q1 = results.questions[0];
    expect(q1.options[0].count + q1.options[1].count).toBe(200);
  }, 120_000);

  it('changing an answer moves the tallies exactly; a locked survey refuses the change', async () => {
    const t0 = freeze(h);
    const open = await published(h, t0);
    const [a] = await residents(1, 'chg');
    expect((await answer(a!, open.id, answerOf('o1', 2))).ok).toBe(true);
    expect((await answer(a!, open.id, answerOf('o2', 4))).ok).toBe(true);
    const r = await h.call('surveys', 'results', { surveyId: open.id }, h.identities.committee);
    expect(r.questions[0].options.map((o: { count: number }) => o.count)).toEqual([0, 1]);
    expect(r.questions[2]).toMatchObject({ average: 4, distribution: [0, 0, 0, 1, 0] });

    const locked = await published(h, t0, { locked: true });
    expect((await answer(a!, locked.id, answerOf('o1'))).ok).toBe(true);
    expect(await answer(a!, locked.id, answerOf('o2'))).toMatchObject({ ok: false, error: { code: 'SURVEYS.LOCKED' } });
  });

  it('anonymous: the stored answer holds no member id, name or openid, and the resident is told so', async () => {
    const t0 = freeze(h);
    const survey = await published(h, t0, { anonymous: true });
    expect(survey.privacyNote).toContain('匿名');
    await h.call('surveys', 'answer', { surveyId: survey.id, answer: answerOf('o1', 5, '希望多装路灯') }, h.identities.resident);
    const [stored] = await answersOf(survey.id);
    const raw = JSON.stringify(stored);
    expect(raw).not.toContain(idOf(h.identities.resident));
    expect(raw).not.toContain(h.identities.resident);
    expect(raw).not.toContain('王秀兰');
    expect(stored).not.toHaveProperty('memberId');
    // The resident still finds their own answer (by the keyed hash), and answering again changes it, not adds one.
    const again = await h.call('surveys', 'answer', { surveyId: survey.id, answer: answerOf('o2') }, h.identities.resident);
    expect(again.survey).toMatchObject({ answered: true, myAnswer: { q1: { options: ['o2'] } } });
    expect(await answersOf(survey.id)).toHaveLength(1);
    // Named results do not exist for an anonymous survey.
    expect(await h.invoke('surveys', { action: 'named', payload: { surveyId: survey.id } }, h.identities.committee)).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
  });

  it('after-close results: hidden from the audience until the close time, shown after; the timer closes once', async () => {
    const t0 = freeze(h);
    const survey = await published(h, t0, { results: 'afterClose' });
    await h.call('members', 'grantSubscriptions', { requestId: 'grant-survey-closed', templates: ['survey-closed'] }, h.identities.committee);
    await h.call('surveys', 'answer', { surveyId: survey.id, answer: answerOf('o1') }, h.identities.member);
    expect(await h.invoke('surveys', { action: 'results', payload: { surveyId: survey.id } }, h.identities.member)).toMatchObject({ ok: false, error: { code: 'SURVEYS.RESULTS_HIDDEN' } });
    expect((await h.call('surveys', 'results', { surveyId: survey.id }, h.identities.committee)).answers).toBe(1);
    setNow(h, t0 + 7 * DAY - 1);
    expect(await h.timer('surveys', 'survey-close')).toEqual({ closed: 0 });
    setNow(h, t0 + 7 * DAY);
    expect(await answer(h.identities.resident, survey.id, answerOf('o1'))).toMatchObject({ ok: false, error: { code: 'SURVEYS.NOT_OPEN' } });
    expect((await h.call('surveys', 'results', { surveyId: survey.id }, h.identities.member)).answers).toBe(1);
    expect(await h.timer('surveys', 'survey-close')).toEqual({ closed: 1 });
    expect(await h.timer('surveys', 'survey-close')).toEqual({ closed: 0 });
    // The creator is told once (问卷结束通知), however often the timer runs.
    expect(h.stack.wechat.messages.filter((m) => m.templateId === 'survey-closed').map((m) => m.openid)).toEqual([h.identities.committee]);
    const doc = await surveyDoc(survey.id);
    expect(doc).toMatchObject({ state: 'closed', version: survey.version + 1 });
    expect((await h.call('surveys', 'results', { surveyId: survey.id }, h.identities.member)).turnout).toBeCloseTo((1 / doc.audienceSize) * 100, 0);
  });

  it('bad input: NUL, 1 MB text, too many choices, unknown questions: a stable code, nothing written', async () => {
    const t0 = freeze(h);
    const survey = await published(h, t0);
    const bad = [
      { ...answerOf('o1'), q4: { text: 'a\u0000b' } },
      { ...answerOf('o1'), q4: { text: 'x'.repeat(1_000_000) } },
      { ...answerOf('o1'), q2: { options: ['o1', 'o2', 'o3'] } },
      { ...answerOf('o1'), q1: { options: ['o1', 'o2'] } },
      { ...answerOf('o1'), q9: { rating: 3 } },
      { ...answerOf('o1'), q3: { rating: 6 } },
      { q4: { text: '只写建议' } },
    ];
    for (const a of bad) {
      const res = await answer(h.identities.resident, survey.id, a);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(['COMMON.INVALID_INPUT', 'SURVEYS.BAD_ANSWER']).toContain(res.error.code);
    }
    expect(await answersOf(survey.id)).toHaveLength(0);
    const nul = await h.invoke('surveys', { action: 'create', payload: { survey: { ...(await import('./support')).surveyInput(t0), title: '标题\u0000' }, requestId: 'req-nul-0001' } }, h.identities.committee);
    expect(nul).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } });
  });
});
