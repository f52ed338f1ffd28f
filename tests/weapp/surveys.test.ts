import type { SurveyInput } from '../../src/shared/actions/surveys';
import type { SurveyResultsView, SurveyView } from '../../src/shared/domain/survey';
import { answersOf, G1, published } from '../integration/surveys/support';
import { setupWeappHarness, until, untilSettled, type SimulatedComponent } from './simulate';

/**
 * 填写问卷 of the real weapp build under miniprogram-simulate, its calls answered by the real surveys function: a
 * resident of the grid a grid leader asks picks choices (the page holds the multiple-choice limit), taps a rating,
 * writes a short text and submits; the answer is stored once and changed in place; an anonymous, locked
 * questionnaire says so and takes one answer; a resident of another grid is told they are not asked.
 */
describe('weapp build: 填写问卷', () => {
  const ctx = setupWeappHarness();
  const PAGE = 'packages/surveys/pages/answer/index';

  const textOf = (page: SimulatedComponent) => page.dom.textContent ?? '';
  const open = (surveyId: string) => ctx.weapp.openPage(PAGE, { id: encodeURIComponent(surveyId) });
  /** 张丽华's questionnaire for her grid 第一微格 (王秀兰 lives there, 李建国 in 第二微格), open from a minute ago. */
  const gridSurvey = (extra: Partial<SurveyInput> = {}) =>
    published(ctx.harness, ctx.harness.stack.clock.nowMs() - 60_000, { audience: { kind: 'grids', gridIds: [G1] }, ...extra }, ctx.harness.identities.gridLeader);
  /** The chips of a choice question, in the order of its options. */
  const chips = (page: SimulatedComponent, key: string) => page.querySelectorAll(`.choice-chips--survey-q-${key} .choice-chip`);
  const tapChip = (page: SimulatedComponent, key: string, index: number) => chips(page, key)[index]!.dispatchEvent('tap');
  const tapStar = (page: SimulatedComponent, key: string, stars: number) => page.querySelectorAll(`.survey-stars--survey-q-${key} .survey-star`)[stars - 1]!.dispatchEvent('tap');
  /** The answers the page sent since the record `from`, with what the function said. */
  const answerCalls = (from: number) => ctx.records.slice(from).filter((r) => r.call === 'surveys.answer');
  const resultsFor = async (surveyId: string) => (await ctx.harness.call('surveys', 'results', { surveyId }, ctx.harness.identities.gridLeader)) as SurveyResultsView;
  const countsOf = (results: SurveyResultsView, key: string) => Object.fromEntries(results.questions.find((q) => q.key === key)!.options.map((o) => [o.label, o.count]));

  it('a resident in the audience answers within the limits, the answer is stored once, and answering again changes it', async () => {
    const survey = await gridSurvey();
    ctx.openid = ctx.harness.identities.resident;
    const from = ctx.records.length;
    const page = open(survey.id);
    await until(() => textOf(page).includes('可选1到2项') && page.querySelector('.btn-survey-answer'), 'the questions and 提交');
    const text = textOf(page);
    expect(text).toContain('楼道微更新意见征询');
    expect(text).toContain('第一微格的居民');
    expect(text).toContain('结束前可以修改答卷');
    expect(text).toContain('本问卷记名：居委可以看到你的姓名和答卷内容，其他人只能看到汇总结果。');
    expect(text).toContain('点星星打分');
    await untilSettled(page, ctx);

    tapChip(page, 'q1', 0);
    await until(() => textOf(page).includes('✓ 同意'), '同意 chosen');
    // Tapping the other choice of a single-choice question replaces the first.
    tapChip(page, 'q1', 1);
    await until(() => textOf(page).includes('✓ 不同意') && !textOf(page).includes('✓ 同意'), '不同意 replacing 同意');
    tapChip(page, 'q1', 0);
    await until(() => textOf(page).includes('✓ 同意') && !textOf(page).includes('✓ 不同意'), '同意 again');
    // One tap after the other, as a hand does: each chip adds to what the last render showed.
    for (const [i, label] of ['照明', '扶手', '信报箱'].entries()) {
      tapChip(page, 'q2', i);
      await until(() => textOf(page).includes(`✓ ${label}`), `${label} chosen`);
    }
    tapStar(page, 'q3', 4);
    await until(() => textOf(page).includes('4分 · 比较满意'), 'four stars');
    page.querySelector('#survey-text-q4')!.dispatchEvent('input', { detail: { value: '楼道灯希望换成感应的' } });
    await until(() => JSON.stringify(page.instance.data).includes('楼道灯希望换成感应的'), 'the typed text');
    await ctx.settled();

    // Three places where at most two may be chosen: the page says so under the question and sends nothing.
    page.querySelector('.btn-survey-answer')!.dispatchEvent('tap');
    await until(() => textOf(page).includes('「最想改的地方」请选1到2项'), 'the limit said under the question');
    expect(answerCalls(from)).toEqual([]);

    tapChip(page, 'q2', 2);
    await until(() => !textOf(page).includes('✓ 信报箱') && !textOf(page).includes('请选1到2项'), '信报箱 taken back and the problem cleared');
    await ctx.settled();
    page.querySelector('.btn-survey-answer')!.dispatchEvent('tap');
    await until(() => answerCalls(from).length === 1, 'the answer to be sent', 30_000);
    expect(answerCalls(from)[0]!.answer.ok).toBe(true);
    await until(() => textOf(page).includes('✓ 你已作答，结束前还可以修改。') && textOf(page).includes('修改答卷'), 'the answered state');

    // Through the real function: the resident's answer as given, counted once.
    const given = { q1: { options: ['o1'] }, q2: { options: ['o1', 'o2'] }, q3: { rating: 4 }, q4: { text: '楼道灯希望换成感应的' } };
    const mine = (await ctx.harness.call('surveys', 'get', { surveyId: survey.id }, ctx.harness.identities.resident)).survey as SurveyView;
    expect(mine).toMatchObject({ answered: true, myAnswer: given });
    let results = await resultsFor(survey.id);
    expect(results.answers).toBe(1);
    expect(countsOf(results, 'q1')).toEqual({ 同意: 1, 不同意: 0 });
    expect(countsOf(results, 'q2')).toEqual({ 照明: 1, 扶手: 1, 信报箱: 0 });

    // Answering again changes the one answer.
    tapChip(page, 'q1', 1);
    await until(() => textOf(page).includes('✓ 不同意') && !textOf(page).includes('✓ 同意'), '不同意 chosen');
    await ctx.settled();
    page.querySelector('.btn-survey-answer')!.dispatchEvent('tap');
    await until(() => answerCalls(from).length === 2, 'the changed answer to be sent', 30_000);
    expect(answerCalls(from)[1]!.answer.ok).toBe(true);
    await untilSettled(page, ctx);
    results = await resultsFor(survey.id);
    expect(results.answers).toBe(1);
    expect(countsOf(results, 'q1')).toEqual({ 同意: 0, 不同意: 1 });
    const stored = await answersOf(survey.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ memberId: ctx.harness.memberIdOf('resident'), answer: { ...given, q1: { options: ['o2'] } } });
    page.detach();
    await ctx.settled();
  });

  it('an anonymous questionnaire that cannot be changed says both, asks before sending, and keeps no name', async () => {
    const survey = await gridSurvey({ title: '楼道公约征求意见', anonymous: true, locked: true });
    ctx.openid = ctx.harness.identities.resident;
    const from = ctx.records.length;
    const page = open(survey.id);
    await until(() => textOf(page).includes('楼道公约征求意见') && page.querySelector('.btn-survey-answer'), 'the questionnaire and 提交');
    expect(textOf(page)).toContain('本问卷匿名：你的答卷只保存一个无法还原的编号，用来保证每人只答一次，不记录你是谁。');
    expect(textOf(page)).toContain('提交后不能修改');
    await untilSettled(page, ctx);

    tapChip(page, 'q1', 0);
    tapChip(page, 'q2', 1);
    tapStar(page, 'q3', 5);
    await until(() => ['✓ 同意', '✓ 扶手', '5分 · 非常满意'].every((t) => textOf(page).includes(t)), 'the choices and the rating');
    await ctx.settled();
    const showModal = jest.spyOn((globalThis as any).wx, 'showModal');
    try {
      page.querySelector('.btn-survey-answer')!.dispatchEvent('tap');
      await until(() => answerCalls(from).length === 1 && textOf(page).includes('✓ 你已提交答卷，谢谢。'), 'the answer to be taken', 30_000);
      expect(answerCalls(from)[0]!.answer.ok).toBe(true);
      expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '这份问卷提交后不能修改，确认提交吗？' }));
    } finally {
      showModal.mockRestore();
    }
    await untilSettled(page, ctx);
    expect(page.querySelector('.btn-survey-answer')).toBeFalsy();
    const stored = await answersOf(survey.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.answer).toEqual({ q1: { options: ['o1'] }, q2: { options: ['o2'] }, q3: { rating: 5 } });
    expect(JSON.stringify(stored[0])).not.toContain(ctx.harness.memberIdOf('resident'));
    expect(stored[0]).not.toHaveProperty('name');
    page.detach();
    await ctx.settled();
  });

  it('a resident outside the audience reads the questions, is told they are not asked, and cannot answer', async () => {
    const survey = await gridSurvey({ title: '第一微格晾衣架意见' });
    ctx.openid = ctx.harness.identities.member;
    const from = ctx.records.length;
    const page = open(survey.id);
    await until(() => textOf(page).includes('这份问卷只请特定范围的居民作答，你不在这次的范围内。'), 'the not-in-audience note');
    await untilSettled(page, ctx);
    expect(textOf(page)).toContain('第一微格晾衣架意见');
    expect(page.querySelector('.btn-survey-answer')).toBeFalsy();

    // The chips take no taps for someone not asked.
    tapChip(page, 'q1', 0);
    tapStar(page, 'q3', 3);
    await untilSettled(page, ctx);
    expect(textOf(page)).not.toContain('✓ 同意');
    expect(textOf(page)).toContain('点星星打分');
    expect(ctx.records.slice(from).map((r) => [r.call, r.answer.ok])).toEqual([['surveys.get', true]]);
    page.detach();
    await ctx.settled();
  });
});
