import {
  ROSTER_FIELD_LABELS,
  ROSTER_FIELDS,
  type RosterField,
  type RosterIssue,
  type RosterIssueCode,
} from '../domain/roster';
import { gridOfBuilding, normalizeBuilding } from '../domain/grid';
import type { ErrorCode } from '../errors';
import { hasForbiddenChar, hasVisibleChar } from '../schemas';

/**
 * The roster CSV, parsed and checked the same way by the import page (before uploading) and by the roster
 * function (the gate). Pure: no SDK, no Taro. Format (docs/roster.md):
 * - UTF-8, with or without a BOM; lines end in LF, CRLF or CR; blank lines are skipped.
 * - Fields separated by ASCII commas, or by tabs when the header has tabs and no comma (pasted from Excel).
 * - RFC 4180 quoting: a field in double quotes may hold commas, line breaks and doubled quotes ("").
 * - Header on the first line, columns in any order: 姓名, 楼栋, 门牌 required; 手机, 技能, 梯队 optional;
 *   unknown columns are listed and ignored.
 * - 技能 separated by ; ； 、 ， / | (an ASCII comma only inside quotes).
 */

/** Pasted text up to this length travels in the call itself (CJK text is up to 3 bytes a character, so
 * this stays under CloudBase's ~100 KB request guidance); longer text is uploaded as a file. */
export const INLINE_CSV_MAX_CHARS = 30_000;
export const ROSTER_MAX_ROWS = 20_000;
export const ROSTER_MAX_FILE_BYTES = 5 * 1024 * 1024;

export const NAME_MAX = 20;
export const ROOM_MAX = 10;
export const SKILL_MAX = 12;
export const SKILLS_MAX = 20;

const HEADER_ALIASES: Record<RosterField, readonly string[]> = {
  name: ['姓名', '名字'],
  building: ['楼栋', '楼号', '楼'],
  room: ['门牌', '门牌号', '房号', '室号'],
  phone: ['手机', '手机号', '电话', '联系电话'],
  skills: ['技能', '特长'],
  echelon: ['梯队', '身份'],
};
const REQUIRED: readonly RosterField[] = ['name', 'building', 'room'];

const ECHELON_VALUES = new Map<string, 'member' | 'resident'>([
  ['', 'resident'],
  ['居民', 'resident'],
  ['否', 'resident'],
  ['成员', 'member'],
  ['梯队成员', 'member'],
  ['第二梯队', 'member'],
  ['是', 'member'],
]);

export interface CsvRecord {
  /** The line of the text the record starts on (1-based). */
  line: number;
  fields: string[];
}

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; line: number };

/** Splits CSV text into records; fails only on a quote that never closes (answering the line it opened on). */
export function parseCsv(text: string): CsvParse {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = src.slice(0, src.search(/\r|\n|$/));
  const sep = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0]!.trim() !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n' || (c === '\r' && src[i + 1] !== '\n')) line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field.trim() === '') {
      quoted = true;
      quoteLine = line;
      field = '';
    } else if (c === sep) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += c;
  }
  if (quoted) return { ok: false, line: quoteLine };
  endRecord();
  return { ok: true, records };
}

