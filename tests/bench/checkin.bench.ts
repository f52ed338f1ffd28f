/**
 * Check-in at a large event: 500 signed-up volunteers scanning the station code within 60 s, in bursts of 100
 * concurrent scans, through the real `checkin` function and SDK against the in-memory emulator. Figures: throughput,
 * p50/p99 (ms), lost and duplicate check-ins (both must be 0), and database round trips per check-in (requests reaching
 * the gateway, counted by wrapping its HTTP listener). Then 100 of them type the 6-character code at a second event at
 * once (checkin.typeCode: latency and round trips, budget 3), and the station's count poll (checkin.counts). Also runnable alone: `npx tsx tests/bench/checkin.bench.ts`.
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
const TYPED = 100;
const POLLS = 20;


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

    // The same people at a second event, typing the station's 6-character code instead of scanning (no camera):
    // one burst of 100 at once, then the station's count as its poll asks for it.
    await addEvent('bench-typed', now);
    const typers = people.slice(0, TYPED);
    await signUp('bench-typed', typers.map((p) => p.memberId), now);
    const { shortCode } = ((await call('checkin', 'station', { eventId: 'bench-typed', kind: 'in' }, committee)) as { data: StationView }).data;
    const typedTimes: number[] = [];
    let typedFailed = 0;
    const typedBefore = requests();
    await Promise.all(
      typers.map(async (p) => {
        const t = performance.now();
        const res = (await call('checkin', 'typeCode', { eventId: 'bench-typed', code: shortCode, nonce: nonce() }, p.openid)) as { ok: boolean; data?: { outcome: string } };
        if (!res.ok || res.data?.outcome !== 'done') typedFailed += 1;
        typedTimes.push(performance.now() - t);
      }),
    );
    const typedTrips = requests() - typedBefore;
    typedTimes.sort((a, b) => a - b);
    const pollTimes: number[] = [];
    const pollBefore = requests();
    for (let i = 0; i < POLLS; i += 1) {
      const t = performance.now();
      const res = (await call('checkin', 'counts', { eventId: 'bench-typed' }, committee)) as { ok: boolean; data?: { counts: { present: number } } };
      if (!res.ok || res.data?.counts.present !== TYPED - typedFailed) throw new Error('checkin.counts answered a wrong count');
      pollTimes.push(performance.now() - t);
    }
    const pollTrips = (requests() - pollBefore) / POLLS;
    pollTimes.sort((a, b) => a - b);
    out[`typed-code check-ins (${TYPED} at once)`] = TYPED;
    out['typed-code failed'] = typedFailed;
    out['typed-code p50 ms'] = percentile(typedTimes, 50);
    out['typed-code p99 ms'] = percentile(typedTimes, 99);
    out['database round trips per typed-code check-in (budget 3)'] = typedTrips / TYPED;
    out['station count poll (checkin.counts) p50 ms'] = percentile(pollTimes, 50);
    out['station count poll database round trips'] = pollTrips;
  });
  return out;
}

if (require.main === module) runStandalone(bench);
