import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { startHarness, type Harness } from '../../support/harness';
import { activePairing, allow, DAY, docs, elderDoc, freeze, idOf, logInput, pairingDoc, registered, rid, sent, TUESDAY, visitsOf, volunteers } from './support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(async () => {
  await h.reset();
  freeze(h, TUESDAY);
});

const moveTo = (at: number) => {
  h.stack.clock.offsetMs = at - h.stack.clock.frozenAtMs!;
};
const timer = () => h.timer('care', 'care-visits');
const states = async (pairingId: string) => Object.fromEntries((await visitsOf(pairingId)).map((v) => [v.day, v.state]));
const ledgerOf = async (memberId: string) => docs<{ _id: string; halfHours: number; points: number; source: string }>(COLLECTIONS.ledgerEntries, { memberId, source: 'care' });

describe('visit plans with the clock moved', () => {
  it('weekly on Tuesday: accepting makes this week and next; two weeks on, the timer makes the new ones and marks the old missed', async () => {
    const elder = await registered(h);
    const [v] = await volunteers(1, 'plan');
    const p = await activePairing(h, elder.id, v!, [2]);
    expect(await states(p.id)).toEqual({ '2026-03-10': 'due', '2026-03-17': 'due' });
    // A second timer run on the same day makes nothing.
    expect(await timer()).toMatchObject({ visitsMade: 0, missed: 0 });
    moveTo(TUESDAY + 14 * DAY);
    expect(await timer()).toMatchObject({ visitsMade: 2, missed: 2 });
    expect(await states(p.id)).toEqual({ '2026-03-10': 'missed', '2026-03-17': 'missed', '2026-03-24': 'due', '2026-03-31': 'due' });
    expect((await pairingDoc(p.id)).missedInRow).toBe(2);
    // The month's figures per grid: 第一微格 has the elder, covered, two visits missed of two.
    const figures = await h.call('care', 'figures', { month: '2026-03' }, h.identities.gridLeader);
    expect(figures.grids).toEqual([expect.objectContaining({ gridId: 'cm-baiyu1-g1', elders: 1, covered: 1, visits: 0, missed: 2, missedRate: 1 })]);
    await h.call('care', 'logVisit', { pairingId: p.id, day: '2026-03-24', log: logInput('2026-03-24', { minutes: 60 }), requestId: rid('fig') }, v!);
    const after = await h.call('care', 'figures', { month: '2026-03' }, h.identities.committee);
    expect(after.total).toMatchObject({ elders: 1, covered: 1, visits: 1, missed: 2, missedRate: 0.667, halfHours: 0 });
    expect(after.grids.map((g: { gridId: string }) => g.gridId)).toEqual(['cm-baiyu1-g1', 'cm-baiyu1-g2', 'cm-baiyu1-g3']);
  });

  it('every two weeks on Monday and Thursday counts weeks from the week of acceptance', async () => {
    const elder = await registered(h);
    const [v] = await volunteers(1, 'bi');
    const { pairing } = await h.call('care', 'pair', { elderId: elder.id, volunteerId: idOf(v!), plan: { weekdays: [1, 4], everyWeeks: 2 }, requestId: rid('p') }, h.identities.gridLeader);
    await h.call('care', 'respond', { pairingId: pairing.id, accept: true }, v!);
    moveTo(TUESDAY + 21 * DAY);
    await timer();
    const days = (await visitsOf(pairing.id)).map((x) => x.day).sort();
    // Accepted Tuesday 03-10: that week's Thursday, then weeks 3 and 5 (Monday 03-09 is before acceptance).
    expect(days).toEqual(['2026-03-12', '2026-03-23', '2026-03-26', '2026-04-06', '2026-04-09'].filter((d) => d <= '2026-04-07'));
  });
});

