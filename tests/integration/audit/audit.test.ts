import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { CHECKS } from '../../../cloudfunctions/audit/checks';
import { repairFinding } from '../../../cloudfunctions/audit/repair';
import { auditAll } from '../../../scripts/audit';
import { cloneValue, type Doc } from '../../../emulator/store';
import type { AuditCheck, AuditDifference, AuditReport, AuditRepairView, AuditSummaryView } from '../../../src/shared/domain/audit';
import { DEMO_EVENT_IDS } from '../../../emulator/seed/events';
import { DEMO_PROJECTS, DEMO_PROPOSALS } from '../../../emulator/seed/participation';
import { startHarness, type Harness } from '../../support/harness';

/**
 * 账目核对 against the real functions and the emulator: each check sees a counter made to drift on purpose (written
 * straight into the store, as a crash between two writes would leave it), names the records behind it, repairs it
 * with a log entry, and is clean after.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(() => h.stop());
beforeEach(() => h.reset());

const COMMUNITY = 'cm-baiyu1';
let seq = 0;
const rid = () => `audit-req-${(seq += 1).toString().padStart(4, '0')}`;

const run = (who = h.identities.committee) => h.call<AuditReport>('audit', 'run', {}, who);
const repair = (payload: Record<string, unknown>, who = h.identities.committee) =>
  h.call<{ repairs: AuditRepairView[]; remaining: number }>('audit', 'repair', { requestId: rid(), ...payload }, who);
const checkOf = (report: AuditReport, check: AuditCheck) => report.checks.find((c) => c.check === check)!;

/** The community's documents of a collection, as stored. */
const docs = (coll: string, where: (d: Doc) => boolean = () => true) => h.store.list(coll).filter((d) => d.communityId === COMMUNITY && where(d));
/** Writes a changed copy of a stored document, as a crash between two writes would leave it. */
function drift(coll: string, id: unknown, change: (doc: Doc) => void): void {
  const doc = cloneValue(h.store.get(coll, id)!);
  change(doc);
  h.store.commit([{ op: 'put', coll, doc }]);
}

/** Drift, run, see the one difference and its records, repair it by id, see it clean and the log entry. */
async function driftAndRepair(check: AuditCheck, subjectId: string): Promise<{ difference: AuditDifference; repair: AuditRepairView }> {
  const report = await run();
  const result = checkOf(report, check);
  expect(result.status).toBe('differences');
  expect(result.differenceCount).toBe(1);
  const difference = result.differences[0]!;
  expect(difference.id).toBe(`${check}:${subjectId}`);
  // Every other check is still clean: one drift is one difference.
  expect(report.differences).toBe(1);

  const { repairs, remaining } = await repair({ differenceId: difference.id });
  expect(remaining).toBe(0);
  expect(repairs).toHaveLength(1);
  const done = repairs[0]!;
  expect(done).toMatchObject({ differenceId: difference.id, outcome: 'repaired', records: difference.records.reduce((n, r) => n + r.count, 0) });
  for (const v of difference.values) {
    expect(done.before[v.field]).toBe(v.recorded);
    expect(done.after[v.field]).toBe(v.recomputed);
  }
  const after = await run();
  expect(checkOf(after, check).status).toBe('clean');
  expect(after.differences).toBe(0);
  const logs = h.store.list(COLLECTIONS.auditRepairs);
  expect(logs).toHaveLength(1);
  expect(logs[0]).toMatchObject({ communityId: COMMUNITY, differenceId: difference.id, by: h.memberIdOf('committee'), outcome: 'repaired' });
  return { difference, repair: done };
}

