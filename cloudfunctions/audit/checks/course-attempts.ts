import type { AuditValue } from '../../../src/shared/domain/audit';
import { COLLECTIONS } from '../../_core/collections';
import { command, getDb } from '../../_core/db';
import type { ProgressDoc } from '../../learning/learning.model';
import { finding, sentence, type CheckOutcome, type Finding } from './finding';
import { allGroups, counterPages, GROUP_LIMIT, idsBy, inRange } from './paging';

/**
 * A learner's quiz attempts on a course (`course_progress.attempts`) against the attempts handed in (`course_attempts`
 * by `progressId`). Round trips per page of 1000 progress documents: 1 (progress) + 1 (the attempts grouped by
 * progress) + 1 on a difference.
 */
export async function courseAttemptsCheck(communityId: string): Promise<CheckOutcome> {
  const db = getDb();
  const $ = db.command.aggregate;
  let scanned = 0;
  const findings: Finding[] = [];
  for await (const page of counterPages<Pick<ProgressDoc, '_id' | 'attempts'>>(COLLECTIONS.courseProgress, communityId, { attempts: true })) {
    const groups = await allGroups<{ _id: string; n: number }>(
      db
        .collection(COLLECTIONS.courseAttempts)
        .aggregate()
        .match({ communityId, ...inRange('progressId', page) })
        .group({ _id: '$progressId', n: $.sum(1) })
        .limit(GROUP_LIMIT)
        .end(),
    );
    const byProgress = new Map(groups.map((g) => [g._id, g.n]));
    scanned += page.docs.length;
    const drifted: { id: string; value: AuditValue }[] = [];
    for (const row of page.docs) {
      const recorded = row.attempts ?? 0;
      const recomputed = byProgress.get(row._id) ?? 0;
      if (recorded !== recomputed) drifted.push({ id: row._id, value: { field: 'attempts', label: '测验次数', recorded, recomputed } });
    }
    if (drifted.length === 0) continue;
    const ids = await idsBy(COLLECTIONS.courseAttempts, { progressId: command().in(drifted.map((d) => d.id)) }, ['progressId'], (r) => String(r.progressId));
    for (const d of drifted) {
      const what = `学习记录 ${d.id} 的测验次数`;
      findings.push(
        finding({
          check: 'courseAttempts',
          collection: COLLECTIONS.courseProgress,
          subjectId: d.id,
          subjectName: what,
          values: [d.value],
          records: [{ collection: COLLECTIONS.courseAttempts, label: '测验答卷', count: d.value.recomputed, ids: ids.get(d.id) ?? [] }],
          text: sentence(what, [d.value]) + `共 ${d.value.recomputed} 份测验答卷。`,
        }),
      );
    }
  }
  return { scanned, findings };
}
