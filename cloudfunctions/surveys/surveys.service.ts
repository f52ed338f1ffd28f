import type { ActionParsed } from '../../src/shared/action';
import type { surveysActions } from '../../src/shared/actions/surveys';
import { answerProblem, tallyDelta, type AnswerInput, type NamedAnswerView, type SurveyQuestion, type SurveyResultsView, type SurveySummaryView, type SurveyView } from '../../src/shared/domain/survey';
import type { Page } from '../../src/shared/result';
import { csvText } from '../../src/shared/rules/csv';
import { formatShanghai } from '../../src/shared/time';
import { authorize, ensureSameCommunity } from '../_core/authorize';
import { loadCaller, type Caller } from '../_core/caller';
import { clock } from '../_core/clock';
import { COLLECTIONS } from '../_core/collections';
import { ensurePublishable } from '../_core/content-check';
import { withChairs } from '../_core/council-chairs';
import { command, getDb, insertOnce } from '../_core/db';
import { AppError } from '../_core/errors';
import type { CallContext } from '../_core/router';
import { PAGE_FETCH, pageStart, toPage } from '../_core/paging';
import { inTransaction } from '../_core/transaction';
import { findCouncils } from '../reports/reports.queries';
import { answerIdOf, shardOf, surveyIdOf, tallyId, type AnswerDoc, type SurveyDoc, type TallyDoc } from './surveys.model';
import * as q from './surveys.queries';
import { audienceGridIds, manages, mayView, mayViewResults, standingOf, toResults, toSummary, toView } from './surveys.views';

type In<A extends keyof typeof surveysActions> = ActionParsed<(typeof surveysActions)[A]>;
type Fields = In<'create'>['survey'];

const surveys = () => getDb().collection(COLLECTIONS.surveys);
/** Short texts results list (the newest); the CSV has them all. */
const TEXTS_SHOWN = 100;
const NAMED_PAGE = 50;
/** An export reads at most this many answers (a 居民区 has at most ~13,000 residents). */
const CSV_MAX = 20_000;

async function residentCaller(ctx: CallContext): Promise<Caller> {
  const caller = await loadCaller(ctx.identity);
  authorize(caller, 'surveys.answer', { communityId: caller.communityId, memberId: caller.memberId });
  return caller;
}

/** A survey of the caller's 居民区 they may see; anything else (foreign, or a draft not theirs) answers as missing. */
async function visibleSurvey(caller: Caller, surveyId: string): Promise<SurveyDoc> {
  const survey = ensureSameCommunity(caller, await q.findSurvey(surveyId));
  if (!mayView(standingOf(caller, survey), survey)) throw new AppError('COMMON.NOT_FOUND');
  return survey;
}

/**
 * Whether the caller may ask this audience, and as what: the committee any audience of its 居民区, a grid leader
 * only grids they lead, a council's chair now only that council. The grids and council must exist there.
 */
async function creatorRole(caller: Caller, fields: Fields): Promise<SurveyDoc['createdBy']['role']> {
  const communityId = caller.communityId ?? '';
  const [grids, councils] = await Promise.all([q.gridsOf(communityId), findCouncils(communityId)]);
  const a = fields.audience;
  if (a.kind === 'grids' && !a.gridIds.every((id) => grids.some((g) => g._id === id))) throw new AppError('SURVEYS.AUDIENCE_NOT_FOUND');
  if (a.kind === 'council' && !councils.some((c) => c._id === a.councilId && c.active)) throw new AppError('SURVEYS.AUDIENCE_NOT_FOUND');
  if (caller.roles.includes('committee')) return 'committee';
  if (a.kind === 'grids' && caller.roles.includes('grid_leader') && a.gridIds.every((id) => caller.gridIds.includes(id))) return 'grid_leader';
  if (a.kind === 'council') {
    const chair = await withChairs(caller, councils);
    authorize(chair, 'surveys.create', { communityId, councilId: a.councilId });
    return 'council_chair';
  }
  throw new AppError('COMMON.FORBIDDEN');
}

function stored(fields: Fields): Pick<SurveyDoc, 'title' | 'intro' | 'questions' | 'audience' | 'opensAt' | 'closesAt' | 'anonymous' | 'results' | 'locked'> {
  const questions: SurveyQuestion[] = fields.questions.map((x) => ({
    key: x.key,
    kind: x.kind,
    title: x.title,
    required: x.required,
    options: x.options,
    min: x.kind === 'multiple' ? x.min : x.kind === 'single' ? 1 : 0,
    max: x.kind === 'multiple' ? x.max : x.kind === 'single' ? 1 : 0,
  }));
  const audience = fields.audience.kind === 'grids' ? { kind: 'grids' as const, gridIds: [...new Set(fields.audience.gridIds)] } : fields.audience;
  return { title: fields.title, intro: fields.intro, questions, audience, opensAt: fields.opensAt, closesAt: fields.closesAt, anonymous: fields.anonymous, results: fields.results, locked: fields.locked };
}

