import type { AuditValue } from '../../../src/shared/domain/audit';
import { COLLECTIONS } from '../../_core/collections';
import { command, getDb } from '../../_core/db';
import { finding, sentence, type CheckOutcome, type Finding } from './finding';
import { allGroups, counterPages, GROUP_LIMIT, idsBy, inRange } from './paging';

interface CounterRow {
  _id: string;
  title: string;
  supports?: number;
  followers?: number;
}

/**
 * A count kept on proposals or projects against their active records (supports, follows), keyed by the parent's id.
 * Round trips per page of 1000 parents: 1 (parents) + 1 (the active records grouped by parent) + 1 on a difference.
 */
async function activeCountCheck(
  communityId: string,
  spec: { check: 'proposalSupports' | 'projectFollowers'; collection: string; field: 'supports' | 'followers'; label: string; records: { collection: string; key: string; label: string }; what: (title: string) => string },
): Promise<CheckOutcome> {
  const db = getDb();
  const $ = db.command.aggregate;
  let scanned = 0;
  const findings: Finding[] = [];
  for await (const page of counterPages<CounterRow>(spec.collection, communityId, { title: true, [spec.field]: true })) {
    const groups = await allGroups<{ _id: string; n: number }>(
      db
        .collection(spec.records.collection)
        .aggregate()
        .match({ communityId, active: true, ...inRange(spec.records.key, page) })
        .group({ _id: `$${spec.records.key}`, n: $.sum(1) })
        .limit(GROUP_LIMIT)
        .end(),
    );
    const byParent = new Map(groups.map((g) => [g._id, g.n]));
    scanned += page.docs.length;
    const drifted: { row: CounterRow; value: AuditValue; n: number }[] = [];
    for (const row of page.docs) {
      const recorded = row[spec.field] ?? 0;
      const recomputed = byParent.get(row._id) ?? 0;
      if (recorded !== recomputed) drifted.push({ row, value: { field: spec.field, label: spec.label, recorded, recomputed }, n: recomputed });
    }
    if (drifted.length === 0) continue;
    const ids = await idsBy(spec.records.collection, { [spec.records.key]: command().in(drifted.map((d) => d.row._id)), active: true }, [spec.records.key], (r) => String(r[spec.records.key]));
    for (const d of drifted) {
      findings.push(
        finding({
          check: spec.check,
          collection: spec.collection,
          subjectId: d.row._id,
          subjectName: d.row.title,
          values: [d.value],
          records: [{ collection: spec.records.collection, label: spec.records.label, count: d.n, ids: ids.get(d.row._id) ?? [] }],
          text: sentence(spec.what(d.row.title), [d.value]) + `共 ${d.n} 条${spec.records.label}。`,
        }),
      );
    }
  }
  return { scanned, findings };
}

/** A proposal's `supports` against its active supports in `proposal_supports`. */
export function proposalSupportsCheck(communityId: string): Promise<CheckOutcome> {
  return activeCountCheck(communityId, {
    check: 'proposalSupports',
    collection: COLLECTIONS.proposals,
    field: 'supports',
    label: '支持人数',
    records: { collection: COLLECTIONS.proposalSupports, key: 'proposalId', label: '支持记录' },
    what: (title) => `议题「${title}」`,
  });
}

/** A project's `followers` against its active follows in `project_follows`. */
export function projectFollowersCheck(communityId: string): Promise<CheckOutcome> {
  return activeCountCheck(communityId, {
    check: 'projectFollowers',
    collection: COLLECTIONS.projects,
    field: 'followers',
    label: '关注人数',
    records: { collection: COLLECTIONS.projectFollows, key: 'projectId', label: '关注记录' },
    what: (title) => `项目「${title}」`,
  });
}
