import { checkRoster, parseCsv, personKey, ROSTER_MAX_ROWS, ROSTER_TEMPLATE, type RosterCheck } from '../../../src/shared/rules/roster-csv';
import { syntheticResidents, toRosterCsv } from '../../support/synthetic-residents';

const GRIDS = [
  { _id: 'g1', buildings: ['1号楼', '2号楼'] },
  { _id: 'g2', buildings: ['3号楼'] },
];

function ok(check: RosterCheck) {
  if (!check.ok) throw new Error(`${check.code}: ${check.detail}`);
  return check;
}

describe('parseCsv', () => {
  it('reads LF, CRLF and CR line ends, skips blank lines and a BOM, and numbers records by their first line', () => {
    const res = parseCsv('\ufeffa,b\r\n1,2\n\n3,4\r5,6\n');
    expect(res).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['1', '2'] },
        { line: 4, fields: ['3', '4'] },
        { line: 5, fields: ['5', '6'] },
      ],
    });
  });

  it('keeps commas, doubled quotes and line breaks inside quotes', () => {
    const res = parseCsv('a,b\n"x, y","say ""hi""\nthere"\nnext,1');
    expect(res).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['x, y', 'say "hi"\nthere'] },
        { line: 4, fields: ['next', '1'] },
      ],
    });
  });

  it('reads tab-separated text pasted from a spreadsheet', () => {
    expect(parseCsv('姓名\t楼栋\n王, 三\t1号楼')).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['姓名', '楼栋'] },
        { line: 2, fields: ['王, 三', '1号楼'] },
      ],
    });
  });

  it('fails on a quote that never closes, naming the line it opened on', () => {
    expect(parseCsv('a,b\n1,2\n"3,4\n5,6')).toEqual({ ok: false, line: 3 });
  });
});