const textsOf = (fields: Fields) => [fields.title, fields.intro, ...fields.questions.flatMap((x) => [x.title, ...x.options.map((o) => o.label)])];

export async function create(input: In<'create'>, ctx: CallContext): Promise<{ survey: SurveyView }> {
  const caller = await loadCaller(ctx.identity);
  if (!caller.communityId) throw new AppError('COMMON.FORBIDDEN');
  const role = await creatorRole(caller, input.survey);
  const now = clock().now();
  if (input.survey.closesAt <= now) throw new AppError('SURVEYS.TIMES');
  await ensurePublishable(ctx.identity, textsOf(input.survey));
  const doc: SurveyDoc = {
    _id: surveyIdOf(caller.memberId, input.requestId),
    communityId: caller.communityId,
    ...stored(input.survey),
    state: 'draft',
    createdBy: { memberId: caller.memberId, role, name: caller.record?.name ?? '' },
    createdAt: now,
    publishedAt: null,
    closedAt: null,
    audienceSize: 0,
    version: 0,
  };
  await insertOnce(COLLECTIONS.surveys, doc);
  // The names read beside the survey: a retry finds the survey its first call wrote, from the same input.
  const [found, names] = await Promise.all([q.findSurvey(doc._id), q.gridNames(audienceGridIds([doc]))]);
  const survey = found ?? doc;
  return { survey: toView(survey, standingOf(caller, survey), null, now, names) };
}

/** A survey the caller manages, at the version they saw. */
async function managed(caller: Caller, surveyId: string, version: number): Promise<SurveyDoc> {
  const survey = await visibleSurvey(caller, surveyId);
  if (!manages(standingOf(caller, survey))) throw new AppError('COMMON.NOT_FOUND');
  if (survey.version !== version) throw new AppError('SURVEYS.CHANGED');
  return survey;
}

/** Applies a change only if nobody changed the survey since `version` (one conditional write). */
async function guardedUpdate(survey: SurveyDoc, patch: Partial<SurveyDoc>, state = survey.state): Promise<void> {
  const res = await surveys().where({ _id: survey._id, version: survey.version, state }).update({ ...patch, version: survey.version + 1 });
  if (!res.updated) throw new AppError('SURVEYS.CHANGED');
}

/** The survey as it is now, its grids named (one more read only for a grid audience). */
async function viewFor(caller: Caller, surveyId: string): Promise<{ survey: SurveyView }> {
  const survey = (await q.findSurvey(surveyId))!;
  const names = await q.gridNames(audienceGridIds([survey]));
  return { survey: toView(survey, standingOf(caller, survey), null, clock().now(), names) };
}

export async function update(input: In<'update'>, ctx: CallContext): Promise<{ survey: SurveyView }> {
  const caller = await loadCaller(ctx.identity);
  const survey = await managed(caller, input.surveyId, input.version);
  if (survey.state !== 'draft') throw new AppError('SURVEYS.WRONG_STATE');
  // The new audience must be one the editor may ask; the draft stays its creator's.
  await creatorRole(caller, input.survey);
  if (input.survey.closesAt <= clock().now()) throw new AppError('SURVEYS.TIMES');
  await ensurePublishable(ctx.identity, textsOf(input.survey));
  await guardedUpdate(survey, stored(input.survey));
  return viewFor(caller, survey._id);
}

/** Publishes a draft (one conditional write, the audience counted): its questions freeze and answers may come. */
export async function publish(input: In<'publish'>, ctx: CallContext): Promise<{ survey: SurveyView }> {
  const caller = await loadCaller(ctx.identity);
  const survey = await managed(caller, input.surveyId, input.version);
  if (survey.state !== 'draft') throw new AppError('SURVEYS.WRONG_STATE');
  const now = clock().now();
  if (new Date(survey.closesAt) <= now) throw new AppError('SURVEYS.TIMES');
  const audienceSize = await q.countAudience(survey.communityId, survey.audience);
  await guardedUpdate(survey, { state: 'published', publishedAt: now, audienceSize });
  return viewFor(caller, survey._id);
}

