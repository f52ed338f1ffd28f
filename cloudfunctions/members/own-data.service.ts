import { COLLECTIONS } from '../_core/collections';
import { clock } from '../_core/clock';
import type { CallContext } from '../_core/router';
import { listChildrenOf } from './children.queries';
import { toHistoryEntry } from './committee.service';
import { loadOrCreateMe } from './me';
import { toMemberView } from './members.model';
import * as q from './members.queries';
import type { In, Out } from './members.types';
import type { MyDataCourse, MyDataReport } from '../../src/shared/domain/member';
import { ownLearning } from '../learning/learning.queries';
import type { ReportDoc } from '../reports/reports.model';
import { myCareData } from './own-care';
import { toProxyLogEntry } from './proxy.service';

/** The newest reports of each kind in the export (a resident files a handful a year). */
const MY_DATA_REPORTS = 100;
/** The newest courses in the export. */
const MY_DATA_COURSES = 100;

function toMyDataReport(r: ReportDoc): MyDataReport {
  const place = r.place.spot || [r.place.building, r.place.unit].filter(Boolean).join(' ');
  return { id: r._id, number: r.number, category: r.categoryName, place, text: r.text, state: r.state, filedAt: new Date(r.filedAt).toISOString() };
}

/**
 * Everything stored about the caller (PIPL's right of access): the same data is their JSON export. The grid's
 * 微格分色 is not in it: colours never reach a resident (issue 15), the page tells them to ask the committee.
 * Round trips: 11 (record, 居民区, grid, councils, history, proxy actions, their names, children; the reports they filed
 * and joined, side by side; 邻援助老 as elder and volunteer, 2: own-care.ts).
 * and joined, side by side; their course progress beside their course certificates, then the courses' titles).
 */
export async function myData(_input: In<'myData'>, { identity }: CallContext): Out<'myData'> {
  const doc = await loadOrCreateMe(identity);
  const community = doc.communityId ? await q.findCommunity(doc.communityId) : null;
  const grids = doc.gridId ? await q.namesOf(COLLECTIONS.grids, [doc.gridId]) : [];
  const councils = await q.namesOf(COLLECTIONS.councils, doc.councilIds ?? []);
  const history = await q.listHistory(doc._id);
  const proxy = doc.communityId ? (await q.listProxyLogPage(doc.communityId, doc._id, 1)).rows : [];
  const names = await q.memberNames(proxy.flatMap((r) => [r.actorId, r.subjectId]));
  const children = await listChildrenOf(doc._id);
  const [filed, joined] = doc.communityId
    ? await Promise.all([
        q.reportsOf(doc.communityId, doc._id, 'reporterId', MY_DATA_REPORTS),
        q.reportsOf(doc.communityId, doc._id, 'followers', MY_DATA_REPORTS),
      ])
    : [[], []];
  const care = await myCareData(doc._id);
  const learning = await ownLearning(doc._id, MY_DATA_COURSES);
  return {
    exportedAt: clock().now().toISOString(),
    member: toMemberView(doc),
    community: community ? { id: community._id, name: community.name } : null,
    grid: grids[0] ?? null,
    councils,
    privacy: {
      acceptedVersion: doc.consent?.version ?? null,
      acceptedAt: doc.consent ? new Date(doc.consent.at).toISOString() : null,
    },
    history: history.map(toHistoryEntry),
    proxyActions: proxy.map((r) => toProxyLogEntry(r, names)),
    children: children.map((c) => ({ id: c._id, name: c.name, birthYear: c.birthYear, consentAt: new Date(c.consentAt).toISOString() })),
    reports: { filed: filed.map(toMyDataReport), joined: joined.map(toMyDataReport) },
    care,
    courses: learning.progress.map((p): MyDataCourse => {
      const done = learning.completions.find((c) => c.courseId === p.courseId);
      return {
        courseId: p.courseId,
        title: learning.titles.get(p.courseId) ?? done?.courseTitle ?? '',
        lessonsDone: p.done.length,
        quizAttempts: p.attempts,
        bestPercent: p.bestPercent,
        startedAt: new Date(p.startedAt).toISOString(),
        completedAt: p.completedAt ? new Date(p.completedAt).toISOString() : null,
        certificateCode: done?.code ?? null,
      };
    }),
  };
}
