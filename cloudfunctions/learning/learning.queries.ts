import type { RequiredRole } from '../../src/shared/domain/learning';
import { COLLECTIONS } from '../_core/collections';
import { command, getDb, insertOnce } from '../_core/db';
import type { MemberDoc } from '../_core/member-record';
import { contains } from '../_core/text-match';
import type { AttemptDoc, CaseDoc, CompletionDoc, CourseDoc, ProgressDoc } from './learning.model';

/** Each function here is one database round trip, unless it says otherwise. */

const col = (name: string) => getDb().collection(name);
/** The most a get answers (CloudBase's cap). */
const MAX = 1000;

export interface CommunityDoc {
  _id: string;
  name: string;
  streetId?: string;
  streetName?: string;
}

export async function findCommunity(id: string): Promise<CommunityDoc | null> {
  const res = await col(COLLECTIONS.communities).doc(id).get();
  return (res.data?.[0] as CommunityDoc | undefined) ?? null;
}

/** The 居民区 of a 街道 (names for cases, and the 街道's own name). */
export async function communitiesOf(streetId: string): Promise<CommunityDoc[]> {
  const res = await col(COLLECTIONS.communities).where({ streetId }).field({ _id: true, name: true, streetId: true, streetName: true }).orderBy('order', 'asc').limit(MAX).get();
  return res.data as CommunityDoc[];
}

export async function findCourse(id: string): Promise<CourseDoc | null> {
  const res = await col(COLLECTIONS.courses).where({ _id: id }).limit(1).get();
  return (res.data[0] as CourseDoc | undefined) ?? null;
}

export const insertCourse = (doc: CourseDoc) => insertOnce(COLLECTIONS.courses, doc);

/** Applies a change only if nobody changed the course since `version`: whether it applied. */
export async function updateCourseIf(id: string, version: number, patch: Partial<CourseDoc>): Promise<boolean> {
  const res = await col(COLLECTIONS.courses).where({ _id: id, version }).update({ ...patch, version: version + 1 });
  return res.updated === 1;
}

/**
 * The newest courses a 居民区 and its 街道 hold (lessons' text left out): a 居民区 runs a few dozen. `communityId`
 * null (a 街道 admin) reads the 街道's own courses only.
 */
export async function coursesFor(communityId: string | null, streetId: string | null, limit: number): Promise<CourseDoc[]> {
  const _ = command();
  const clauses: Record<string, unknown>[] = [];
  if (communityId) clauses.push({ communityId });
  if (streetId) clauses.push({ communityId: null, streetId });
  if (clauses.length === 0) return [];
  const where = clauses.length === 1 ? clauses[0]! : _.or(clauses);
  const res = await col(COLLECTIONS.courses).where(where).field({ lessons: false, quiz: false }).orderBy('createdAt', 'desc').limit(limit).get();
  return res.data as CourseDoc[];
}

export async function findProgress(id: string): Promise<ProgressDoc | null> {
  const res = await col(COLLECTIONS.courseProgress).where({ _id: id }).limit(1).get();
  return (res.data[0] as ProgressDoc | undefined) ?? null;
}

export async function progressByIds(ids: readonly string[]): Promise<ProgressDoc[]> {
  if (ids.length === 0) return [];
  const res = await col(COLLECTIONS.courseProgress).where({ _id: command().in([...ids]) }).limit(ids.length).get();
  return res.data as ProgressDoc[];
}

export async function findCompletion(id: string): Promise<CompletionDoc | null> {
  const res = await col(COLLECTIONS.courseCompletions).where({ _id: id }).limit(1).get();
  return (res.data[0] as CompletionDoc | undefined) ?? null;
}

export async function findCompletionByCode(code: string): Promise<CompletionDoc | null> {
  const res = await col(COLLECTIONS.courseCompletions).where({ code }).limit(1).get();
  return (res.data[0] as CompletionDoc | undefined) ?? null;
}

export async function completionsPage(memberId: string, skip: number, limit: number): Promise<CompletionDoc[]> {
  const res = await col(COLLECTIONS.courseCompletions).where({ memberId }).orderBy('completedAt', 'desc').skip(skip).limit(limit).get();
  return res.data as CompletionDoc[];
}

/** Completions whose points are owed since before `before`, oldest first (the timer's work). */
export async function owedPoints(before: Date, limit: number): Promise<CompletionDoc[]> {
  const res = await col(COLLECTIONS.courseCompletions).where({ pointsPosted: false, completedAt: command().lte(before) }).orderBy('completedAt', 'asc').limit(limit).get();
  return res.data as CompletionDoc[];
}

export async function markPointsPosted(id: string): Promise<void> {
  await col(COLLECTIONS.courseCompletions).where({ _id: id, pointsPosted: false }).update({ pointsPosted: true });
}

export async function findAttempt(id: string): Promise<AttemptDoc | null> {
  const res = await col(COLLECTIONS.courseAttempts).where({ _id: id }).limit(1).get();
  return (res.data[0] as AttemptDoc | undefined) ?? null;
}

/** The member-record filter of the live people holding `role` in a 居民区 now (as caller.rolesOf reads a record). */
export function holderFilter(communityId: string, role: RequiredRole): Record<string, unknown> {
  const _ = command();
  const base: Record<string, unknown> = { communityId, deletedAt: _.exists(false) };
  switch (role) {
    case 'member':
      return { ...base, 'application.status': 'approved' };
    case 'grid_leader':
      return { ...base, roles: 'grid_leader', 'leadsGridIds.0': _.exists(true) };
    case 'committee':
      return { ...base, roles: 'committee' };
  }
}

