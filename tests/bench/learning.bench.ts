/**
 * 云课堂 at the size of a large 居民区: the committee's list of who has not finished a required course, over 13,125
 * residents who are all 梯队 members (the role the course is required of), a third of whom finished it, through the
 * real `learning` function and SDK against the in-memory emulator. Figures: sequential round trips (the function's
 * four stages: the caller; the 居民区, the course and both counts; every page of holders and finishers side by side;
 * the page's progress and grid names), database requests per call, and p50/p99 ms over repeated calls (first page and
 * a late page). Also runnable alone: `npx tsx tests/bench/learning.bench.ts`.
 */
import { performance } from 'perf_hooks';
import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { accountKeyOf, memberIdFor } from '../../cloudfunctions/_core/identity';
import { completionIdOf, progressIdOf, type CompletionDoc, type ProgressDoc } from '../../cloudfunctions/learning/learning.model';
import { newMemberDoc } from '../../cloudfunctions/_core/member-record';
import { LOCAL_APPID } from '../../emulator/dev-server/functions-host';
import { DEMO_PEOPLE } from '../../emulator/seed/demo-data';
import type { Doc } from '../../emulator/store';
import { percentile, runStandalone, withCountingStack } from './support';

const LARGE = 13_125;
const COMMUNITY = 'cm-baiyu1';
const RUNS = 20;

export async function bench(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  await withCountingStack(async ({ stack, requests, store }) => {
    const committee = DEMO_PEOPLE.find((p) => p.key === 'committee')!.openid;
    const call = (action: string, payload: unknown) => stack.host.invoke('learning', { action, payload }, { openid: committee }) as Promise<{ ok: boolean; data?: any; error?: { code: string } }>;
    const now = stack.clock.now();

    // A required course with two lessons, published by the committee.
    let course = (await call('createCourse', { course: { title: '第二梯队新成员入门', studyMinutes: 60, requiredFor: ['member'] }, owner: 'community', requestId: 'bench-learning-course' })).data.course;
    for (const n of [1, 2]) course = (await call('saveLesson', { courseId: course.id, version: course.version, lesson: { title: `第${n}课`, text: '内容' } })).data.course;
    course = (await call('publishCourse', { courseId: course.id, version: course.version })).data.course;

    // 13,125 approved members over 60 buildings and 4 grids; every third finished, every fifth began (setup, not measured).
    for (let i = 0; i < LARGE; i += 500) {
      const ops: { op: 'put'; coll: string; doc: Doc }[] = [];
      for (let j = i; j < Math.min(i + 500, LARGE); j++) {
        const openid = `bench-learning-${j}`;
        const identity = { openid, appid: LOCAL_APPID };
        const id = memberIdFor(identity);
        const member = {
          ...newMemberDoc(id, openid, LOCAL_APPID, now, accountKeyOf(identity)),
          communityId: COMMUNITY,
          name: `居民${j}`,
          building: `${1 + (j % 60)}号楼`,
          room: String(j),
          phone: `139${String(j).padStart(8, '0')}`,
          gridId: `cm-baiyu1-g${1 + (j % 4)}`,
          application: { status: 'approved' },
        };
        ops.push({ op: 'put', coll: COLLECTIONS.members, doc: member as unknown as Doc });
        if (j % 3 === 0) {
          const done: CompletionDoc = { _id: completionIdOf(course.id, id), courseId: course.id, memberId: id, communityId: COMMUNITY, code: `BENCH${String(j).padStart(7, '0')}`, name: member.name, communityName: '白玉新村第一居民区', courseTitle: course.title, studyMinutes: 60, percent: null, points: 0, pointsPosted: true, completedAt: now };
          ops.push({ op: 'put', coll: COLLECTIONS.courseCompletions, doc: done as unknown as Doc });
        } else if (j % 5 === 0) {
          const p: ProgressDoc = { _id: progressIdOf(course.id, id), courseId: course.id, memberId: id, communityId: COMMUNITY, done: ['l1'], attempts: 0, attemptDay: '', attemptsThatDay: 0, bestPercent: null, passedAt: null, startedAt: now, updatedAt: now, completedAt: null };
          ops.push({ op: 'put', coll: COLLECTIONS.courseProgress, doc: p as unknown as Doc });
        }
      }
      store.commit(ops);
    }

    const measure = async (label: string, page: number) => {
      const times: number[] = [];
      let perCall = 0;
      let data: any;
      for (let r = 0; r < RUNS; r++) {
        const before = requests();
        const t = performance.now();
        const res = await call('requiredGaps', { courseId: course.id, role: 'member', page });
        times.push(performance.now() - t);
        if (!res.ok) throw new Error(`requiredGaps failed: ${res.error?.code}`);
        perCall = requests() - before;
        data = res.data;
      }
      times.sort((a, b) => a - b);
      out[`${label}: round trips`] = 4;
      out[`${label}: DB requests`] = perCall;
      out[`${label}: p50 ms`] = percentile(times, 50);
      out[`${label}: p99 ms`] = percentile(times, 99);
      return data;
    };
    const first = await measure('who has not finished, 13,125 residents, page 1', 1);
    out['holders (members of the 居民区)'] = first.holders;
    out['finished'] = first.finished;
    out['not finished'] = first.missing;
    out['rows on page 1'] = first.items.length;
    await measure('who has not finished, 13,125 residents, page 400', 400);
  });
  return out;
}

if (require.main === module) runStandalone(bench);
