import { spawnSync } from 'child_process';

/** Median wall time of `require(target)` in a fresh Node process, in ms. */
export function coldRequireMs(target: string, cwd: string, runs = 5): number {
  const script = `const t=process.hrtime.bigint();require(${JSON.stringify(target)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const res = spawnSync(process.execPath, ['-e', script], { cwd, encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`require(${target}) failed: ${res.stderr}`);
    times.push(Number(res.stdout));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
