// MongoDB's sort of find(): BSON type order (mingo's compare), missing == null, and an array field sorts by
// its smallest element ascending and by its largest element descending (mingo's $sort uses one element
// for both directions, so find() sorts here instead).
import { compare } from 'mingo/util';
import { isPlainObject, type Doc } from '../store';

const EMPTY_ARRAY = Symbol('empty array');

function collect(value: unknown, parts: readonly string[], i: number, out: unknown[]): void {
  if (i === parts.length) {
    if (Array.isArray(value)) {
      if (value.length === 0) out.push(EMPTY_ARRAY);
      else for (const v of value) out.push(v === undefined ? null : v);
    } else {
      out.push(value === undefined ? null : value);
    }
    return;
  }
  const part = parts[i] as string;
  if (Array.isArray(value)) {
    if (/^\d+$/.test(part) && Number(part) < value.length) {
      collect(value[Number(part)], parts, i + 1, out);
      return;
    }
    let found = false;
    for (const el of value) {
      if (isPlainObject(el) && part in el) {
        found = true;
        collect(el[part], parts, i + 1, out);
      }
    }
    if (!found) out.push(null);
    return;
  }
  if (isPlainObject(value) && part in value) {
    collect(value[part], parts, i + 1, out);
    return;
  }
  out.push(null);
}

function cmp(a: unknown, b: unknown): number {
  if (a === EMPTY_ARRAY || b === EMPTY_ARRAY) return a === b ? 0 : a === EMPTY_ARRAY ? -1 : 1;
  return compare(a as never, b as never);
}

function sortKey(doc: Doc, path: string, dir: 1 | -1): unknown {
  const values: unknown[] = [];
  collect(doc, path.split('.'), 0, values);
  let best = values[0];
  for (const v of values.slice(1)) {
    const c = cmp(v, best);
    if ((dir === 1 && c < 0) || (dir === -1 && c > 0)) best = v;
  }
  return best;
}

export function sortDocs(docs: readonly Doc[], order: Record<string, 1 | -1>): Doc[] {
  const fields = Object.entries(order);
  const keyed = docs.map((doc) => ({ doc, keys: fields.map(([path, dir]) => sortKey(doc, path, dir)) }));
  keyed.sort((x, y) => {
    for (let i = 0; i < fields.length; i++) {
      const dir = (fields[i] as [string, 1 | -1])[1];
      const c = cmp(x.keys[i], y.keys[i]);
      if (c !== 0) return c * dir;
    }
    return 0;
  });
  return keyed.map((k) => k.doc);
}
