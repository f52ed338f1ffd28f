import { COLLECTIONS } from '../../_core/collections';
import { command, getDb } from '../../_core/db';
import type { AuditRecords, AuditValue } from '../../../src/shared/domain/audit';
import { finding, sentence, type CheckOutcome, type Finding } from './finding';
import { allGroups, counterPages, GROUP_LIMIT, IDS_READ, IDS_SHOWN, inRange } from './paging';

interface RewardRow {
  _id: string;
  name: string;
  stock?: number;
}

interface Tally {
  /** Units put on the shelf by 上架 and 补货. */
  shelved: number;
  movements: number;
  redeemMoves: number;
  cancelMoves: number;
  redemptions: number;
  cancelled: number;
}

const empty = (): Tally => ({ shelved: 0, movements: 0, redeemMoves: 0, cancelMoves: 0, redemptions: 0, cancelled: 0 });

/**
 * A reward's `stock` against its records: the units shelved (`shop_movements` create and restock), less one per
 * redemption, plus one per cancelled redemption. A redemption counts once whether its record (`shop_redemptions`),
 * its movement or both survived a crash. Round trips per page of 1000 rewards: 1 (rewards) + 2 (movements and
 * redemptions grouped by reward) + 2 for a reward whose movements and redemptions disagree (to name them).
 */
export async function shopStockCheck(communityId: string): Promise<CheckOutcome> {
  const db = getDb();
  const $ = db.command.aggregate;
  let scanned = 0;
  const findings: Finding[] = [];
  for await (const page of counterPages<RewardRow>(COLLECTIONS.shopRewards, communityId, { name: true, stock: true })) {
    const [moves, redemptions] = await Promise.all([
      allGroups<{ _id: { r: string; k: string }; d: number; n: number }>(
        db.collection(COLLECTIONS.shopMovements).aggregate().match({ communityId, ...inRange('rewardId', page) })
          .group({ _id: { r: '$rewardId', k: '$kind' }, d: $.sum('$delta'), n: $.sum(1) }).limit(GROUP_LIMIT).end(),
      ),
      allGroups<{ _id: { r: string; s: string }; n: number }>(
        db.collection(COLLECTIONS.shopRedemptions).aggregate().match({ communityId, ...inRange('rewardId', page) })
          .group({ _id: { r: '$rewardId', s: '$status' }, n: $.sum(1) }).limit(GROUP_LIMIT).end(),
      ),
    ]);
    const tallies = new Map<string, Tally>();
    const tally = (id: string) => tallies.get(id) ?? tallies.set(id, empty()).get(id)!;
    for (const m of moves) {
      const t = tally(m._id.r);
      t.movements += m.n;
      if (m._id.k === 'redeem') t.redeemMoves += m.n;
      else if (m._id.k === 'cancel') t.cancelMoves += m.n;
      else t.shelved += m.d;
    }
    for (const r of redemptions) {
      const t = tally(r._id.r);
      t.redemptions += r.n;
      if (r._id.s === 'cancelled') t.cancelled += r.n;
    }
    scanned += page.docs.length;
    for (const reward of page.docs) {
      const t = tallies.get(reward._id) ?? empty();
      // A redemption whose movement was lost (or a movement whose redemption was) still took its unit.
      const recomputed = t.shelved - Math.max(t.redemptions, t.redeemMoves) + Math.max(t.cancelled, t.cancelMoves);
      const value: AuditValue = { field: 'stock', label: '库存', recorded: reward.stock ?? 0, recomputed };
      if (value.recorded === value.recomputed) continue;
      const unmatched = t.redemptions !== t.redeemMoves || t.cancelled !== t.cancelMoves;
      const records: AuditRecords[] = [
        { collection: COLLECTIONS.shopMovements, label: '库存变动记录', count: t.movements, ids: [] },
        { collection: COLLECTIONS.shopRedemptions, label: '兑换记录', count: t.redemptions, ids: [] },
      ];
      let note = '';
      if (unmatched) {
        const orphans = await unmatchedRedemptions(communityId, reward._id);
        records.push({ collection: COLLECTIONS.shopRedemptions, label: '缺少库存变动的兑换', count: orphans.length, ids: orphans.slice(0, IDS_SHOWN) });
        note = `其中 ${orphans.length} 笔兑换与库存变动对不上。`;
      }
      findings.push(
        finding({
          check: 'shopStock',
          collection: COLLECTIONS.shopRewards,
          subjectId: reward._id,
          subjectName: reward.name,
          values: [value],
          records,
          text: sentence(`奖品「${reward.name}」`, [value]) + `上架和补货共 ${t.shelved} 件，兑换 ${Math.max(t.redemptions, t.redeemMoves)} 件，取消退回 ${Math.max(t.cancelled, t.cancelMoves)} 件。${note}`,
        }),
      );
    }
  }
  return { scanned, findings };
}

/** Redemptions of a reward missing their redeem or cancel movement, and movements naming no redemption. 2 round trips. */
async function unmatchedRedemptions(communityId: string, rewardId: string): Promise<string[]> {
  const db = getDb();
  const [reds, moves] = await Promise.all([
    db.collection(COLLECTIONS.shopRedemptions).where({ communityId, rewardId }).field({ _id: true, status: true }).limit(IDS_READ).get(),
    db.collection(COLLECTIONS.shopMovements).where({ communityId, rewardId, kind: command().in(['redeem', 'cancel']) }).field({ kind: true, redemptionId: true }).limit(IDS_READ).get(),
  ]);
  const moved = new Set((moves.data as { kind: string; redemptionId?: string }[]).map((m) => `${m.kind}:${m.redemptionId ?? ''}`));
  const known = new Set((reds.data as { _id: string }[]).map((r) => r._id));
  const out: string[] = [];
  for (const r of reds.data as { _id: string; status: string }[]) {
    if (!moved.has(`redeem:${r._id}`) || (r.status === 'cancelled' && !moved.has(`cancel:${r._id}`))) out.push(r._id);
  }
  for (const m of moves.data as { redemptionId?: string }[]) if (m.redemptionId && !known.has(m.redemptionId)) out.push(m.redemptionId);
  return [...new Set(out)];
}
