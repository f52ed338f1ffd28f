import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import type { rosterActions } from '../../src/shared/actions/roster';
import type { RosterIssue } from '../../src/shared/domain/roster';
import { checkRoster, issue, personKey, type RosterRow } from '../../src/shared/rules/roster-csv';
import { authorize } from '../_core/authorize';
import { loadCaller } from '../_core/caller';
import { clock } from '../_core/clock';
import { isDuplicateWrite } from '../_core/db';
import { AppError } from '../_core/errors';
import type { Identity } from '../_core/identity';
import type { MemberDoc } from '../_core/member-record';
import type { CallContext } from '../_core/router';
import { refusedTexts } from './roster.content';
import { readRosterFile } from './roster.files';
import { offlineMemberId } from '../_core/member-record';
import { importedMemberDoc, toReport, toSample } from './roster.model';
import * as q from './roster.queries';

type A = typeof rosterActions;
type In<K extends keyof A> = ActionParsed<A[K]>;
type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;
type Source = In<'preview'>['source'];

const chunk = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** A good row the platform's content check refused (a name or a skill others would read) becomes a bad row. */
function contentIssues(rows: readonly RosterRow[], refused: ReadonlySet<string>): RosterIssue[] {
  const out: RosterIssue[] = [];
  for (const r of rows) {
    if (refused.has(r.name)) out.push(issue(r.row, 'name', 'CONTENT_REJECTED'));
    else if (r.skills.some((s) => refused.has(s))) out.push(issue(r.row, 'skills', 'CONTENT_REJECTED'));
  }
  return out;
}

interface Checked {
  communityId: string;
  callerId: string;
  rows: number;
  bad: number;
  issues: RosterIssue[];
  ignoredColumns: string[];
  create: RosterRow[];
  alreadyImported: number;
  alreadyRegistered: number;
}

/**
 * Everything preview and commit share: the caller may import, the rows are read and checked, and each good row
 * is sorted into new, already imported, or already registered. Round trips: 1 (caller) + 1 (grids) +
 * ceil(people on record in the 居民区 / 1000), at least 1; plus, for a file, one storage call and its download,
 * and about one content check per 2,000 characters of distinct names and skills.
 *
 * Matching: an imported person's `_id` is `offlineMemberId(居民区, 姓名 + 楼栋 + 门牌)`, so a re-import finds
 * them by `_id`. A resident who registered in WeChat (or whom a grid leader registered) has another `_id`;
 * they are matched on the same normalised 姓名 + 楼栋 + 门牌 (personKey) and left exactly as they are.
 */
async function checkSource(source: Source, identity: Identity): Promise<Checked> {
  const caller = await loadCaller(identity);
  authorize(caller, 'roster.import', { communityId: caller.communityId });
  const communityId = caller.communityId!;

  const text = source.kind === 'text' ? source.csv : await readRosterFile(source.fileID);
  const checked = checkRoster(text, await q.gridsOf(communityId));
  if (!checked.ok) throw new AppError(checked.code, { csv: checked.detail });

  const refused = await refusedTexts(identity.openid, checked.rows.flatMap((r) => [r.name, ...r.skills]));
  const rejected = contentIssues(checked.rows, refused);
  const rejectedRows = new Set(rejected.map((i) => i.row));
  const good = checked.rows.filter((r) => !rejectedRows.has(r.row));
  const issues = [...checked.issues, ...rejected].sort((a, b) => a.row - b.row);

  // Matched on the `_id` an import derives, or on 姓名 + 楼栋 + 门牌 (whoever created the record).
  const people = await q.peopleOf(communityId);
  const onRecord = new Map<string, q.PersonOnRecord>();
  for (const p of people) {
    onRecord.set(p._id, p);
    onRecord.set(personKey(p.name, p.building, p.room), p);
  }
  const create: RosterRow[] = [];
  let alreadyImported = 0;
  let alreadyRegistered = 0;
  for (const row of good) {
    const found = onRecord.get(offlineMemberId(communityId, row.key)) ?? onRecord.get(row.key);
    if (!found) create.push(row);
    else if (found.source === 'import') alreadyImported += 1;
    else alreadyRegistered += 1;
  }
  return {
    communityId,
    callerId: caller.memberId,
    rows: checked.total,
    bad: checked.badRows + rejectedRows.size,
    issues,
    ignoredColumns: checked.ignoredColumns,
    create,
    alreadyImported,
    alreadyRegistered,
  };
}

