import type { GridColour } from '../domain/grid';
import type { NoticeTarget } from '../domain/notices';

/**
 * Which residents a notice is for, as keys: a notice stores the keys of its target, a resident has the keys of
 * where they belong, and a resident is targeted when the two share one. One indexed `in` query then finds a
 * resident's notices, whatever the target's kind.
 */

export function audienceKeysOf(target: NoticeTarget): string[] {
  switch (target.kind) {
    case 'community':
      return ['community'];
    case 'grids':
      return target.gridIds.map((g) => `grid:${g}`);
    case 'council':
      return [`council:${target.councilId}`];
    case 'colour':
      return target.gridIds.length === 0 ? [`colour:${target.colour}`] : target.gridIds.map((g) => `colour:${target.colour}:grid:${g}`);
  }
}

/** Where a resident belongs: their grid, their councils, and (only when known to the caller) their colour. */
export interface Belonging {
  gridId: string | null;
  councilIds: readonly string[];
  colour: GridColour | null;
}

export function memberKeysOf(m: Belonging): string[] {
  const keys = ['community', ...m.councilIds.map((c) => `council:${c}`)];
  if (m.gridId) keys.push(`grid:${m.gridId}`);
  if (m.colour) {
    keys.push(`colour:${m.colour}`);
    if (m.gridId) keys.push(`colour:${m.colour}:grid:${m.gridId}`);
  }
  return keys;
}

export function isTargeted(noticeKeys: readonly string[], m: Belonging): boolean {
  const mine = new Set(memberKeysOf(m));
  return noticeKeys.some((k) => mine.has(k));
}

