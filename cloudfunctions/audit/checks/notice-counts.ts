import { COLLECTIONS } from '../../_core/collections';
import { command, getDb } from '../../_core/db';
import type { AuditValue } from '../../../src/shared/domain/audit';
import { finding, sentence, type CheckOutcome, type Finding } from './finding';
import { allGroups, counterPages, GROUP_LIMIT, idsBy, inRange } from './paging';

interface NoticeRow {
  _id: string;
  title: string;
  counts?: { read?: number; confirmed?: number; replied?: number };
  replyCounts?: Record<string, number>;
  question?: { options: string[] } | null;
}

interface Group {
  _id: { n: string; s: string; r: string | null };
  c: number;
}

/**
 * A notice's `counts.read`, `counts.confirmed`, `counts.replied` and `replyCounts.<option>` against the receipts of
 * targeted residents (`notice_receipts` with `targeted`): every such receipt is a read, and its state says whether it
 * was confirmed or answered, and how. Round trips per page of 1000 notices: 1 (notices) + 1 (receipts counted by notice,
 * state and answer) + 1 on a difference (their ids).
 */
export async function noticeCountsCheck(communityId: string): Promise<CheckOutcome> {
  const db = getDb();
  const $ = db.command.aggregate;
  let scanned = 0;
  const findings: Finding[] = [];
  for await (const page of counterPages<NoticeRow>(COLLECTIONS.notices, communityId, { title: true, counts: true, replyCounts: true, question: true })) {
    const groups = await allGroups<Group>(
      db
        .collection(COLLECTIONS.noticeReceipts)
        .aggregate()
        .match({ communityId, targeted: true, ...inRange('noticeId', page) })
        .group({ _id: { n: '$noticeId', s: '$state', r: '$reply' }, c: $.sum(1) })
        .limit(GROUP_LIMIT)
        .end(),
    );
    const byNotice = new Map<string, Group[]>();
    for (const g of groups) byNotice.set(g._id.n, [...(byNotice.get(g._id.n) ?? []), g]);
    const drifted: { notice: NoticeRow; values: AuditValue[]; receipts: number }[] = [];
    for (const notice of page.docs) {
      const mine = byNotice.get(notice._id) ?? [];
      const count = (f: (g: Group) => boolean) => mine.filter(f).reduce((n, g) => n + g.c, 0);
      const values: AuditValue[] = [
        { field: 'counts.read', label: '已读人数', recorded: notice.counts?.read ?? 0, recomputed: count(() => true) },
        { field: 'counts.confirmed', label: '已确认人数', recorded: notice.counts?.confirmed ?? 0, recomputed: count((g) => g._id.s === 'confirmed') },
        { field: 'counts.replied', label: '已回复人数', recorded: notice.counts?.replied ?? 0, recomputed: count((g) => g._id.s === 'replied') },
        ...(notice.question?.options ?? []).map((option, i) => ({
          field: `replyCounts.${i}`,
          label: `选「${option}」的人数`,
          recorded: notice.replyCounts?.[String(i)] ?? 0,
          recomputed: count((g) => g._id.s === 'replied' && g._id.r === option),
        })),
      ];
      scanned += 1;
      const wrong = values.filter((v) => v.recorded !== v.recomputed);
      if (wrong.length) drifted.push({ notice, values: wrong, receipts: count(() => true) });
    }
    if (drifted.length === 0) continue;
    const ids = await idsBy(COLLECTIONS.noticeReceipts, { communityId, noticeId: command().in(drifted.map((d) => d.notice._id)), targeted: true }, ['noticeId'], (r) => String(r.noticeId));
    for (const d of drifted) {
      findings.push(
        finding({
          check: 'noticeCounts',
          collection: COLLECTIONS.notices,
          subjectId: d.notice._id,
          subjectName: d.notice.title,
          values: d.values,
          records: [{ collection: COLLECTIONS.noticeReceipts, label: '通知范围内居民的阅读回执', count: d.receipts, ids: ids.get(d.notice._id) ?? [] }],
          text: sentence(`通知「${d.notice.title}」`, d.values) + `共 ${d.receipts} 份回执。`,
        }),
      );
    }
  }
  return { scanned, findings };
}
