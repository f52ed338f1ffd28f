import { OPEN_REPORT_STATES, type ReportFigures } from '../../src/shared/domain/report';
import {
  monthCohort,
  monthFigures,
  NO_GRID_NAME,
  reportsCsv,
  reportsCsvFileName,
  type CsvRecord,
  type FigureNames,
  type FigureRecord,
} from '../../src/shared/rules/report-figures';
import { monthsRange } from '../../src/shared/time';
import { authorize } from '../_core/authorize';
import { loadCaller } from '../_core/caller';
import { COLLECTIONS } from '../_core/collections';
import { command, getDb } from '../_core/db';
import type { CallContext } from '../_core/router';
import { settingsIn, type ReportDoc, type ReportSettingsDoc } from './reports.model';
import type { In, Out } from './reports.types';
import { placeText } from './reports.views';

/**
 * The month figures of 一键上报 (committee), its CSV (committee) and the 街道's overview per 居民区. The counting is
 * the pure rules of src/shared/rules/report-figures.ts; here are only the reads, each projected to the fields the
 * rules need (never the reporter, the followers' ids or the timeline, and for the 街道 never the text either).
 */

/** The most one get answers (CloudBase's cap), so the size of a page of the month's reports. */
export const FIGURES_PAGE = 1000;

/** What the figures read of a report. */
const FIGURE_FIELDS = {
  communityId: true,
  state: true,
  categoryKey: true,
  categoryName: true,
  gridId: true,
  filedAt: true,
  clockStartedAt: true,
  respondedAt: true,
  resolvedAt: true,
  responseDueAt: true,
  resolutionDueAt: true,
  responseOverdue: true,
  resolutionOverdue: true,
  reopenCount: true,
  // The stars only: the resident's comment is their words.
  'rating.stars': true,
} as const;

/** And what the CSV reads besides (the place and the words, the followers only to count them; no reporter). */
const CSV_FIELDS = { ...FIGURE_FIELDS, number: true, place: true, text: true, closedAt: true, followers: true } as const;

type FigureRow = Pick<ReportDoc, '_id' | Exclude<keyof typeof FIGURE_FIELDS, 'rating.stars'>> & { rating?: { stars?: number } | null };
type CsvRow = FigureRow & Pick<ReportDoc, Exclude<keyof typeof CSV_FIELDS, keyof typeof FIGURE_FIELDS>>;

const date = (v: Date | string | null | undefined): Date | null => (v ? new Date(v) : null);

function toRecord(r: FigureRow): FigureRecord {
  return {
    state: r.state,
    categoryKey: r.categoryKey,
    categoryName: r.categoryName,
    gridId: r.gridId ?? null,
    filedAt: new Date(r.filedAt),
    clockStartedAt: date(r.clockStartedAt),
    respondedAt: date(r.respondedAt),
    resolvedAt: date(r.resolvedAt),
    responseDueAt: date(r.responseDueAt),
    resolutionDueAt: date(r.resolutionDueAt),
    responseOverdue: r.responseOverdue === true,
    resolutionOverdue: r.resolutionOverdue === true,
    reopenCount: r.reopenCount ?? 0,
    stars: r.rating?.stars ?? null,
  };
}

/**
 * Every report of `communityIds` filed in the month, `fields` only, oldest first: pages of FIGURES_PAGE in sequence,
 * each after the last filing time read (ids already read at that very time left out), so a page is never read
 * twice and nothing is skipped. Round trips: the month's reports / 1000, rounded up (one more when it divides).
 */
async function monthReports<T extends { _id: string; filedAt: Date }>(
  communityIds: readonly string[],
  month: string,
  fields: Record<string, true>,
): Promise<T[]> {
  const _ = command();
  const { start, end } = monthsRange(month, month);
  const community = communityIds.length === 1 ? communityIds[0]! : _.in([...communityIds]);
  const rows: T[] = [];
  let from = start;
  let seenAtFrom: string[] = [];
  for (;;) {
    const res = await getDb()
      .collection(COLLECTIONS.reports)
      .where({ communityId: community, filedAt: _.gte(from).and(_.lt(end)), ...(seenAtFrom.length ? { _id: _.nin(seenAtFrom) } : {}) })
      .field(fields)
      .orderBy('filedAt', 'asc')
      .limit(FIGURES_PAGE)
      .get();
    const page = res.data as T[];
    rows.push(...page);
    if (page.length < FIGURES_PAGE) return rows;
    const last = new Date(page.at(-1)!.filedAt).getTime();
    const atLast = page.filter((r) => new Date(r.filedAt).getTime() === last).map((r) => r._id);
    seenAtFrom = last === from.getTime() ? [...seenAtFrom, ...atLast] : atLast;
    from = new Date(last);
  }
}

