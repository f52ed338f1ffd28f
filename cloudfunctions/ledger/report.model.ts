import type { MonthlyReport, ReportRow } from '../../src/shared/domain/ledger';
import type { MemberMonth } from './ledger.queries';

/** The UTC bounds of a Shanghai month `YYYY-MM`: [its first midnight, the next month's). */
export function monthBounds(month: string): { start: Date; end: Date } {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const next = mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, '0')}`;
  return { start: new Date(`${month}-01T00:00:00+08:00`), end: new Date(`${next}-01T00:00:00+08:00`) };
}

const NO_COUNCIL = '未加入分会';
const NO_GRID = '未分微格';

function rowsOf(names: readonly { _id: string; name: string }[], empty: string): Map<string, ReportRow> {
  const rows = new Map<string, ReportRow>(names.map((n) => [n._id, { id: n._id, name: n.name, members: 0, halfHours: 0, points: 0 }]));
  rows.set('', { id: '', name: empty, members: 0, halfHours: 0, points: 0 });
  return rows;
}

function count(row: ReportRow, m: MemberMonth): void {
  row.members += 1;
  row.halfHours += m.halfHours;
  row.points += m.points;
}

function add(rows: Map<string, ReportRow>, id: string, m: MemberMonth): void {
  let row = rows.get(id);
  if (!row) {
    // A council or grid since removed: its members' service still counts, under its id.
    row = { id, name: id, members: 0, halfHours: 0, points: 0 };
    rows.set(id, row);
  }
  count(row, m);
}

/**
 * Sums members' month totals by council and by grid (as members belong now). A member in two councils counts in
 * both, so council rows may add up to more than the total; every member is in exactly one grid row.
 */
export function buildReport(
  month: string,
  members: readonly MemberMonth[],
  councils: readonly { _id: string; name: string }[],
  grids: readonly { _id: string; name: string }[],
): MonthlyReport {
  const byCouncil = rowsOf(councils, NO_COUNCIL);
  const byGrid = rowsOf(grids, NO_GRID);
  const total: ReportRow = { id: 'total', name: '合计', members: 0, halfHours: 0, points: 0 };
  for (const m of members) {
    count(total, m);
    add(byGrid, m.gridId ?? '', m);
    const councilIds = m.councilIds.length ? [...new Set(m.councilIds)] : [''];
    for (const id of councilIds) add(byCouncil, id, m);
  }
  // The "none" rows are shown only when someone is in them.
  const list = (rows: Map<string, ReportRow>) => [...rows.values()].filter((r) => r.id !== '' || r.members > 0);
  return { month, total, byCouncil: list(byCouncil), byGrid: list(byGrid) };
}
