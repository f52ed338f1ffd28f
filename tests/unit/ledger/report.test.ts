import { buildReport, monthBounds } from '../../../cloudfunctions/ledger/report.model';
import { correctionKey } from '../../../cloudfunctions/ledger/ledger.model';

describe('monthBounds', () => {
  it('gives a Shanghai month in UTC', () => {
    expect(monthBounds('2024-03')).toEqual({ start: new Date('2024-02-29T16:00:00Z'), end: new Date('2024-03-31T16:00:00Z') });
    expect(monthBounds('2024-12').end).toEqual(new Date('2024-12-31T16:00:00Z'));
  });
});

describe('buildReport', () => {
  const councils = [
    { _id: 'c-main', name: '自治家园理事会' },
    { _id: 'c-service', name: '便民服务分会' },
  ];
  const grids = [
    { _id: 'g1', name: '第一微格' },
    { _id: 'g2', name: '第二微格' },
  ];

  it('sums by grid and council; a member in two councils counts in both; rows for none only when needed', () => {
    const r = buildReport(
      '2024-03',
      [
        { _id: 'a', halfHours: 4, points: 20, gridId: 'g1', councilIds: ['c-main', 'c-service'] },
        { _id: 'b', halfHours: 1, points: 5, gridId: 'g1', councilIds: ['c-service'] },
        { _id: 'c', halfHours: 2, points: 0, gridId: null, councilIds: [] },
      ],
      councils,
      grids,
    );
    expect(r.total).toEqual({ id: 'total', name: '合计', members: 3, halfHours: 7, points: 25 });
    expect(r.byGrid).toEqual([
      { id: 'g1', name: '第一微格', members: 2, halfHours: 5, points: 25 },
      { id: 'g2', name: '第二微格', members: 0, halfHours: 0, points: 0 },
      { id: '', name: '未分微格', members: 1, halfHours: 2, points: 0 },
    ]);
    expect(r.byCouncil).toEqual([
      { id: 'c-main', name: '自治家园理事会', members: 1, halfHours: 4, points: 20 },
      { id: 'c-service', name: '便民服务分会', members: 2, halfHours: 5, points: 25 },
      { id: '', name: '未加入分会', members: 1, halfHours: 2, points: 0 },
    ]);
  });

  it('keeps the service of a council since removed, under its id', () => {
    const r = buildReport('2024-03', [{ _id: 'a', halfHours: 2, points: 10, gridId: 'g2', councilIds: ['gone'] }], councils, grids);
    expect(r.byCouncil.map((c) => c.id)).toEqual(['c-main', 'c-service', 'gone']);
    expect(r.byGrid.map((g) => g.id)).toEqual(['g1', 'g2']);
  });
});

describe('correctionKey', () => {
  it('is derived from the entry alone and fits a posting key, even for long ids that differ only at the end', () => {
    const a = `event:${'e'.repeat(24)}:${'m'.repeat(31)}a`;
    const b = `event:${'e'.repeat(24)}:${'m'.repeat(31)}b`;
    expect(correctionKey(a)).toBe(correctionKey(a));
    expect(correctionKey(a)).not.toBe(correctionKey(b));
    expect(correctionKey(a).length).toBeLessThanOrEqual(64);
  });
});
