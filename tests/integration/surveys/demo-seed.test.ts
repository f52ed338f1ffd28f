import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { DEMO_SURVEYS } from '../../../emulator/seed/surveys';
import { startHarness, type Harness } from '../../support/harness';

/** The demo questionnaires of 白玉一居 (`npm start`): what each role finds in them, read through the real functions. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(() => h.stop());
beforeEach(() => h.reset());

describe('the demo questionnaires', () => {
  it('are seeded only when asked, once', async () => {
    expect(h.store.list(COLLECTIONS.surveys)).toHaveLength(0);
    const added = await h.stack.seed({ surveys: true });
    expect(added).toBeGreaterThan(2);
    expect(await h.stack.seed({ surveys: true })).toBe(0);
    expect(h.store.list(COLLECTIONS.surveys)).toHaveLength(2);
  });

  it('show the resident one open survey to answer and the closed one’s results; the anonymous answers name nobody', async () => {
    await h.stack.seed({ surveys: true });
    const list = await h.call('surveys', 'list', {}, h.identities.resident);
    expect(list.items.map((s: { id: string; open: boolean; answered: boolean }) => [s.id, s.open, s.answered])).toEqual([
      [DEMO_SURVEYS.shed, true, false],
      [DEMO_SURVEYS.sorting, false, true],
    ]);
    const shed = await h.call('surveys', 'results', { surveyId: DEMO_SURVEYS.shed }, h.identities.resident);
    expect(shed.questions[0].options[0]).toMatchObject({ label: '同意', count: 2, percent: 100 });
    expect(shed.questions[3].texts).toEqual([{ text: '希望能装充电桩，楼道里就不会飞线充电了', by: null }]);
    const sorting = await h.call('surveys', 'results', { surveyId: DEMO_SURVEYS.sorting }, h.identities.resident);
    expect(sorting).toMatchObject({ answers: 3, closed: true, questions: [{ average: 4.3, distribution: [0, 0, 0, 2, 1] }, {}] });
    for (const a of h.store.list(COLLECTIONS.surveyAnswers).filter((x) => x.surveyId === DEMO_SURVEYS.sorting)) expect(a).not.toHaveProperty('memberId');
    // The committee sees who said what on the named one.
    const named = await h.call('surveys', 'named', { surveyId: DEMO_SURVEYS.shed }, h.identities.committee);
    expect(named.items.map((n: { name: string }) => n.name).sort()).toEqual(['张丽华', '李建国'].sort());
    const csv = await h.call('surveys', 'exportCsv', { surveyId: DEMO_SURVEYS.sorting }, h.identities.committee);
    expect(csv.csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe('序号,你对垃圾分类定时投放的满意度,想对志愿者说的话');
  });
});
