import type * as v from 'valibot';

/**
 * Malformed payloads derived from an action's valibot schema, so an action is fuzzed the day it is added. The walk
 * reads the schema's public shape (type, entries, item, options, wrapped, pipe); a plausible base payload is built
 * from it and each mutation breaks one thing. Payloads are made lazily: a 1 MB string exists only while it is sent.
 */

type Key = string | number;
type Path = Key[];
type AnySchema = v.GenericSchema & Record<string, any>;

interface NumberMeta {
  min?: number;
  max?: number;
  integer: boolean;
}

interface Leaf {
  path: Path;
  kind: 'string' | 'number' | 'object';
  /** Option picked at each union/variant on the way (by dot path), so the base reaches this leaf. */
  choices: Record<string, number>;
  number?: NumberMeta;
  /** False when an optional or nullable wrapper is on the way: leaving it out is allowed. */
  required: boolean;
}

export interface FuzzCase {
  /** What was broken, e.g. `NUL in name` or `payload: 1000 levels deep`. */
  label: string;
  /**
   * What the contract must answer: `refuse` = COMMON.INVALID_INPUT naming `field` (when given); `any` = whatever
   * the schema says (valid after all, such as -0 or an unknown key), never COMMON.INTERNAL.
   */
  expect: 'refuse' | 'any';
  field?: string;
  payload: () => unknown;
}

const dot = (path: Path) => path.join('.');

/** The actions of a schema's pipe, nested pipes included (v.pipe(v.pipe(number, integer), minValue)). */
function actions(schema: AnySchema): AnySchema[] {
  const pipe = schema.pipe as AnySchema[] | undefined;
  if (!pipe) return [];
  return pipe.flatMap((item, i) => (i === 0 ? actions(item) : [item]));
}

function numberMeta(schema: AnySchema): NumberMeta {
  const meta: NumberMeta = { integer: false };
  for (const a of actions(schema)) {
    if (a.type === 'min_value') meta.min = a.requirement as number;
    if (a.type === 'max_value') meta.max = a.requirement as number;
    if (a.type === 'integer') meta.integer = true;
  }
  return meta;
}

function walk(schema: AnySchema, path: Path, choices: Record<string, number>, required: boolean, out: Leaf[]): void {
  switch (schema.type) {
    case 'optional':
    case 'nullable':
    case 'nullish':
    case 'exact_optional':
      return walk(schema.wrapped, path, choices, false, out);
    case 'object':
    case 'loose_object':
    case 'strict_object':
      if (path.length > 0) out.push({ path, kind: 'object', choices, required });
      for (const [key, entry] of Object.entries(schema.entries as Record<string, AnySchema>)) walk(entry, [...path, key], choices, required, out);
      return;
    case 'array':
      return walk(schema.item, [...path, 0], choices, required, out);
    case 'union':
    case 'variant':
      (schema.options as AnySchema[]).forEach((option, i) => walk(option, path, { ...choices, [dot(path)]: i }, required, out));
      return;
    case 'string':
    case 'picklist':
      out.push({ path, kind: 'string', choices, required });
      return;
    case 'literal':
      if (typeof schema.literal === 'string' && path.length > 0 && !out.some((l) => dot(l.path) === dot(path))) {
        out.push({ path, kind: 'string', choices, required });
      }
      return;
    case 'number':
      out.push({ path, kind: 'number', choices, required, number: numberMeta(schema) });
      return;
    default:
  }
}

/** Real values by field name (`eventId`, `cabinId`), so a mutation next to them gets past the lookups. */
export type KnownValues = Record<string, string>;

/** A plausible value for `schema`: the first option, a known id or a short string, the smallest number, one array item. */
function base(schema: AnySchema, path: Path, choices: Record<string, number>, known: KnownValues = {}): unknown {
  switch (schema.type) {
    case 'optional':
    case 'nullable':
    case 'nullish':
    case 'exact_optional':
      return base(schema.wrapped, path, choices, known);
    case 'object':
    case 'loose_object':
    case 'strict_object':
      return Object.fromEntries(Object.entries(schema.entries as Record<string, AnySchema>).map(([k, e]) => [k, base(e, [...path, k], choices, known)]));
    case 'array':
      return [base(schema.item, [...path, 0], choices, known)];
    case 'union':
    case 'variant':
      return base((schema.options as AnySchema[])[choices[dot(path)] ?? 0]!, path, choices, known);
    case 'picklist':
      return (schema.options as unknown[])[0];
    case 'literal':
      return schema.literal;
    case 'number': {
      const meta = numberMeta(schema);
      return meta.min !== undefined ? Math.max(meta.min, Math.min(1, meta.max ?? 1)) : 1;
    }
    case 'boolean':
      return false;
    case 'string': {
      const key = [...path].reverse().find((k) => typeof k === 'string');
      return (key !== undefined && known[key]) || 'fuzz-value';
    }
    default:
      return null;
  }
}

function setAt(target: unknown, path: Path, value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy: any = Array.isArray(target) ? [...target] : { ...(target as object) };
  if (rest.length === 0 && remove) delete copy[head!];
  else copy[head!] = setAt(copy[head!], rest, value, remove);
  return copy;
}

