import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { CONTENT_CHECK_TEST_PHRASE } from '../../../emulator/platform/wechat.local';
import { passToken, sceneOf, stationToken } from '../../../cloudfunctions/_core/checkin-token';
import type { ScanResult, StationView } from '../../../src/shared/domain/checkin';
import { startHarness, type Harness } from '../../support/harness';
import { addEvent, addVolunteers, COMMUNITY, nonce, signUp } from './fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.reset());

const MINUTE = 60_000;
const now = () => h.stack.clock.now();
const attendanceCount = async (eventId: string) => (await getDb().collection(COLLECTIONS.attendance).where({ eventId }).count()).total;
const station = (eventId: string, kind: 'in' | 'out', who = h.identities.committee) => h.call<StationView>('checkin', 'station', { eventId, kind }, who);
const scan = (token: string, openid: string, extra: Record<string, unknown> = {}) =>
  h.invoke('checkin', { action: 'scan', payload: { token, nonce: nonce(), ...extra } }, openid);

describe('checking in by the station code', () => {
  it('each of 250 volunteers scanning twice at once is checked in once; the first time stands', async () => {
    const people = await addVolunteers('v250', 250, now());
    await addEvent('ev-250', now());
    await signUp('ev-250', people.map((p) => p.memberId), now());
    const { token } = await station('ev-250', 'in');

    const answers = await Promise.all(people.flatMap((p) => [scan(token, p.openid), scan(token, p.openid)]));
    expect(answers.every((a) => a.ok)).toBe(true);
    const results = answers.map((a) => (a as { data: ScanResult }).data);
    expect(results.filter((r) => r.outcome === 'done')).toHaveLength(250);
    expect(results.filter((r) => r.outcome === 'already')).toHaveLength(250);
    for (let i = 0; i < results.length; i += 2) expect(results[i]!.at).toBe(results[i + 1]!.at);
    expect(await attendanceCount('ev-250')).toBe(250);
    expect((await station('ev-250', 'in')).counts).toEqual({ expected: 250, present: 250, left: 0, absent: 0, walkIns: 0 });
  }, 30_000);

  it('answers 签到成功 once, then 你已在…签到 (not an error); a retried request (same nonce) answers the same success', async () => {
    await addEvent('ev-1', now());
    await signUp('ev-1', [h.memberIdOf('member')], now());
    const { token } = await station('ev-1', 'in');
    const first = await h.call<ScanResult>('checkin', 'scan', { token, nonce: 'retry-nonce-1' }, h.identities.member);
    expect(first).toMatchObject({ kind: 'in', outcome: 'done', eventId: 'ev-1' });
    h.stack.clock.offsetMs += 5 * MINUTE;
    const retry = await h.call<ScanResult>('checkin', 'scan', { token: (await station('ev-1', 'in')).token, nonce: 'retry-nonce-1' }, h.identities.member);
    expect(retry).toEqual(first);
    const again = await h.call<ScanResult>('checkin', 'scan', { token: (await station('ev-1', 'in')).token, nonce: nonce() }, h.identities.member);
    expect(again).toMatchObject({ outcome: 'already', at: first.at });
  });

  it('refuses forged, expired, wrong-event, another 居民区 and replayed tokens, writing nothing', async () => {
    await addEvent('ev-a', now());
    await addEvent('ev-b', now());
    await signUp('ev-a', [h.memberIdOf('member')], now());
    const { token, expiresAt } = await station('ev-a', 'in');
    const [, head, sig] = token.split('.') as [string, string, string];
    const member = h.identities.member;

    expect(await scan(`ev-a.${head}.${sig.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`, member)).toMatchObject({ ok: false, error: { code: 'CHECKIN.TOKEN_INVALID' } });
    expect(await scan(`ev-b.${head}.${sig}`, member)).toMatchObject({ ok: false, error: { code: 'CHECKIN.TOKEN_INVALID' } });
    const saved = process.env.TXTD_CHECKIN_SECRET;
    process.env.TXTD_CHECKIN_SECRET = 'guessed';
    const forged = stationToken({ eventId: 'ev-a', kind: 'in', walkIns: true, expiresAt: new Date(expiresAt) }, COMMUNITY);
    process.env.TXTD_CHECKIN_SECRET = saved;
    expect(await scan(forged, member)).toMatchObject({ ok: false, error: { code: 'CHECKIN.TOKEN_INVALID' } });
    // Opened from event B's page, a code of event A is the wrong event.
    expect(await scan(token, member, { eventId: 'ev-b' })).toMatchObject({ ok: false, error: { code: 'CHECKIN.WRONG_EVENT', message: '这是另一场活动的签到码' } });
    // Another 居民区's volunteer: the signature covers the 居民区.
    expect(await scan(token, h.identities.otherCommittee)).toMatchObject({ ok: false, error: { code: 'CHECKIN.TOKEN_INVALID' } });
    // Replayed after its window (a photo of the code sent to someone at home).
    h.stack.clock.offsetMs += 61_000;
    expect(await scan(token, member)).toMatchObject({ ok: false, error: { code: 'CHECKIN.TOKEN_EXPIRED', message: '签到码已过期，请重新扫码' } });
    expect(await attendanceCount('ev-a')).toBe(0);
    expect(await attendanceCount('ev-b')).toBe(0);
  });

  it('a long event id goes in the mini-program code by a short handle; the scene-form code checks in, only in its 居民区', async () => {
    const longId = 'cm-baiyu1-ev-lx3k9abc-8randomc';
    await addEvent(longId, now());
    await signUp(longId, [h.memberIdOf('member')], now());
    const { token, image } = await station(longId, 'in');
    expect(token.length).toBeGreaterThan(32);
    expect(image).toMatch(/^data:image\/png;base64,/);
    const scene = sceneOf(token);
    expect(scene.length).toBeLessThanOrEqual(32);
    expect(await scan(scene, h.identities.otherCommittee)).toMatchObject({ ok: false, error: { code: 'CHECKIN.TOKEN_INVALID' } });
    expect(await scan(`${scene.slice(0, 3)}x${scene.slice(4)}`, h.identities.member)).toMatchObject({ ok: false, error: { code: 'CHECKIN.TOKEN_INVALID' } });
    expect(await scan(scene, h.identities.member)).toMatchObject({ ok: true, data: { outcome: 'done', eventId: longId } });
  });

  it('你未报名此活动 unless the event allows walk-ins; waiting and cancelled sign-ups are not signed up', async () => {
    await addEvent('ev-closed', now());
    await addEvent('ev-open', now(), { allowWalkIns: true });
    await signUp('ev-closed', [h.memberIdOf('member')], now(), 'waiting');
    const closed = await station('ev-closed', 'in');
    expect(await scan(closed.token, h.identities.member)).toMatchObject({ ok: false, error: { code: 'CHECKIN.NOT_SIGNED_UP', message: '你未报名此活动' } });
    expect(await scan(closed.token, h.identities.resident)).toMatchObject({ ok: false, error: { code: 'CHECKIN.NOT_SIGNED_UP' } });
    const open = await station('ev-open', 'in');
    expect(await scan(open.token, h.identities.resident)).toMatchObject({ ok: true, data: { outcome: 'done' } });
    expect((await station('ev-open', 'in')).counts).toEqual({ expected: 0, present: 1, left: 0, absent: 0, walkIns: 1 });
    expect(await attendanceCount('ev-closed')).toBe(0);
  });

  it('the station opens N minutes before the start and closes at the end plus the grace, by the server clock', async () => {
    await addEvent('ev-later', now(), { startsInMinutes: 31 });
    // Before it opens the station answers when it opens (no code yet), not an error.
    const early = await h.invoke('checkin', { action: 'station', payload: { eventId: 'ev-later', kind: 'in' } }, h.identities.committee);
    expect(early).toMatchObject({ ok: true, data: { state: 'not_open', eventId: 'ev-later', counts: { expected: 0, present: 0 } } });
    expect(early).not.toHaveProperty('data.token');
    expect(early).not.toHaveProperty('data.shortCode');
    if (early.ok) expect(Math.abs(Date.parse((early.data as { opensAt: string }).opensAt) - now().getTime() - MINUTE)).toBeLessThan(5_000);
    h.stack.clock.offsetMs += 2 * MINUTE;
    const open = await station('ev-later', 'in');
    expect(open.token).toMatch(/^ev-later\./);
    expect(open.image).toMatch(/^data:image\/png;base64,/); // the token fits a scene: a code opening the check-in page
    h.stack.clock.offsetMs += (29 + 120 + 30) * MINUTE;
    expect(await h.invoke('checkin', { action: 'station', payload: { eventId: 'ev-later', kind: 'in' } }, h.identities.committee)).toMatchObject({
      ok: false,
      error: { code: 'CHECKIN.CLOSED' },
    });
  });

  it('checks out once (the first check-out stands); checking out before checking in is refused', async () => {
    await addEvent('ev-out', now());
    await signUp('ev-out', [h.memberIdOf('member'), h.memberIdOf('gridLeader')], now());
    const out = await station('ev-out', 'out');
    expect(await scan(out.token, h.identities.member)).toMatchObject({ ok: false, error: { code: 'CHECKIN.NOT_CHECKED_IN' } });
    await scan((await station('ev-out', 'in')).token, h.identities.member);
    const [a, b] = await Promise.all([scan(out.token, h.identities.member), scan(out.token, h.identities.member)]);
    const outcomes = [a, b].map((r) => (r as { data: ScanResult }).data.outcome).sort();
    expect(outcomes).toEqual(['already', 'done']);
    expect((await station('ev-out', 'in')).counts).toEqual({ expected: 2, present: 0, left: 1, absent: 1, walkIns: 0 });
  });
});

