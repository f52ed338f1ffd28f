import { metClocks } from '../../src/shared/rules/report-clock';
import { postEntry } from '../_core/ledger';
import { postedNow } from '../_core/posted-for';
import type { ReportDoc } from './reports.model';
import * as q from './reports.queries';

/**
 * Handler points: a report closed within both clocks earns its resolver the 居民区's handlerPoints, once. The closing
 * write fixes the points and marks them owed (`pointsPosted: false`); posting goes through the ledger under a key
 * from the report (a deterministic entry id, so a retry or the timer racing the closing call posts once), then the
 * mark is set. Round trips: the ledger's transaction (5 + commit) + 1 (the mark).
 */

/** What the closing write sets about points. */
export function pointsOnClose(r: ReportDoc, handlerPoints: number): { pointsPosted: boolean | null; points: number } {
  return handlerPoints > 0 && r.resolvedBy && metClocks(r) ? { pointsPosted: false, points: handlerPoints } : { pointsPosted: null, points: 0 };
}

export async function postOwedPoints(r: ReportDoc): Promise<boolean> {
  if (r.pointsPosted !== false || !r.resolvedBy || !(r.points > 0)) return false;
  const posting = { communityId: r.communityId, memberId: r.resolvedBy, source: 'report' as const, sourceId: r._id };
  const posted = await postEntry({
    key: `report:${r._id}`,
    ...posting,
    halfHours: 0,
    points: r.points,
    reason: `处理上报 ${r.number}（${r.categoryName}）`,
    by: r.reporterId,
    at: r.closedAt ?? r.updatedAt,
  });
  postedNow(posted, posting);
  await q.updateIf(r._id, { pointsPosted: false }, { pointsPosted: true });
  return true;
}