describe('audit.run', () => {
  it('finds the demo 居民区 clean, and answers only the committee', async () => {
    await h.stack.seed({ participation: true, surveys: true, care: true, learning: true });
    const report = await run();
    expect(report.communityId).toBe(COMMUNITY);
    expect(report.checks.map((c) => [c.check, c.status])).toEqual([
      ['ledger', 'clean'],
      ['eventPlaces', 'clean'],
      ['cabinStock', 'clean'],
      ['cabinWaiting', 'clean'],
      ['shopStock', 'clean'],
      ['proposalSupports', 'clean'],
      ['projectFollowers', 'clean'],
      ['surveyTallies', 'clean'],
      ['careMissedInRow', 'clean'],
      ['courseAttempts', 'clean'],
    ]);
    for (const c of report.checks) expect(c.scanned).toBeGreaterThan(0);
    for (const who of ['resident', 'member', 'gridLeader', 'streetAdmin', 'newcomer'] as const) {
      const res = await h.invoke('audit', { action: 'run', payload: {} }, h.identities[who]);
      expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    }
    const repairRes = await h.invoke('audit', { action: 'repair', payload: { requestId: rid(), check: 'ledger' } }, h.identities.member);
    expect(repairRes).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
  });

  it('ledger: a cached balance off its entries, with the entries named; repaired and logged', async () => {
    const balance = docs(COLLECTIONS.ledgerBalances).find((b) => (b.entries as number) > 0)!;
    const memberId = balance._id as string;
    const entries = docs(COLLECTIONS.ledgerEntries, (e) => e.memberId === memberId);
    drift(COLLECTIONS.ledgerBalances, memberId, (d) => {
      d.points = (d.points as number) + 7;
    });
    const { difference } = await driftAndRepair('ledger', memberId);
    expect(difference.values.find((v) => v.field === 'points')).toMatchObject({ recorded: (balance.points as number) + 7, recomputed: balance.points });
    expect(difference.records[0]).toMatchObject({ collection: 'ledger_entries', count: entries.length });
    expect([...difference.records[0]!.ids].sort()).toEqual(entries.map((e) => e._id as string).sort());
    expect(difference.text).toContain('积分记为');
    expect(h.store.get(COLLECTIONS.ledgerBalances, memberId)).toMatchObject({ points: balance.points, halfHours: balance.halfHours, entries: balance.entries });
  });

  it('ledger: entries whose member has no cached balance at all; the repair creates it', async () => {
    const balance = docs(COLLECTIONS.ledgerBalances).find((b) => (b.entries as number) > 0)!;
    h.store.commit([{ op: 'del', coll: COLLECTIONS.ledgerBalances, id: balance._id }]);
    const { difference } = await driftAndRepair('ledger', balance._id as string);
    expect(difference.values.find((v) => v.field === 'entries')).toMatchObject({ recorded: 0, recomputed: balance.entries });
    expect(h.store.get(COLLECTIONS.ledgerBalances, balance._id)).toMatchObject({ communityId: COMMUNITY, points: balance.points, halfHours: balance.halfHours, entries: balance.entries });
  });

  it('eventPlaces: a role’s places taken off its confirmed sign-ups', async () => {
    const confirmed = docs(COLLECTIONS.eventSignups, (s) => s.status === 'confirmed');
    const sample = confirmed[0]!;
    const event = h.store.get(COLLECTIONS.events, sample.eventId)!;
    const roles = event.roles as { key: string; taken: number }[];
    const index = roles.findIndex((r) => r.key === sample.roleKey);
    const signups = confirmed.filter((s) => s.eventId === event._id && s.roleKey === sample.roleKey);
    drift(COLLECTIONS.events, event._id, (d) => {
      (d.roles as { taken: number }[])[index]!.taken += 3; // places leaked by a crash between the take and the sign-up
    });
    const { difference } = await driftAndRepair('eventPlaces', event._id as string);
    expect(difference.values).toEqual([expect.objectContaining({ field: `roles.${index}.taken`, recorded: signups.length + 3, recomputed: signups.length })]);
    expect(difference.records[0]).toMatchObject({ collection: 'event_signups', count: signups.length });
    expect([...difference.records[0]!.ids].sort()).toEqual(signups.map((s) => s._id as string).sort());
    expect((h.store.get(COLLECTIONS.events, event._id)!.roles as { taken: number }[])[index]!.taken).toBe(signups.length);
  });

  it('eventPlaces: a place held by a sign-up that died after taking it is not handed on by a repair', async () => {
    const eventId = DEMO_EVENT_IDS.patrol;
    const index = (h.store.get(COLLECTIONS.events, eventId)!.roles as { key: string }[]).findIndex((r) => r.key === 'patrol');
    const signUp = () => h.invoke('events', { action: 'signUp', payload: { eventId, roleKey: 'patrol' } }, h.identities.resident);
    // The sign-up's first write takes the place and records the claim; the call dies before its record is written.
    h.faults.arm({ at: 1, mode: 'crash' });
    void signUp();
    await h.faults.whenTripped();
    h.faults.reset();
    const taken = () => (h.store.get(COLLECTIONS.events, eventId)!.roles as { taken: number }[])[index]!.taken;
    const confirmed = () => docs(COLLECTIONS.eventSignups, (s) => s.eventId === eventId && s.roleKey === 'patrol' && s.status === 'confirmed').length;
    expect(taken()).toBe(confirmed() + 1);
    // The place is the resident's until their next tap writes the record: no difference, nothing to repair.
    expect(checkOf(await run(), 'eventPlaces').status).toBe('clean');
    // A real leak beside it is still found, and the repair keeps the held place.
    drift(COLLECTIONS.events, eventId, (d) => {
      (d.roles as { taken: number }[])[index]!.taken += 1;
    });
    const { difference } = await driftAndRepair('eventPlaces', eventId);
    expect(difference.values[0]).toMatchObject({ recorded: confirmed() + 2, recomputed: confirmed() + 1 });
    expect(difference.records[1]).toMatchObject({ collection: 'events', count: 1, ids: [h.memberIdOf('resident')] });
    expect(await signUp()).toMatchObject({ ok: true });
    expect(taken()).toBe(confirmed());
    expect(checkOf(await run(), 'eventPlaces').status).toBe('clean');
  });

  it('cabinStock: a consumable’s stock off its movement log', async () => {
    const item = docs(COLLECTIONS.cabinItems, (i) => i.kind === 'consumable' && (i.stock as number) > 0)[0]!;
    const moves = docs(COLLECTIONS.cabinLog, (l) => l.itemId === item._id && typeof l.delta === 'number');
    drift(COLLECTIONS.cabinItems, item._id, (d) => {
      d.stock = (d.stock as number) - 5;
    });
    const { difference } = await driftAndRepair('cabinStock', item._id as string);
    expect(difference.values).toEqual([expect.objectContaining({ field: 'stock', recorded: (item.stock as number) - 5, recomputed: item.stock })]);
    expect(difference.records[0]).toMatchObject({ collection: 'cabin_log', count: moves.length });
    expect(h.store.get(COLLECTIONS.cabinItems, item._id)!.stock).toBe(item.stock);
  });

  it('proposalSupports: a proposal’s supports off its active supports, repaired', async () => {
    await h.stack.seed({ participation: true });
    drift(COLLECTIONS.proposals, DEMO_PROPOSALS.collecting, (d) => {
      d.supports = (d.supports as number) + 1;
    });
    const supports = await driftAndRepair('proposalSupports', DEMO_PROPOSALS.collecting);
    expect(supports.difference.values).toEqual([expect.objectContaining({ field: 'supports', recorded: 3, recomputed: 2 })]);
    expect(h.store.get(COLLECTIONS.proposals, DEMO_PROPOSALS.collecting)!.supports).toBe(2);
  });

  it('projectFollowers: a project’s followers off its active follows, repaired', async () => {
    await h.stack.seed({ participation: true });
    drift(COLLECTIONS.projects, DEMO_PROJECTS.shed, (d) => {
      d.followers = 0;
    });
    const followers = await driftAndRepair('projectFollowers', DEMO_PROJECTS.shed);
    expect(followers.difference.records[0]).toMatchObject({ collection: 'project_follows', count: 1 });
    expect(h.store.get(COLLECTIONS.projects, DEMO_PROJECTS.shed)!.followers).toBe(1);
  });

  it('cabinWaiting: a loanable item’s queue count off its waiting holds', async () => {
    const item = docs(COLLECTIONS.cabinItems, (i) => i.kind === 'loanable')[0]!;
    const waiting = docs(COLLECTIONS.cabinHolds, (x) => x.itemId === item._id && x.status === 'waiting').length;
    drift(COLLECTIONS.cabinItems, item._id, (d) => {
      d.waiting = (d.waiting as number) + 2; // a hold cancelled between its insert and its increment
    });
    const { difference } = await driftAndRepair('cabinWaiting', item._id as string);
    expect(difference.values).toEqual([expect.objectContaining({ field: 'waiting', recorded: waiting + 2, recomputed: waiting })]);
    expect(h.store.get(COLLECTIONS.cabinItems, item._id)!.waiting).toBe(waiting);
  });

  it('shopStock: a reward’s stock off its movements, and a redemption whose movement was lost still takes its unit', async () => {
    const reward = docs(COLLECTIONS.shopRewards)[0]!;
    drift(COLLECTIONS.shopRewards, reward._id, (d) => {
      d.stock = (d.stock as number) + 4;
    });
    const { difference } = await driftAndRepair('shopStock', reward._id as string);
    expect(difference.values).toEqual([expect.objectContaining({ field: 'stock', recorded: (reward.stock as number) + 4, recomputed: reward.stock })]);
    expect(difference.records.map((r) => r.collection)).toEqual(['shop_movements', 'shop_redemptions']);

    // A redemption recorded, its unit taken, but its movement never written (a crash between them).
    const stock = h.store.get(COLLECTIONS.shopRewards, reward._id)!.stock as number;
    h.store.commit([
      { op: 'put', coll: COLLECTIONS.shopRewards, doc: { ...cloneValue(h.store.get(COLLECTIONS.shopRewards, reward._id)!), stock: stock - 1 } },
      {
        op: 'put',
        coll: COLLECTIONS.shopRedemptions,
        doc: { _id: 'rd-crashed', communityId: COMMUNITY, memberId: h.memberIdOf('member'), memberName: '李建国', rewardId: reward._id, rewardName: reward.name, giver: '', price: 1, code: 'ZZZZZZ', status: 'pending', createdAt: new Date() },
      },
    ]);
    expect(checkOf(await run(), 'shopStock').status).toBe('clean');
  });

  it('surveyTallies: a tally shard off its answers (an option counted twice, the answer count short)', async () => {
    await h.stack.seed({ surveys: true });
    const shard = docs(COLLECTIONS.surveyTallies, (d) => (d.answers as number) > 0)[0]!;
    drift(COLLECTIONS.surveyTallies, shard._id, (d) => {
      d.answers = (d.answers as number) - 1;
      const counts = d.counts as Record<string, number>;
      const key = Object.keys(counts)[0]!;
      counts[key] = counts[key]! + 1;
    });
    const { difference } = await driftAndRepair('surveyTallies', shard._id as string);
    expect(difference.values[0]).toMatchObject({ field: 'answers', recorded: (shard.answers as number) - 1, recomputed: shard.answers });
    expect(difference.values).toHaveLength(2);
  });

  it('careMissedInRow: a pairing’s missed-in-a-row off its visits', async () => {
    await h.stack.seed({ care: true });
    const pairing = docs(COLLECTIONS.carePairings, (p) => p.state === 'active')[0]!;
    drift(COLLECTIONS.carePairings, pairing._id, (d) => {
      d.missedInRow = 3;
    });
    const { difference } = await driftAndRepair('careMissedInRow', pairing._id as string);
    expect(difference.values[0]).toMatchObject({ field: 'missedInRow', recorded: 3, recomputed: 0 });
  });

  it('courseAttempts: a learner’s quiz attempts off the attempts handed in, repaired', async () => {
    await h.stack.seed({ learning: true });
    const progress = docs(COLLECTIONS.courseProgress)[0]!;
    drift(COLLECTIONS.courseProgress, progress._id, (d) => {
      d.attempts = (d.attempts as number) + 2;
    });
    const { difference } = await driftAndRepair('courseAttempts', progress._id as string);
    expect(difference.values).toEqual([{ field: 'attempts', label: '测验次数', recorded: (progress.attempts as number) + 2, recomputed: progress.attempts }]);
    expect(difference.records[0]).toMatchObject({ collection: 'course_attempts', count: progress.attempts });
  });

  it('repairs every difference of a check at once; a retry with the same request id changes nothing twice', async () => {
    const items = docs(COLLECTIONS.cabinItems, (i) => i.kind === 'loanable').slice(0, 3);
    for (const item of items) drift(COLLECTIONS.cabinItems, item._id, (d) => {
      d.waiting = 9;
    });
    expect(checkOf(await run(), 'cabinWaiting').differenceCount).toBe(items.length);
    const payload = { requestId: rid(), check: 'cabinWaiting' };
    const first = await h.call<{ repairs: AuditRepairView[] }>('audit', 'repair', payload, h.identities.committee);
    expect(first.repairs.map((r) => r.outcome)).toEqual(items.map(() => 'repaired'));
    // The counter drifts again; the same tap retried answers its own repairs and leaves the new drift alone.
    drift(COLLECTIONS.cabinItems, items[0]!._id, (d) => {
      d.waiting = 5;
    });
    const again = await h.call<{ repairs: AuditRepairView[] }>('audit', 'repair', payload, h.identities.committee);
    expect(again.repairs).toEqual(first.repairs); // nothing new under that request id
    expect(h.store.list(COLLECTIONS.auditRepairs)).toHaveLength(items.length);
    expect(h.store.get(COLLECTIONS.cabinItems, items[0]!._id)!.waiting).toBe(5);
    expect(checkOf(await run(), 'cabinWaiting').differenceCount).toBe(1);
  });

  it('a counter that moved after the audit saw it is left alone and logged as changed', async () => {
    const item = docs(COLLECTIONS.cabinItems, (i) => i.kind === 'consumable' && (i.stock as number) > 0)[0]!;
    drift(COLLECTIONS.cabinItems, item._id, (d) => {
      d.stock = 100;
    });
    const { findings } = await CHECKS.cabinStock(COMMUNITY);
    expect(findings).toHaveLength(1);
    // A restock lands between the audit's read and its repair.
    drift(COLLECTIONS.cabinItems, item._id, (d) => {
      d.stock = 110;
    });
    const log = await repairFinding(findings[0]!, { communityId: COMMUNITY, requestId: rid(), memberId: h.memberIdOf('committee'), name: '居委', now: new Date() });
    expect(log).toMatchObject({ outcome: 'changed', values: [{ field: 'stock', before: 110, after: 110 }] });
    expect(h.store.get(COLLECTIONS.cabinItems, item._id)!.stock).toBe(110);
  });

  it('another 居民区’s committee neither sees nor repairs this one’s differences', async () => {
    const item = docs(COLLECTIONS.cabinItems, (i) => i.kind === 'loanable')[0]!;
    drift(COLLECTIONS.cabinItems, item._id, (d) => {
      d.waiting = 4;
    });
    const theirs = await run(h.identities.otherCommittee);
    expect(theirs.communityId).toBe('cm-changfeng1');
    expect(JSON.stringify(theirs)).not.toContain(item._id as string);
    const res = await repair({ differenceId: `cabinWaiting:${item._id as string}` }, h.identities.otherCommittee);
    expect(res.repairs).toEqual([]);
    expect(h.store.get(COLLECTIONS.cabinItems, item._id)!.waiting).toBe(4);
  });
});

