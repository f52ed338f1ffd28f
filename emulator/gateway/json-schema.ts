// `$jsonSchema` queries (`_.jsonSchema(...)`): MongoDB's dialect of JSON Schema draft 4, with `bsonType`.
// The keywords below are those MongoDB documents; one it does not know is refused, so a query never silently
// matches differently from the service.
import { isPlainObject } from '../store';
import { unsupported } from './errors';

type Schema = Record<string, unknown>;
type Check = (value: unknown) => boolean;

function bsonTypeOf(value: unknown): string[] {
  if (value === null) return ['null'];
  if (Array.isArray(value)) return ['array'];
  if (value instanceof Date) return ['date'];
  if (value instanceof RegExp) return ['regex'];
  if (typeof value === 'string') return ['string'];
  if (typeof value === 'boolean') return ['bool'];
  if (typeof value === 'number') return Number.isInteger(value) ? ['int', 'long', 'double', 'number'] : ['double', 'number'];
  const bson = (value as { _bsontype?: string } | undefined)?._bsontype;
  if (bson === 'ObjectId' || bson === 'ObjectID') return ['objectId'];
  if (bson === 'Long' || bson === 'Int32' || bson === 'Double' || bson === 'Decimal128') return [bson === 'Int32' ? 'int' : bson.toLowerCase(), 'number'];
  if (isPlainObject(value)) return ['object'];
  return ['unknown'];
}

function jsonTypeOf(value: unknown): string[] {
  const types = bsonTypeOf(value);
  if (types.includes('int')) return ['integer', 'number'];
  if (types.includes('number')) return ['number'];
  if (types.includes('bool')) return ['boolean'];
  return types;
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : [String(v)]);
const num = (v: unknown): number => (typeof v === 'number' ? v : Number.NaN);

function compile(schema: Schema): Check {
  const checks: Check[] = [];
  for (const [keyword, arg] of Object.entries(schema)) {
    switch (keyword) {
      case 'bsonType':
        checks.push((v) => asList(arg).some((t) => bsonTypeOf(v).includes(t)));
        break;
      case 'type':
        checks.push((v) => asList(arg).some((t) => jsonTypeOf(v).includes(t)));
        break;
      case 'required':
        checks.push((v) => !isPlainObject(v) || asList(arg).every((k) => k in v));
        break;
      case 'properties': {
        const props = Object.entries(arg as Record<string, Schema>).map(([k, s]) => [k, compile(s)] as const);
        checks.push((v) => !isPlainObject(v) || props.every(([k, check]) => !(k in v) || check(v[k])));
        break;
      }
      case 'additionalProperties': {
        const known = Object.keys((schema.properties as Schema | undefined) ?? {});
        const extra: Check = arg === false ? () => false : arg === true ? () => true : compile(arg as Schema);
        checks.push((v) => !isPlainObject(v) || Object.keys(v).filter((k) => !known.includes(k)).every((k) => extra(v[k])));
        break;
      }
      case 'minProperties':
        checks.push((v) => !isPlainObject(v) || Object.keys(v).length >= num(arg));
        break;
      case 'maxProperties':
        checks.push((v) => !isPlainObject(v) || Object.keys(v).length <= num(arg));
        break;
      case 'enum':
        checks.push((v) => (arg as unknown[]).some((e) => JSON.stringify(e) === JSON.stringify(v)));
        break;
      case 'minimum':
        checks.push((v) => typeof v !== 'number' || (schema.exclusiveMinimum === true ? v > num(arg) : v >= num(arg)));
        break;
      case 'maximum':
        checks.push((v) => typeof v !== 'number' || (schema.exclusiveMaximum === true ? v < num(arg) : v <= num(arg)));
        break;
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
      case 'title':
      case 'description':
        break;
      case 'multipleOf':
        checks.push((v) => typeof v !== 'number' || v % num(arg) === 0);
        break;
      case 'minLength':
        checks.push((v) => typeof v !== 'string' || Array.from(v).length >= num(arg));
        break;
      case 'maxLength':
        checks.push((v) => typeof v !== 'string' || Array.from(v).length <= num(arg));
        break;
      case 'pattern': {
        const re = new RegExp(String(arg), 'u');
        checks.push((v) => typeof v !== 'string' || re.test(v));
        break;
      }
      case 'items': {
        const item = compile(arg as Schema);
        checks.push((v) => !Array.isArray(v) || v.every(item));
        break;
      }
      case 'minItems':
        checks.push((v) => !Array.isArray(v) || v.length >= num(arg));
        break;
      case 'maxItems':
        checks.push((v) => !Array.isArray(v) || v.length <= num(arg));
        break;
      case 'uniqueItems':
        checks.push((v) => arg !== true || !Array.isArray(v) || new Set(v.map((e) => JSON.stringify(e))).size === v.length);
        break;
      case 'allOf':
      case 'anyOf':
      case 'oneOf': {
        const subs = (arg as Schema[]).map(compile);
        if (keyword === 'allOf') checks.push((v) => subs.every((s) => s(v)));
        else if (keyword === 'anyOf') checks.push((v) => subs.some((s) => s(v)));
        else checks.push((v) => subs.filter((s) => s(v)).length === 1);
        break;
      }
      case 'not': {
        const sub = compile(arg as Schema);
        checks.push((v) => !sub(v));
        break;
      }
      default:
        throw unsupported(`$jsonSchema keyword ${keyword}`);
    }
  }
  return (v) => checks.every((c) => c(v));
}

/** mingo's `jsonSchemaValidator` option: the schema becomes a predicate over a whole document. */
export function jsonSchemaPredicate(schema: Record<string, unknown>): (doc: unknown) => boolean {
  return compile(schema);
}