describe('the missed-visit timer', () => {
  // Killed at a write of the plan step (4), of the first missed visits (12) and of their messages (20).
  it.each([4, 12, 20])('killed mid-run at write %i, then run twice: each visit missed once, the count exact, each message sent once', async (at) => {
    const elder = await registered(h);
    const vs = await volunteers(3, `miss${at}`);
    const pairings = [];
    for (const v of vs) {
      const other = v === vs[0] ? elder : await registered(h, { name: `老人${v.slice(-1)}` });
      pairings.push(await activePairing(h, other.id, v));
    }
    await allow(h, vs, ['care-missed'], 3);
    await allow(h, [h.identities.gridLeader], ['care-missed'], 5);
    moveTo(TUESDAY + 14 * DAY);
    h.faults.arm({ at, mode: 'crash' });
    const first = timer().catch(() => null);
    await Promise.race([first, h.faults.whenTripped()]);
    expect(h.faults.tripped).toBe(true);
    h.faults.reset();
    await timer();
    await timer();
    for (const p of pairings) {
      expect(await states(p.id)).toEqual({ '2026-03-10': 'missed', '2026-03-17': 'missed', '2026-03-24': 'due', '2026-03-31': 'due' });
      expect((await pairingDoc(p.id)).missedInRow).toBe(2);
    }
    const missed = sent(h, 'care-missed');
    // Each volunteer told of each missed visit once; the grid leader once per pairing (at two in a row).
    for (const v of vs) expect(missed.filter((m) => m.openid === v)).toHaveLength(2);
    expect(missed.filter((m) => m.openid === h.identities.gridLeader)).toHaveLength(3);
  });

  it('a visit logged late is no longer missed and resets the count; an ended pairing’s due visits are cancelled', async () => {
    const elder = await registered(h);
    const [v, w] = await volunteers(2, 'late');
    const p = await activePairing(h, elder.id, v!);
    const q = await activePairing(h, elder.id, w!, [5]);
    moveTo(TUESDAY + 6 * DAY);
    await timer();
    expect((await pairingDoc(p.id)).missedInRow).toBe(1);
    await h.call('care', 'logVisit', { pairingId: p.id, day: '2026-03-10', log: logInput('2026-03-10'), requestId: rid('late') }, v!);
    expect((await pairingDoc(p.id)).missedInRow).toBe(0);
    expect((await elderDoc(elder.id)).lastVisitDay).toBe('2026-03-10');
    await h.call('care', 'endPairing', { pairingId: q.id, reason: '搬家了' }, h.identities.gridLeader);
    expect(Object.values(await states(q.id)).filter((s) => s === 'due')).toEqual([]);
    expect((await elderDoc(elder.id)).activeVolunteerIds).toEqual([idOf(v!)]);
  });
});

