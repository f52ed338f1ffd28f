import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { learningActions } from '../../src/shared/actions/learning';
import type { GapRow } from '../../src/shared/domain/learning';
import { authorize } from '../_core/authorize';
import { AppError } from '../_core/errors';
import type { CallContext } from '../_core/router';
import * as q from './learning.queries';
import { reaches } from './learning.views';
import { loadCaller } from '../_core/caller';
import { placeOf } from './place';

type A = typeof learningActions;
type In<K extends keyof A> = ActionParsed<A[K]>;
type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;

const PAGE = 20;
const byPlace = (a: q.HolderRow, b: q.HolderRow) => a.building.localeCompare(b.building, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN') || (a._id < b._id ? -1 : 1);

/**
 * The committee's list of who, holding `role` now, has not finished a course required of it (the 居民区's own or
 * its 街道's), by building then name, with the counts. The holders and the finishers are counted, then read as pages
 * of 1000 all side by side, and compared in memory. Round trips: 4 whatever the size: the caller; the 居民区, the
 * course and both counts side by side; every page of holders and finishers side by side (28 requests for 13,125
 * holders who all finished); the page's progress beside the grid names.
 */
export async function requiredGaps(input: In<'requiredGaps'>, { identity }: CallContext): Out<'requiredGaps'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'learning.viewGaps', { communityId: caller.communityId });
  const communityId = caller.communityId!;
  const [place, course, holderCount, finisherCount] = await Promise.all([
    placeOf(caller),
    q.findCourse(input.courseId),
    q.countHolders(communityId, input.role),
    q.countFinishers(input.courseId, communityId),
  ]);
  if (!course || !reaches(place, course) || course.state === 'draft') throw new AppError('COMMON.NOT_FOUND');
  if (course.state !== 'published' || !course.requiredFor.includes(input.role)) throw new AppError('LEARNING.NOT_REQUIRED');
  const [holders, finishers] = await Promise.all([q.allHolders(communityId, input.role, holderCount), q.allFinishers(course._id, communityId, finisherCount)]);
  const missing = holders.filter((h) => !finishers.has(h._id)).sort(byPlace);
  const start = (input.page - 1) * PAGE;
  const rows = missing.slice(start, start + PAGE);
  const [progress, grids] = await Promise.all([q.progressByIds(rows.map((r) => `${course._id}:${r._id}`)), q.gridNames(communityId)]);
  const byMember = new Map(progress.map((p) => [p.memberId, p]));
  const items: GapRow[] = rows.map((r) => {
    const p = byMember.get(r._id);
    return {
      memberId: r._id,
      name: r.name,
      building: r.building,
      gridName: r.gridId ? (grids.get(r.gridId) ?? '') : '',
      // The committee only (learning.viewGaps): the number as stored, to call them.
      phone: r.phone,
      lessonsDone: p ? course.lessonKeys.filter((k) => p.done.includes(k)).length : 0,
      lessonCount: course.lessonKeys.length,
      startedAt: p ? new Date(p.startedAt).toISOString() : null,
    };
  });
  return {
    courseId: course._id,
    courseTitle: course.title,
    role: input.role,
    holders: holders.length,
    finished: holders.length - missing.length,
    missing: missing.length,
    items,
    page: input.page,
    hasMore: missing.length > start + PAGE,
  };
}
