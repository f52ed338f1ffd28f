import { getDb } from './db';

/**
 * A resident's search text as a regular expression that matches it literally. Every query built from typed text
 * goes through here: metacharacters are escaped, and control characters (which the contract already refuses)
 * become \xHH escapes, since the database refuses a pattern holding a NUL byte.
 */
export function escapeRegExp(text: string): string {
  return text
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    .replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** A condition for values that start with `text`, case as typed (so the name index can serve it). */
export function startsWith(text: string) {
  return getDb().RegExp({ regexp: `^${escapeRegExp(text)}`, options: '' });
}

/** A condition for values that contain `text` anywhere, in any case. */
export function contains(text: string) {
  return getDb().RegExp({ regexp: escapeRegExp(text), options: 'i' });
}
