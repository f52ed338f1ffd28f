import config from '../../../../cloudfunctions/events/config.json';
import type { EventInput } from '../../../../src/shared/actions/events';
import type { TemplateKey } from '../../../../src/shared/subscriptions';
import { DEMO_PEOPLE } from '../../../../emulator/seed/demo-data';
import { demoMemberId } from '../../../../emulator/seed/seed';
import { FROZEN_AT, scenario, type CrashScenario } from '../../../support/crash-matrix';
import type { Harness } from '../../../support/harness';
import { addMember } from '../../honours/support';

/**
 * The events function's writing actions and its reminder timer for the crash matrix (issue 15, docs/crash-safety.md):
 * a row per path where an action has several (a sign-up into a place or onto the waiting list, for oneself or for a
 * resident, again after a cancellation; a cancellation that frees a place or hands it to the first waiting person).
 * Setups go through real calls; people who are told something allowed that message first, so a message sent twice or
 * never shows in the comparison.
 */

const TRIGGERS: string[] = config.triggers.map((t) => t.name);
const HOUR = 3600_000;
const DAY = 24 * HOUR;

function draft(h: Harness, places: number, extra: Partial<EventInput> = {}, startsIn = 3 * DAY): EventInput {
  const now = h.stack.clock.nowMs();
  return {
    title: '楼道绿化养护',
    description: '一起给楼道的花草浇水修剪',
    type: '绿化养护',
    place: '3号楼门口',
    cover: '',
    startAt: new Date(now + startsIn).toISOString(),
    endAt: new Date(now + startsIn + 2 * HOUR).toISOString(),
    audience: { kind: 'community' },
    signupOpensAt: new Date(now - DAY).toISOString(),
    signupClosesAt: new Date(now + startsIn - HOUR).toISOString(),
    roles: [{ key: 'helper', name: '志愿者', places, skills: [] }],
    ...extra,
  };
}

interface World {
  eventId: string;
  /** openids and member ids of the volunteers, the same every run. */
  people: { openid: string; memberId: string }[];
}

/**
 * An event with `places` places, `count` volunteers of 白玉一居 and the first `signed` of them signed up in order; those
 * in `allowed` allowed `template` once.
 */
async function world(h: Harness, o: { places: number; count: number; signed: number; allowed?: number[]; template?: TemplateKey; startsIn?: number }): Promise<World> {
  const event = (await h.call('events', 'create', { event: draft(h, o.places, {}, o.startsIn), requestId: 'crash-setup-event' }, h.identities.committee)).event;
  const people = await Promise.all(Array.from({ length: o.count }, (_, i) => addMember(h, `crash-ev-${i}`, `志愿者${i + 1}`)));
  for (const p of people.slice(0, o.signed)) await h.call('events', 'signUp', { eventId: event.id, roleKey: 'helper' }, p.openid);
  for (const i of o.allowed ?? []) {
    await h.call('members', 'grantSubscriptions', { requestId: `crash-grant-${i}`, templates: [o.template!] }, people[i]!.openid);
  }
  return { eventId: event.id, people };
}

/** What the platform does next: the function's subscribe-message outbox timer, where it has one. */
async function outbox(h: Harness): Promise<void> {
  if (TRIGGERS.includes('message-outbox')) await h.timer('events', 'message-outbox');
}

/** The matrix freezes the clock, so a payload's times can be fixed: three days after the frozen instant. */

const FIXED_START = FROZEN_AT + 3 * DAY;
const FIXED_EVENT: EventInput = {
  title: '楼道绿化养护',
  description: '一起给楼道的花草浇水修剪',
  type: '绿化养护',
  place: '3号楼门口',
  cover: '',
  startAt: new Date(FIXED_START).toISOString(),
  endAt: new Date(FIXED_START + 2 * HOUR).toISOString(),
  audience: { kind: 'community' },
  signupOpensAt: new Date(FROZEN_AT - DAY).toISOString(),
  signupClosesAt: new Date(FIXED_START - HOUR).toISOString(),
  roles: [{ key: 'helper', name: '志愿者', places: 2, skills: [] }],
};

const MEMBER = { resident: demoMemberId(DEMO_PEOPLE.find((p) => p.key === 'resident')!) };

const signUp = (w: World) => ({ eventId: w.eventId, roleKey: 'helper' });