export type HolderRow = Pick<MemberDoc, '_id' | 'name' | 'building' | 'gridId' | 'phone'>;

export async function countHolders(communityId: string, role: RequiredRole): Promise<number> {
  return (await col(COLLECTIONS.members).where(holderFilter(communityId, role)).count()).total;
}

export async function countFinishers(courseId: string, communityId: string): Promise<number> {
  return (await col(COLLECTIONS.courseCompletions).where({ courseId, communityId }).count()).total;
}

/**
 * Every live holder of `role` in a 居民区, in id order: the `total` counted before are read as pages of 1000 side by
 * side (one round trip however many). A record that changes between the count and the pages can be missed or read
 * twice; twice is dropped here, and the next call sees it.
 */
export async function allHolders(communityId: string, role: RequiredRole, total: number): Promise<HolderRow[]> {
  const filter = holderFilter(communityId, role);
  const pages = await Promise.all(
    Array.from({ length: Math.ceil(total / MAX) + (total % MAX === 0 ? 1 : 0) }, (_, i) =>
      col(COLLECTIONS.members).where(filter).field({ _id: true, name: true, building: true, gridId: true, phone: true }).orderBy('_id', 'asc').skip(i * MAX).limit(MAX).get(),
    ),
  );
  const seen = new Map<string, HolderRow>();
  for (const page of pages) for (const row of page.data as HolderRow[]) seen.set(row._id, row);
  return [...seen.values()];
}

/** The learners of a 居民区 who finished a course: the `total` counted before, as pages of 1000 side by side (one round trip). */
export async function allFinishers(courseId: string, communityId: string, total: number): Promise<Set<string>> {
  const pages = await Promise.all(
    Array.from({ length: Math.ceil(total / MAX) + (total % MAX === 0 ? 1 : 0) }, (_, i) =>
      col(COLLECTIONS.courseCompletions).where({ courseId, communityId }).field({ _id: true, memberId: true }).orderBy('_id', 'asc').skip(i * MAX).limit(MAX).get(),
    ),
  );
  return new Set(pages.flatMap((p) => (p.data as Pick<CompletionDoc, '_id' | 'memberId'>[]).map((r) => r.memberId)));
}

export async function gridNames(communityId: string): Promise<Map<string, string>> {
  const res = await col(COLLECTIONS.grids).where({ communityId }).field({ _id: true, name: true }).limit(200).get();
  return new Map((res.data as { _id: string; name: string }[]).map((g) => [g._id, g.name]));
}

export async function findCase(id: string): Promise<CaseDoc | null> {
  const res = await col(COLLECTIONS.learningCases).where({ _id: id }).limit(1).get();
  return (res.data[0] as CaseDoc | undefined) ?? null;
}

export const insertCase = (doc: CaseDoc) => insertOnce(COLLECTIONS.learningCases, doc);

export async function updateCaseIf(id: string, version: number, patch: Partial<CaseDoc>): Promise<boolean> {
  const res = await col(COLLECTIONS.learningCases).where({ _id: id, version }).update({ ...patch, version: version + 1 });
  return res.updated === 1;
}

/**
 * A page of a 街道's cases, newest first: published only unless `drafts`; narrowed by tag and by words found in the
 * title, summary or text (escaped, case-insensitive). Reads one row more than asked, to tell whether more follow.
 */
export async function casesPage(streetId: string, opts: { drafts: boolean; tag?: string; query: string }, skip: number, limit: number): Promise<CaseDoc[]> {
  const _ = command();
  const where: Record<string, unknown> = { streetId };
  if (!opts.drafts) where.published = true;
  if (opts.tag) where.tags = opts.tag;
  const filter = opts.query ? _.and([where, _.or([{ title: contains(opts.query) }, { summary: contains(opts.query) }, { text: contains(opts.query) }])]) : where;
  const res = await col(COLLECTIONS.learningCases).where(filter).field({ text: false }).orderBy('updatedAt', 'desc').skip(skip).limit(limit).get();
  return res.data as CaseDoc[];
}

/**
 * A person's progress on every course, with the course titles and certificates (their own data export): 2 round
 * trips (progress beside certificates, then the titles).
 */
export async function ownLearning(memberId: string, limit: number): Promise<{ progress: ProgressDoc[]; completions: CompletionDoc[]; titles: Map<string, string> }> {
  const [progressRes, completionsRes] = await Promise.all([
    col(COLLECTIONS.courseProgress).where({ memberId }).orderBy('startedAt', 'desc').limit(limit).get(),
    col(COLLECTIONS.courseCompletions).where({ memberId }).orderBy('completedAt', 'desc').limit(limit).get(),
  ]);
  const progress = progressRes.data as ProgressDoc[];
  const ids = [...new Set(progress.map((p) => p.courseId))];
  const titles = new Map<string, string>();
  if (ids.length) {
    const res = await col(COLLECTIONS.courses).where({ _id: command().in(ids) }).field({ _id: true, title: true }).limit(ids.length).get();
    for (const c of res.data as { _id: string; title: string }[]) titles.set(c._id, c.title);
  }
  return { progress, completions: completionsRes.data as CompletionDoc[], titles };
}
