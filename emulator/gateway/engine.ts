// mingo, patched where it answers differently from CloudBase (MongoDB underneath). Every query, update and
// aggregation of the gateway goes through these three entry points, so each patch applies everywhere.
//
// mingo's default context cannot be overridden operator by operator (its own operators win a merge), so the
// context is built here from mingo's operator sets with the patched operators put in their place, and the
// base Query / Aggregator / updater (which take a context as given) are used.
import { Aggregator as BaseAggregator } from 'mingo/aggregator';
import { Context, evalExpr } from 'mingo/core';
import * as accumulatorOps from 'mingo/operators/accumulator';
import * as expressionOps from 'mingo/operators/expression';
import * as pipelineOps from 'mingo/operators/pipeline';
import * as projectionOps from 'mingo/operators/projection';
import * as queryOps from 'mingo/operators/query';
import * as windowOps from 'mingo/operators/window';
import { Query as BaseQuery } from 'mingo/query';
import type { AnyObject, CollectionResolver, Options } from 'mingo/types';
import { update as baseUpdate } from 'mingo/updater';
import { jsonSchemaPredicate } from './json-schema';

type Expression = (obj: AnyObject, expr: unknown, options: Options) => unknown;
type QueryOp = (selector: string, value: unknown, options: Options) => (obj: AnyObject) => boolean;

// A field-style $elemMatch ({ value: _.gt(0) }) tests embedded documents only: MongoDB never matches a plain
// element (a number, a string) against field conditions, where mingo resolves the field on it and may match.
const ELEMENT_IS_DOCUMENT = { $expr: { $eq: [{ $type: '$$ROOT' }, 'object'] } };
const VALUE_STYLE_EXCLUDED = new Set(['$and', '$or', '$nor']);

const $elemMatch: QueryOp = (selector, criteria, options) => {
  const keys = criteria !== null && typeof criteria === 'object' ? Object.keys(criteria) : [];
  const fieldStyle = keys.some((k) => !k.startsWith('$') || VALUE_STYLE_EXCLUDED.has(k));
  const patched = fieldStyle ? { $and: [ELEMENT_IS_DOCUMENT, criteria] } : criteria;
  return (queryOps.$elemMatch as unknown as QueryOp)(selector, patched, options);
};

/** `$week` as MongoDB and `date +%U`: weeks start on Sunday; days before the year's first Sunday are week 0. */
const $week: Expression = (obj, expr, options) => {
  const dayOfYear = (expressionOps.$dayOfYear as Expression)(obj, expr, options);
  const dayOfWeek = (expressionOps.$dayOfWeek as Expression)(obj, expr, options);
  if (typeof dayOfYear !== 'number' || typeof dayOfWeek !== 'number') return null;
  return Math.floor((dayOfYear + 7 - dayOfWeek) / 7);
};

/** `$substr` / `$substrBytes`: a negative length means "to the end of the string" (mingo refuses it). */
function toTheEnd(op: Expression): Expression {
  return (obj, expr, options) => {
    if (!Array.isArray(expr) || expr.length !== 3) return op(obj, expr, options);
    const [s, index, count] = evalExpr(obj, expr, options) as [unknown, unknown, unknown];
    const rest = typeof s === 'string' && typeof index === 'number' ? Math.max(0, Buffer.byteLength(s) - index) : 0;
    const length = typeof count === 'number' && count < 0 ? rest : count;
    return op(obj, [{ $literal: s }, { $literal: index }, { $literal: length }], options);
  };
}

/** `$indexOfCP`: the code-point index of a substring (mingo has only `$indexOfBytes`). */
const $indexOfCP: Expression = (obj, expr, options) => {
  if (!Array.isArray(expr) || expr.length < 2 || expr.length > 4) throw new Error('$indexOfCP expects 2 to 4 arguments');
  const [s, sub, start, end] = evalExpr(obj, expr, options) as [unknown, unknown, unknown, unknown];
  if (s === null || s === undefined) return null;
  if (typeof s !== 'string' || typeof sub !== 'string') throw new Error('$indexOfCP needs a string and a substring');
  const points = Array.from(s);
  const needle = Array.from(sub);
  const from = typeof start === 'number' ? start : 0;
  const to = Math.min(typeof end === 'number' ? end : points.length, points.length);
  for (let i = from; i + needle.length <= to; i++) {
    if (needle.every((p, j) => points[i + j] === p)) return i;
  }
  return -1;
};

const CONTEXT = Context.init({
  accumulator: accumulatorOps as never,
  expression: {
    ...(expressionOps as Record<string, unknown>),
    $week,
    $substr: toTheEnd(expressionOps.$substr as Expression),
    $substrBytes: toTheEnd(expressionOps.$substrBytes as Expression),
    $indexOfCP,
  } as never,
  pipeline: pipelineOps as never,
  projection: projectionOps as never,
  query: { ...(queryOps as Record<string, unknown>), $elemMatch } as never,
  window: windowOps as never,
});

function options(collectionResolver?: CollectionResolver): Partial<Options> {
  return { context: CONTEXT, jsonSchemaValidator: jsonSchemaPredicate, ...(collectionResolver ? { collectionResolver } : {}) };
}

export function newQuery(criteria: Record<string, unknown>): BaseQuery {
  return new BaseQuery(criteria as never, options() as Options);
}

export function newAggregator(pipeline: AnyObject[], collectionResolver?: CollectionResolver): BaseAggregator {
  return new BaseAggregator(pipeline, options(collectionResolver) as Options);
}

/** Applies an operator update in place; the changed paths (empty: nothing matched the condition). */
export function applyUpdate(doc: AnyObject, update: Record<string, unknown>, condition: Record<string, unknown>): string[] {
  return baseUpdate(doc, update as never, [], condition as never, { cloneMode: 'deep', queryOptions: options() as Options });
}