describe('the nightly audit', () => {
  it('stores a report for every 居民区, isolates a failing check, and the street reads counts only', async () => {
    const item = docs(COLLECTIONS.cabinItems, (i) => i.kind === 'loanable')[0]!;
    drift(COLLECTIONS.cabinItems, item._id, (d) => {
      d.waiting = 3;
    });
    // One malformed event makes its check fail; the other checks of that 居民区 still answer.
    const event = docs(COLLECTIONS.events)[0]!;
    drift(COLLECTIONS.events, event._id, (d) => {
      d.roles = 'broken';
    });
    const communities = h.store.list(COLLECTIONS.communities).length;
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const counts = await h.timer('audit', 'audit-nightly');
    expect(counts).toMatchObject({ communities, audited: communities, failedChecks: 1, failedCommunities: 0 });
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('eventPlaces failed'), expect.any(TypeError));
    logged.mockRestore();
    const stored = h.store.list(COLLECTIONS.auditReports);
    expect(stored).toHaveLength(communities);
    const ours = stored.find((r) => r.communityId === COMMUNITY)! as unknown as AuditReport;
    expect(checkOf(ours, 'eventPlaces').status).toBe('failed');
    expect(checkOf(ours, 'cabinWaiting')).toMatchObject({ status: 'differences', differenceCount: 1 });
    expect(checkOf(ours, 'ledger').status).toBe('clean');

    // A second run the same day retries only the 居民区 whose report has a failed check.
    drift(COLLECTIONS.events, event._id, (d) => {
      d.roles = event.roles;
    });
    expect(await h.timer('audit', 'audit-nightly')).toMatchObject({ communities, audited: 1, failedChecks: 0 });

    const committee = await h.call<{ reports: AuditSummaryView[]; latest: AuditReport | null }>('audit', 'reports', {}, h.identities.committee);
    expect(committee.latest).toMatchObject({ communityId: COMMUNITY, differences: 1, failed: 0 });
    const street = await h.call<{ reports: AuditSummaryView[]; latest: AuditReport | null }>('audit', 'reports', {}, h.identities.streetAdmin);
    expect(street.latest).toBeNull();
    const baiyu = street.reports.find((r) => r.communityId === COMMUNITY)!;
    expect(baiyu).toMatchObject({ communityName: '白玉新村第一居民区', differences: 1 });
    expect(baiyu.checks.find((c) => c.check === 'cabinWaiting')).toEqual({ check: 'cabinWaiting', label: '格子屋排队人数', status: 'differences', differences: 1 });
    // Counts only: no record, no name, no id reaches the street.
    expect(JSON.stringify(street)).not.toContain(item._id as string);
    const resident = await h.invoke('audit', { action: 'reports', payload: {} }, h.identities.resident);
    expect(resident).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
  });
});

