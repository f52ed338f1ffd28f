import {
  isOpenAt,
  percentOf,
  privacyNote,
  resultsVisibleAt,
  type QuestionResult,
  type SurveyAudience,
  type SurveyResultsView,
  type SurveySummaryView,
  type SurveyView,
} from '../../src/shared/domain/survey';
import type { Caller } from '../_core/caller';
import type { AnswerDoc, SurveyDoc, TallyDoc } from './surveys.model';

/** How the caller stands to a survey: manages it (committee or its creator), is in its audience, or neither. */
export interface Standing {
  committee: boolean;
  creator: boolean;
  inAudience: boolean;
}

export const manages = (s: Standing) => s.committee || s.creator;

/** Whether the caller's own record puts them in the audience (a live resident of the 居民区 first). */
export function inAudience(caller: Caller, audience: SurveyAudience): boolean {
  const r = caller.record;
  if (!r || !caller.roles.includes('resident')) return false;
  switch (audience.kind) {
    case 'community':
      return true;
    case 'grids':
      return !!r.gridId && audience.gridIds.includes(r.gridId);
    case 'council':
      return (r.councilIds ?? []).includes(audience.councilId);
    case 'members':
      return r.application.status === 'approved';
  }
}

export function standingOf(caller: Caller, survey: SurveyDoc): Standing {
  return {
    committee: caller.roles.includes('committee') && caller.communityId === survey.communityId,
    creator: survey.createdBy.memberId === caller.memberId,
    inAudience: inAudience(caller, survey.audience),
  };
}

/** Drafts only to those who manage them; published and closed surveys to the 居民区 (answering needs the audience). */
export const mayView = (s: Standing, survey: SurveyDoc) => manages(s) || survey.state !== 'draft';

/** Results to managers always; to the audience when the survey says so (live, or after close); to nobody else. */
export function mayViewResults(s: Standing, survey: SurveyDoc, now: Date): boolean {
  if (manages(s)) return true;
  return s.inAudience && resultsVisibleAt(survey, now);
}

/** Grids named at most in an audience's text; more are summed up (第一微格、第二微格、第三微格等5个微格). */
const GRIDS_NAMED = 3;

/** Who a survey asks, in words: grids by their names (`gridNames`, looked up by the caller; a grid gone is counted). */
export function audienceText(a: SurveyAudience, gridNames: ReadonlyMap<string, string>): string {
  switch (a.kind) {
    case 'community':
      return '本居民区全体居民';
    case 'grids': {
      const names = a.gridIds.map((id) => gridNames.get(id)).filter((n): n is string => !!n);
      if (names.length === 0) return `${a.gridIds.length}个微格的居民`;
      const named = names.slice(0, GRIDS_NAMED).join('、');
      return a.gridIds.length > GRIDS_NAMED || names.length < a.gridIds.length ? `${named}等${a.gridIds.length}个微格的居民` : `${named}的居民`;
    }
    case 'council':
      return '分会成员';
    case 'members':
      return '梯队成员';
  }
}

const ROLE_TEXT = { committee: '居委', council_chair: '分会轮值会长', grid_leader: '微格长' } as const;

/** The grids whose names the surveys' audience texts need (pass them to `gridNames`). */
export const audienceGridIds = (list: readonly SurveyDoc[]): string[] => list.flatMap((s) => (s.audience.kind === 'grids' ? s.audience.gridIds : []));

export function toSummary(survey: SurveyDoc, standing: Standing, answered: boolean, now: Date, gridNames: ReadonlyMap<string, string>): SurveySummaryView {
  const open = isOpenAt(survey, now);
  return {
    id: survey._id,
    title: survey.title,
    state: survey.state,
    open,
    opensAt: new Date(survey.opensAt).toISOString(),
    closesAt: new Date(survey.closesAt).toISOString(),
    audience: survey.audience,
    audienceText: audienceText(survey.audience, gridNames),
    anonymous: survey.anonymous,
    answered,
    canAnswer: open && standing.inAudience && !(answered && survey.locked),
  };
}

export function toView(survey: SurveyDoc, standing: Standing, mine: AnswerDoc | null, now: Date, gridNames: ReadonlyMap<string, string>): SurveyView {
  const draft = survey.state === 'draft';
  return {
    ...toSummary(survey, standing, !!mine, now, gridNames),
    intro: survey.intro,
    questions: survey.questions,
    results: survey.results,
    locked: survey.locked,
    privacyNote: privacyNote(survey.anonymous),
    myAnswer: mine?.answer ?? null,
    createdBy: { role: ROLE_TEXT[survey.createdBy.role], name: survey.createdBy.name.slice(0, 1) },
    version: survey.version,
    can: {
      edit: manages(standing) && draft,
      publish: manages(standing) && draft,
      close: manages(standing) && survey.state === 'published',
      viewResults: !draft && mayViewResults(standing, survey, now),
      viewNamed: standing.committee && !survey.anonymous && !draft,
      exportCsv: standing.committee && !draft,
    },
  };
}

/** Adds the shards' counters up. */
export function sumTallies(tallies: readonly TallyDoc[]): { answers: number; counts: Record<string, number> } {
  const counts: Record<string, number> = {};
  let answers = 0;
  for (const t of tallies) {
    answers += t.answers;
    for (const [k, n] of Object.entries(t.counts ?? {})) counts[k] = (counts[k] ?? 0) + n;
  }
  return { answers, counts };
}

/**
 * Results from the tallies: counts and percentages per option (of those who answered the question), ratings'
 * average and distribution, and the short texts given (names only when `withNames`).
 */
export function toResults(survey: SurveyDoc, tallies: readonly TallyDoc[], texts: readonly AnswerDoc[], withNames: boolean, now: Date): SurveyResultsView {
  const { answers, counts } = sumTallies(tallies);
  const questions: QuestionResult[] = survey.questions.map((q) => {
    const answered = counts[`q_${q.key}`] ?? 0;
    const distribution = q.kind === 'rating' ? [1, 2, 3, 4, 5].map((r) => counts[`r_${q.key}_${r}`] ?? 0) : [];
    const ratingSum = distribution.reduce((sum, n, i) => sum + n * (i + 1), 0);
    return {
      key: q.key,
      kind: q.kind,
      title: q.title,
      answered,
      options: q.options.map((o) => {
        const count = counts[`o_${q.key}_${o.key}`] ?? 0;
        return { key: o.key, label: o.label, count, percent: percentOf(count, answered) };
      }),
      average: q.kind === 'rating' && answered > 0 ? Math.round((ratingSum / answered) * 10) / 10 : null,
      distribution,
      texts:
        q.kind === 'text'
          ? texts
              .map((a) => ({ a, v: a.answer[q.key] }))
              .filter((x): x is { a: AnswerDoc; v: { text: string } } => !!x.v && 'text' in x.v && x.v.text.trim() !== '')
              .map(({ a, v }) => ({ text: v.text, by: withNames && !survey.anonymous ? (a.name ?? null) : null }))
          : [],
    };
  });
  return {
    surveyId: survey._id,
    answers,
    audienceSize: survey.audienceSize,
    turnout: percentOf(answers, survey.audienceSize),
    questions,
    closed: survey.state === 'closed' || now >= new Date(survey.closesAt),
  };
}
