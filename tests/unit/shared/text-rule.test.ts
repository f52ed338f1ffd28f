import * as v from 'valibot';
import { issueFields } from '../../../src/shared/field-issues';
import {
  hasForbiddenChar,
  hasVisibleChar,
  idSchema,
  instantSchema,
  multilineText,
  name,
  requiredMultilineText,
  requiredText,
  text,
} from '../../../src/shared/schemas';
import { catalogue } from '../../../src/shared/catalogue';
import { checkRoster } from '../../../src/shared/rules/roster-csv';

/** The one text rule of the contract (src/shared/schemas.ts), field by field kind. */

const parse = (schema: v.GenericSchema, value: unknown) => {
  const res = v.safeParse(schema, value);
  return res.success ? { ok: true as const, value: res.output } : { ok: false as const, message: issueFields(res.issues)._ };
};

const REFUSED: [string, string][] = [
  ['NUL', 'a\u0000b'],
  ['a C0 control', 'a\u0007b'],
  ['DEL', 'a\u007Fb'],
  ['a C1 control (NEL)', 'a\u0085b'],
  ['U+202E (right-to-left override)', 'abc\u202Edef'],
  ['U+202A', '\u202Aabc'],
  ['U+2066 (isolate)', 'abc\u2066d'],
  ['U+2069', 'abc\u2069d'],
  ['a lone high surrogate', 'ab\uD800cd'],
  ['a lone low surrogate', 'ab\uDC00cd'],
  ['a high surrogate at the end', 'abc\uD83D'],
];

describe('single-line text', () => {
  it.each(REFUSED)('refuses %s, naming the field', (_what, value) => {
    expect(parse(requiredText('姓名', 20), value)).toEqual({ ok: false, message: '姓名里有无法显示的字符，请删掉后再填' });
    expect(parse(text('备注', 100), value)).toEqual({ ok: false, message: '备注里有无法显示的字符，请删掉后再填' });
  });

  it('refuses line breaks and tabs inside a single line, and trims them at the ends', () => {
    expect(parse(requiredText('姓名', 20), '张\n三').ok).toBe(false);
    expect(parse(requiredText('姓名', 20), '张\t三').ok).toBe(false);
    expect(parse(requiredText('姓名', 20), '\t 张三 \n')).toEqual({ ok: true, value: '张三' });
  });

  it('keeps emoji (surrogate pairs) and ordinary joiners inside visible text', () => {
    expect(parse(requiredText('姓名', 20), '小明😀')).toEqual({ ok: true, value: '小明😀' });
    expect(parse(requiredText('称呼', 20), '👨\u200D👩\u200D👧')).toEqual({ ok: true, value: '👨\u200D👩\u200D👧' });
  });

  it('a name needs a visible character: zero-width characters and spaces do not count', () => {
    for (const invisible of ['\u200B\u200B', '\u200C\u200D', '\uFEFF', '\u2060', '\u3000\u200B', '\u00AD', '\u3164']) {
      expect(parse(name('姓名', 20), invisible)).toEqual({ ok: false, message: '请填写姓名' });
    }
    expect(parse(name('姓名', 20), '   ')).toEqual({ ok: false, message: '请填写姓名' });
    expect(parse(requiredText('原因', 100, '请填写原因，成员会在记录里看到'), '')).toEqual({ ok: false, message: '请填写原因，成员会在记录里看到' });
  });

  it('optional text may be empty, but not invisible', () => {
    expect(parse(text('备注', 100), '')).toEqual({ ok: true, value: '' });
    expect(parse(text('备注', 100), '  ')).toEqual({ ok: true, value: '' });
    expect(parse(text('备注', 100), '\u200B')).toEqual({ ok: false, message: '备注只有看不见的字符，请重新填写或留空' });
  });

  it('counts its length after trimming and names the limit', () => {
    expect(parse(requiredText('姓名', 3), ' 张三丰 ')).toEqual({ ok: true, value: '张三丰' });
    expect(parse(requiredText('姓名', 3), '张三丰丰')).toEqual({ ok: false, message: '姓名最多3个字' });
    expect(parse(requiredText('姓名', 3), 42)).toEqual({ ok: false, message: '请填写姓名' });
  });
});