describe('npm run audit (scripts/audit.ts) over the store the SDK points at', () => {
  it('prints each difference with its records, repairs with --repair, and is clean after', async () => {
    const item = docs(COLLECTIONS.cabinItems, (i) => i.kind === 'consumable' && (i.stock as number) > 0)[0]!;
    drift(COLLECTIONS.cabinItems, item._id, (d) => {
      d.stock = (d.stock as number) + 3;
    });
    const lines: string[] = [];
    expect(await auditAll({ repair: false, print: (l) => lines.push(l) })).toBe(1);
    expect(lines).toContainEqual(expect.stringContaining('✗ 格子屋物品库存：核对'));
    expect(lines).toContainEqual(expect.stringContaining(`库存记为 ${(item.stock as number) + 3}，按记录应为 ${item.stock as number}`));
    expect(h.store.get(COLLECTIONS.cabinItems, item._id)!.stock).toBe((item.stock as number) + 3);

    lines.length = 0;
    expect(await auditAll({ repair: true, print: (l) => lines.push(l) })).toBe(0);
    expect(lines).toContainEqual(expect.stringContaining(`已修正：stock ${(item.stock as number) + 3} → ${item.stock as number}`));
    expect(h.store.get(COLLECTIONS.cabinItems, item._id)!.stock).toBe(item.stock);
    expect(h.store.list(COLLECTIONS.auditRepairs)).toEqual([expect.objectContaining({ by: 'local-audit', outcome: 'repaired' })]);
    lines.length = 0;
    expect(await auditAll({ repair: false, print: (l) => lines.push(l) })).toBe(0);
    expect(lines[lines.length - 1]).toContain('全部一致');
  });
});
