import { AUTO_CLOSE_DAYS } from '../../src/shared/domain/report';
import { autoCloseNow, resolutionOverdueNow, responseOverdueNow } from '../../src/shared/rules/report-clock';
import { command } from '../_core/db';
import { finishMerge } from './merge';
import { pointsOnClose, postOwedPoints } from './points';
import { settingsIn, type ReportDoc, type ReportStepDoc } from './reports.model';
import * as q from './reports.queries';
import { tell } from './tell';

/**
 * The `report-clocks` timer (every minute). Each escalation and each auto-close is ONE conditional write on the
 * report's version with its timeline step, so a rerun, a second run at once or a race with a handler's accept never
 * does it twice; a run killed mid-way leaves the rest for the next run, which finds them by the same queries. After
 * each write the report is told (send keys per step and person: nobody is messaged twice). Then it finishes what
 * calls left: owed handler points (posted once through the ledger) and untold messages.
 *
 * Round trips per report escalated or closed: 1 (the write) + 1 (re-read) + `tell`'s (1 per message's queue and a
 * transaction, +1 committee for a resolution overdue, +1 the mark); per page of 100 candidates 1 query; per 居民区
 * touched 1 (its chief or settings, cached for the run).
 */

/** Candidates read per query; each handled one leaves its query's set, so the next page starts again at the top. */
const BATCH = 100;
/** Messages a call left untold are the timer's after this long (a live call tells its own first). */
const UNTOLD_GRACE_MS = 60_000;
const DAY_MS = 24 * 60 * 60_000;

const systemStep = (kind: ReportStepDoc['kind'], at: Date, text: string): ReportStepDoc => ({ kind, at, byMemberId: null, byRole: 'system', bySurname: '', text, photos: [] });

type Counts = Record<string, number>;

/** Runs `handle` on each candidate of `read` until none is left or a page makes no progress. */
async function drain(read: () => Promise<ReportDoc[]>, handle: (r: ReportDoc) => Promise<boolean>, counts: Counts, key: string): Promise<void> {
  const seen = new Set<string>();
  for (;;) {
    const batch = (await read()).filter((r) => !seen.has(r._id));
    if (batch.length === 0) return;
    for (const r of batch) {
      seen.add(r._id);
      try {
        if (await handle(r)) counts[key] = (counts[key] ?? 0) + 1;
      } catch (err) {
        counts.failed = (counts.failed ?? 0) + 1;
        console.error(`[reports@report-clocks] ${key} of ${r._id} failed; the next run tries it again`, err);
      }
    }
  }
}

/** One conditional write of a timer change, then the report told. False when someone changed it first. */
async function change(r: ReportDoc, patch: Record<string, unknown>, step: ReportStepDoc): Promise<boolean> {
  const _ = command();
  const written = await q.updateIfVersion(r._id, r.version, { ...patch, version: r.version + 1, steps: _.push([step]), untold: true, updatedAt: step.at });
  if (!written) return false;
  const saved = await q.findReport(r._id);
  if (saved) {
    await tell(saved);
    if (saved.pointsPosted === false) await postOwedPoints(saved);
  }
  return true;
}

export async function runReportClocks(now: Date): Promise<Counts> {
  const counts: Counts = { responseOverdue: 0, resolutionOverdue: 0, autoClosed: 0, pointsPosted: 0, told: 0 };

  await drain(
    () => q.responseDue(now, BATCH),
    async (r) => {
      if (!responseOverdueNow(r, now)) return false;
      // The 总格长 joins the handlers (escalation); with no 总格长 the committee, who may always act, is told.
      // Written under the version guard, so the lists read here are the ones extended.
      const chief = r.chiefId;
      const escalate = chief && !r.handlerIds.includes(chief) ? { handlerIds: [...r.handlerIds, chief], pastHandlerIds: [...new Set([...(r.pastHandlerIds ?? []), chief])] } : {};
      return change(r, { responseOverdue: true, ...escalate }, systemStep('responseOverdue', now, `超过${r.rule.responseMinutes}分钟未响应，已转总格长跟进`));
    },
    counts,
    'responseOverdue',
  );

  await drain(
    () => q.resolutionDue(now, BATCH),
    async (r) => (resolutionOverdueNow(r, now) ? change(r, { resolutionOverdue: true }, systemStep('resolutionOverdue', now, `超过${r.rule.resolutionHours}小时未办结，已报居委关注`)) : false),
    counts,
    'resolutionOverdue',
  );

  const handlerPoints = new Map<string, number>();
  await drain(
    () => q.resolvedBefore(new Date(now.getTime() - AUTO_CLOSE_DAYS * DAY_MS), BATCH),
    async (r) => {
      if (!autoCloseNow(r, now)) return false;
      if (!handlerPoints.has(r.communityId)) handlerPoints.set(r.communityId, settingsIn(await q.findSettings(r.communityId)).handlerPoints);
      const points = pointsOnClose(r, handlerPoints.get(r.communityId)!);
      return change(r, { state: 'closed', closedAt: now, nextDueAt: null, ...points }, systemStep('closed', now, `居民${AUTO_CLOSE_DAYS}天未确认，自动办结`));
    },
    counts,
    'autoClosed',
  );

  await drain(() => q.pointsOwed(BATCH), postOwedPoints, counts, 'pointsPosted');

  await drain(
    () => q.untoldBefore(new Date(now.getTime() - UNTOLD_GRACE_MS), BATCH),
    async (r) => {
      const merged = r.steps.slice(r.toldSteps ?? 0).find((s) => s.kind === 'merged');
      if (merged) await finishMerge(r, merged);
      await tell(r);
      return true;
    },
    counts,
    'told',
  );
  return counts;
}
