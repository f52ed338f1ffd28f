/** Subscribe messages go out this many at a time: quick enough for a 500-resident grid, gentle on the database. */
export const SEND_CONCURRENCY = 20;

/** Runs `run` over `items`, `size` at a time, answering the results in order. */
export async function inBatches<T, R>(items: T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return out;
}
