import { COLLECTIONS } from '../../_core/collections';
import { command, getDb } from '../../_core/db';
import type { AuditValue } from '../../../src/shared/domain/audit';
import { finding, sentence, type CheckOutcome, type Finding } from './finding';
import { allGroups, counterPages, GROUP_LIMIT, idsBy, inRange } from './paging';

interface ItemRow {
  _id: string;
  name: string;
  stock?: number | null;
  waiting?: number;
}

/** The log kinds that move a consumable's stock (MovementKind in src/shared/domain/cabin.ts). */
const MOVEMENTS = ['create', 'restock', 'take', 'correct'];

/**
 * One counter of the items of one kind against a count or a sum over their records: the shared shape of the two
 * cabin checks. Round trips per page of 1000 items: 1 (items) + 1 (the records grouped by item) + 1 on a difference.
 */
async function itemCheck(
  communityId: string,
  spec: {
    check: 'cabinStock' | 'cabinWaiting';
    kind: 'consumable' | 'loanable';
    field: 'stock' | 'waiting';
    label: string;
    records: { collection: string; label: string; where: Record<string, unknown>; sum: string | 1 };
    what: (name: string) => string;
  },
): Promise<CheckOutcome> {
  const db = getDb();
  const $ = db.command.aggregate;
  let scanned = 0;
  const findings: Finding[] = [];
  for await (const page of counterPages<ItemRow>(COLLECTIONS.cabinItems, communityId, { name: true, [spec.field]: true }, { kind: spec.kind })) {
    const groups = await allGroups<{ _id: string; total: number; n: number }>(
      db
        .collection(spec.records.collection)
        .aggregate()
        .match({ communityId, ...spec.records.where, ...inRange('itemId', page) })
        .group({ _id: '$itemId', total: $.sum(spec.records.sum === 1 ? 1 : spec.records.sum), n: $.sum(1) })
        .limit(GROUP_LIMIT)
        .end(),
    );
    const byItem = new Map(groups.map((g) => [g._id, g]));
    scanned += page.docs.length;
    const drifted: { item: ItemRow; value: AuditValue; n: number }[] = [];
    for (const item of page.docs) {
      const g = byItem.get(item._id);
      const recorded = item[spec.field] ?? 0;
      const recomputed = g?.total ?? 0;
      if (recorded !== recomputed) drifted.push({ item, value: { field: spec.field, label: spec.label, recorded, recomputed }, n: g?.n ?? 0 });
    }
    if (drifted.length === 0) continue;
    const ids = await idsBy(spec.records.collection, { itemId: command().in(drifted.map((d) => d.item._id)), ...spec.records.where }, ['itemId'], (r) => String(r.itemId));
    for (const d of drifted) {
      findings.push(
        finding({
          check: spec.check,
          collection: COLLECTIONS.cabinItems,
          subjectId: d.item._id,
          subjectName: d.item.name,
          values: [d.value],
          records: [{ collection: spec.records.collection, label: spec.records.label, count: d.n, ids: ids.get(d.item._id) ?? [] }],
          text: sentence(spec.what(d.item.name), [d.value]) + `共 ${d.n} 条${spec.records.label}。`,
        }),
      );
    }
  }
  return { scanned, findings };
}

/** A consumable's `stock` against the sum of its stock movements in `cabin_log` (入库, 补充, 领取, 更正). */
export function cabinStockCheck(communityId: string): Promise<CheckOutcome> {
  return itemCheck(communityId, {
    check: 'cabinStock',
    kind: 'consumable',
    field: 'stock',
    label: '库存',
    records: { collection: COLLECTIONS.cabinLog, label: '出入库记录', where: { kind: command().in(MOVEMENTS) }, sum: '$delta' },
    what: (name) => `物品「${name}」`,
  });
}

/** A loanable item's `waiting` against its holds still waiting in `cabin_holds`. */
export function cabinWaitingCheck(communityId: string): Promise<CheckOutcome> {
  return itemCheck(communityId, {
    check: 'cabinWaiting',
    kind: 'loanable',
    field: 'waiting',
    label: '排队人数',
    records: { collection: COLLECTIONS.cabinHolds, label: '排队中的预约', where: { status: 'waiting' }, sum: 1 },
    what: (name) => `物品「${name}」`,
  });
}
