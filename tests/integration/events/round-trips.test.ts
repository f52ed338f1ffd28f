import type { EventInput } from '../../../src/shared/actions/events';
import { startHarness, type Harness } from '../../support/harness';
import { countingRequests } from '../../support/request-count';
import { addMember } from '../honours/support';

/**
 * The round trips signups.service.ts documents, counted: every database call the SDK sends is one HTTP request to the
 * gateway (two sent side by side are two requests, one wait).
 */
let h: Harness;
const { counted } = countingRequests();

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});
beforeEach(() => h.reset());

const DAY = 24 * 3600 * 1000;


it('a sign-up takes 5 requests into a place, 8 onto the waiting list; a repeat 3; a cancellation freeing a place 8', async () => {
  const now = h.stack.clock.nowMs();
  const event: EventInput = {
    title: '楼道绿化养护',
    description: '',
    type: '绿化养护',
    place: '3号楼门口',
    cover: '',
    startAt: new Date(now + 3 * DAY).toISOString(),
    endAt: new Date(now + 3 * DAY + 7_200_000).toISOString(),
    audience: { kind: 'community' },
    signupOpensAt: new Date(now - DAY).toISOString(),
    signupClosesAt: new Date(now + 2 * DAY).toISOString(),
    roles: [{ key: 'helper', name: '志愿者', places: 1, skills: [] }],
  };
  const { id } = (await h.call('events', 'create', { event, requestId: 'rt-event' }, h.identities.committee)).event;
  const [a, b] = await Promise.all([addMember(h, 'rt-a', '甲'), addMember(h, 'rt-b', '乙')]);

  const place = await counted(() => h.call('events', 'signUp', { eventId: id, roleKey: 'helper' }, a.openid));
  expect(place.result.signup).toMatchObject({ status: 'confirmed' });
  expect(place.trips).toBe(5); // caller, event + sign-up, claim, sign-up

  const waiting = await counted(() => h.call('events', 'signUp', { eventId: id, roleKey: 'helper' }, b.openid));
  expect(waiting.result.signup).toMatchObject({ status: 'waiting', waitingPosition: 1 });
  expect(waiting.trips).toBe(8); // + the claim without a place, the event again, the position

  const repeat = await counted(() => h.call('events', 'signUp', { eventId: id, roleKey: 'helper' }, a.openid));
  expect(repeat.trips).toBe(3); // caller, event + sign-up

  await h.call('events', 'cancelSignup', { eventId: id }, b.openid);
  const cancel = await counted(() => h.call('events', 'cancelSignup', { eventId: id }, a.openid));
  expect(cancel.trips).toBe(8); // caller; transaction: start, event + sign-up, who waits first, the freed place, the cancellation, commit
});
