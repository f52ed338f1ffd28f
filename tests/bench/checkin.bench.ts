/**
 * Check-in at a large event: 500 signed-up volunteers scanning the station code within 60 s, in bursts of 100
 * concurrent scans, through the real `checkin` function and SDK against the in-memory emulator. Figures: throughput,
 * p50/p99 (ms), lost and duplicate check-ins (both must be 0), and database round trips per check-in (requests reaching
 * the gateway, counted by wrapping its HTTP listener). Also runnable alone: `npx tsx tests/bench/checkin.bench.ts`.
 */
import { performance } from 'perf_hooks';
import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { getDb } from '../../cloudfunctions/_core/db';
import { DEMO_PEOPLE } from '../../emulator/seed/demo-data';
import type { StationView } from '../../src/shared/domain/checkin';
import { addEvent, addVolunteers, nonce, signUp } from '../integration/checkin/fixtures';
import { percentile, runStandalone, withCountingStack } from './support';

const VOLUNTEERS = 500;
const BURST = 100;
const WINDOW_MS = 60_000;


export async function bench(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  await withCountingStack(async ({ stack, requests }) => {
    const committee = DEMO_PEOPLE.find((p) => p.key === 'committee')!.openid;
    const now = stack.clock.now();
    const people = await addVolunteers('bench-volunteer', VOLUNTEERS, now);
    await addEvent('bench-event', now);
    await signUp('bench-event', people.map((p) => p.memberId), now);
    const call = (fn: string, action: string, payload: unknown, openid: string) => stack.host.invoke(fn, { action, payload }, { openid });
    const station = async () => ((await call('checkin', 'station', { eventId: 'bench-event', kind: 'in' }, committee)) as { data: StationView }).data;

    const times: number[] = [];
    let failed = 0;
    let scanTrips = 0;
    let scanningMs = 0;
    const start = performance.now();
    const gap = WINDOW_MS / (VOLUNTEERS / BURST);
    for (let b = 0; b < VOLUNTEERS / BURST; b += 1) {
      // Each burst scans the code the station shows at that moment, as people arriving together do.
      const burstStart = performance.now();
      const { token } = await station();
      const burstTrips = requests();
      const scanStart = performance.now();
      await Promise.all(
        people.slice(b * BURST, (b + 1) * BURST).map(async (p) => {
          const t = performance.now();
          const res = (await call('checkin', 'scan', { token, nonce: nonce() }, p.openid)) as { ok: boolean; data?: { outcome: string } };
          if (!res.ok || res.data?.outcome !== 'done') failed += 1;
          times.push(performance.now() - t);
        }),
      );
      scanningMs += performance.now() - scanStart;
      scanTrips += requests() - burstTrips;
      // Spread the bursts over the minute, as at a real gate; a slow burst simply starts the next one late.
      const rest = gap - (performance.now() - burstStart);
      if (b < VOLUNTEERS / BURST - 1 && rest > 0) await new Promise((r) => setTimeout(r, Math.min(rest, 1_000)));
    }
    const elapsed = performance.now() - start;
    times.sort((a, b) => a - b);
    const docs = (await getDb().collection(COLLECTIONS.attendance).where({ eventId: 'bench-event' }).limit(1000).get()).data as { memberId: string }[];
    const distinct = new Set(docs.map((d) => d.memberId));
    out['volunteers'] = VOLUNTEERS;
    out['bursts of concurrent scans'] = `${VOLUNTEERS / BURST} x ${BURST}`;
    out['all 500 checked in after s (budget 60 s; bursts start at most 1 s apart here)'] = elapsed / 1000;
    out['throughput check-ins/s (while a burst is scanning)'] = VOLUNTEERS / (scanningMs / 1000);
    out['scan p50 ms'] = percentile(times, 50);
    out['scan p99 ms'] = percentile(times, 99);
    out['failed scans'] = failed;
    out['lost check-ins'] = VOLUNTEERS - distinct.size;
    out['duplicate check-ins'] = docs.length - distinct.size;
    out['database round trips per check-in'] = scanTrips / VOLUNTEERS;
  });
  return out;
}

if (require.main === module) runStandalone(bench);
