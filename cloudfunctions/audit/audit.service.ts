import {
  AUDIT_CHECK_LABELS,
  AUDIT_CHECKS,
  type AuditCheck,
  type AuditCheckResult,
  type AuditDifference,
  type AuditReport,
  type AuditSummaryView,
} from '../../src/shared/domain/audit';
import { auditActions } from '../../src/shared/actions/audit';
import type { ActionOutput, ActionParsed } from '../../src/shared/action';
import { formatShanghai } from '../../src/shared/time';
import { authorize } from '../_core/authorize';
import { loadCaller } from '../_core/caller';
import { clock } from '../_core/clock';
import { COLLECTIONS } from '../_core/collections';
import { command, getDb } from '../_core/db';
import { AppError } from '../_core/errors';
import type { CallContext } from '../_core/router';
import { CHECKS } from './checks';
import type { Finding } from './checks/finding';
import { repairFinding, repairsOf, toRepairView } from './repair';

type A = typeof auditActions;
type In<K extends keyof A> = ActionParsed<A[K]>;
type Out<K extends keyof A> = Promise<ActionOutput<A[K]>>;

/** Differences listed per check in a report (all are counted); a repair by check name repairs every one. */
export const LISTED = 100;

export interface CommunityAudit {
  report: AuditReport;
  findings: Partial<Record<AuditCheck, Finding[]>>;
}

function toDifference(f: Finding): AuditDifference {
  return { id: f.id, check: f.check, subjectId: f.subjectId, subjectName: f.subjectName, values: f.values, records: f.records, text: f.text };
}

/**
 * Runs the checks of one 居民区 side by side, each on its own: a check that throws is reported `failed` (and logged)
 * while the others still answer.
 */
export async function auditCommunity(communityId: string, now: Date, checks: readonly AuditCheck[] = AUDIT_CHECKS): Promise<CommunityAudit> {
  const findings: CommunityAudit['findings'] = {};
  const results = await Promise.all(
    checks.map(async (check): Promise<AuditCheckResult> => {
      try {
        const outcome = await CHECKS[check](communityId);
        findings[check] = outcome.findings;
        return {
          check,
          label: AUDIT_CHECK_LABELS[check],
          status: outcome.findings.length ? 'differences' : 'clean',
          scanned: outcome.scanned,
          differences: outcome.findings.slice(0, LISTED).map(toDifference),
          differenceCount: outcome.findings.length,
        };
      } catch (err) {
        console.error(`[audit] ${communityId} ${check} failed`, err);
        return { check, label: AUDIT_CHECK_LABELS[check], status: 'failed', scanned: 0, differences: [], differenceCount: 0 };
      }
    }),
  );
  return {
    report: {
      communityId,
      at: now.toISOString(),
      checks: results,
      differences: results.reduce((n, r) => n + r.differenceCount, 0),
      failed: results.filter((r) => r.status === 'failed').length,
    },
    findings,
  };
}

/** Round trips: 1 (caller) + per check, 2-3 per page of counters (see each check; 24 for 20,000 members), the checks side by side. */
export async function run(_input: In<'run'>, { identity }: CallContext): Out<'run'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'audit.run', { communityId: caller.communityId });
  return (await auditCommunity(caller.communityId!, clock().now())).report;
}

/**
 * Round trips: 1 (caller) + the check (as in run) + 6 per difference repaired (a transaction: log, counter, update,
 * log) + 1 (the request's repairs). A retry with the same request id repairs what is left and answers every repair
 * the request made.
 */
export async function repair(input: In<'repair'>, { identity }: CallContext): Out<'repair'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'audit.repair', { communityId: caller.communityId });
  const communityId = caller.communityId!;
  const check = (input.check ?? input.differenceId!.split(':')[0]) as AuditCheck;
  if (!AUDIT_CHECKS.includes(check)) throw new AppError('COMMON.NOT_FOUND');
  const now = clock().now();
  const { findings } = await auditCommunity(communityId, now, [check]);
  if (!findings[check]) throw new AppError('COMMON.BUSY');
  const chosen = findings[check]!.filter((f) => input.differenceId === undefined || f.id === input.differenceId);
  const by = { communityId, requestId: input.requestId, memberId: caller.memberId, name: caller.record?.name ?? '', now };
  // A chain of idempotent steps keyed by the request id, not one transaction: each counter and its log entry are one
  // small transaction (a single one over hundreds of counters would conflict with every sign-up meanwhile), so a
  // retry after a crash repairs what is left and repeats nothing (tests/integration/crash/audit.crash.test.ts).
  for (const f of chosen) await repairFinding(f, by);
  const done = await repairsOf(communityId, input.requestId);
  return { repairs: done.map(toRepairView), remaining: done.filter((d) => d.outcome === 'changed').length };
}

