import type { RosterGrid } from '../../src/shared/rules/roster-csv';
import { COLLECTIONS } from '../_core/collections';
import { command, getDb, insertOnce } from '../_core/db';
import type { MemberDoc } from '../_core/member-record';

/** Each function here is one database round trip, except where its comment says otherwise. */

/** The most documents one get() answers and one add() takes. */
export const BATCH = 1000;

const members = () => getDb().collection(COLLECTIONS.members);

/** This 居民区's micro-grids and their buildings. */
export async function gridsOf(communityId: string): Promise<RosterGrid[]> {
  const res = await getDb().collection(COLLECTIONS.grids).where({ communityId }).field({ buildings: true }).limit(BATCH).get();
  return (res.data as { _id: string; buildings?: string[] }[]).map((g) => ({ _id: g._id, buildings: g.buildings ?? [] }));
}

/** Which of these member ids exist (at most BATCH ids). */
export async function existingIds(ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const res = await members()
    .where({ _id: command().in([...ids]) })
    .field({ _id: true })
    .limit(BATCH)
    .get();
  return new Set((res.data as { _id: string }[]).map((d) => d._id));
}

export type PersonOnRecord = Pick<MemberDoc, '_id' | 'name' | 'building' | 'room' | 'source'>;

/**
 * Everyone on record in the 居民区 (name, building, room, source only), paging by `_id`: ceil(people / BATCH)
 * round trips, at least 1. One scan answers both "imported before" and "registered themselves".
 */
export async function peopleOf(communityId: string): Promise<PersonOnRecord[]> {
  const _ = command();
  const out: PersonOnRecord[] = [];
  let after = '';
  for (;;) {
    const res = await members()
      .where({ communityId, _id: _.gt(after) })
      .field({ name: true, building: true, room: true, source: true })
      .orderBy('_id', 'asc')
      .limit(BATCH)
      .get();
    const page = res.data as PersonOnRecord[];
    out.push(...page);
    if (page.length < BATCH) return out;
    after = page[page.length - 1]!._id;
  }
}

/** Inserts up to BATCH members at once; a duplicate `_id` refuses the whole batch (isDuplicateWrite). */
export async function insertMembers(docs: readonly MemberDoc[]): Promise<void> {
  await members().add([...docs]);
}

export interface ImportLogEntry {
  _id: string;
  communityId: string;
  by: string;
  at: Date;
  source: 'text' | 'file';
  fileID?: string;
  onlyGoodRows: boolean;
  rows: number;
  bad: number;
  created: number;
  alreadyImported: number;
  alreadyRegistered: number;
}

/** Who imported what and when: one entry per import; a retry of the same import finds it written (false). */
export async function addImportLog(entry: ImportLogEntry): Promise<boolean> {
  return insertOnce(COLLECTIONS.rosterImports, entry);
}