describe('multi-line text', () => {
  it('keeps line breaks and tabs, and makes CR LF and CR into LF', () => {
    expect(parse(multilineText('介绍', 100), '第一行\r\n第二行\r第三行\n\t缩进')).toEqual({ ok: true, value: '第一行\n第二行\n第三行\n\t缩进' });
  });

  it.each(REFUSED)('refuses %s', (_what, value) => {
    expect(parse(requiredMultilineText('正文', 1000), `第一行\n${value}`)).toEqual({ ok: false, message: '正文里有无法显示的字符，请删掉后再填' });
  });

  it('required multi-line text needs a visible character', () => {
    expect(parse(requiredMultilineText('正文', 1000), '\n\u200B\n\t')).toEqual({ ok: false, message: '请填写正文' });
    expect(parse(multilineText('介绍', 300), '\n\n')).toEqual({ ok: true, value: '' });
  });
});

describe('ids and instants', () => {
  it('an id is trimmed, bounded and free of refused characters', () => {
    expect(parse(idSchema(8), ' m-1 ')).toEqual({ ok: true, value: 'm-1' });
    expect(parse(idSchema(8), 'm\u0000')).toEqual({ ok: false, message: '编号不对' });
    expect(parse(idSchema(8), '\u200B')).toEqual({ ok: false, message: '请选择' });
    expect(parse(idSchema(8), 'm'.repeat(9))).toEqual({ ok: false, message: '编号太长' });
    expect(parse(idSchema(8, '请选择活动'), '')).toEqual({ ok: false, message: '请选择活动' });
  });

  it('an instant is a date between 2000 and 2100 with nothing hidden', () => {
    expect(parse(instantSchema('开始时间'), '2026-05-01T02:00:00.000Z')).toEqual({ ok: true, value: new Date('2026-05-01T02:00:00.000Z') });
    expect(parse(instantSchema('开始时间'), '2026-05-01\u0000').ok).toBe(false);
    expect(parse(instantSchema('开始时间'), '275760-09-13')).toEqual({ ok: false, message: '开始时间格式不对' });
    expect(parse(instantSchema('开始时间'), '-0')).toEqual({ ok: false, message: '开始时间格式不对' });
  });
});

describe('the helpers', () => {
  it('hasForbiddenChar allows line breaks and tabs only in multi-line text', () => {
    expect(hasForbiddenChar('a\nb')).toBe(true);
    expect(hasForbiddenChar('a\nb\tc', true)).toBe(false);
    expect(hasForbiddenChar('a\rb', true)).toBe(true);
    expect(hasForbiddenChar('a\u0000b', true)).toBe(true);
    expect(hasForbiddenChar('😀')).toBe(false);
    expect(hasForbiddenChar('\uDE00\uD83D')).toBe(true);
  });

  it('hasVisibleChar', () => {
    expect(hasVisibleChar('\u200B\u200Ca')).toBe(true);
    expect(hasVisibleChar('\u200B\u200C\u200D\uFEFF\u2060 \u3000')).toBe(false);
  });
});

it('a roster row follows the rule too (an uploaded file never passes a schema)', () => {
  const res = checkRoster('姓名,楼栋,门牌,技能\n\u200B\u200B,1号楼,101,\n张三\u0000,2号楼\u202E,102,\n李四,3号楼,103,修理;\u200B', null);
  if (!res.ok) throw new Error(res.detail);
  expect(res.issues.map((i) => [i.row, i.field, i.code, i.message])).toEqual([
    [2, 'name', 'NAME_MISSING', '缺少姓名'],
    [3, 'name', 'UNREADABLE_TEXT', '姓名里有无法显示的字符，请删掉后再导入'],
    [3, 'building', 'UNREADABLE_TEXT', '楼栋里有无法显示的字符，请删掉后再导入'],
  ]);
  expect(res.rows.map((r) => [r.name, r.skills])).toEqual([['李四', ['修理']]]);
});

it('every string field of every action follows the rule: NUL is refused wherever a string goes', () => {
  // A payload with NUL in every string position the action's schema has: each answers an issue at that field.
  const missed: string[] = [];
  const visit = (schema: any, path: string[], fn: string): void => {
    if (!schema) return;
    if (['optional', 'nullable', 'nullish'].includes(schema.type)) return visit(schema.wrapped, path, fn);
    if (schema.type === 'object') for (const [k, e] of Object.entries(schema.entries)) visit(e, [...path, k], fn);
    if (schema.type === 'array') visit(schema.item, [...path, '0'], fn);
    if (schema.type === 'union' || schema.type === 'variant') for (const o of schema.options) visit(o, path, fn);
    if (schema.type === 'string' && v.safeParse(schema, 'ab\u0000cd').success) missed.push(`${fn}: ${path.join('.')}`);
  };
  for (const [fn, actions] of Object.entries(catalogue)) {
    for (const [action, spec] of Object.entries(actions)) visit((spec as { input: unknown }).input, [], `${fn}.${action}`);
  }
  expect(missed).toEqual([]);
});