function deep(levels: number, array: boolean): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < levels; i++) value = array ? [value] : { a: value };
  return value;
}

const MEGABYTE = 1024 * 1024;

/** The string mutations every text field must refuse (the contract's one text rule), and the invisible one. */
const STRING_MUTATIONS: { label: string; value: () => string }[] = [
  { label: 'NUL', value: () => 'ab\u0000cd' },
  { label: '1 MB string', value: () => 'a'.repeat(MEGABYTE) },
  { label: 'zero-width only', value: () => '\u200B\u200C\u200D\uFEFF\u2060' },
  { label: 'U+202E', value: () => 'abc\u202Edef' },
  { label: 'lone surrogate', value: () => 'ab\uD800cd' },
];

/** Every malformed payload for one action's input schema. */
export function fuzzCases(input: v.GenericSchema, known: KnownValues = {}): FuzzCase[] {
  const schema = input as AnySchema;
  const leaves: Leaf[] = [];
  walk(schema, [], {}, true, leaves);
  const basePayload = (choices: Record<string, number>) => base(schema, [], choices, known);
  const cases: FuzzCase[] = [];
  const seen = new Set<string>();

  for (const leaf of leaves) {
    const where = dot(leaf.path);
    if (seen.has(`${leaf.kind}:${where}`)) continue;
    seen.add(`${leaf.kind}:${where}`);
    const at = (value: () => unknown) => () => setAt(basePayload(leaf.choices), leaf.path, value());
    if (leaf.kind === 'string') {
      for (const m of STRING_MUTATIONS) cases.push({ label: `${m.label} in ${where}`, expect: 'refuse', field: where, payload: at(m.value) });
    } else if (leaf.kind === 'number') {
      const meta = leaf.number!;
      // Every number must be bounded and typed: a string, NaN or a number past any sane bound is refused.
      for (const value of ['NaN', '1e3', 'Infinity', NaN, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2]) {
        cases.push({ label: `${String(value)} (${typeof value}) in ${where}`, expect: 'refuse', field: where, payload: at(() => value) });
      }
      if (meta.integer) cases.push({ label: `1.5 in ${where}`, expect: 'refuse', field: where, payload: at(() => (meta.min ?? 0) + 1.5) });
      if (meta.min !== undefined) cases.push({ label: `min-1 in ${where}`, expect: 'refuse', field: where, payload: at(() => meta.min! - 1) });
      cases.push({ label: `-0 in ${where}`, expect: 'any', payload: at(() => -0) });
      cases.push({ label: `-1 in ${where}`, expect: 'any', payload: at(() => -1) });
    } else {
      // valibot's object schema takes an array when no key is required, so only the answer decides.
      cases.push({ label: `array for object ${where}`, expect: 'any', payload: at(() => []) });
      cases.push({ label: `1000 levels deep in ${where}`, expect: 'any', payload: at(() => deep(1000, false)) });
      if (leaf.required) cases.push({ label: `null for object ${where}`, expect: 'refuse', field: where, payload: at(() => null) });
    }
  }

  // The payload as a whole, and its top-level fields.
  const plain = () => basePayload({});
  const entries = schema.type === 'object' ? Object.entries(schema.entries as Record<string, AnySchema>) : [];
  for (const [key, entry] of entries) {
    if (entry.type === 'optional' || entry.type === 'nullish') continue;
    cases.push({ label: `missing ${key}`, expect: 'refuse', field: key, payload: () => setAt(plain(), [key], undefined, true) });
    cases.push({ label: `null ${key}`, expect: entry.type === 'nullable' ? 'any' : 'refuse', field: key, payload: () => setAt(plain(), [key], null) });
  }
  const first = entries[0]?.[0];
  if (first) cases.push({ label: `1000 nested arrays in ${first}`, expect: 'any', payload: () => setAt(plain(), [first], deep(1000, true)) });
  cases.push(
    { label: 'payload: array', expect: 'refuse', payload: () => [] },
    { label: 'payload: string', expect: 'refuse', payload: () => 'payload' },
    { label: 'payload: number', expect: 'refuse', payload: () => 42 },
    { label: 'payload: null', expect: 'any', payload: () => null },
    { label: 'payload: empty object', expect: 'any', payload: () => ({}) },
    { label: 'payload: 1000 levels deep', expect: 'any', payload: () => deep(1000, false) },
    {
      // Own __proto__ / constructor keys, as JSON.parse makes them from a request body.
      label: 'payload: __proto__ and constructor keys',
      expect: 'any',
      payload: () => ({ ...(plain() as object), ...JSON.parse('{"__proto__":{"polluted":true,"isAdmin":true},"constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true}}') }),
    },
    { label: 'payload: base', expect: 'any', payload: plain },
  );
  return cases;
}

/** Whether an answer's `fields` names `field` (itself, a part of it, or the union or object holding it). */
export function namesField(fields: Record<string, string> | undefined, field: string): boolean {
  if (!fields) return false;
  return Object.keys(fields).some((k) => k === field || field.startsWith(`${k}.`) || k.startsWith(`${field}.`));
}