describe('scanning a volunteer pass', () => {
  it('the organizer and a named scanner check a volunteer in by their pass; others are refused', async () => {
    const organizer = h.memberIdOf('member');
    const scanner = h.memberIdOf('gridLeader');
    await addEvent('ev-pass', now(), { organizerId: organizer, scannerIds: [scanner] });
    await signUp('ev-pass', [h.memberIdOf('resident'), h.memberIdOf('applicant1')], now());
    const pass = async (key: 'resident' | 'applicant1') => (await h.call<{ token: string }>('checkin', 'pass', { eventId: 'ev-pass' }, h.identities[key])).token;
    const scanPass = (token: string, openid: string, eventId = 'ev-pass') =>
      h.invoke('checkin', { action: 'scanPass', payload: { eventId, kind: 'in', token, nonce: nonce() } }, openid);

    expect(await scanPass(await pass('resident'), h.identities.member)).toMatchObject({ ok: true, data: { outcome: 'done' } });
    expect(await scanPass(await pass('applicant1'), h.identities.gridLeader)).toMatchObject({ ok: true, data: { outcome: 'done' } });
    expect(await scanPass(await pass('resident'), h.identities.committee)).toMatchObject({ ok: true, data: { outcome: 'already' } });
    expect(await scanPass(await pass('resident'), h.identities.applicant2)).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    expect(await scanPass(await pass('resident'), h.identities.otherCommittee)).toMatchObject({ ok: false, error: { code: 'COMMON.NOT_FOUND' } });
    expect(await h.invoke('checkin', { action: 'station', payload: { eventId: 'ev-pass', kind: 'in' } }, h.identities.resident)).toMatchObject({
      ok: false,
      error: { code: 'COMMON.FORBIDDEN' },
    });
  });

  it('refuses a pass for another event, a tampered or expired pass, and a pass of someone not signed up', async () => {
    await addEvent('ev-p1', now());
    await addEvent('ev-p2', now());
    await signUp('ev-p2', [h.memberIdOf('resident')], now());
    const p2 = (await h.call<{ token: string }>('checkin', 'pass', { eventId: 'ev-p2' }, h.identities.resident)).token;
    const p1 = (await h.call<{ token: string }>('checkin', 'pass', { eventId: 'ev-p1' }, h.identities.resident)).token;
    const scanPass = (eventId: string, token: string) =>
      h.invoke('checkin', { action: 'scanPass', payload: { eventId, kind: 'in', token, nonce: nonce() } }, h.identities.committee);
    expect(await scanPass('ev-p1', p2)).toMatchObject({ ok: false, error: { code: 'CHECKIN.WRONG_EVENT' } });
    expect(await scanPass('ev-p1', p1)).toMatchObject({ ok: false, error: { code: 'CHECKIN.NOT_SIGNED_UP' } });
    const forged = passToken({ eventId: 'ev-p1', memberId: h.memberIdOf('resident'), signedUp: true, expiresAt: new Date(now().getTime() + MINUTE) }, 'cm-changfeng1');
    expect(await scanPass('ev-p1', forged)).toMatchObject({ ok: false, error: { code: 'CHECKIN.TOKEN_INVALID' } });
    h.stack.clock.offsetMs += 61_000;
    expect(await scanPass('ev-p2', p2)).toMatchObject({ ok: false, error: { code: 'CHECKIN.TOKEN_EXPIRED' } });
    expect(await attendanceCount('ev-p1')).toBe(0);
    expect(await attendanceCount('ev-p2')).toBe(0);
  });
});

