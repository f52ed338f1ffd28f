import { createHash } from 'crypto';
import type { ReportCategory } from '../../src/shared/domain/report';
import { formatShanghai } from '../../src/shared/time';
import { authorize, ensureSameCommunity } from '../_core/authorize';
import { loadCaller, type Caller } from '../_core/caller';
import { AppError } from '../_core/errors';
import type { Identity } from '../_core/identity';
import type { ReportDoc } from './reports.model';
import * as q from './reports.queries';
import { mayView, standingOf, toView, type Names, type Standing } from './reports.views';

/** A resident of a 居民区 (every reports action starts here). One round trip. */
export async function residentCaller(identity: Identity): Promise<Caller> {
  const caller = await loadCaller(identity);
  authorize(caller, 'reports.file', { communityId: caller.communityId, memberId: caller.memberId });
  return caller;
}

/** A report the caller may see, with how they stand to it; anything else answers as missing. One round trip. */
export async function visibleReport(caller: Caller, reportId: string): Promise<{ report: ReportDoc; standing: Standing }> {
  const report = ensureSameCommunity(caller, await q.findReport(reportId));
  const standing = standingOf(caller, report);
  if (!mayView(standing)) throw new AppError('COMMON.NOT_FOUND');
  return { report, standing };
}

/** Deterministic from who files and the form's request id, so a retried `file` finds its report. */
export function reportIdOf(memberId: string, requestId: string): string {
  return `rp-${createHash('sha256').update(`${memberId}\n${requestId}`).digest('hex').slice(0, 24)}`;
}

/** R-YYYYMMDD-NNNN: the Shanghai day of filing and four digits from the id (short enough to read out on the phone). */
export function numberOf(id: string, filedAt: Date): string {
  const digits = (parseInt(createHash('sha256').update(id).digest('hex').slice(0, 8), 16) % 10000).toString().padStart(4, '0');
  return `R-${formatShanghai(filedAt, 'YYYYMMDD')}-${digits}`;
}

/** The names reports show for grids and councils: one round trip (two reads side by side). */
export async function namesOf(communityId: string): Promise<Names> {
  const [grids, councils] = await Promise.all([q.gridsOf(communityId), q.findCouncils(communityId)]);
  return { grids: new Map(grids.map((g) => [g._id, g.name])), councils: new Map(councils.map((c) => [c._id, c.name])) };
}

/** The full view of one report for the caller: names and the reporter, one round trip (reads side by side). */
export async function fullView(caller: Caller, report: ReportDoc): Promise<{ report: ReturnType<typeof toView> }> {
  const [names, people] = await Promise.all([namesOf(report.communityId), q.findPeople([report.reporterId])]);
  return { report: toView(caller, report, names, people.get(report.reporterId)) };
}

/** An active category of the 居民区, or REPORTS.CATEGORY_NOT_FOUND. */
export function activeCategory(categories: readonly ReportCategory[], key: string): ReportCategory {
  const category = categories.find((c) => c.key === key && c.active);
  if (!category) throw new AppError('REPORTS.CATEGORY_NOT_FOUND');
  return category;
}
