// Value helpers shared by the store and the gateway: documents are plain JS objects whose leaves are
// JSON-like values, Dates, and immutable BSON values (BSONRegExp, Long, ObjectId...).
import { EJSON } from 'bson';

export type Doc = Record<string, unknown> & { _id: unknown };

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Deep copy of plain objects, arrays and Dates; other objects (BSON values) are immutable and shared. */
export function cloneValue<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => cloneValue(item)) as unknown as T;
  if (value instanceof Date) return new Date(value.getTime()) as unknown as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = cloneValue(value[key]);
    return out as T;
  }
  return value;
}

/** Canonical EJSON text of a value (keeps Dates, int/double, regexes exact). */
export function toEJSON(value: unknown): string {
  return EJSON.stringify(value as never, { relaxed: false });
}

export function fromEJSON(text: string): unknown {
  return EJSON.parse(text, { relaxed: true });
}

/** The key a document is indexed by: `_id` strings as they are, other `_id` types by their EJSON text. */
export function idKey(id: unknown): string {
  return typeof id === 'string' ? `s:${id}` : `j:${toEJSON({ v: id })}`;
}
