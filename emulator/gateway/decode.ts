// Decoding of the SDK's EJSON request parts into values mingo understands, and resolution of the
// cloud-side placeholders (`$tcb_server_date`).
import { fromEJSON, isPlainObject } from '../store';
import { invalid, unsupported } from './errors';

const UNSUPPORTED_QUERY_OPS: Record<string, string> = {
  $near: 'geo query $near (and geo indexes)',
  $nearSphere: 'geo query $nearSphere (and geo indexes)',
  $geoWithin: 'geo query $geoWithin (and geo indexes)',
  $geoIntersects: 'geo query $geoIntersects (and geo indexes)',
  $text: 'text search ($text)',
  $where: 'JavaScript query ($where)',
};

const UNSUPPORTED_STAGES: Record<string, string> = {
  $geoNear: 'aggregate stage $geoNear (geo indexes)',
  $out: 'aggregate stage $out',
  $merge: 'aggregate stage $merge',
  $search: 'aggregate stage $search',
  $collStats: 'aggregate stage $collStats',
  $indexStats: 'aggregate stage $indexStats',
};

export function parseEJSONParam(value: unknown, name: string): unknown {
  if (typeof value !== 'string') throw invalid(`${name} must be an EJSON string`);
  try {
    return fromEJSON(value);
  } catch (err) {
    throw invalid(`${name} is not valid EJSON: ${(err as Error).message}`);
  }
}

interface BsonRegExpLike {
  _bsontype: 'BSONRegExp';
  pattern: string;
  options: string;
}

function isBsonRegExp(value: unknown): value is BsonRegExpLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { _bsontype?: unknown })._bsontype === 'BSONRegExp'
  );
}

function toJsRegExp(re: BsonRegExpLike): RegExp {
  let flags = '';
  for (const ch of re.options) {
    if (ch === 'i' || ch === 'm' || ch === 's' || ch === 'u') {
      if (!flags.includes(ch)) flags += ch;
    } else if (ch === 'x') {
      throw unsupported("regular expression option 'x' (extended)");
    } else if (ch === 'g' || ch === 'y') {
      // JS-only flags that MongoDB ignores for matching.
    } else {
      throw invalid(`invalid regular expression option '${ch}'`);
    }
  }
  try {
    return new RegExp(re.pattern, flags);
  } catch (err) {
    throw invalid(`invalid regular expression /${re.pattern}/: ${(err as Error).message}`);
  }
}

function serverDate(value: Record<string, unknown>, now: number): Date | undefined {
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== '$tcb_server_date') return undefined;
  const spec = value.$tcb_server_date;
  let offset = 0;
  if (isPlainObject(spec) && spec.offset !== undefined) {
    if (typeof spec.offset !== 'number' || !Number.isFinite(spec.offset)) throw invalid('serverDate offset must be a number');
    offset = spec.offset;
  }
  return new Date(now + offset);
}

/** Prepares a query (or $pull condition, or $match): regexes become JS RegExps, server dates are resolved,
 * operators the emulator cannot match faithfully are refused. */
export function prepareQuery(value: unknown, now: number): unknown {
  if (Array.isArray(value)) return value.map((v) => prepareQuery(v, now));
  if (isBsonRegExp(value)) return toJsRegExp(value);
  if (isPlainObject(value)) {
    const date = serverDate(value, now);
    if (date) return date;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const what = UNSUPPORTED_QUERY_OPS[key];
      if (what) throw unsupported(what);
      out[key] = prepareQuery(value[key], now);
    }
    return out;
  }
  return value;
}

/** Prepares stored data (documents, update operands): server dates are resolved, the rest kept as is. */
export function prepareData(value: unknown, now: number): unknown {
  if (Array.isArray(value)) return value.map((v) => prepareData(v, now));
  if (isPlainObject(value)) {
    const date = serverDate(value, now);
    if (date) return date;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = prepareData(value[key], now);
    return out;
  }
  return value;
}

/** Prepares an update document: operands are data, except the conditions of $pull which are queries. */
export function prepareUpdate(update: Record<string, unknown>, now: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const op of Object.keys(update)) {
    out[op] = op === '$pull' ? prepareQuery(update[op], now) : prepareData(update[op], now);
  }
  return out;
}

export function prepareStage(stage: Record<string, unknown>, now: number): Record<string, unknown> {
  const keys = Object.keys(stage);
  if (keys.length !== 1) throw invalid('an aggregate stage must have exactly one key');
  const key = keys[0] as string;
  const what = UNSUPPORTED_STAGES[key];
  if (what) throw unsupported(what);
  const value = stage[key];
  if (key === '$match') return { $match: prepareQuery(value, now) };
  if (key === '$lookup' && isPlainObject(value) && Array.isArray(value.pipeline)) {
    const pipeline = (value.pipeline as unknown[]).map((s) => {
      if (!isPlainObject(s)) throw invalid('a $lookup pipeline stage must be an object');
      return prepareStage(s, now);
    });
    return { $lookup: { ...(prepareData(value, now) as Record<string, unknown>), pipeline } };
  }
  return { [key]: prepareData(value, now) };
}
