/** What every bench shares: percentiles, and running one bench file on its own (`npx tsx tests/bench/<name>.bench.ts`). */

export type Figures = Record<string, number | string>;

/** The p-th percentile of ascending `sorted` (NaN for none). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Prints a bench's figures and exits: for a bench file run directly rather than through tests/bench/run.ts. */
export function runStandalone(bench: () => Promise<Figures>): void {
  bench().then(
    (figures) => {
      for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(56)} ${typeof v === 'number' ? v.toFixed(2) : v}`);
      process.exit(0);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