/** Closes a published survey now (the timer does it at its close time). Closing a closed one changes nothing. */
export async function close(input: In<'close'>, ctx: CallContext): Promise<{ survey: SurveyView }> {
  const caller = await loadCaller(ctx.identity);
  const survey = await visibleSurvey(caller, input.surveyId);
  if (!manages(standingOf(caller, survey))) throw new AppError('COMMON.NOT_FOUND');
  if (survey.state === 'closed') return viewFor(caller, survey._id);
  if (survey.state !== 'published') throw new AppError('SURVEYS.WRONG_STATE');
  if (survey.version !== input.version) throw new AppError('SURVEYS.CHANGED');
  const now = clock().now();
  const audienceSize = await q.countAudience(survey.communityId, survey.audience);
  await guardedUpdate(survey, { state: 'closed', closedAt: now, closesAt: now < new Date(survey.closesAt) ? now : survey.closesAt, audienceSize });
  return viewFor(caller, survey._id);
}

/** The caller's answers among `surveys`, found by both possible keys of each: one read. */
async function myAnswers(caller: Caller, list: readonly SurveyDoc[]): Promise<Map<string, AnswerDoc>> {
  const ids = list.map((s) => answerIdOf(s, caller.memberId));
  const out = new Map<string, AnswerDoc>();
  if (ids.length === 0) return out;
  const res = await getDb().collection(COLLECTIONS.surveyAnswers).where({ _id: command().in(ids) }).limit(ids.length).get();
  for (const a of res.data as AnswerDoc[]) out.set(a.surveyId, a);
  return out;
}

export async function list(input: In<'list'>, ctx: CallContext): Promise<Page<SurveySummaryView>> {
  const caller = await residentCaller(ctx);
  const rows = await q.surveysOf(caller.communityId!, 200);
  const now = clock().now();
  const visible = rows.filter((s) => {
    const st = standingOf(caller, s);
    return (!input.filters.state || s.state === input.filters.state) && (manages(st) || (s.state !== 'draft' && st.inAudience));
  });
  const start = pageStart(input.page);
  const { rows: page, hasMore } = toPage(visible.slice(start, start + PAGE_FETCH));
  // The page's grid names in one read, beside the caller's answers: no round trip of its own.
  const [mine, names] = await Promise.all([myAnswers(caller, page), q.gridNames(audienceGridIds(page))]);
  return { items: page.map((s) => toSummary(s, standingOf(caller, s), mine.has(s._id), now, names)), page: input.page, hasMore };
}

export async function get(input: In<'get'>, ctx: CallContext): Promise<{ survey: SurveyView }> {
  const caller = await residentCaller(ctx);
  const survey = await visibleSurvey(caller, input.surveyId);
  const [mine, names] = await Promise.all([q.findAnswer(answerIdOf(survey, caller.memberId)), q.gridNames(audienceGridIds([survey]))]);
  return { survey: toView(survey, standingOf(caller, survey), mine, clock().now(), names) };
}

/**
 * Answers or changes an answer. The answer (under its deterministic id) and its tally shard move together in one
 * transaction, so racing taps of one resident give one answer and the counters stay exactly the answers' sum.
 */
export async function answer(input: In<'answer'>, ctx: CallContext): Promise<{ survey: SurveyView }> {
  const caller = await residentCaller(ctx);
  const survey = await visibleSurvey(caller, input.surveyId);
  const standing = standingOf(caller, survey);
  const now = clock().now();
  if (survey.state !== 'published' || now < new Date(survey.opensAt) || now >= new Date(survey.closesAt)) throw new AppError('SURVEYS.NOT_OPEN');
  if (!standing.inAudience) throw new AppError('SURVEYS.NOT_IN_AUDIENCE');
  const given = input.answer as AnswerInput;
  const problem = answerProblem(survey.questions, given);
  if (problem) throw new AppError('SURVEYS.BAD_ANSWER', { answer: problem });
  const texts = Object.values(given).flatMap((a) => ('text' in a ? [a.text] : []));
  await ensurePublishable(ctx.identity, texts);

  const id = answerIdOf(survey, caller.memberId);
  const shard = shardOf(id);
  const saved = await inTransaction(async (tx) => {
    const answerRef = tx.collection(COLLECTIONS.surveyAnswers).doc(id);
    const before = (await answerRef.get()).data as AnswerDoc | null;
    if (before && survey.locked) throw new AppError('SURVEYS.LOCKED');
    const tallyRef = tx.collection(COLLECTIONS.surveyTallies).doc(tallyId(survey._id, shard));
    const tally = ((await tallyRef.get()).data as TallyDoc | null) ?? { _id: tallyId(survey._id, shard), surveyId: survey._id, communityId: survey.communityId, shard, answers: 0, counts: {} };
    const delta = tallyDelta(survey.questions, before?.answer ?? null, given);
    const counts = { ...tally.counts };
    for (const [k, d] of Object.entries(delta)) counts[k] = (counts[k] ?? 0) + d;
    const doc: Omit<AnswerDoc, '_id'> = {
      surveyId: survey._id,
      communityId: survey.communityId,
      // An anonymous answer carries nothing that names its resident: the id is a keyed hash.
      ...(survey.anonymous ? {} : { memberId: caller.memberId, name: caller.record?.name ?? '', building: caller.record?.building ?? '' }),
      answer: given,
      hasText: texts.some((t) => t.trim() !== ''),
      shard,
      answeredAt: before?.answeredAt ?? now,
      changedAt: now,
    };
    await answerRef.set(doc);
    await tallyRef.set({ surveyId: tally.surveyId, communityId: tally.communityId, shard, answers: tally.answers + (before ? 0 : 1), counts });
    return { _id: id, ...doc } as AnswerDoc;
  });
  return { survey: toView(survey, standing, saved, now, await q.gridNames(audienceGridIds([survey]))) };
}

