import { gridOfBuilding, normalizeBuilding } from '../../../src/shared/domain/grid';
import { visibleSettings, visibleTo } from '../../../src/shared/domain/talent';

describe('normalizeBuilding', () => {
  it.each([
    ['3号楼', '3号楼'],
    [' 3栋 ', '3号楼'],
    ['3号', '3号楼'],
    ['３幢', '3号楼'],
    ['03楼', '3号楼'],
    ['12 号楼', '12号楼'],
    ['居委会', '居委会'],
    ['A座', 'A座'],
    ['', ''],
  ])('%s -> %s', (raw, normal) => {
    expect(normalizeBuilding(raw)).toBe(normal);
  });
});

describe('gridOfBuilding', () => {
  const grids = [
    { _id: 'g1', buildings: ['1号楼', '2号楼'] },
    { _id: 'g2', buildings: ['3号楼'] },
  ];
  it('finds the grid listing the building in any written form', () => {
    expect(gridOfBuilding(grids, '2栋')).toBe('g1');
    expect(gridOfBuilding(grids, '3号楼')).toBe('g2');
  });
  it('answers null for a building outside every grid or an empty one', () => {
    expect(gridOfBuilding(grids, '9号楼')).toBeNull();
    expect(gridOfBuilding(grids, '  ')).toBeNull();
  });
});

describe('visibleTo', () => {
  it('leaders see leaders-only fields; the committee also committee ones; hidden is nobody’s', () => {
    expect(visibleTo('leaders', 'leader')).toBe(true);
    expect(visibleTo('committee', 'leader')).toBe(false);
    expect(visibleTo('hidden', 'leader')).toBe(false);
    expect(visibleTo('leaders', 'committee')).toBe(true);
    expect(visibleTo('committee', 'committee')).toBe(true);
    expect(visibleTo('hidden', 'committee')).toBe(false);
    expect(visibleTo(undefined, 'committee')).toBe(false);
    expect(visibleSettings('leader')).toEqual(['leaders']);
    expect(visibleSettings('committee')).toEqual(['leaders', 'committee']);
  });
});