/** NFKC (full-width letters, digits and spaces become ordinary ones), spaces collapsed and trimmed. */
export function cleanText(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

const compact = (s: string) => cleanText(s).replace(/ /g, '').toLowerCase();

/** 201 and 201室 are the same room. */
export function roomKey(s: string): string {
  return compact(s).replace(/室$/, '');
}

/** The identity of a person in a roster: the same 姓名 + 楼栋 + 门牌 is the same person. */
export function personKey(name: string, building: string, room: string): string {
  return `${compact(name)}|${normalizeBuilding(cleanText(building))}|${roomKey(room)}`;
}

/** A micro-grid of this 居民区 and the buildings it holds. */
export interface RosterGrid {
  _id: string;
  buildings: readonly string[];
}

/** A good row, ready to become a member record. */
export interface RosterRow {
  row: number;
  key: string;
  name: string;
  /** In normal form (normalizeBuilding: 3号 and 3栋 are stored as 3号楼), as grids list it. */
  building: string;
  room: string;
  phone: string;
  skills: string[];
  echelon: 'member' | 'resident';
  /** null only when checked without the grids (the page's local check). */
  gridId: string | null;
}

export type RosterFileProblem = Extract<ErrorCode, `ROSTER.${string}`>;

export type RosterCheck =
  | { ok: false; code: RosterFileProblem; detail: string }
  | { ok: true; total: number; rows: RosterRow[]; issues: RosterIssue[]; badRows: number; ignoredColumns: string[] };

const MESSAGES: Record<Exclude<RosterIssueCode, 'BUILDING_UNKNOWN' | 'DUPLICATE_ROW'>, string> = {
  NAME_MISSING: '缺少姓名',
  NAME_TOO_LONG: `姓名最多${NAME_MAX}个字`,
  BUILDING_MISSING: '缺少楼栋',
  ROOM_MISSING: '缺少门牌',
  ROOM_TOO_LONG: `门牌最多${ROOM_MAX}个字`,
  PHONE_INVALID: '手机号应是11位数字，以1开头',
  SKILL_TOO_LONG: `每项技能最多${SKILL_MAX}个字`,
  TOO_MANY_SKILLS: `技能最多${SKILLS_MAX}项`,
  ECHELON_UNKNOWN: '梯队一栏请填“成员”或“居民”，也可以不填',
  EXTRA_FIELDS: '这一行比表头多出几栏：技能之间请用分号或顿号隔开，不要用英文逗号',
  CONTENT_REJECTED: '含有不适宜公开的内容，请修改',
  UNREADABLE_TEXT: '含有无法显示的字符，请删掉后再导入',
};

/** The text columns, which follow the contract's text rule like any form field. */
const TEXT_FIELDS = ['name', 'building', 'room', 'skills'] as const;

export function issue(row: number, field: RosterField | null, code: RosterIssueCode, message?: string): RosterIssue {
  return { row, field, code, message: message ?? MESSAGES[code as keyof typeof MESSAGES] };
}

type Columns = Partial<Record<RosterField, number>>;

function readHeader(cells: string[]): { ok: true; columns: Columns; ignored: string[] } | { ok: false; detail: string } {
  const columns: Columns = {};
  const ignored: string[] = [];
  for (const [index, raw] of cells.entries()) {
    // "手机（选填）" names the 手机 column.
    const label = compact(raw).replace(/[(（].*[)）]$/, '');
    const field = ROSTER_FIELDS.find((f) => HEADER_ALIASES[f].includes(label));
    if (!field) {
      if (label) ignored.push(cleanText(raw));
    } else if (columns[field] !== undefined) {
      return { ok: false, detail: `“${ROSTER_FIELD_LABELS[field]}”一栏出现了两次` };
    } else columns[field] = index;
  }
  const missing = REQUIRED.filter((f) => columns[f] === undefined).map((f) => ROSTER_FIELD_LABELS[f]);
  if (missing.length) return { ok: false, detail: `表头缺少：${missing.join('、')}` };
  return { ok: true, columns, ignored };
}

function splitSkills(value: string): string[] {
  return [...new Set(value.split(/[;；、，,/|]+/).map(cleanText).filter(hasVisibleChar))];
}

function normalisePhone(value: string): string {
  return cleanText(value).replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
}

/**
 * Checks every row of a roster. `grids` are this 居民区's micro-grids with their buildings; null skips the
 * building check (the page checks locally before it knows them). A person listed twice is good the first time and a
 * DUPLICATE_ROW after.
 */
export function checkRoster(text: string, grids: readonly RosterGrid[] | null): RosterCheck {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, code: 'ROSTER.MALFORMED', detail: `第${parsed.line}行的引号没有配对` };
  const [header, ...records] = parsed.records;
  if (!header) return { ok: false, code: 'ROSTER.EMPTY', detail: '文件是空的' };
  const head = readHeader(header.fields);
  if (!head.ok) return { ok: false, code: 'ROSTER.BAD_HEADER', detail: head.detail };
  if (records.length === 0) return { ok: false, code: 'ROSTER.EMPTY', detail: '只有表头，没有数据行' };
  if (records.length > ROSTER_MAX_ROWS) {
    return { ok: false, code: 'ROSTER.TOO_MANY_ROWS', detail: `共${records.length}行，一次最多${ROSTER_MAX_ROWS}行` };
  }

  const width = header.fields.length;
  const { columns } = head;
  const cell = (fields: string[], f: RosterField) => {
    const index = columns[f];
    return index === undefined ? '' : cleanText(fields[index] ?? '');
  };

  const rows: RosterRow[] = [];
  const issues: RosterIssue[] = [];
  const firstLineOf = new Map<string, number>();
  let badRows = 0;
  for (const { line, fields } of records) {
    const found: RosterIssue[] = [];
    const name = cell(fields, 'name');
    const buildingText = cell(fields, 'building');
    const building = normalizeBuilding(buildingText);
    // 201室 is stored as 201, as residents type it in their profile.
    const room = cell(fields, 'room').replace(/\s*室$/, '');
    const phone = normalisePhone(cell(fields, 'phone'));
    const skills = splitSkills(cell(fields, 'skills'));
    const echelon = ECHELON_VALUES.get(compact(cell(fields, 'echelon')));

    if (fields.slice(width).some((f) => f.trim() !== '')) found.push(issue(line, null, 'EXTRA_FIELDS'));
    for (const f of TEXT_FIELDS) {
      if (hasForbiddenChar(cell(fields, f))) found.push(issue(line, f, 'UNREADABLE_TEXT', `${ROSTER_FIELD_LABELS[f]}里有无法显示的字符，请删掉后再导入`));
    }
    // A name of zero-width characters only is no name.
    if (!hasVisibleChar(name)) found.push(issue(line, 'name', 'NAME_MISSING'));
    else if (name.length > NAME_MAX) found.push(issue(line, 'name', 'NAME_TOO_LONG'));
    const gridId = grids ? gridOfBuilding(grids, building) : null;
    if (!hasVisibleChar(buildingText)) found.push(issue(line, 'building', 'BUILDING_MISSING'));
    else if (grids && !gridId) {
      found.push(issue(line, 'building', 'BUILDING_UNKNOWN', `本居民区的微格里没有“${buildingText}”，请核对楼栋`));
    }
    if (!hasVisibleChar(room)) found.push(issue(line, 'room', 'ROOM_MISSING'));
    else if (room.length > ROOM_MAX) found.push(issue(line, 'room', 'ROOM_TOO_LONG'));
    if (phone && !/^1\d{10}$/.test(phone)) found.push(issue(line, 'phone', 'PHONE_INVALID'));
    if (skills.some((s) => s.length > SKILL_MAX)) found.push(issue(line, 'skills', 'SKILL_TOO_LONG'));
    else if (skills.length > SKILLS_MAX) found.push(issue(line, 'skills', 'TOO_MANY_SKILLS'));
    if (!echelon) found.push(issue(line, 'echelon', 'ECHELON_UNKNOWN'));

    if (found.length === 0) {
      const key = personKey(name, building, room);
      const first = firstLineOf.get(key);
      if (first !== undefined) {
        found.push(issue(line, null, 'DUPLICATE_ROW', `与第${first}行是同一个人（姓名、楼栋、门牌都相同）`));
      } else {
        firstLineOf.set(key, line);
        rows.push({ row: line, key, name, building, room, phone, skills, echelon: echelon!, gridId });
      }
    }
    if (found.length) {
      badRows += 1;
      issues.push(...found);
    }
  }
  return { ok: true, total: records.length, rows, issues, badRows, ignoredColumns: head.ignored };
}

/** The template the page offers: the header and one example row. */
export const ROSTER_TEMPLATE = `${ROSTER_FIELDS.map((f) => ROSTER_FIELD_LABELS[f]).join(',')}\n王秀兰,3号楼,201,13900000000,书法;摄影,成员`;