/**
 * Results from the tally shards, never the answers: round trip 1 the caller, round trip 2 the survey, its shards
 * and the newest short texts side by side, whatever the number of answers.
 */
export async function results(input: In<'results'>, ctx: CallContext): Promise<SurveyResultsView> {
  const caller = await residentCaller(ctx);
  const [found, tallies, texts] = await Promise.all([q.findSurvey(input.surveyId), q.findTallies(input.surveyId), q.textAnswers(input.surveyId, TEXTS_SHOWN)]);
  const survey = ensureSameCommunity(caller, found);
  const standing = standingOf(caller, survey);
  if (!mayView(standing, survey)) throw new AppError('COMMON.NOT_FOUND');
  const now = clock().now();
  if (!mayViewResults(standing, survey, now)) {
    throw new AppError(standing.inAudience || manages(standing) ? 'SURVEYS.RESULTS_HIDDEN' : 'COMMON.FORBIDDEN');
  }
  return toResults(survey, tallies, texts, standing.committee, now);
}

/** The committee's survey of its 居民区 (named or not); anything else answers as missing or forbidden. */
async function committeeSurvey(ctx: CallContext, surveyId: string): Promise<SurveyDoc> {
  const caller = await residentCaller(ctx);
  const survey = ensureSameCommunity(caller, await q.findSurvey(surveyId));
  authorize(caller, 'surveys.viewNamed', { communityId: survey.communityId });
  return survey;
}

export async function named(input: In<'named'>, ctx: CallContext): Promise<Page<NamedAnswerView>> {
  const survey = await committeeSurvey(ctx, input.surveyId);
  if (survey.anonymous) throw new AppError('COMMON.FORBIDDEN');
  const rows = await q.answersPage(survey._id, (input.page - 1) * NAMED_PAGE, NAMED_PAGE + 1);
  return {
    items: rows.slice(0, NAMED_PAGE).map((a) => ({ memberId: a.memberId ?? '', name: a.name ?? '', building: a.building ?? '', answeredAt: new Date(a.changedAt).toISOString(), answer: a.answer })),
    page: input.page,
    hasMore: rows.length > NAMED_PAGE,
  };
}

function cellOf(survey: SurveyDoc, key: string, a: AnswerInput): string {
  const x = a[key];
  const question = survey.questions.find((qq) => qq.key === key)!;
  if (!x) return '';
  if ('options' in x) return x.options.map((o) => question.options.find((opt) => opt.key === o)?.label ?? o).join('；');
  if ('rating' in x) return String(x.rating);
  return x.text;
}

/** Every answer as CSV; anonymous surveys get neither names nor times (a time could point at a person). */
export async function exportCsv(input: In<'exportCsv'>, ctx: CallContext): Promise<{ fileName: string; csv: string }> {
  const survey = await committeeSurvey(ctx, input.surveyId);
  const all: AnswerDoc[] = [];
  for (let skip = 0; skip < CSV_MAX; skip += 1000) {
    const rows = await q.answersPage(survey._id, skip, 1000);
    all.push(...rows);
    if (rows.length < 1000) break;
  }
  const head = survey.anonymous ? ['序号'] : ['序号', '姓名', '楼栋', '答题时间'];
  const rows = all.map((a, i) => [
    ...(survey.anonymous ? [i + 1] : [i + 1, a.name ?? '', a.building ?? '', formatShanghai(a.changedAt)]),
    ...survey.questions.map((qq) => cellOf(survey, qq.key, a.answer)),
  ]);
  return { fileName: `问卷-${survey.title}-${formatShanghai(clock().now(), 'YYYYMMDD')}.csv`, csv: csvText([[...head, ...survey.questions.map((qq) => qq.title)], ...rows]) };
}