describe('visit logs and hours', () => {
  it('refuses a start time on another day or ahead of now, next to its field, and writes nothing', async () => {
    const elder = await registered(h);
    const [v] = await volunteers(1, 'start');
    const p = await activePairing(h, elder.id, v!);
    moveTo(TUESDAY);
    const before = h.store.count(COLLECTIONS.careVisits);
    const otherDay = { pairingId: p.id, day: '2026-03-10', log: { ...logInput('2026-03-10'), startAt: '2026-03-09T02:00:00.000Z' }, requestId: rid('other-day') };
    const ahead = { pairingId: p.id, day: '2026-03-10', log: { ...logInput('2026-03-10'), startAt: new Date(h.stack.clock.nowMs() + 60 * 60_000).toISOString() }, requestId: rid('ahead') };
    for (const payload of [otherDay, ahead]) {
      const res = await h.invoke('care', { action: 'logVisit', payload }, v!);
      expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT', fields: { 'log.startAt': '探访时间要在这一天，且不能晚于现在' } } });
    }
    expect(h.store.count(COLLECTIONS.careVisits)).toBe(before);
  });

  it('one log per day under retries; hours post once when the leader confirms, twice asked', async () => {
    const elder = await registered(h);
    const [v] = await volunteers(1, 'log');
    const p = await activePairing(h, elder.id, v!);
    const payload = { pairingId: p.id, day: '2026-03-10', log: logInput('2026-03-10', { minutes: 50 }), requestId: rid('log') };
    const [a, b] = await Promise.all([h.call('care', 'logVisit', payload, v!), h.call('care', 'logVisit', payload, v!)]);
    expect(a.visit.id).toBe(b.visit.id);
    expect(await h.invoke('care', { action: 'logVisit', payload: { ...payload, requestId: rid('other') } }, v!)).toMatchObject({ ok: false, error: { code: 'CARE.ALREADY_LOGGED' } });
    const [c1, c2] = await Promise.all([
      h.call('care', 'confirmVisit', { visitId: a.visit.id }, h.identities.gridLeader),
      h.call('care', 'confirmVisit', { visitId: a.visit.id }, h.identities.committee),
    ]);
    expect(c1.visit.state).toBe('confirmed');
    expect(c2.visit.state).toBe('confirmed');
    const entries = await ledgerOf(idOf(v!));
    // 50 minutes: more than 45 of the hour counts a whole hour (the events' rule).
    expect(entries).toEqual([expect.objectContaining({ halfHours: 2, points: expect.any(Number) })]);
    expect(entries[0]!.points).toBeGreaterThan(0);
    // The 72-hour timer later posts nothing more.
    moveTo(TUESDAY + 4 * DAY);
    await timer();
    expect(await ledgerOf(idOf(v!))).toHaveLength(1);
  });

  it('unchallenged for 72 hours the timer posts the hours once; a challenged one waits for the leader', async () => {
    const elder = await registered(h);
    const [v, w] = await volunteers(2, 'auto');
    const p = await activePairing(h, elder.id, v!);
    const q = await activePairing(h, elder.id, w!);
    const a = (await h.call('care', 'logVisit', { pairingId: p.id, day: '2026-03-10', log: logInput('2026-03-10', { minutes: 100 }), requestId: rid('a') }, v!)).visit;
    const b = (await h.call('care', 'logVisit', { pairingId: q.id, day: '2026-03-10', log: logInput('2026-03-10', { minutes: 30 }), requestId: rid('b') }, w!)).visit;
    await h.call('care', 'challengeVisit', { visitId: b.id, reason: '时间和老人说的不一致' }, h.identities.gridLeader);
    moveTo(TUESDAY + 71 * 60 * 60_000);
    await timer();
    expect(await ledgerOf(idOf(v!))).toHaveLength(0);
    moveTo(TUESDAY + 73 * 60 * 60_000);
    await timer();
    await timer();
    // 100 minutes: 1 h 40 min, the 40 counting half an hour.
    expect(await ledgerOf(idOf(v!))).toEqual([expect.objectContaining({ halfHours: 3 })]);
    expect(await ledgerOf(idOf(w!))).toHaveLength(0);
    expect(await h.invoke('care', { action: 'challengeVisit', payload: { visitId: a.id, reason: '太晚了' } }, h.identities.gridLeader)).toMatchObject({ ok: false, error: { code: 'CARE.WRONG_STATE' } });
    await h.call('care', 'confirmVisit', { visitId: b.id, minutes: 20 }, h.identities.gridLeader);
    expect(await ledgerOf(idOf(w!))).toEqual([expect.objectContaining({ halfHours: 1 })]);
  });

  it('a concern reaches the grid leader at once and tops their queue', async () => {
    const elder = await registered(h);
    const [v] = await volunteers(1, 'concern');
    await allow(h, [h.identities.gridLeader], ['care-concern']);
    const p = await activePairing(h, elder.id, v!);
    await h.call('care', 'logVisit', { pairingId: p.id, day: '2026-03-10', log: logInput('2026-03-10', { concern: '老人说最近头晕，药快吃完了' }), requestId: rid('c') }, v!);
    const told = sent(h, 'care-concern');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ openid: h.identities.gridLeader, data: expect.objectContaining({ thing3: { value: expect.stringContaining('头晕') } }) });
    const queue = await h.call('care', 'toConfirm', { page: 1 }, h.identities.gridLeader);
    expect(queue.items[0]).toMatchObject({ elderId: elder.id, log: { concern: '老人说最近头晕，药快吃完了' } });
    // A later run of the timer tells nothing again.
    moveTo(TUESDAY + 10 * 60_000);
    await timer();
    expect(sent(h, 'care-concern')).toHaveLength(1);
  });

  it('bad input writes nothing: a NUL, a 1 MB note, a day in the future or too far back', async () => {
    const elder = await registered(h);
    const [v] = await volunteers(1, 'bad');
    const p = await activePairing(h, elder.id, v!);
    const before = await visitsOf(p.id);
    const call = (day: string, log: Record<string, unknown>) => h.invoke('care', { action: 'logVisit', payload: { pairingId: p.id, day, log: logInput(day, log), requestId: rid('bad') } }, v!);
    expect(await call('2026-03-10', { note: 'a\u0000b' })).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } });
    expect(await call('2026-03-10', { note: 'x'.repeat(1024 * 1024) })).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } });
    expect(await call('2026-03-11', {})).toMatchObject({ ok: false, error: { code: 'CARE.DAY' } });
    expect(await call('2026-03-01', {})).toMatchObject({ ok: false, error: { code: 'CARE.DAY' } });
    expect(await h.invoke('care', { action: 'registerElder', payload: { elder: { name: 'x'.repeat(1024 * 1024) }, requestId: rid('r') } }, h.identities.gridLeader)).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } });
    expect(await visitsOf(p.id)).toEqual(before);
    expect((await getDb().collection(COLLECTIONS.careElders).where({ communityId: 'cm-baiyu1' }).count()).total).toBe(1);
  });
});