describe('checkRoster', () => {
  it('accepts the template, columns in any order, header aliases, and lists unknown columns', () => {
    expect(ok(checkRoster(ROSTER_TEMPLATE, GRIDS)).rows).toHaveLength(1);
    const res = ok(checkRoster('房号,备注,电话,名字,楼栋（必填）\n201,老住户,13900000000,李四,2号', GRIDS));
    expect(res.ignoredColumns).toEqual(['备注']);
    expect(res.rows).toEqual([
      { row: 2, key: '李四|2号楼|201', name: '李四', building: '2号楼', room: '201', phone: '13900000000', skills: [], echelon: 'resident', gridId: 'g1' },
    ]);
  });

  it('refuses a header without a required column, or with one twice', () => {
    expect(checkRoster('姓名,门牌\n张三,101', GRIDS)).toEqual({ ok: false, code: 'ROSTER.BAD_HEADER', detail: '表头缺少：楼栋' });
    expect(checkRoster('姓名,楼栋,门牌,电话,手机\n', GRIDS)).toMatchObject({ ok: false, code: 'ROSTER.BAD_HEADER', detail: '“手机”一栏出现了两次' });
  });

  it('refuses an empty file, a header alone, and more rows than one import takes', () => {
    expect(checkRoster('', GRIDS)).toMatchObject({ ok: false, code: 'ROSTER.EMPTY' });
    expect(checkRoster('姓名,楼栋,门牌\r\n\r\n', GRIDS)).toMatchObject({ ok: false, code: 'ROSTER.EMPTY' });
    const big = `姓名,楼栋,门牌\n${'张三,1号楼,101\n'.repeat(ROSTER_MAX_ROWS + 1)}`;
    expect(checkRoster(big, GRIDS)).toMatchObject({ ok: false, code: 'ROSTER.TOO_MANY_ROWS' });
  });

  it('normalises what people type: full-width digits and spaces, 号/栋 for 号楼, 室, +86 and spaces in phones', () => {
    const res = ok(checkRoster('姓名,楼栋,门牌,手机,技能\n\u3000王\u3000五 ,３栋, 305室 ,+86 139-0000-0000,书法；摄影、书法，舞蹈', GRIDS));
    expect(res.rows[0]).toMatchObject({ name: '王 五', building: '3号楼', room: '305', phone: '13900000000', skills: ['书法', '摄影', '舞蹈'], gridId: 'g2' });
  });

  it('maps the 梯队 column: 成员 is a member, 居民 or empty a resident, anything else a bad row', () => {
    const res = checkRoster('姓名,楼栋,门牌,梯队\n甲,1号楼,1,成员\n乙,1号楼,2,居民\n丙,1号楼,3,\n丁,1号楼,4,constructor', GRIDS);
    const { rows, issues } = ok(res);
    expect(rows.map((r) => r.echelon)).toEqual(['member', 'resident', 'resident']);
    expect(issues).toEqual([{ row: 5, field: 'echelon', code: 'ECHELON_UNKNOWN', message: '梯队一栏请填“成员”或“居民”，也可以不填' }]);
  });

  it('reports each problem of a row, and counts the row once', () => {
    const res = ok(checkRoster('姓名,楼栋,门牌,手机,技能\n,,,12345,一二三四五六七八九十一二三', GRIDS));
    expect(res.badRows).toBe(1);
    expect(res.issues.map((i) => i.code)).toEqual(['NAME_MISSING', 'BUILDING_MISSING', 'ROOM_MISSING', 'PHONE_INVALID', 'SKILL_TOO_LONG']);
  });

  it('checks lengths and the number of skills', () => {
    const many = Array.from({ length: 21 }, (_, i) => `技能${i}`).join(';');
    const res = ok(checkRoster(`姓名,楼栋,门牌,技能\n${'名'.repeat(21)},1号楼,${'1'.repeat(11)},\n甲,1号楼,1,${many}`, GRIDS));
    expect(res.issues.map((i) => [i.row, i.code])).toEqual([
      [2, 'NAME_TOO_LONG'],
      [2, 'ROOM_TOO_LONG'],
      [3, 'TOO_MANY_SKILLS'],
    ]);
  });

  it('knows the buildings of the 居民区’s grids only when given them', () => {
    const text = '姓名,楼栋,门牌\n甲,9号楼,1';
    expect(ok(checkRoster(text, GRIDS)).issues).toEqual([
      { row: 2, field: 'building', code: 'BUILDING_UNKNOWN', message: '本居民区的微格里没有“9号楼”，请核对楼栋' },
    ]);
    expect(ok(checkRoster(text, null)).rows).toMatchObject([{ building: '9号楼', gridId: null }]);
  });

  it('flags a row with more cells than the header (an ASCII comma between skills)', () => {
    const res = ok(checkRoster('姓名,楼栋,门牌,技能\n甲,1号楼,1,书法,摄影\n乙,1号楼,2,书法,,', GRIDS));
    expect(res.issues.map((i) => [i.row, i.field, i.code])).toEqual([[2, null, 'EXTRA_FIELDS']]);
  });

  it('marks the second listing of a person as a duplicate of the first line, however it is written', () => {
    const res = ok(checkRoster('姓名,楼栋,门牌\n王五,3号楼,305\n李四,3号楼,305\n王 五,3栋,305室', GRIDS));
    expect(res.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(res.issues).toEqual([{ row: 4, field: null, code: 'DUPLICATE_ROW', message: '与第2行是同一个人（姓名、楼栋、门牌都相同）' }]);
    expect(personKey('王 五', '3栋', '305室')).toBe(personKey('王五', '3号楼', '305'));
  });

  it('reads the synthetic 13,125-resident roster without a bad row', () => {
    const rows = syntheticResidents(13_125, { buildings: 3 });
    const res = ok(checkRoster(toRosterCsv(rows), [{ _id: 'g', buildings: ['1号楼', '2号楼', '3号楼'] }]));
    expect([res.total, res.rows.length, res.badRows]).toEqual([13_125, 13_125, 0]);
  });
});