/** Open reports past a clock, per 居民区, whatever month they were filed in. One aggregate. */
async function overdueNowOf(communityIds: readonly string[]): Promise<Map<string, number>> {
  const _ = command();
  const $ = _.aggregate;
  const res = await getDb()
    .collection(COLLECTIONS.reports)
    .aggregate()
    .match(_.and([
      { communityId: _.in([...communityIds]), state: _.in([...OPEN_REPORT_STATES]) },
      _.or([{ responseOverdue: true }, { resolutionOverdue: true }]),
    ]))
    .group({ _id: '$communityId', n: $.sum(1) })
    .limit(communityIds.length)
    .end();
  return new Map((res.data as { _id: string; n: number }[]).map((r) => [r._id, r.n]));
}

/** The categories and grids of each 居民区, in their order (names only). Two requests, in parallel. */
async function figureNamesOf(communityIds: readonly string[]): Promise<Map<string, FigureNames>> {
  const _ = command();
  const ids = [...communityIds];
  const [settingsRes, gridsRes] = await Promise.all([
    getDb().collection(COLLECTIONS.reportSettings).where({ _id: _.in(ids) }).field({ categories: true }).limit(ids.length).get(),
    getDb()
      .collection(COLLECTIONS.grids)
      .where({ communityId: _.in(ids) })
      .field({ communityId: true, name: true, order: true })
      .orderBy('order', 'asc')
      .limit(1000)
      .get(),
  ]);
  const settings = new Map((settingsRes.data as Pick<ReportSettingsDoc, '_id' | 'categories'>[]).map((s) => [s._id, s]));
  const grids = gridsRes.data as { _id: string; communityId: string; name: string }[];
  return new Map(
    ids.map((id) => {
      // A 居民区 that never saved its settings uses the default categories.
      const categories = settings.get(id)?.categories ?? settingsIn(null).categories;
      return [id, { categories, grids: grids.filter((g) => g.communityId === id).map((g) => ({ id: g._id, name: g.name })) }];
    }),
  );
}

function figuresOf(month: string, communityId: string, rows: readonly FigureRow[], names: Map<string, FigureNames>, overdue: Map<string, number>): ReportFigures {
  const records = rows.filter((r) => r.communityId === communityId).map(toRecord);
  return monthFigures(month, records, names.get(communityId) ?? { categories: [], grids: [] }, overdue.get(communityId) ?? 0);
}

/**
 * The committee's month figures. Round trips: 1 (the caller) + 1 (in parallel: settings, grids, overdue count and
 * the first page of the month's reports) + one per further 1000 reports of the month.
 */
export async function figures(input: In<'figures'>, { identity }: CallContext): Out<'figures'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'reports.manage', { communityId: caller.communityId });
  const ids = [caller.communityId!];
  const [rows, names, overdue] = await Promise.all([monthReports<FigureRow>(ids, input.month, FIGURE_FIELDS), figureNamesOf(ids), overdueNowOf(ids)]);
  return figuresOf(input.month, ids[0]!, rows, names, overdue);
}

/** The month's reports as CSV for the committee, no phone numbers. Round trips: as `figures`, less the overdue count. */
export async function exportCsv(input: In<'exportCsv'>, { identity }: CallContext): Out<'exportCsv'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'reports.manage', { communityId: caller.communityId });
  const ids = [caller.communityId!];
  const [rows, names] = await Promise.all([monthReports<CsvRow>(ids, input.month, CSV_FIELDS), figureNamesOf(ids)]);
  const gridName = new Map(names.get(ids[0]!)!.grids.map((g) => [g.id, g.name]));
  const records: CsvRecord[] = monthCohort(
    input.month,
    rows.map((r) => ({
      ...toRecord(r),
      number: r.number,
      placeText: placeText(r),
      gridName: r.gridId ? gridName.get(r.gridId) ?? r.gridId : NO_GRID_NAME,
      text: r.text,
      closedAt: date(r.closedAt),
      followers: r.followers?.length ?? 0,
    })),
  );
  return { fileName: reportsCsvFileName(input.month), csv: reportsCsv(input.month, records) };
}

/**
 * The 街道's month figures per 居民区 of the street, no personal detail (counts, categories and grid names only; the
 * reads never touch a reporter, a follower, a text or a place). Round trips: 1 (the caller) + 1 (its 居民区) + 1 (in
 * parallel: settings, grids, overdue counts, the first page) + one per further 1000 reports of the month over the street.
 */
export async function street(input: In<'street'>, { identity }: CallContext): Out<'street'> {
  const caller = await loadCaller(identity);
  authorize(caller, 'reports.viewStreet', { streetId: caller.streetId });
  const res = await getDb()
    .collection(COLLECTIONS.communities)
    .where({ streetId: caller.streetId! })
    .field({ name: true, order: true })
    .orderBy('order', 'asc')
    .limit(1000)
    .get();
  const communities = res.data as { _id: string; name: string }[];
  if (communities.length === 0) return { items: [] };
  const ids = communities.map((c) => c._id);
  const [rows, names, overdue] = await Promise.all([monthReports<FigureRow>(ids, input.month, FIGURE_FIELDS), figureNamesOf(ids), overdueNowOf(ids)]);
  return {
    items: communities.map((c) => ({ communityId: c._id, communityName: c.name, figures: figuresOf(input.month, c._id, rows, names, overdue) })),
  };
}
