import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import type { Store, WriteOp } from '../../emulator/store';
import { syntheticResidents } from './synthetic-residents';

/**
 * A 居民区 grown to `members` approved members with `perMember` ledger entries each and their cached balances,
 * written straight into the store (a roster import and 200,000 postings through the functions would take hours).
 * The balances agree with the entries, so an audit must find it clean. Answers how many documents it wrote.
 */
export function loadLargeLedger(store: Store, options: { communityId: string; members: number; perMember: number }): { members: number; entries: number } {
  const { communityId, members, perMember } = options;
  const people = syntheticResidents(members, { seed: 15 });
  const at = new Date('2026-06-01T02:00:00Z');
  let ops: WriteOp[] = [];
  const flush = () => {
    store.commit(ops);
    ops = [];
  };
  for (let i = 0; i < members; i += 1) {
    const p = people[i]!;
    const memberId = `big-${i.toString().padStart(6, '0')}`;
    ops.push({
      op: 'put',
      coll: COLLECTIONS.members,
      doc: { _id: memberId, communityId, name: p.name, building: p.building, room: p.room, phone: p.phone, roles: [], application: { status: 'approved' }, createdAt: at },
    });
    let halfHours = 0;
    let points = 0;
    for (let k = 0; k < perMember; k += 1) {
      const entry = { halfHours: 1 + (k % 4), points: 5 * (1 + (k % 3)) };
      halfHours += entry.halfHours;
      points += entry.points;
      ops.push({
        op: 'put',
        coll: COLLECTIONS.ledgerEntries,
        doc: { _id: `event:big-ev-${k}:${memberId}`, communityId, memberId, ...entry, source: 'event', sourceId: `big-ev-${k}`, reason: '志愿服务', by: memberId, at: new Date(at.getTime() + k * 86_400_000) },
      });
    }
    ops.push({ op: 'put', coll: COLLECTIONS.ledgerBalances, doc: { _id: memberId, communityId, halfHours, points, entries: perMember, updatedAt: at } });
    if (ops.length >= 20_000) flush();
  }
  flush();
  return { members, entries: members * perMember };
}