function reportOf(c: Checked) {
  return toReport(
    {
      rows: c.rows,
      good: c.rows - c.bad,
      toCreate: c.create.length,
      alreadyImported: c.alreadyImported,
      alreadyRegistered: c.alreadyRegistered,
      bad: c.bad,
      ignoredColumns: c.ignoredColumns,
    },
    c.issues,
  );
}

/**
 * Adds the new people, 1000 a batch (one round trip each). A batch refused for a duplicate `_id` means another
 * import of the same people got there first: those are found (one more round trip) and the rest added again,
 * so nothing is lost and nobody is counted twice. Answers the records this call created.
 */
async function insertNew(docs: readonly MemberDoc[]): Promise<MemberDoc[]> {
  const created: MemberDoc[] = [];
  for (const batch of chunk(docs, q.BATCH)) {
    let pending = batch;
    for (let attempt = 0; pending.length > 0; attempt++) {
      try {
        await q.insertMembers(pending);
        created.push(...pending);
        pending = [];
      } catch (err) {
        if (!isDuplicateWrite(err) || attempt >= 3) throw err;
        const taken = await q.existingIds(pending.map((d) => d._id));
        pending = pending.filter((d) => !taken.has(d._id));
      }
    }
  }
  return created;
}

/** Round trips: see checkSource. Changes nothing. */
export async function preview(input: In<'preview'>, { identity }: CallContext): Out<'preview'> {
  return reportOf(await checkSource(input.source, identity));
}

/**
 * Round trips: checkSource's, + 1 import log, + ceil(new / 1000) inserts (+1 per batch another import raced).
 * 13,125 new rows into a 居民区 of a few hundred people: 1 + 1 + 1 + 1 + 14 = 18.
 *
 * A chain of idempotent steps keyed by the request id: the import's log entry is written first, once (its id is the
 * request id), with the counts this check planned; then the people, each insert skipping who is on record. A retry
 * after a crash finds the entry and adds whoever is still missing. (The entry used to be written last, under a
 * time-based id: a call that died after the inserts lost it, and the retry, finding everyone on record, logged an
 * import that "created 0".) Without a request id (an older client) the entry's id is the time, as before.
 */
export async function commit(input: In<'commit'>, { identity }: CallContext): Out<'commit'> {
  const checked = await checkSource(input.source, identity);
  if (checked.bad > 0 && !input.onlyGoodRows) throw new AppError('ROSTER.HAS_BAD_ROWS');
  const now = clock().now();
  const ctx = { communityId: checked.communityId, appid: identity.appid, by: checked.callerId, now };
  const report = reportOf(checked);
  await q.addImportLog({
    _id: input.requestId
      ? `${checked.communityId}-${input.requestId}`
      : `${checked.communityId}-${now.getTime()}-${checked.callerId.slice(0, 8)}`,
    communityId: checked.communityId,
    by: checked.callerId,
    at: now,
    source: input.source.kind,
    ...(input.source.kind === 'file' ? { fileID: input.source.fileID } : {}),
    onlyGoodRows: input.onlyGoodRows,
    rows: report.rows,
    bad: report.bad,
    created: checked.create.length,
    alreadyImported: report.alreadyImported,
    alreadyRegistered: report.alreadyRegistered,
  });
  const created = await insertNew(checked.create.map((row) => importedMemberDoc(row, ctx)));
  return { report, created: created.length, sample: toSample(created) };
}