export const scenarios: CrashScenario[] = [
  // ---- organizers ------------------------------------------------------------------------------------------------
  scenario({
    name: 'events.create',
    fn: 'events',
    action: 'create',
    caller: 'committee',
    payload: () => ({ event: { ...FIXED_EVENT }, requestId: 'crash-create' }),
  }),
  scenario({
    name: 'events.update (an edit)',
    fn: 'events',
    action: 'update',
    caller: 'committee',
    setup: (h) => world(h, { places: 2, count: 1, signed: 1 }),
    payload: (w: World) => ({ eventId: w.eventId, event: { ...FIXED_EVENT, title: '楼道绿化养护（改期）', roles: [{ key: 'helper', name: '志愿者', places: 2, skills: [] }] } }),
  }),
  scenario({
    name: 'events.update (more places: the waiting list moves up, and is told)',
    fn: 'events',
    action: 'update',
    caller: 'committee',
    setup: (h) => world(h, { places: 1, count: 3, signed: 3, allowed: [1, 2], template: 'event-promoted' }),
    payload: (w: World) => ({ eventId: w.eventId, event: { ...FIXED_EVENT, roles: [{ key: 'helper', name: '志愿者', places: 3, skills: [] }] } }),
    settle: outbox,
  }),
  scenario({
    name: 'events.cancel (everyone signed up or waiting is told)',
    fn: 'events',
    action: 'cancel',
    caller: 'committee',
    setup: (h) => world(h, { places: 1, count: 3, signed: 3, allowed: [0, 1, 2], template: 'event-cancelled' }),
    payload: (w: World) => ({ eventId: w.eventId, reason: '台风预警，改日再办' }),
    settle: outbox,
  }),
  scenario({
    name: 'events.duplicate',
    fn: 'events',
    action: 'duplicate',
    caller: 'committee',
    setup: (h) => world(h, { places: 2, count: 1, signed: 1 }),
    payload: (w: World) => ({ eventId: w.eventId, startAt: new Date(FIXED_START + 7 * DAY).toISOString(), requestId: 'crash-duplicate' }),
  }),
  scenario({
    name: 'events.invite',
    fn: 'events',
    action: 'invite',
    caller: 'committee',
    setup: (h) => world(h, { places: 2, count: 3, signed: 0 }),
    payload: (w: World) => ({ eventId: w.eventId, roleKey: 'helper', memberIds: w.people.map((p) => p.memberId) }),
  }),

  // ---- signing up ------------------------------------------------------------------------------------------------
  scenario({
    name: 'events.signUp (a place)',
    fn: 'events',
    action: 'signUp',
    setup: (h) => world(h, { places: 2, count: 1, signed: 0 }),
    caller: (w: World) => w.people[0]!.openid,
    payload: signUp,
  }),
  scenario({
    name: 'events.signUp (the waiting list)',
    fn: 'events',
    action: 'signUp',
    setup: (h) => world(h, { places: 1, count: 2, signed: 1 }),
    caller: (w: World) => w.people[1]!.openid,
    payload: signUp,
  }),
  scenario({
    name: 'events.signUp (a grid leader for a resident of their grid)',
    fn: 'events',
    action: 'signUp',
    caller: 'gridLeader',
    setup: (h) => world(h, { places: 2, count: 0, signed: 0 }),
    payload: (w: World) => ({ ...signUp(w), forMemberId: MEMBER.resident }),
  }),
  scenario({
    name: 'events.signUp (again, after a cancellation)',
    fn: 'events',
    action: 'signUp',
    setup: async (h) => {
      const w = await world(h, { places: 2, count: 1, signed: 1 });
      await h.call('events', 'cancelSignup', { eventId: w.eventId }, w.people[0]!.openid);
      return w;
    },
    caller: (w: World) => w.people[0]!.openid,
    payload: signUp,
  }),
  scenario({
    name: 'events.cancelSignup (a place freed, nobody waiting)',
    fn: 'events',
    action: 'cancelSignup',
    setup: (h) => world(h, { places: 2, count: 1, signed: 1 }),
    caller: (w: World) => w.people[0]!.openid,
    payload: (w: World) => ({ eventId: w.eventId }),
  }),
  scenario({
    name: 'events.cancelSignup (the place goes to the first waiting, who is told)',
    fn: 'events',
    action: 'cancelSignup',
    setup: (h) => world(h, { places: 1, count: 3, signed: 3, allowed: [1], template: 'event-promoted' }),
    caller: (w: World) => w.people[0]!.openid,
    payload: (w: World) => ({ eventId: w.eventId }),
    settle: outbox,
  }),
  scenario({
    name: 'events.cancelSignup (from the waiting list)',
    fn: 'events',
    action: 'cancelSignup',
    setup: (h) => world(h, { places: 1, count: 2, signed: 2 }),
    caller: (w: World) => w.people[1]!.openid,
    payload: (w: World) => ({ eventId: w.eventId }),
  }),
  scenario({
    name: 'events.cancelSignup (a grid leader for a resident)',
    fn: 'events',
    action: 'cancelSignup',
    caller: 'gridLeader',
    setup: async (h) => {
      const w = await world(h, { places: 2, count: 0, signed: 0 });
      await h.call('events', 'signUp', { ...signUp(w), forMemberId: MEMBER.resident }, h.identities.gridLeader);
      return w;
    },
    payload: (w: World) => ({ eventId: w.eventId, forMemberId: MEMBER.resident }),
  }),

  // ---- the timer -------------------------------------------------------------------------------------------------
  scenario({
    name: 'event-reminders (the day before: every confirmed volunteer who allowed one)',
    fn: 'events',
    timer: 'event-reminders',
    setup: (h) => world(h, { places: 2, count: 3, signed: 3, allowed: [0, 1, 2], template: 'event-reminder', startsIn: DAY }),
    settle: outbox,
  }),
];
