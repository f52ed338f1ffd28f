import * as v from 'valibot';

/**
 * Text is text: the one rule every free-text field of the contract follows (the app's forms check with the same
 * schemas, so a resident sees the message before sending). A value is trimmed; control characters (C0, DEL, C1,
 * NUL), bidi overrides and isolates (U+202A-U+202E, U+2066-U+2069) and lone surrogates are refused; a multi-line
 * field also takes line breaks (CR LF and CR become LF) and tabs. Required text needs a visible character:
 * spaces and zero-width characters alone do not count.
 */

/** Line breaks and tabs, the only control characters a multi-line field keeps. */
const LINE_BREAK_OR_TAB = new Set([0x0a, 0x09]);

function isControl(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}

function isBidiControl(code: number): boolean {
  return (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/**
 * Whether `s` holds a character a field refuses. A loop rather than a regex: lone surrogates need lookbehind or
 * the `u` flag, and older mini-program engines reject lookbehind when the bundle loads.
 */
export function hasForbiddenChar(s: string, multiline = false): boolean {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (isControl(code)) {
      if (multiline && LINE_BREAK_OR_TAB.has(code)) continue;
      return true;
    }
    if (isBidiControl(code)) return true;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return true;
    }
    if (code >= 0xdc00 && code <= 0xdfff) return true;
  }
  return false;
}

/**
 * Characters that show nothing on their own, as [from, to] code ranges: zero-width and format characters, fillers,
 * variation selectors, the blank braille pattern (whitespace is tested apart, with \s).
 */
const INVISIBLE: readonly [number, number][] = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x2028, 0x202f],
  [0x205f, 0x206f],
  [0x2800, 0x2800],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
];

/** Whether `s` has at least one character a reader can see. */
export function hasVisibleChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (/\s/.test(s[i]!) || INVISIBLE.some(([from, to]) => code >= from && code <= to)) continue;
    return true;
  }
  return false;
}

const isCleanLine = (s: string) => !hasForbiddenChar(s);
const isCleanLines = (s: string) => !hasForbiddenChar(s, true);
const isVisibleOrEmpty = (s: string) => s === '' || hasVisibleChar(s);

/**
 * The checks of the text rule itself, so a tool reading the schemas (scripts/review-checklist.ts) can tell a free
 * text field, which only has these, from a formatted string (a code, a date), which has checks of its own.
 */
export const TEXT_RULE_CHECKS: ReadonlySet<unknown> = new Set([isCleanLine, isCleanLines, isVisibleOrEmpty, hasVisibleChar]);

/** The check a text field runs on its trimmed value; for a hand-built pipe (a code with its own format). */
export const cleanChars = (label: string, multiline = false) =>
  v.check<string, string>(multiline ? isCleanLines : isCleanLine, `${label}里有无法显示的字符，请删掉后再填`);

const singleLine = (label: string, max: number) =>
  v.pipe(v.string(`请填写${label}`), v.trim(), cleanChars(label), v.maxLength(max, `${label}最多${max}个字`));

const lines = (label: string, max: number) =>
  v.pipe(
    v.string(`请填写${label}`),
    v.transform((s) => s.replace(/\r\n?/g, '\n')),
    v.trim(),
    cleanChars(label, true),
    v.maxLength(max, `${label}最多${max}个字`),
  );

/** Empty, or something a reader can see: a value of only zero-width characters is refused, not saved. */
export const visibleOrEmpty = (label: string) => v.check<string, string>(isVisibleOrEmpty, `${label}只有看不见的字符，请重新填写或留空`);
/** Something a reader can see (for a hand-built pipe: a code, a token). */
export const visible = (label: string, message = `请填写${label}`) => v.check<string, string>(hasVisibleChar, message);

/** Optional single-line text (may be empty): a note, a condition, a search term. */
export const text = (label: string, max: number) => v.pipe(singleLine(label, max), visibleOrEmpty(label));

/** Required single-line text: a name, a title, a place, a reason; `empty` replaces 请填写<label> when it says more. */
export const requiredText = (label: string, max: number, empty?: string) => v.pipe(singleLine(label, max), visible(label, empty));

/** A person's or a thing's name: required single-line text. */
export const name = requiredText;

/** Optional multi-line text (line breaks and tabs kept): a description, a message. */
export const multilineText = (label: string, max: number) => v.pipe(lines(label, max), visibleOrEmpty(label));

/** Required multi-line text: a notice's body, a citation. */
export const requiredMultilineText = (label: string, max: number, empty?: string) => v.pipe(lines(label, max), visible(label, empty));

/**
 * A record's id as a page sends it back: trimmed, 1..max characters, none of the refused ones (an id reaches a
 * query, so a NUL or a control character never does).
 */
export const idSchema = (max: number, message = '请选择') =>
  v.pipe(
    v.string(message),
    v.trim(),
    v.minLength(1, message),
    v.check(hasVisibleChar, message),
    v.maxLength(max, '编号太长'),
    v.check(isCleanLine, '编号不对'),
  );

/** The instants a form can mean: anything outside is a malformed value, not a date to store. */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

/** An instant as an ISO string from the page, between 2000 and 2100; the function works with a Date. */
export const instantSchema = (label: string) =>
  v.pipe(
    v.string(`请选择${label}`),
    cleanChars(label),
    v.check((s) => {
      // A date first (as toISOString writes it): the engine's lenient parser reads '-0' as the year 2000.
      const at = /^\d{4}-\d{2}-\d{2}/.test(s) ? Date.parse(s) : NaN;
      return at >= EARLIEST && at < LATEST;
    }, `${label}格式不对`),
    v.transform((s) => new Date(s)),
  );

/** A request id the page makes once per form, so a retried or doubled tap changes things once. */
export const requestIdSchema = v.pipe(v.string('请求编号不对'), v.regex(/^[A-Za-z0-9_-]{8,40}$/, '请求编号不对'));

/** A fileID from the upload service (cloud://) or an https address; empty for none. */
export const photoSchema = v.optional(
  v.union(
    [v.literal(''), v.pipe(v.string(), v.trim(), v.maxLength(512, '照片地址太长'), v.regex(/^(https:\/\/|cloud:\/\/)\S+$/, '照片地址要以 https:// 或 cloud:// 开头'), cleanChars('照片地址'))],
    '照片地址要以 https:// 或 cloud:// 开头',
  ),
  '',
);
