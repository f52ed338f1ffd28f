import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import type { EventInput } from '../../../src/shared/actions/events';
import type { FaultMode } from '../../../emulator/gateway';
import { startHarness, type Harness } from '../../support/harness';
import { addMember } from '../honours/support';

/**
 * A call can die between any two of its writes (issue 15). For each sign-up action: die after each of its writes in
 * turn (the emulator's crash switch), retry it, and the end state equals a clean run's: every role's taken count
 * equals its confirmed sign-ups (no place leaked, none oversold), nobody promoted is left untold. (Whether a message
 * handed to the messaging is then sent exactly once is the messaging's own matter: the crash matrix checks it.)
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.reset());

const DAY = 24 * 3600 * 1000;

function draft(places: number): EventInput {
  const now = h.stack.clock.nowMs();
  return {
    title: '楼道绿化养护',
    description: '',
    type: '绿化养护',
    place: '3号楼门口',
    cover: '',
    startAt: new Date(now + 3 * DAY).toISOString(),
    endAt: new Date(now + 3 * DAY + 2 * 3600 * 1000).toISOString(),
    audience: { kind: 'community' },
    signupOpensAt: new Date(now - DAY).toISOString(),
    signupClosesAt: new Date(now + 2 * DAY).toISOString(),
    roles: [{ key: 'helper', name: '志愿者', places, skills: [] }],
  };
}

interface World {
  eventId: string;
  people: { openid: string; memberId: string }[];
}

/** An event with `places` places and `signed` people signed up in order (the rest of `people` not yet). */
async function world(places: number, people: number, signed: number): Promise<World> {
  const event = (await h.call('events', 'create', { event: draft(places), requestId: 'req-crash' }, h.identities.committee)).event;
  const list = await Promise.all(Array.from({ length: people }, (_, i) => addMember(h, `crash-${i}`, `志愿者${i}`)));
  for (const p of list.slice(0, signed)) await h.call('events', 'signUp', { eventId: event.id, roleKey: 'helper' }, p.openid);
  return { eventId: event.id, people: list };
}

/** What must come out the same: the event's counts and every sign-up's state, plus proxy records and messages. */
async function state(eventId: string) {
  const event = (await getDb().collection(COLLECTIONS.events).doc(eventId).get()).data[0];
  const signups = (await getDb().collection(COLLECTIONS.eventSignups).where({ eventId }).limit(1000).get()).data as Record<string, unknown>[];
  const proxies = (await getDb().collection(COLLECTIONS.proxyLog).limit(1000).get()).data as Record<string, unknown>[];
  return {
    roles: event.roles.map((r: { key: string; taken: number }) => ({ key: r.key, taken: r.taken })),
    signupSeq: event.signupSeq,
    signups: signups
      .map((s) => ({ _id: s._id, status: s.status, seq: s.seq, byProxy: s.byProxy ?? null, untold: s.promotionUntold ?? false }))
      .sort((a, b) => String(a._id).localeCompare(String(b._id))),
    proxies: proxies.map((p) => p._id).sort(),
  };
}

/** Places never leak nor oversell: taken = confirmed sign-ups, and no place free while someone waits. */
function expectConsistent(s: Awaited<ReturnType<typeof state>>, places: number): void {
  const confirmed = s.signups.filter((x) => x.status === 'confirmed').length;
  const waiting = s.signups.filter((x) => x.status === 'waiting').length;
  expect(s.roles[0].taken).toBe(confirmed);
  expect(confirmed).toBeLessThanOrEqual(places);
  if (waiting > 0) expect(confirmed).toBe(places);
}

interface Case {
  name: string;
  places: number;
  people: number;
  signed: number;
  /** The places after the call, when it changes them. */
  after?: number;
  /** Done once before the call (not faulted). */
  before?(w: World): Promise<void>;
  call(w: World): Promise<unknown>;
}

const CASES: Case[] = [
  { name: 'a sign-up into a place', places: 2, people: 1, signed: 0, call: (w) => h.invoke('events', { action: 'signUp', payload: { eventId: w.eventId, roleKey: 'helper' } }, w.people[0]!.openid) },
  { name: 'a sign-up onto the waiting list', places: 1, people: 2, signed: 1, call: (w) => h.invoke('events', { action: 'signUp', payload: { eventId: w.eventId, roleKey: 'helper' } }, w.people[1]!.openid) },
  {
    name: 'a grid leader signing up a resident',
    places: 2,
    people: 0,
    signed: 0,
    call: (w) => h.invoke('events', { action: 'signUp', payload: { eventId: w.eventId, roleKey: 'helper', forMemberId: h.memberIdOf('resident') } }, h.identities.gridLeader),
  },
  { name: 'a cancellation that frees a place', places: 2, people: 1, signed: 1, call: (w) => h.invoke('events', { action: 'cancelSignup', payload: { eventId: w.eventId } }, w.people[0]!.openid) },
  {
    name: 'a cancellation that promotes the first waiting person, who is told',
    places: 1,
    people: 3,
    signed: 3,
    before: async (w) => {
      await h.call('members', 'grantSubscriptions', { requestId: 'tap-promoted', templates: ['event-promoted'] }, w.people[1]!.openid);
      h.stack.wechat.messages.length = 0;
    },
    call: (w) => h.invoke('events', { action: 'cancelSignup', payload: { eventId: w.eventId } }, w.people[0]!.openid),
  },
  {
    name: 'more places, which move the waiting list up',
    places: 1,
    after: 3,
    people: 3,
    signed: 3,
    call: (w) => h.invoke('events', { action: 'update', payload: { eventId: w.eventId, event: draft(3) } }, h.identities.committee),
  },
];

describe.each(CASES)('$name', (c) => {
  it('dies after each of its writes in turn (crashed, or refused): no place leaks, and a retry ends as a clean run does', async () => {
    const w = await world(c.places, c.people, c.signed);
    await c.before?.(w);
    h.faults.count();
    expect(await c.call(w)).toMatchObject({ ok: true });
    const points = h.faults.writes;
    h.faults.reset();
    const clean = await state(w.eventId);
    expectConsistent(clean, c.after ?? c.places);
    for (let k = 1; k <= points; k += 1) {
      for (const mode of ['crash', 'fail'] as FaultMode[]) {
        await h.reset();
        const again = await world(c.places, c.people, c.signed);
        await c.before?.(again);
        h.faults.arm({ at: k, mode });
        const died = c.call(again);
        await Promise.race([died, h.faults.whenTripped()]);
        expect([k, mode, h.faults.tripped]).toEqual([k, mode, true]);
        // A refused write of the change itself fails the call; a refused write of the message outbox does not (the
        // outbox keeps the message and retries it), so only the final state is asserted.
        if (mode === 'fail') await died;
        expect(await c.call(again)).toMatchObject({ ok: true });
        expect([k, mode, await state(again.eventId)]).toEqual([k, mode, clean]);
      }
    }
  }, 120_000);
});
