import { PAGE_SIZE } from '../../src/shared/result';

/** Lists are read a page at a time, with one row more than a page to know whether more follow. */
export const PAGE_FETCH = PAGE_SIZE + 1;

/** How many rows come before `page` (1-based). */
export function pageStart(page: number): number {
  return (page - 1) * PAGE_SIZE;
}

/** A page of rows read with PAGE_FETCH: the extra row only says that more follow. */
export function toPage<T>(rows: T[]): { rows: T[]; hasMore: boolean } {
  return { rows: rows.slice(0, PAGE_SIZE), hasMore: rows.length > PAGE_SIZE };
}
