import { startHarness, type Harness } from '../../support/harness';
import { countingRequests } from '../../support/request-count';
import { allow, draft, fileReport, freeze, MINUTE, rid, setNow } from './support';

/**
 * The database requests the reports function makes, counted at the gateway: every database call the SDK sends is one
 * HTTP request (two sent side by side are two requests, one wait). The figures the service comments state.
 */
let h: Harness;
const { counted } = countingRequests();

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});
beforeEach(async () => {
  await h.reset();
  h.stack.clock.frozenAtMs = null;
});


it('file, queue, get, accept and the timer per escalated report', async () => {
  const t0 = freeze(h);
  const figures: Record<string, number> = {};
  // Filing with nobody to message (the leader allowed nothing): caller, 4 reads side by side, insert, the outbox's
  // person read (no quota: nothing queued), the untold mark cleared.
  figures.fileSilent = (await counted(() => fileReport(h, h.identities.resident))).trips;
  await allow(h, [h.identities.gridLeader], ['report-assigned']);
  const told = await counted(() => fileReport(h, h.identities.resident, { building: '4号楼' }));
  figures.fileTold = told.trips;
  figures.fileRetry = (await counted(() => h.call('reports', 'file', { report: draft(), requestId: 'round-trip-retry' }, h.identities.resident))).trips;
  figures.queue = (await counted(() => h.call('reports', 'queue', {}, h.identities.gridLeader))).trips;
  figures.get = (await counted(() => h.call('reports', 'get', { reportId: told.result.id }, h.identities.gridLeader))).trips;
  figures.accept = (await counted(() => h.call('reports', 'accept', { reportId: told.result.id, version: 0, message: '收到', requestId: rid() }, h.identities.gridLeader))).trips;
  setNow(h, t0 + 15 * MINUTE);
  const idle = await counted(() => h.timer('reports', 'report-clocks'));
  figures.timerTwoEscalations = idle.trips;
  figures.timerIdle = (await counted(() => h.timer('reports', 'report-clocks'))).trips;
  console.log(`reports database requests: ${JSON.stringify(figures)}`);
  expect(idle.result).toMatchObject({ responseOverdue: 2 });
  // Requests, not waits: the filing's five reads go side by side (one wait), so a silent filing waits 8 times
  // (caller, reads, insert, the handler's person, the outbox transaction's start, 2 reads and its end, the mark).
  expect(figures).toEqual({ fileSilent: 13, fileTold: 16, fileRetry: 13, queue: 4, get: 5, accept: 14, timerTwoEscalations: 22, timerIdle: 5 });
});
