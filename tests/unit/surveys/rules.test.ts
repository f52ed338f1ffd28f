import * as v from 'valibot';
import { answerFields, surveyFields } from '../../../src/shared/actions/surveys';
import { answerProblem, isOpenAt, percentOf, privacyNote, resultsVisibleAt, tallyDelta, tallyKeys, type SurveyQuestion } from '../../../src/shared/domain/survey';

const QUESTIONS: SurveyQuestion[] = [
  { key: 'q1', kind: 'single', title: '是否同意', required: true, options: [{ key: 'o1', label: '同意' }, { key: 'o2', label: '不同意' }], min: 1, max: 1 },
  { key: 'q2', kind: 'multiple', title: '最想改的', required: true, options: [{ key: 'o1', label: '照明' }, { key: 'o2', label: '扶手' }, { key: 'o3', label: '信报箱' }], min: 1, max: 2 },
  { key: 'q3', kind: 'rating', title: '打分', required: true, options: [], min: 0, max: 0 },
  { key: 'q4', kind: 'text', title: '建议', required: false, options: [], min: 0, max: 0 },
];
const ok = { q1: { options: ['o1'] }, q2: { options: ['o1', 'o3'] }, q3: { rating: 5 } };

describe('answerProblem', () => {
  it('takes a complete answer and refuses each kind of wrong one with a Chinese reason', () => {
    expect(answerProblem(QUESTIONS, ok)).toBeNull();
    expect(answerProblem(QUESTIONS, { ...ok, q4: { text: '多装路灯' } })).toBeNull();
    expect(answerProblem(QUESTIONS, { ...ok, q1: { options: [] } })).toBe('请回答：是否同意');
    expect(answerProblem(QUESTIONS, { ...ok, q1: { options: ['o1', 'o2'] } })).toContain('只能选一项');
    expect(answerProblem(QUESTIONS, { ...ok, q2: { options: ['o1', 'o2', 'o3'] } })).toContain('请选1到2项');
    expect(answerProblem(QUESTIONS, { ...ok, q2: { options: ['o1', 'o1'] } })).toContain('重复');
    expect(answerProblem(QUESTIONS, { ...ok, q2: { options: ['o9'] } })).toContain('不存在');
    expect(answerProblem(QUESTIONS, { ...ok, q3: { rating: 0 } })).toContain('1到5分');
    expect(answerProblem(QUESTIONS, { ...ok, q3: { options: ['o1'] } })).toContain('1到5分');
    expect(answerProblem(QUESTIONS, { ...ok, q5: { rating: 3 } })).toContain('不存在的题目');
  });
});

describe('tallies', () => {
  it('count each answered question once, each chosen option and rating; blank texts count nowhere', () => {
    expect(tallyKeys(QUESTIONS, { ...ok, q4: { text: '  ' } })).toEqual(['q_q1', 'o_q1_o1', 'q_q2', 'o_q2_o1', 'o_q2_o3', 'q_q3', 'r_q3_5']);
    expect(tallyKeys(QUESTIONS, { q4: { text: '好' } })).toEqual(['q_q4']);
  });

  it('a changed answer moves only what changed; the same answer again moves nothing', () => {
    expect(tallyDelta(QUESTIONS, null, ok)).toEqual({ q_q1: 1, o_q1_o1: 1, q_q2: 1, o_q2_o1: 1, o_q2_o3: 1, q_q3: 1, r_q3_5: 1 });
    expect(tallyDelta(QUESTIONS, ok, { ...ok, q1: { options: ['o2'] }, q3: { rating: 2 } })).toEqual({ o_q1_o1: -1, o_q1_o2: 1, r_q3_5: -1, r_q3_2: 1 });
    expect(tallyDelta(QUESTIONS, ok, ok)).toEqual({});
  });

  it('percentages have one decimal and are 0 with nothing to divide by', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(0, 0)).toBe(0);
  });
});

describe('times and visibility', () => {
  const opensAt = new Date('2026-12-01T00:00:00Z');
  const closesAt = new Date('2026-12-08T00:00:00Z');
  it('is open from the open time up to (not at) the close time, only when published', () => {
    const s = { state: 'published' as const, opensAt, closesAt };
    expect(isOpenAt(s, new Date(opensAt.getTime() - 1))).toBe(false);
    expect(isOpenAt(s, opensAt)).toBe(true);
    expect(isOpenAt(s, new Date(closesAt.getTime() - 1))).toBe(true);
    expect(isOpenAt(s, closesAt)).toBe(false);
    expect(isOpenAt({ ...s, state: 'draft' }, opensAt)).toBe(false);
  });

  it('after-close results show from the close time (before the timer runs); live ones at once; drafts never', () => {
    const s = { state: 'published' as const, results: 'afterClose' as const, closesAt };
    expect(resultsVisibleAt(s, new Date(closesAt.getTime() - 1))).toBe(false);
    expect(resultsVisibleAt(s, closesAt)).toBe(true);
    expect(resultsVisibleAt({ ...s, results: 'live' }, opensAt)).toBe(true);
    expect(resultsVisibleAt({ ...s, state: 'draft', results: 'live' }, closesAt)).toBe(false);
  });

  it('tells the resident what an anonymous or named survey keeps', () => {
    expect(privacyNote(true)).toContain('不记录你是谁');
    expect(privacyNote(false)).toContain('居委可以看到你的姓名');
  });
});

describe('the schemas', () => {
  const base = {
    title: '意见征询',
    questions: [{ key: 'q1', kind: 'single', title: '同意吗', options: [{ key: 'o1', label: '同意' }, { key: 'o2', label: '不同意' }] }],
    audience: { kind: 'community' },
    opensAt: '2026-12-01T00:00:00.000Z',
    closesAt: '2026-12-08T00:00:00.000Z',
    anonymous: false,
    results: 'live',
  };
  it('refuses a close before the open, a choice question with one option, duplicate keys, NUL and too many questions', () => {
    expect(v.safeParse(surveyFields, base).success).toBe(true);
    expect(v.safeParse(surveyFields, { ...base, closesAt: base.opensAt }).success).toBe(false);
    expect(v.safeParse(surveyFields, { ...base, questions: [{ ...base.questions[0], options: [{ key: 'o1', label: '同意' }] }] }).success).toBe(false);
    expect(v.safeParse(surveyFields, { ...base, questions: [base.questions[0], base.questions[0]] }).success).toBe(false);
    expect(v.safeParse(surveyFields, { ...base, title: '意见\u0000' }).success).toBe(false);
    expect(v.safeParse(surveyFields, { ...base, questions: Array.from({ length: 31 }, (_, i) => ({ ...base.questions[0], key: `q${i}` })) }).success).toBe(false);
    const multiple = { key: 'q1', kind: 'multiple', title: '多选', options: [{ key: 'o1', label: 'A' }, { key: 'o2', label: 'B' }], min: 2, max: 3 };
    expect(v.safeParse(surveyFields, { ...base, questions: [multiple] }).success).toBe(false);
  });

  it('answers: a text of more than 200 characters, a key with odd characters and too many options are refused', () => {
    expect(v.safeParse(answerFields, { q1: { text: 'x'.repeat(201) } }).success).toBe(false);
    expect(v.safeParse(answerFields, { 'q.1': { rating: 3 } }).success).toBe(false);
    expect(v.safeParse(answerFields, { q1: { options: Array.from({ length: 13 }, (_, i) => `o${i}`) } }).success).toBe(false);
    expect(v.safeParse(answerFields, { q1: { rating: 3 } }).success).toBe(true);
  });
});
