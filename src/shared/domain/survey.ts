/**
 * 问卷与投票: the committee, a sub-council chair or a grid leader asks the residents of an audience; each answers
 * once (changeable until close unless locked); results show live or only after close.
 */

export const MAX_QUESTIONS = 30;
export const MAX_OPTIONS = 12;
export const RATING_MIN = 1;
export const RATING_MAX = 5;
export const SHORT_TEXT_MAX = 200;

export const QUESTION_KINDS = ['single', 'multiple', 'rating', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  single: '单选',
  multiple: '多选',
  rating: '评分（1-5）',
  text: '简短回答',
};

/** A question as stored and shown. Options keep stable keys (o1, o2...) so tallies survive renaming a draft. */
export interface SurveyQuestion {
  key: string;
  kind: QuestionKind;
  title: string;
  required: boolean;
  /** single/multiple only. */
  options: { key: string; label: string }[];
  /** multiple only: how many choices are allowed (1 <= min <= max <= options). */
  min: number;
  max: number;
}

/** Who may answer: the whole 居民区, some micro-grids, the members of a sub-council, or 梯队 members only. */
export type SurveyAudience =
  | { kind: 'community' }
  | { kind: 'grids'; gridIds: string[] }
  | { kind: 'council'; councilId: string }
  | { kind: 'members' };

export const SURVEY_STATES = ['draft', 'published', 'closed'] as const;
export type SurveyState = (typeof SURVEY_STATES)[number];

export const SURVEY_STATE_LABELS: Record<SurveyState, string> = {
  draft: '草稿',
  published: '进行中',
  closed: '已结束',
};

/** When results are shown to those who may see them: at once, or only after close. */
export type ResultsVisibility = 'live' | 'afterClose';

/** One answer to one question: option keys, a rating, or a short text. */
export type AnswerValue = { options: string[] } | { rating: number } | { text: string };

/** The answer a resident sends: question key -> value (questions skipped may be left out unless required). */
export type AnswerInput = Record<string, AnswerValue>;

export interface SurveySummaryView {
  id: string;
  title: string;
  state: SurveyState;
  /** open and not yet at close time, and past open time. */
  open: boolean;
  opensAt: string;
  closesAt: string;
  audience: SurveyAudience;
  audienceText: string;
  anonymous: boolean;
  /** Whether the caller has answered. */
  answered: boolean;
  /** Whether the caller may answer now (in the audience, open, not answered-and-locked). */
  canAnswer: boolean;
}

export interface SurveyView extends SurveySummaryView {
  intro: string;
  questions: SurveyQuestion[];
  results: ResultsVisibility;
  /** Answers may not be changed once sent. */
  locked: boolean;
  /** What the page shows about anonymity (e.g. 本问卷匿名：你的答卷不记录你是谁…). */
  privacyNote: string;
  /** The caller's own answer, when they answered (named surveys; anonymous ones too, found by the keyed hash). */
  myAnswer: AnswerInput | null;
  createdBy: { role: string; name: string };
  version: number;
  can: { edit: boolean; publish: boolean; close: boolean; viewResults: boolean; viewNamed: boolean; exportCsv: boolean };
}

export interface OptionResult {
  key: string;
  label: string;
  count: number;
  /** Share of the answers to this question, 0..100, one decimal. */
  percent: number;
}

export interface QuestionResult {
  key: string;
  kind: QuestionKind;
  title: string;
  /** How many answers gave this question a value. */
  answered: number;
  options: OptionResult[];
  /** rating only: average (one decimal, null with no answers) and counts for 1..5. */
  average: number | null;
  distribution: number[];
  /** text only: the short texts (anonymous: without names; named: names for the committee only). */
  texts: { text: string; by: string | null }[];
}

export interface SurveyResultsView {
  surveyId: string;
  answers: number;
  audienceSize: number;
  /** answers / audienceSize, 0..100, one decimal. */
  turnout: number;
  questions: QuestionResult[];
  closed: boolean;
}

/** One named answer (committee only, named surveys). */
export interface NamedAnswerView {
  memberId: string;
  name: string;
  building: string;
  answeredAt: string;
  answer: AnswerInput;
}

