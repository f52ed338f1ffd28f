/** Subscribe messages go out this many at a time: quick enough for a 500-resident grid, gentle on the database. */
export const SEND_CONCURRENCY = 20;

/** Runs `run` over chunks of `items`, `size` at a time and one chunk after another, answering the results in order. */
export async function inChunks<T, R>(items: T[], size: number, run: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await run(items.slice(i, i + size))));
  return out;
}

