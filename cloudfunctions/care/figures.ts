import { missedRate, type CareGridFigures } from '../../src/shared/domain/care';
import type { CallContext } from '../_core/router';
import * as q from './care.queries';
import type { In, Out } from './care.types';
import { ensureStaff, gridScope, residentCaller } from './common';

const VISITED = new Set(['logged', 'challenged', 'confirmed']);

/**
 * Per grid for a month (visits by their day): elders registered and covered (with an active pairing) now, visits
 * made, hours posted, visits missed and the missed rate. The committee sees every grid; a grid leader theirs.
 * Round trips: 1 (caller) + 1 (elders, the visits' aggregate and the grids side by side).
 */
export async function figures(input: In<'figures'>, { identity }: CallContext): Out<'figures'> {
  const caller = await residentCaller(identity);
  ensureStaff(caller);
  const scope = gridScope(caller);
  const from = `${input.month}-01`;
  const to = `${input.month}-31`;
  const [elders, visits, grids] = await Promise.all([q.eldersOf(caller.communityId!), q.visitFigures(caller.communityId!, from, to), q.gridsOf(caller.communityId!)]);
  const rows = new Map<string, CareGridFigures>();
  const row = (gridId: string | null) => {
    const key = gridId ?? '';
    let r = rows.get(key);
    if (!r) {
      r = { gridId, gridName: gridId ? (grids.find((g) => g._id === gridId)?.name ?? '') : '未划入微格', elders: 0, covered: 0, visits: 0, halfHours: 0, missed: 0, missedRate: 0 };
      rows.set(key, r);
    }
    return r;
  };
  const inScope = (gridId: string | null) => scope === null || (!!gridId && scope.includes(gridId));
  for (const g of grids) if (inScope(g._id)) row(g._id);
  for (const e of elders) {
    if (!inScope(e.gridId)) continue;
    const r = row(e.gridId);
    r.elders += 1;
    if (e.activeVolunteerIds.length > 0) r.covered += 1;
  }
  for (const v of visits) {
    if (!inScope(v.gridId)) continue;
    const r = row(v.gridId);
    if (VISITED.has(v.state)) r.visits += v.n;
    if (v.state === 'missed') r.missed += v.n;
    r.halfHours += v.halfHours;
  }
  const grid = [...rows.values()].map((r) => ({ ...r, missedRate: missedRate(r.missed, r.visits) }));
  // In the grids' id order (their creation order), the elders of no grid last.
  const key = (r: CareGridFigures) => r.gridId ?? '\uffff';
  grid.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const total = grid.reduce((t, r) => ({ elders: t.elders + r.elders, covered: t.covered + r.covered, visits: t.visits + r.visits, halfHours: t.halfHours + r.halfHours, missed: t.missed + r.missed, missedRate: 0 }), { elders: 0, covered: 0, visits: 0, halfHours: 0, missed: 0, missedRate: 0 });
  return { month: input.month, grids: grid, total: { ...total, missedRate: missedRate(total.missed, total.visits) } };
}