interface ReportDoc extends AuditReport {
  _id: string;
  streetId: string | null;
  day: string;
}

interface CommunityRow {
  _id: string;
  name: string;
  streetId?: string;
}

function summaryOf(doc: ReportDoc, name: string): AuditSummaryView {
  return {
    communityId: doc.communityId,
    communityName: name,
    at: doc.at,
    differences: doc.differences,
    failed: doc.failed,
    checks: doc.checks.map((c) => ({ check: c.check, label: c.label, status: c.status, differences: c.differenceCount })),
  };
}

/**
 * The committee: its 居民区's latest nightly report in full. The street: the latest of each of its 居民区, counts only.
 * Round trips: 1 (caller) + 1 (reports) + 1 (names, for the street).
 */
export async function reports(_input: In<'reports'>, { identity }: CallContext): Out<'reports'> {
  const caller = await loadCaller(identity);
  const db = getDb();
  if (caller.roles.includes('committee')) {
    authorize(caller, 'audit.viewReports', { communityId: caller.communityId });
    const res = await db.collection(COLLECTIONS.auditReports).where({ communityId: caller.communityId }).orderBy('at', 'desc').limit(1).get();
    const latest = (res.data as ReportDoc[])[0];
    if (!latest) return { reports: [], latest: null };
    const { _id: _i, streetId: _s, day: _d, ...report } = latest;
    return { reports: [summaryOf(latest, '')], latest: report };
  }
  authorize(caller, 'audit.viewReports', { streetId: caller.streetId });
  const [communities, stored] = await Promise.all([
    db.collection(COLLECTIONS.communities).where({ streetId: caller.streetId }).field({ name: true }).orderBy('order', 'asc').limit(1000).get(),
    db.collection(COLLECTIONS.auditReports).where({ streetId: caller.streetId }).orderBy('at', 'desc').limit(1000).get(),
  ]);
  const names = new Map((communities.data as CommunityRow[]).map((c) => [c._id, c.name]));
  const latest = new Map<string, ReportDoc>();
  for (const doc of stored.data as ReportDoc[]) if (!latest.has(doc.communityId)) latest.set(doc.communityId, doc);
  return { reports: [...latest.values()].map((d) => summaryOf(d, names.get(d.communityId) ?? '')), latest: null };
}

/**
 * The nightly audit of every 居民区 (all of them, a page of 100 at a time): each report is stored under the 居民区 and
 * the Shanghai day, so a second run the same day skips a 居民区 already audited cleanly (the local stack fires timers
 * every minute) and retries one whose report has a failed check. A 居民区 that fails as a whole is counted and the
 * run goes on.
 */
export async function nightly(now: Date): Promise<Record<string, number>> {
  const db = getDb();
  const day = formatShanghai(now, 'YYYY-MM-DD');
  const counts = { communities: 0, audited: 0, differences: 0, failedChecks: 0, failedCommunities: 0 };
  let after: string | null = null;
  for (;;) {
    const res = await db
      .collection(COLLECTIONS.communities)
      .where(after === null ? {} : { _id: command().gt(after) })
      .field({ name: true, streetId: true })
      .orderBy('_id', 'asc')
      .limit(100)
      .get();
    const page = res.data as CommunityRow[];
    for (const c of page) {
      counts.communities += 1;
      try {
        const id = `${c._id}:${day}`;
        const stored = (await db.collection(COLLECTIONS.auditReports).doc(id).get()).data?.[0] as ReportDoc | undefined;
        if (stored && stored.failed === 0) continue;
        const { report } = await auditCommunity(c._id, now);
        const doc: Omit<ReportDoc, '_id'> = { ...report, streetId: c.streetId ?? null, day };
        await db.collection(COLLECTIONS.auditReports).doc(id).set(doc);
        counts.audited += 1;
        counts.differences += report.differences;
        counts.failedChecks += report.failed;
      } catch (err) {
        console.error(`[audit] nightly: ${c._id} failed`, err);
        counts.failedCommunities += 1;
      }
    }
    if (page.length < 100) break;
    after = page[page.length - 1]!._id;
  }
  return counts;
}
