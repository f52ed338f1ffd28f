/**
 * Writing CSV for spreadsheet programs (the roster's own reader is roster-csv.ts). Pure: no SDK, no Taro.
 * - RFC 4180 quoting: a cell with a comma, a quote or a line break is quoted, quotes doubled.
 * - Formula injection (OWASP "CSV Injection"): a text cell starting with = + - @ or a tab / carriage return would be
 *   run as a formula by Excel or WPS; it is written with a leading apostrophe so it shows as typed. Numbers are
 *   written as numbers (a negative number is not a formula).
 * - A BOM first, so Excel reads the Chinese as UTF-8; lines end in CRLF as RFC 4180 says.
 */

import { maskPhone } from '../domain/member';

const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | null;

export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as one CSV text, with a BOM. */
export function csvText(rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Mobile numbers typed into free text (a resident's description), masked as 138****5678: exports carry no phones. */
export function maskPhonesIn(text: string): string {
  return text.replace(/(?<!\d)1\d{2}[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g, (found) => maskPhone(found.replace(/[\s-]/g, '')));
}
