/** The columns of a roster CSV: the field each header names, in the order the template shows them. */
export const ROSTER_FIELDS = ['name', 'building', 'room', 'phone', 'skills', 'echelon'] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** The header the template uses; the first three are required. */
export const ROSTER_FIELD_LABELS: Record<RosterField, string> = {
  name: '姓名',
  building: '楼栋',
  room: '门牌',
  phone: '手机',
  skills: '技能',
  echelon: '梯队',
};

/** Why a row cannot be imported: stable codes, each shown with its Chinese message. */
export type RosterIssueCode =
  | 'NAME_MISSING'
  | 'NAME_TOO_LONG'
  | 'BUILDING_MISSING'
  | 'BUILDING_UNKNOWN'
  | 'ROOM_MISSING'
  | 'ROOM_TOO_LONG'
  | 'PHONE_INVALID'
  | 'SKILL_TOO_LONG'
  | 'TOO_MANY_SKILLS'
  | 'ECHELON_UNKNOWN'
  | 'EXTRA_FIELDS'
  | 'DUPLICATE_ROW'
  | 'CONTENT_REJECTED'
  /** A control character, bidi override or lone surrogate in a cell (the contract's text rule). */
  | 'UNREADABLE_TEXT';

/** One problem of one row. `row` is the line of the file the row starts on (the header is line 1). */
export interface RosterIssue {
  row: number;
  /** null when the problem is the whole row (a duplicate, extra fields). */
  field: RosterField | null;
  code: RosterIssueCode;
  message: string;
}

/** What a check of the roster found; the same report precedes an import. */
export interface RosterReport {
  /** Data rows in the file (blank lines not counted). */
  rows: number;
  /** Rows without any problem. */
  good: number;
  /** Good rows that would create a new person. */
  toCreate: number;
  /** Good rows already imported before (same 姓名 + 楼栋 + 门牌): left as they are. */
  alreadyImported: number;
  /** Good rows matching a resident who registered in the mini-program themselves: left as they are. */
  alreadyRegistered: number;
  /** Rows with at least one problem. */
  bad: number;
  /** The problems, in file order; at most ROSTER_ISSUES_SHOWN of them. */
  issues: RosterIssue[];
  /** Header cells the import does not read (shown so nothing is dropped unnoticed). */
  ignoredColumns: string[];
}

/** A person just imported, as the committee's result list shows them. */
export interface ImportedPerson {
  name: string;
  building: string;
  room: string;
}

export interface RosterImportResult {
  report: RosterReport;
  /** People created by this import (0 when re-importing the same file). */
  created: number;
  /** The first people created, for the committee to see what arrived. */
  sample: ImportedPerson[];
}

/** Issues listed in a report; the count of bad rows is always exact. */
export const ROSTER_ISSUES_SHOWN = 500;
/** People listed in an import's result. */
export const ROSTER_SAMPLE_SIZE = 20;