describe('review and confirmation', () => {
  it('derives hours, takes an adjustment with its reason, records no-shows and posts to the ledger once under concurrent confirms', async () => {
    const organizer = h.memberIdOf('member');
    const [resident, grid, absent] = [h.memberIdOf('resident'), h.memberIdOf('gridLeader'), h.memberIdOf('applicant1')];
    await addEvent('ev-done', now(), { organizerId: organizer, startsInMinutes: 5, hours: 2 });
    await signUp('ev-done', [resident, grid, absent], now());
    await scan((await station('ev-done', 'in')).token, h.identities.resident);
    await scan((await station('ev-done', 'in')).token, h.identities.gridLeader);
    h.stack.clock.offsetMs += 95 * MINUTE; // 1 h 35 min after check-in: 1.5 h
    await scan((await station('ev-done', 'out')).token, h.identities.resident);
    expect(await h.invoke('checkin', { action: 'confirm', payload: { eventId: 'ev-done' } }, h.identities.member)).toMatchObject({
      ok: false,
      error: { code: 'CHECKIN.NOT_ENDED' },
    });
    h.stack.clock.offsetMs += 40 * MINUTE;

    const review = await h.call('checkin', 'review', { eventId: 'ev-done' }, h.identities.member);
    const row = (id: string) => review.rows.find((r: { memberId: string }) => r.memberId === id);
    expect(row(resident)).toMatchObject({ status: 'left', derivedHalfHours: 3, halfHours: 3 });
    expect(row(grid)).toMatchObject({ status: 'present', derivedHalfHours: 4 }); // never checked out: until the end
    expect(row(absent)).toMatchObject({ status: 'absent', halfHours: 0 });
    expect(await h.invoke('checkin', { action: 'review', payload: { eventId: 'ev-done' } }, h.identities.resident)).toMatchObject({
      ok: false,
      error: { code: 'COMMON.FORBIDDEN' },
    });

    // The reason shows in the volunteer's ledger: refused text confirms nothing.
    const flagged = [{ memberId: grid, halfHours: 3, reason: CONTENT_CHECK_TEST_PHRASE }];
    expect(await h.invoke('checkin', { action: 'confirm', payload: { eventId: 'ev-done', adjustments: flagged } }, h.identities.member)).toMatchObject({ ok: false, error: { code: 'COMMON.CONTENT_REJECTED' } });
    expect((await getDb().collection(COLLECTIONS.ledgerEntries).where({ sourceId: 'ev-done' }).get()).data).toEqual([]);
    const adjustments = [{ memberId: grid, halfHours: 3, reason: '提前半小时离开' }];
    const results = await Promise.all(
      Array.from({ length: 5 }, () => h.invoke('checkin', { action: 'confirm', payload: { eventId: 'ev-done', adjustments } }, h.identities.member)),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.reduce((sum, r) => sum + (r as { data: { posted: number } }).data.posted, 0)).toBe(2);
    const entries = (await getDb().collection(COLLECTIONS.ledgerEntries).where({ sourceId: 'ev-done' }).get()).data;
    expect(entries.map((e: { _id: string; halfHours: number; source: string; reason: string }) => [e._id, e.halfHours, e.source, e.reason]).sort()).toEqual(
      [
        [`event:ev-done:${grid}`, 3, 'event', '楼道清洁日'],
        [`event:ev-done:${resident}`, 3, 'event', '楼道清洁日'],
      ].sort(),
    );
    const after = await h.call('checkin', 'review', { eventId: 'ev-done' }, h.identities.member);
    expect(after.confirmed).toBe(true);
    expect(after.rows.find((r: { memberId: string }) => r.memberId === grid)).toMatchObject({ halfHours: 3, adjustReason: '提前半小时离开' });
    const noShow = (await getDb().collection(COLLECTIONS.attendance).doc(`ev-done:${absent}`).get()).data[0];
    expect(noShow).toMatchObject({ noShow: true, checkedInAt: null });

    const mine = await h.call('ledger', 'myLedger', {}, h.identities.resident);
    expect(mine.items[0]).toMatchObject({ halfHours: 3, source: 'event', reason: '楼道清洁日' });
    expect(mine.items[0].points).toBeGreaterThan(0);
  });

  it('after confirmation a no-show can no longer check in during the grace period', async () => {
    await addEvent('ev-late', now(), { startsInMinutes: -130, hours: 2 }); // ended 10 minutes ago, grace 30
    await signUp('ev-late', [h.memberIdOf('resident')], now());
    const { token } = await station('ev-late', 'in');
    expect(await h.invoke('checkin', { action: 'confirm', payload: { eventId: 'ev-late' } }, h.identities.committee)).toMatchObject({ ok: true, data: { noShows: 1 } });
    expect(await scan(token, h.identities.resident)).toMatchObject({ ok: false, error: { code: 'CHECKIN.CLOSED' } });
    const out = await station('ev-late', 'out');
    expect(await scan(out.token, h.identities.resident)).toMatchObject({ ok: false, error: { code: 'CHECKIN.NOT_CHECKED_IN' } });
  });

  it('the committee may confirm; a member who is not the organizer may not', async () => {
    await addEvent('ev-c', now(), { startsInMinutes: -180, hours: 2 });
    expect(await h.invoke('checkin', { action: 'confirm', payload: { eventId: 'ev-c' } }, h.identities.committee)).toMatchObject({ ok: true });
    expect(await h.invoke('checkin', { action: 'confirm', payload: { eventId: 'ev-c' } }, h.identities.gridLeader)).toMatchObject({
      ok: false,
      error: { code: 'COMMON.FORBIDDEN' },
    });
  });

  it('the chair of the organizing 分会 runs the station and confirms; the chair of another may not', async () => {
    // The seed's rotation makes the demo grid leader the chair of 白玉's 便民服务分会 now.
    await addEvent('ev-council', now(), { councilId: 'cm-baiyu1-service', startsInMinutes: -140, hours: 2 });
    await addEvent('ev-youth', now(), { councilId: 'cm-baiyu1-youth', startsInMinutes: -140, hours: 2 });
    expect(await h.invoke('checkin', { action: 'station', payload: { eventId: 'ev-council', kind: 'out' } }, h.identities.gridLeader)).toMatchObject({ ok: true });
    expect(await h.invoke('checkin', { action: 'confirm', payload: { eventId: 'ev-council' } }, h.identities.gridLeader)).toMatchObject({ ok: true });
    expect(await h.invoke('checkin', { action: 'station', payload: { eventId: 'ev-youth', kind: 'out' } }, h.identities.gridLeader)).toMatchObject({
      ok: false,
      error: { code: 'COMMON.FORBIDDEN' },
    });
    expect(await h.invoke('checkin', { action: 'review', payload: { eventId: 'ev-youth' } }, h.identities.gridLeader)).toMatchObject({
      ok: false,
      error: { code: 'COMMON.FORBIDDEN' },
    });
  });
});
