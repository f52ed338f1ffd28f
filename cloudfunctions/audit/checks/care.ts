import type { AuditValue } from '../../../src/shared/domain/audit';
import { COLLECTIONS } from '../../_core/collections';
import { getDb } from '../../_core/db';
import type { PairingDoc } from '../../care/care.model';
import { finding, sentence, type CheckOutcome, type Finding } from './finding';
import { allGroups, counterPages, GROUP_LIMIT, inRange } from './paging';

type Row = Pick<PairingDoc, '_id' | 'missedInRow'>;

/**
 * 邻援助老: a pairing's `missedInRow` against its visits: the missed visits marked after the latest log of any of its
 * visits (what the timer counts up and a log sets back to 0, each in the visit's transaction). Round trips per page of
 * 1000 pairings: 1 (pairings) + 1 (two aggregates side by side: the latest log per pairing, the missed times per
 * pairing).
 */
export async function careMissedInRowCheck(communityId: string): Promise<CheckOutcome> {
  const db = getDb();
  const _ = db.command;
  const $ = _.aggregate;
  let scanned = 0;
  const findings: Finding[] = [];
  for await (const page of counterPages<Row>(COLLECTIONS.carePairings, communityId, { missedInRow: true })) {
    const range = inRange('pairingId', page);
    const [logs, misses] = await Promise.all([
      allGroups<{ _id: string; last: Date | null }>(db.collection(COLLECTIONS.careVisits).aggregate().match({ communityId, ...range, loggedAt: _.neq(null) }).group({ _id: '$pairingId', last: $.max('$loggedAt') }).limit(GROUP_LIMIT).end()),
      allGroups<{ _id: string; at: Date[] }>(db.collection(COLLECTIONS.careVisits).aggregate().match({ communityId, ...range, state: 'missed' }).group({ _id: '$pairingId', at: $.push('$missedAt') }).limit(GROUP_LIMIT).end()),
    ]);
    const lastLog = new Map(logs.map((g) => [g._id, g.last ? new Date(g.last).getTime() : null]));
    const missedTimes = new Map(misses.map((g) => [g._id, g.at.map((t) => new Date(t).getTime())]));
    scanned += page.docs.length;
    for (const p of page.docs) {
      const since = lastLog.get(p._id) ?? null;
      const times = missedTimes.get(p._id) ?? [];
      const recomputed = times.filter((t) => since === null || t > since).length;
      const recorded = p.missedInRow ?? 0;
      if (recorded === recomputed) continue;
      const values: AuditValue[] = [{ field: 'missedInRow', label: '连续未探访次数', recorded, recomputed }];
      findings.push(
        finding({
          check: 'careMissedInRow',
          collection: COLLECTIONS.carePairings,
          subjectId: p._id,
          subjectName: `邻援助老结对 ${p._id}`,
          values,
          records: [{ collection: COLLECTIONS.careVisits, label: '最近一次探访后的未探访记录', count: recomputed, ids: [] }],
          text: sentence(`邻援助老结对 ${p._id}`, values),
        }),
      );
    }
  }
  return { scanned, findings };
}
