import { CODE_ALPHABET } from '../../src/shared/rules/checkin-code';
import { addEvent, addVolunteers, signUp } from '../integration/checkin/fixtures';
import { setupWeappHarness, until } from './simulate';

/**
 * Check-in without a camera in the real weapp build under miniprogram-simulate: the 签到台 shows the 6-character
 * code and polls the count; a resident reads the code, taps 输入签到码 beside 扫码, types it and is checked in.
 */
describe('weapp build: 签到台 short code and 输入签到码', () => {
  const ctx = setupWeappHarness();

  it('a resident types the code shown on the station, the station count follows by its poll, and stops when closed', async () => {
    // Start just after a 30-second slot begins: no code rotation (which brings counts too) in this test.
    ctx.harness.stack.clock.offsetMs = 30_000 - (Date.now() % 30_000) + 1_000;
    const now = ctx.harness.stack.clock.now();
    const eventId = 'cm-baiyu1-ev-lx3k9abc-8typecd';
    await addEvent(eventId, now);
    const [walker] = await addVolunteers('wx-code', 1, now);
    await signUp(eventId, [ctx.harness.memberIdOf('resident'), walker!.memberId], now);

    ctx.openid = ctx.harness.identities.committee;
    const station = ctx.weapp.openPage('packages/checkin/pages/station/index', { eventId: encodeURIComponent(eventId) });
    const stationText = await until(() => {
      const t = station.dom.textContent ?? '';
      return t.includes('没有摄像头？在签到页输入这 6 位码签到') && t;
    }, 'the station with its short code');
    const grouped = new RegExp(`([${CODE_ALPHABET}]{3}) ([${CODE_ALPHABET}]{3})`).exec(stationText);
    expect(grouped).not.toBeNull();
    const code = `${grouped![1]}${grouped![2]}`;

    station.detach();
    await ctx.settled();

    ctx.openid = ctx.harness.identities.resident;
    const scan = ctx.weapp.openPage('packages/checkin/pages/scan/index', { eventId: encodeURIComponent(eventId) });
    await until(() => scan.querySelector('.btn-type-code'), 'the 输入签到码 button');
    expect(scan.dom.textContent).toContain('扫活动现场的签到码');
    scan.querySelector('.btn-type-code')!.dispatchEvent('tap');
    const input = await until(() => scan.querySelector('.input-code'), 'the code field');
    input.dispatchEvent('input', { detail: { value: code.toLowerCase() } });
    await until(() => (scan.dom.textContent ?? '').includes('签到') && !(scan.dom.querySelector('.main--btn-submit-code')?.className ?? 'disabled').includes('disabled'), '签到 enabled');
    scan.querySelector('.btn-submit-code')!.dispatchEvent('tap');
    const answer = await until(() => {
      const t = scan.dom.textContent ?? '';
      return /签到成功 \d\d:\d\d/.test(t) && t;
    }, 'the check-in answer');
    expect(answer).toMatch(/签到成功 \d\d:\d\d/);
    expect(ctx.records.filter((r) => r.call === 'checkin.typeCode').map((r) => r.answer.ok)).toEqual([true]);
    scan.detach();
    await ctx.settled();

    // Back at the station: 1 在场; another volunteer types the code on their phone, and the count follows by the
    // station's poll (checkin.counts), with no new code asked for.
    ctx.openid = ctx.harness.identities.committee;
    const again = ctx.weapp.openPage('packages/checkin/pages/station/index', { eventId: encodeURIComponent(eventId) });
    await until(() => /1\s*在场/.test(again.dom.textContent ?? ''), 'the count after the typed code');
    const stations = ctx.calls.filter((c) => c === 'checkin.station').length;
    expect(await ctx.harness.invoke('checkin', { action: 'typeCode', payload: { eventId, code, nonce: 'weapp-code-walker-1' } }, walker!.openid)).toMatchObject({ ok: true });
    await until(() => /2\s*在场/.test(again.dom.textContent ?? ''), 'the polled count', 8_000);
    expect(ctx.calls.filter((c) => c === 'checkin.station')).toHaveLength(stations);
    expect(ctx.records.filter((r) => r.call === 'checkin.counts').every((r) => r.answer.ok)).toBe(true);

    // Closed: no more polling.
    again.detach();
    await ctx.settled();
    const polls = ctx.calls.filter((c) => c === 'checkin.counts').length;
    expect(polls).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 5_000));
    expect(ctx.calls.filter((c) => c === 'checkin.counts')).toHaveLength(polls);
  }, 60_000);
});