/** The privacy note the answering page shows. */
export function privacyNote(anonymous: boolean): string {
  return anonymous
    ? '本问卷匿名：你的答卷只保存一个无法还原的编号，用来保证每人只答一次，不记录你是谁。'
    : '本问卷记名：居委可以看到你的姓名和答卷内容，其他人只能看到汇总结果。';
}

/** Whether the survey takes answers at `now`. */
export function isOpenAt(s: { state: SurveyState; opensAt: Date; closesAt: Date }, now: Date): boolean {
  return s.state === 'published' && now >= s.opensAt && now < s.closesAt;
}

/** Whether a viewer (not the creator or the committee) may see results at `now`. */
export function resultsVisibleAt(s: { state: SurveyState; results: ResultsVisibility; closesAt: Date }, now: Date): boolean {
  if (s.state === 'draft') return false;
  if (s.results === 'live') return true;
  return s.state === 'closed' || now >= s.closesAt;
}

/** Percent with one decimal, 0 when there is nothing to divide by. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0;
}

/**
 * The tally keys an answer counts towards: `q_<question>` once per question answered, `o_<question>_<option>` per
 * chosen option, `r_<question>_<1..5>` per rating ('_' never occurs in a key). Text answers count only under `q_`. The tally document keeps
 * these counters and the audit recomputes them from the answers.
 */
export function tallyKeys(questions: readonly SurveyQuestion[], answer: AnswerInput): string[] {
  const keys: string[] = [];
  for (const q of questions) {
    const a = answer[q.key];
    if (!a) continue;
    if ('options' in a && (q.kind === 'single' || q.kind === 'multiple')) {
      if (a.options.length === 0) continue;
      keys.push(`q_${q.key}`);
      for (const o of a.options) keys.push(`o_${q.key}_${o}`);
    } else if ('rating' in a && q.kind === 'rating') {
      keys.push(`q_${q.key}`, `r_${q.key}_${a.rating}`);
    } else if ('text' in a && q.kind === 'text' && a.text.trim() !== '') {
      keys.push(`q_${q.key}`);
    }
  }
  return keys;
}

/** The counter changes that replacing `before` (null: first answer) with `after` makes: key -> delta, zeros left out. */
export function tallyDelta(questions: readonly SurveyQuestion[], before: AnswerInput | null, after: AnswerInput): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const k of before ? tallyKeys(questions, before) : []) delta[k] = (delta[k] ?? 0) - 1;
  for (const k of tallyKeys(questions, after)) delta[k] = (delta[k] ?? 0) + 1;
  for (const k of Object.keys(delta)) if (delta[k] === 0) delete delta[k];
  return delta;
}

/**
 * Checks an answer against the questions: a stable reason (Chinese) or null. Unknown questions or options, too
 * many or too few choices, a rating outside 1..5, a required question left out.
 */
export function answerProblem(questions: readonly SurveyQuestion[], answer: AnswerInput): string | null {
  const byKey = new Map(questions.map((q) => [q.key, q]));
  for (const key of Object.keys(answer)) if (!byKey.has(key)) return '答卷里有不存在的题目，请刷新后再答';
  for (const q of questions) {
    const a = answer[q.key];
    const empty = !a || ('options' in a && a.options.length === 0) || ('text' in a && a.text.trim() === '');
    if (empty) {
      if (q.required) return `请回答：${q.title}`;
      continue;
    }
    if (q.kind === 'single' || q.kind === 'multiple') {
      if (!('options' in a)) return `「${q.title}」请选择选项`;
      const valid = new Set(q.options.map((o) => o.key));
      if (a.options.some((o) => !valid.has(o))) return `「${q.title}」的选项不存在，请刷新后再答`;
      if (new Set(a.options).size !== a.options.length) return `「${q.title}」的选项重复了`;
      if (q.kind === 'single' && a.options.length !== 1) return `「${q.title}」只能选一项`;
      if (q.kind === 'multiple' && (a.options.length < q.min || a.options.length > q.max)) {
        return q.min === q.max ? `「${q.title}」请选${q.min}项` : `「${q.title}」请选${q.min}到${q.max}项`;
      }
    } else if (q.kind === 'rating') {
      if (!('rating' in a) || !Number.isInteger(a.rating) || a.rating < RATING_MIN || a.rating > RATING_MAX) return `「${q.title}」请打1到5分`;
    } else if (!('text' in a)) {
      return `「${q.title}」请填写文字`;
    }
  }
  return null;
}
