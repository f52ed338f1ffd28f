// Values as the service hands them to the SDK. An ObjectId is answered as its 24-hex string: the SDK (which
// formats every answered document field by field) would turn an `{ $oid }` into an empty object.
import { isPlainObject } from '../store';

function isObjectId(value: unknown): value is { toHexString(): string } {
  const t = (value as { _bsontype?: unknown } | null)?._bsontype;
  return typeof value === 'object' && value !== null && (t === 'ObjectId' || t === 'ObjectID');
}

export function forClient<T>(value: T): T {
  if (isObjectId(value)) return value.toHexString() as unknown as T;
  if (Array.isArray(value)) return value.map((v: unknown) => forClient(v)) as unknown as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = forClient(v);
    return out as T;
  }
  return value;
}
