import type { StationView } from '../../../../src/shared/domain/checkin';
import { scenario, type CrashScenario } from '../../../support/crash-matrix';
import type { Harness } from '../../../support/harness';
import { addEvent, addVolunteers, signUp, type Volunteer } from '../../checkin/fixtures';

/**
 * The checkin function's writing actions for the crash matrix (issue 15, docs/crash-safety.md). A check-in or
 * check-out is one write (the first stands, by the attendance's id and the request's nonce); the station saves a long
 * event id's handle once; confirmation is a chain of idempotent steps (adjustments and no-shows by the attendance's
 * id, each posting by its ledger key in the ledger's transaction, each attendance marked confirmed once). A wrong
 * typed code answers an error by design, which the matrix takes for a failed clean run: its crash points are in
 * tests/integration/checkin/wrong-code-crash.test.ts.
 */

const EVENT = 'ev-crash-checkin';
/** Long enough that the station's token needs its scene form, saved as a handle. */
const LONG_EVENT = 'cm-baiyu1-ev-crash-station-with-a-long-request-id';
const MINUTE = 60_000;

interface One {
  v: Volunteer;
}

/** A volunteer of 白玉一居 signed up for an event starting in 10 minutes (check-in open). */
async function oneSignedUp(h: Harness, eventId = EVENT): Promise<One> {
  const now = h.stack.clock.now();
  const [v] = await addVolunteers('crash-ci', 1, now);
  await addEvent(eventId, now);
  await signUp(eventId, [v!.memberId], now);
  return { v: v! };
}

const station = (h: Harness, eventId: string, kind: 'in' | 'out') => h.call<StationView>('checkin', 'station', { eventId, kind }, h.identities.committee);

/** Runs `work` with the clock moved by `ms` (negative: in the past), then puts it back. */
async function at<T>(h: Harness, ms: number, work: () => Promise<T>): Promise<T> {
  h.stack.clock.offsetMs += ms;
  try {
    return await work();
  } finally {
    h.stack.clock.offsetMs -= ms;
  }
}

interface Ended {
  people: Volunteer[];
}

/**
 * An event that ended 60 minutes ago: three signed up; during it the first two checked in, and the first checked out.
 */
async function ended(h: Harness): Promise<Ended> {
  const now = h.stack.clock.now();
  const people = await addVolunteers('crash-done', 3, now);
  await addEvent(EVENT, now, { startsInMinutes: -180, hours: 2 });
  await signUp(EVENT, people.map((p) => p.memberId), now);
  await at(h, -170 * MINUTE, async () => {
    const { token } = await station(h, EVENT, 'in');
    for (const p of people.slice(0, 2)) await h.call('checkin', 'scan', { token, nonce: `crash-in-${p.openid}` }, p.openid);
  });
  await at(h, -75 * MINUTE, async () => {
    const { token } = await station(h, EVENT, 'out');
    await h.call('checkin', 'scan', { token, nonce: 'crash-out-0' }, people[0]!.openid);
  });
  return { people };
}

export const scenarios: CrashScenario[] = [
  scenario({
    name: 'checkin.scan (checking in)',
    fn: 'checkin',
    action: 'scan',
    setup: async (h) => ({ ...(await oneSignedUp(h)), token: (await station(h, EVENT, 'in')).token }),
    caller: (c: One & { token: string }) => c.v.openid,
    payload: (c: One & { token: string }) => ({ token: c.token, nonce: 'crash-scan-in' }),
  }),
  scenario({
    name: 'checkin.scan (checking out)',
    fn: 'checkin',
    action: 'scan',
    setup: async (h) => {
      const one = await oneSignedUp(h);
      await h.call('checkin', 'scan', { token: (await station(h, EVENT, 'in')).token, nonce: 'crash-setup-in' }, one.v.openid);
      return { ...one, token: (await station(h, EVENT, 'out')).token };
    },
    caller: (c: One & { token: string }) => c.v.openid,
    payload: (c: One & { token: string }) => ({ token: c.token, nonce: 'crash-scan-out' }),
  }),
  scenario({
    name: 'checkin.typeCode (the right code)',
    fn: 'checkin',
    action: 'typeCode',
    setup: async (h) => ({ ...(await oneSignedUp(h)), code: (await station(h, EVENT, 'in')).shortCode }),
    caller: (c: One & { code: string }) => c.v.openid,
    payload: (c: One & { code: string }) => ({ eventId: EVENT, code: c.code, nonce: 'crash-type-in' }),
  }),
  scenario({
    name: 'checkin.scanPass (the organizer scans a pass)',
    fn: 'checkin',
    action: 'scanPass',
    caller: 'committee',
    setup: async (h) => {
      const one = await oneSignedUp(h);
      return { ...one, token: (await h.call<{ token: string }>('checkin', 'pass', { eventId: EVENT }, one.v.openid)).token };
    },
    payload: (c: One & { token: string }) => ({ eventId: EVENT, kind: 'in', token: c.token, nonce: 'crash-pass-in' }),
  }),
  scenario({
    name: 'checkin.station (a long event id saves its handle)',
    fn: 'checkin',
    action: 'station',
    caller: 'committee',
    setup: (h) => oneSignedUp(h, LONG_EVENT),
    payload: () => ({ eventId: LONG_EVENT, kind: 'in' }),
  }),
  scenario({
    name: 'checkin.confirm (an adjustment, a no-show, hours posted)',
    fn: 'checkin',
    action: 'confirm',
    caller: 'committee',
    setup: ended,
    payload: (c: Ended) => ({ eventId: EVENT, adjustments: [{ memberId: c.people[1]!.memberId, halfHours: 3, reason: '提前半小时离开' }] }),
  }),
];
