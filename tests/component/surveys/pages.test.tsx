import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import SurveyAnswerPage from '@/packages/surveys/pages/answer/index';
import SurveyEditPage from '@/packages/surveys/pages/edit/index';
import SurveyListPage from '@/packages/surveys/pages/list/index';
import SurveyManagePage from '@/packages/surveys/pages/manage/index';
import SurveyResultsPage from '@/packages/surveys/pages/results/index';
import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { redirectTo, setNavigationBarTitle, showModal, showToast } from '../../__mocks__/taro';
import type { DemoIdentity } from '../../support/harness';
import { __setRouterParams, setupPagesHarness } from '../support/pages';
import { byClass, clickByClass, typeInto } from '../support/taro-events';

const ctx = setupPagesHarness();
const DAY = 24 * 60 * 60_000;

const idle = () => waitFor(() => expect(byClass('is-busy')).toHaveLength(0));
const chip = (group: string, value: string) => {
  const el = document.querySelector(`.choice-chips--${group} [data-value="${value}"]`);
  if (!el) throw new Error(`no chip ${group}/${value}`);
  fireEvent.click(el);
};
const star = (question: string, n: number) => {
  const el = document.querySelector(`.survey-stars--survey-q-${question} [data-value="${n}"]`);
  if (!el) throw new Error(`no star ${question}/${n}`);
  fireEvent.click(el);
};
const fieldError = (name: string) => byClass(`field-error--${name}`)[0]?.textContent ?? '';
const docs = async (name: keyof typeof COLLECTIONS) => (await getDb().collection(COLLECTIONS[name]).get()).data as Record<string, any>[];

const QUESTIONS = [
  { key: 'q1', kind: 'single', title: '是否同意加装车棚', options: [{ key: 'o1', label: '同意' }, { key: 'o2', label: '不同意' }] },
  { key: 'q2', kind: 'multiple', title: '最需要哪些设施', options: [{ key: 'o1', label: '充电桩' }, { key: 'o2', label: '照明' }, { key: 'o3', label: '监控' }], min: 1, max: 2 },
  { key: 'q3', kind: 'rating', title: '对现在停车的满意度' },
  { key: 'q4', kind: 'text', title: '其他建议', required: false },
];

/** A questionnaire the committee writes and publishes through the real function, open now for a week. */
async function published(requestId: string, extra: Record<string, unknown> = {}) {
  const now = Date.now();
  const survey = {
    title: '车棚意见征集',
    intro: '听听大家的意见',
    questions: QUESTIONS,
    audience: { kind: 'community' },
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + 7 * DAY).toISOString(),
    anonymous: false,
    results: 'live',
    ...extra,
  };
  const who = ctx.h.identities.committee;
  const { survey: draft } = await ctx.h.call('surveys', 'create', { survey, requestId }, who);
  const { survey: live } = await ctx.h.call('surveys', 'publish', { surveyId: draft.id, version: draft.version }, who);
  return live as { id: string; version: number };
}

const ANSWER = { q1: { options: ['o1'] }, q2: { options: ['o1', 'o2'] }, q3: { rating: 4 } };
const answerAs = (who: DemoIdentity, id: string, answer: Record<string, unknown> = ANSWER) => ctx.h.call('surveys', 'answer', { surveyId: id, answer }, ctx.h.identities[who]);

function open(Page: () => JSX.Element, who: DemoIdentity, id?: string) {
  ctx.signIn(who);
  __setRouterParams(id ? { id } : {});
  return render(<Page />);
}

