import { formatHours } from '../../../src/shared/rules/hours';
import { COLLECTIONS } from '../../_core/collections';
import { command, getDb } from '../../_core/db';
import type { AuditValue } from '../../../src/shared/domain/audit';
import { finding, sentence, type CheckOutcome, type Finding } from './finding';
import { allGroups, counterPages, GROUP_LIMIT, idsBy, inRange } from './paging';

interface Balance {
  _id: string;
  halfHours?: number;
  points?: number;
  entries?: number;
}

interface Sums {
  _id: string;
  halfHours: number;
  points: number;
  entries: number;
}

/** 5000 balances a page (5 reads), then one aggregate over their entries: at most 5000 groups, one per member. */
const LEDGER_PAGE = 5000;

const FIELDS = [
  { field: 'points', label: '积分' },
  { field: 'halfHours', label: '服务时长' },
  { field: 'entries', label: '记录笔数' },
] as const;

/**
 * Each member's cached balance (`ledger_balances`: points, half-hours, entry count) against the sum of their
 * `ledger_entries`, and every member with entries but no cached balance. Written beside _core/ledger.ts rather than
 * on it: the audit pages through any number of members on its own.
 * Round trips per page of 5000 balances: 5 (balances, 1000 a read) + 1 (the entries' sums for that key range) + 2 on
 * a difference (names, entry ids). 20,000 members: 4 pages, 24 round trips.
 */
export async function ledgerCheck(communityId: string): Promise<CheckOutcome> {
  const db = getDb();
  const $ = db.command.aggregate;
  let scanned = 0;
  const findings: Finding[] = [];
  for await (const page of counterPages<Balance>(COLLECTIONS.ledgerBalances, communityId, { halfHours: true, points: true, entries: true }, {}, LEDGER_PAGE)) {
    const sums = await allGroups<Sums>(
      db
        .collection(COLLECTIONS.ledgerEntries)
        .aggregate()
        .match({ communityId, ...inRange('memberId', page) })
        .group({ _id: '$memberId', halfHours: $.sum('$halfHours'), points: $.sum('$points'), entries: $.sum(1) })
        .limit(GROUP_LIMIT)
        .end(),
    );
    const byMember = new Map(sums.map((s) => [s._id, s]));
    const cached = new Map(page.docs.map((b) => [b._id, b]));
    const drifted: { memberId: string; values: AuditValue[]; wrong: AuditValue[]; entries: number; missing: boolean }[] = [];
    const compare = (memberId: string, b: Balance | undefined) => {
      const s = byMember.get(memberId);
      const values = FIELDS.map(({ field, label }) => ({ field, label, recorded: b?.[field] ?? 0, recomputed: s?.[field] ?? 0 }));
      const wrong = values.filter((v) => v.recorded !== v.recomputed);
      if (wrong.length) drifted.push({ memberId, values, wrong, entries: s?.entries ?? 0, missing: !b });
    };
    for (const b of page.docs) compare(b._id, b);
    // Entries in this page's range whose member has no cached balance at all.
    for (const s of sums) if (!cached.has(s._id)) compare(s._id, undefined);
    scanned += page.docs.length + sums.filter((s) => !cached.has(s._id)).length;
    if (drifted.length === 0) continue;

    const ids = drifted.map((d) => d.memberId);
    const [names, entryIds] = await Promise.all([
      db.collection(COLLECTIONS.members).where({ _id: command().in(ids) }).field({ name: true }).limit(ids.length).get(),
      idsBy(COLLECTIONS.ledgerEntries, { communityId, memberId: command().in(ids) }, ['memberId'], (r) => String(r.memberId)),
    ]);
    const nameOf = new Map((names.data as { _id: string; name?: string }[]).map((m) => [m._id, m.name ?? '']));
    for (const d of drifted) {
      const name = nameOf.get(d.memberId) || d.memberId;
      findings.push(
        finding({
          check: 'ledger',
          collection: COLLECTIONS.ledgerBalances,
          subjectId: d.memberId,
          subjectName: name,
          values: d.values,
          records: [{ collection: COLLECTIONS.ledgerEntries, label: '时长积分记录', count: d.entries, ids: entryIds.get(d.memberId) ?? [] }],
          text:
            sentence(`成员「${name}」的余额`, d.wrong, (v, n) => (v.field === 'halfHours' ? formatHours(n) : String(n))) +
            `共 ${d.entries} 笔记录${d.missing ? '，还没有余额记录' : ''}。`,
          ...(d.missing ? { create: { communityId } } : {}),
        }),
      );
    }
  }
  return { scanned, findings };
}
