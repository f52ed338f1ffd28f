import type { SurveyAudience } from '../../src/shared/domain/survey';
import { COLLECTIONS } from '../_core/collections';
import { command, getDb } from '../_core/db';
import type { AnswerDoc, SurveyDoc, TallyDoc } from './surveys.model';
import { TALLY_SHARDS } from './surveys.model';

const surveys = () => getDb().collection(COLLECTIONS.surveys);
const answers = () => getDb().collection(COLLECTIONS.surveyAnswers);

export async function findSurvey(id: string): Promise<SurveyDoc | null> {
  const res = await surveys().where({ _id: id }).limit(1).get();
  return (res.data[0] as SurveyDoc | undefined) ?? null;
}

/** A survey's tally shards: one read. */
export async function findTallies(surveyId: string): Promise<TallyDoc[]> {
  const res = await getDb().collection(COLLECTIONS.surveyTallies).where({ surveyId }).limit(TALLY_SHARDS).get();
  return res.data as TallyDoc[];
}

export async function findAnswer(id: string): Promise<AnswerDoc | null> {
  const res = await answers().where({ _id: id }).limit(1).get();
  return (res.data[0] as AnswerDoc | undefined) ?? null;
}

/** The newest answers holding a short text (at most `limit`): what results list, without reading the rest. */
export async function textAnswers(surveyId: string, limit: number): Promise<AnswerDoc[]> {
  const res = await answers().where({ surveyId, hasText: true }).orderBy('changedAt', 'desc').limit(limit).get();
  return res.data as AnswerDoc[];
}

/** Answers of a survey in id order, a page at a time (named list, CSV, audit). */
export async function answersPage(surveyId: string, skip: number, limit: number): Promise<AnswerDoc[]> {
  const res = await answers().where({ surveyId }).orderBy('_id', 'asc').skip(skip).limit(limit).get();
  return res.data as AnswerDoc[];
}

/** The newest surveys of a 居民区 (the list filters by state and audience in memory: a 居民区 runs a few a month). */
export async function surveysOf(communityId: string, limit: number): Promise<SurveyDoc[]> {
  const res = await surveys().where({ communityId }).orderBy('createdAt', 'desc').limit(limit).get();
  return res.data as SurveyDoc[];
}

/** Published surveys whose close time has come (the timer's work), oldest first. */
export async function dueToClose(now: Date, limit: number): Promise<SurveyDoc[]> {
  const res = await surveys().where({ state: 'published', closesAt: command().lte(now) }).orderBy('closesAt', 'asc').limit(limit).get();
  return res.data as SurveyDoc[];
}

/** The member-record filter of an audience: live residents of the 居民区, narrowed by grid, council or membership. */
export function audienceFilter(communityId: string, audience: SurveyAudience): Record<string, unknown> {
  const base: Record<string, unknown> = { communityId, deletedAt: command().exists(false) };
  switch (audience.kind) {
    case 'community':
      return base;
    case 'grids':
      return { ...base, gridId: command().in(audience.gridIds) };
    case 'council':
      return { ...base, councilIds: audience.councilId };
    case 'members':
      return { ...base, 'application.status': 'approved' };
  }
}

/** How many residents an audience holds, counted from the member records: one read. */
export async function countAudience(communityId: string, audience: SurveyAudience): Promise<number> {
  const res = await getDb().collection(COLLECTIONS.members).where(audienceFilter(communityId, audience)).count();
  return res.total;
}

export async function gridsOf(communityId: string): Promise<{ _id: string; name: string }[]> {
  const res = await getDb().collection(COLLECTIONS.grids).where({ communityId }).field({ _id: true, name: true }).limit(100).get();
  return res.data as { _id: string; name: string }[];
}

/** The names of grids (ids of any 居民区: a survey only names its own), one read; none read for no ids. */
export async function gridNames(ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const res = await getDb().collection(COLLECTIONS.grids).where({ _id: command().in(unique) }).field({ _id: true, name: true }).limit(unique.length).get();
  return new Map((res.data as { _id: string; name: string }[]).map((g) => [g._id, g.name]));
}

export async function namesOf(ids: readonly string[]): Promise<Map<string, { name: string; building: string }>> {
  const out = new Map<string, { name: string; building: string }>();
  if (ids.length === 0) return out;
  const res = await getDb().collection(COLLECTIONS.members).where({ _id: command().in([...new Set(ids)]) }).field({ _id: true, name: true, building: true }).limit(1000).get();
  for (const p of res.data as { _id: string; name: string; building: string }[]) out.set(p._id, { name: p.name, building: p.building });
  return out;
}