describe('填写问卷', () => {
  it('says what is missing under each question, holds a multiple choice to its limits, then saves one named answer', async () => {
    const s = await published('answer-survey-1');
    open(SurveyAnswerPage, 'resident', s.id);
    await screen.findByText('1. 是否同意加装车棚');
    await idle();
    expect(byClass('survey-privacy')[0]!.textContent).toContain('本问卷记名');
    expect(byClass('survey-question__limit')[0]!.textContent).toBe('可选1到2项');
    clickByClass('btn-survey-answer');
    await waitFor(() => expect(fieldError('q-q1')).toBe('请回答：是否同意加装车棚'));
    expect(fieldError('q-q3')).toBe('请回答：对现在停车的满意度');
    expect(fieldError('q-q4')).toBe('');
    chip('survey-q-q1', 'o1');
    expect(fieldError('q-q1')).toBe('');
    for (const o of ['o1', 'o2', 'o3']) chip('survey-q-q2', o);
    star('q3', 4);
    expect(byClass('survey-stars__words')[0]!.textContent).toBe('4分 · 比较满意');
    clickByClass('btn-survey-answer');
    await waitFor(() => expect(fieldError('q-q2')).toBe('「最需要哪些设施」请选1到2项'));
    expect(await docs('surveyAnswers')).toHaveLength(0);
    chip('survey-q-q2', 'o3');
    typeInto('survey-text-q4', '希望晚上有灯');
    clickByClass('btn-survey-answer');
    await waitFor(() => expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已提交，谢谢你的意见' })));
    const [saved] = await docs('surveyAnswers');
    expect(saved).toMatchObject({ memberId: ctx.h.memberIdOf('resident'), answer: { q1: { options: ['o1'] }, q2: { options: ['o1', 'o2'] }, q3: { rating: 4 }, q4: { text: '希望晚上有灯' } } });
    // Changing is allowed until close: the button says so and the same answer is replaced.
    await waitFor(() => expect(byClass('btn-survey-answer')[0]!.textContent).toContain('修改答卷'));
    star('q3', 2);
    clickByClass('btn-survey-answer');
    await waitFor(() => expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已修改，谢谢你' })));
    const all = await docs('surveyAnswers');
    expect(all).toHaveLength(1);
    expect(all[0]!.answer.q3).toEqual({ rating: 2 });
  });

  it('tells the resident an anonymous survey keeps no name, asks before a locked answer, and stores no member id', async () => {
    const s = await published('answer-anon', { anonymous: true, locked: true });
    open(SurveyAnswerPage, 'resident', s.id);
    await screen.findByText('1. 是否同意加装车棚');
    await idle();
    expect(byClass('survey-privacy')[0]!.textContent).toBe('本问卷匿名：你的答卷只保存一个无法还原的编号，用来保证每人只答一次，不记录你是谁。');
    chip('survey-q-q1', 'o2');
    chip('survey-q-q2', 'o3');
    star('q3', 5);
    clickByClass('btn-survey-answer');
    await waitFor(() => expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '提交答卷' })));
    await waitFor(() => expect(byClass('survey-answered')[0]?.textContent).toBe('✓ 你已提交答卷，谢谢。'));
    // Locked: nothing more to send.
    expect(byClass('btn-survey-answer')).toHaveLength(0);
    const [saved] = await docs('surveyAnswers');
    expect(saved!.memberId).toBeUndefined();
    expect(JSON.stringify(saved)).not.toContain(ctx.h.memberIdOf('resident'));
  });

  it('lets whoever manages it close it early, asked first', async () => {
    const s = await published('answer-close');
    open(SurveyAnswerPage, 'committee', s.id);
    await screen.findByText('1. 是否同意加装车棚');
    await idle();
    clickByClass('btn-survey-close');
    await waitFor(() => expect(byClass('survey-state')[0]?.textContent).toBe('已结束'));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '提前结束问卷' }));
    expect((await docs('surveys')).find((d) => d._id === s.id)!.state).toBe('closed');
  });
});

describe('问卷结果', () => {
  it('shows turnout, counts, percents, bars as wide as their share, the rating average, and offers the CSV to the committee', async () => {
    const s = await published('results-1');
    await answerAs('resident', s.id);
    await answerAs('member', s.id, { q1: { options: ['o2'] }, q2: { options: ['o2'] }, q3: { rating: 2 } });
    open(SurveyResultsPage, 'committee', s.id);
    await waitFor(() => expect(byClass('survey-result')).toHaveLength(4));
    await idle();
    expect(byClass('survey-turnout__figure')[0]!.textContent).toMatch(/^2 \/ \d+ 人作答$/);
    const q1 = byClass('survey-result--q1')[0]!;
    expect(q1.querySelector('.survey-bar--o1 .survey-bar__figure')!.textContent).toBe('1人 · 50%');
    expect((q1.querySelector('.survey-bar--o1 .survey-bar__fill') as HTMLElement).style.width).toBe('50%');
    const q2 = byClass('survey-result--q2')[0]!;
    expect(q2.querySelector('.survey-bar--o2 .survey-bar__figure')!.textContent).toBe('2人 · 100%');
    expect(q2.querySelector('.survey-bar--o3 .survey-bar__figure')!.textContent).toBe('0人 · 0%');
    expect(byClass('survey-result__average')[0]!.textContent).toBe('平均 3 分');
    await waitFor(() => expect(byClass('btn-export-survey')[0]!.className).not.toContain('disabled'));
  });

  it('says results come after close to a resident, and shows no export', async () => {
    const s = await published('results-hidden', { results: 'afterClose' });
    await answerAs('resident', s.id);
    open(SurveyResultsPage, 'resident', s.id);
    await waitFor(() => expect(byClass('survey-results-hidden')[0]?.textContent).toBe('结果将在问卷结束后公布'));
    expect(byClass('survey-result')).toHaveLength(0);
    expect(byClass('btn-export-survey')).toHaveLength(0);
  });
});

describe('问卷投票 list and 我发起的问卷', () => {
  it('lists the open survey for the resident, answered or not', async () => {
    const s = await published('list-survey-1');
    const view = open(SurveyListPage, 'resident');
    await waitFor(() => expect(byClass('survey-card')).toHaveLength(1));
    expect(byClass('survey-card')[0]!.getAttribute('data-survey-id')).toBe(s.id);
    expect(byClass('survey-card__answered')[0]!.textContent).toBe('还没作答，点开来答');
    // A resident asks nobody: no 我发起的问卷.
    await idle();
    expect(byClass('btn-survey-manage')).toHaveLength(0);
    view.unmount();
    await answerAs('resident', s.id);
    open(SurveyListPage, 'resident');
    await waitFor(() => expect(byClass('survey-card__answered')[0]?.textContent).toBe('✓ 你已作答'));
  });

  it('shows the committee its drafts', async () => {
    const { survey } = await ctx.h.call(
      'surveys',
      'create',
      { survey: { title: '草稿问卷', questions: [QUESTIONS[2]], audience: { kind: 'members' }, opensAt: new Date(Date.now() + DAY).toISOString(), closesAt: new Date(Date.now() + 3 * DAY).toISOString(), anonymous: false, results: 'live' }, requestId: 'manage-draft' },
      ctx.h.identities.committee,
    );
    open(SurveyManagePage, 'committee');
    await waitFor(() => expect(byClass('survey-card')).toHaveLength(1));
    expect(byClass('survey-card')[0]!.getAttribute('data-survey-id')).toBe(survey.id);
    expect(byClass('survey-state')[0]!.textContent).toBe('草稿');
  });
});

describe('发起问卷', () => {
  it('says what is missing under each field, then publishes (asked first) to a grid the leader picks, open at once', async () => {
    ctx.signIn('gridLeader');
    __setRouterParams({});
    const before = Date.now();
    render(<SurveyEditPage />);
    const after = Date.now();
    await idle();
    expect(setNavigationBarTitle).toHaveBeenLastCalledWith({ title: '发起问卷' });
    const { member } = await ctx.h.call('members', 'me', {}, ctx.h.identities.gridLeader);
    const grid = member.leadsGridIds[0] as string;
    // Only the leader's own grids are offered: no 全居民区.
    await waitFor(() => expect(document.querySelector(`.choice-chips--survey-audience [data-value="grid:${grid}"]`)).toBeTruthy());
    expect(document.querySelector('.choice-chips--survey-audience [data-value="community"]')).toBeNull();
    clickByClass('btn-publish-survey');
    await waitFor(() => expect(fieldError('title')).toBe('请填写问卷标题'));
    expect(fieldError('audience')).not.toBe('');
    expect(fieldError('q-0')).not.toBe('');
    expect(await docs('surveys')).toHaveLength(0);
    typeInto('survey-title', '3号楼楼道微更新');
    chip('survey-audience', `grid:${grid}`);
    typeInto('q-0-title', '楼道刷什么颜色');
    typeInto('q-0-option-0', '米白');
    typeInto('q-0-option-1', '浅绿');
    clickByClass('btn-add-option-0');
    typeInto('q-0-option-2', '浅蓝');
    // A second question, a rating, added and removed again.
    clickByClass('btn-add-question');
    chip('q-1-kind', 'rating');
    clickByClass('btn-remove-question-1');
    // The close time is picked, never typed.
    fireEvent(document.getElementById('survey-closes-time')!, new CustomEvent('change', { detail: { value: '20:00' } }));
    clickByClass('btn-publish-survey');
    await waitFor(() => expect(redirectTo).toHaveBeenCalled());
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '发布问卷' }));
    const [saved] = await docs('surveys');
    expect(saved).toMatchObject({ title: '3号楼楼道微更新', state: 'published', audience: { kind: 'grids', gridIds: [grid] } });
    expect(saved!.questions).toHaveLength(1);
    // The open time left as offered: the minute the form opened, so 发布 opened it at once.
    const opens = new Date(saved!.opensAt).getTime();
    expect(opens % 60_000).toBe(0);
    expect(opens >= Math.floor(before / 60_000) * 60_000 && opens <= after).toBe(true);
    expect(saved!.questions[0].options.map((o: { label: string }) => o.label)).toEqual(['米白', '浅绿', '浅蓝']);
    expect(redirectTo).toHaveBeenCalledWith({ url: `/packages/surveys/pages/answer/index?id=${encodeURIComponent(saved!._id)}` });
  });
});
