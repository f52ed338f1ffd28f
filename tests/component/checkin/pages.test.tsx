import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import PassPage from '@/packages/checkin/pages/pass/index';
import ReviewPage from '@/packages/checkin/pages/review/index';
import ScanPage from '@/packages/checkin/pages/scan/index';
import StationPage from '@/packages/checkin/pages/station/index';
import { formatShanghai } from '@shared/time';
import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { __triggerDidHide, __triggerDidShow, showModal, showToast } from '../../__mocks__/taro';
import { addEvent, addVolunteers, signUp } from '../../integration/checkin/fixtures';
import { CODE_ALPHABET } from '@shared/rules/checkin-code';
import { __setRouterParams, setupPagesHarness } from '../support/pages';
import { byClass, typeInto } from '../support/taro-events';

const ctx = setupPagesHarness();
const MINUTE = 60_000;
const now = () => ctx.h.stack.clock.now();
const stationToken = async (eventId: string, kind: 'in' | 'out' = 'in') =>
  (await ctx.h.call('checkin', 'station', { eventId, kind }, ctx.h.identities.committee)).token as string;

describe('签到台', () => {
  it('shows the organizer the code as an image and the 6-character code, never the long token, with the live count', async () => {
    await addEvent('ev-st', now(), { organizerId: ctx.h.memberIdOf('member') });
    await signUp('ev-st', [ctx.h.memberIdOf('resident'), ctx.h.memberIdOf('gridLeader')], now());
    await ctx.h.call('checkin', 'scan', { token: await stationToken('ev-st'), nonce: 'page-test-nonce-1' }, ctx.h.identities.resident);
    ctx.signIn('member');
    __setRouterParams({ eventId: 'ev-st' });
    render(<StationPage />);
    await screen.findByText('楼道清洁日');
    // The QR's token is kept on its box for tests only; nobody is asked to read or type it.
    const token = byClass('station-qr')[0]!.getAttribute('data-token')!;
    expect(token).toMatch(/^ev-st\.i/);
    expect(document.body.textContent).not.toContain(token);
    expect(byClass('station-token')).toHaveLength(0);
    expect(byClass('checkin-code__image')).toHaveLength(1);
    expect(byClass('checkin-count--present')[0]!.textContent).toBe('1在场');
    expect(byClass('checkin-count--absent')[0]!.textContent).toBe('1未到');
    fireEvent.click(byClass('btn-kind-out')[0]!);
    await waitFor(() => expect(byClass('station-qr')[0]!.getAttribute('data-token')).toMatch(/^ev-st\.o/));
  });

  it('shows the 6-character code next to the QR, and the count live every few seconds while the code stays', async () => {
    // Start just after a 30-second slot begins, so no code rotation (which brings counts too) happens in this test.
    ctx.h.stack.clock.offsetMs += 30_000 - (now().getTime() % 30_000) + 1_000;
    await addEvent('ev-live', now(), { organizerId: ctx.h.memberIdOf('member') });
    const people = await addVolunteers('live', 3, now());
    await signUp('ev-live', people.map((p) => p.memberId), now());
    ctx.signIn('member');
    __setRouterParams({ eventId: 'ev-live' });
    render(<StationPage />);
    await screen.findByText('楼道清洁日');
    const shown = byClass('station-short-code')[0]!.textContent!;
    expect(shown).toMatch(new RegExp(`^[${CODE_ALPHABET}]{3} [${CODE_ALPHABET}]{3}$`));
    await screen.findByText('没有摄像头？在签到页输入这 6 位码签到');
    expect(byClass('checkin-count--present')[0]!.textContent).toBe('0在场');

    const typed = (p: { openid: string }) =>
      ctx.h.call('checkin', 'typeCode', { eventId: 'ev-live', code: shown, nonce: `live-${p.openid}-nonce` }, p.openid);
    await typed(people[0]!);
    await waitFor(() => expect(byClass('checkin-count--present')[0]!.textContent).toBe('1在场'), { timeout: 6_000 });
    // The count came by the poll: the code on the screen is still the same slot's.
    expect(byClass('station-short-code')[0]!.textContent).toBe(shown);

    // Hidden (another page on top, the phone locked): no polling; shown again: polling again.
    __triggerDidHide();
    await new Promise((r) => setTimeout(r, 1_500)); // a count already asked for may still answer
    await typed(people[1]!);
    await new Promise((r) => setTimeout(r, 5_000));
    expect(byClass('checkin-count--present')[0]!.textContent).toBe('1在场');
    __triggerDidShow();
    await waitFor(() => expect(byClass('checkin-count--present')[0]!.textContent).toBe('2在场'), { timeout: 6_000 });
  }, 30_000);

  it('opened before check-in opens, says when it opens instead of an error', async () => {
    await addEvent('ev-early', now(), { organizerId: ctx.h.memberIdOf('member'), startsInMinutes: 90 });
    ctx.signIn('member');
    __setRouterParams({ eventId: 'ev-early' });
    render(<StationPage />);
    await screen.findByText('签到还没开始');
    const opens = formatShanghai(now().getTime() + 60 * MINUTE, 'M月D日 HH:mm');
    expect(byClass('station-opens')[0]!.textContent).toBe(`${opens} 开始签到，到时这里会自动出现签到码`);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(byClass('station-short-code')).toHaveLength(0);
  });

  it('tells someone who is not the organizer that they may not', async () => {
    await addEvent('ev-no', now());
    ctx.signIn('resident');
    __setRouterParams({ eventId: 'ev-no' });
    render(<StationPage />);
    expect(await screen.findByRole('alert')).toBeTruthy();
  });
});

describe('扫码签到', () => {
  it('checks in at once with the scanned code, then says when on a second scan (not an error)', async () => {
    await addEvent('ev-sc', now());
    await signUp('ev-sc', [ctx.h.memberIdOf('resident')], now());
    const token = await stationToken('ev-sc');
    ctx.signIn('resident');
    __setRouterParams({ scene: encodeURIComponent(token) });
    const first = render(<ScanPage />);
    const time = formatShanghai(now(), 'HH:mm');
    await screen.findByText(`签到成功 ${time}`);
    const event = (await getDb().collection(COLLECTIONS.events).doc('ev-sc').get()).data[0];
    await screen.findByText(event.title);
    // No field for the long token any more: the 6-character code (from an event) is the only thing typed.
    expect(document.querySelector('#input-token')).toBeNull();
    expect(screen.queryByText(/一串字/)).toBeNull();
    // Nor the 6-character code's prompt to open an event first: the code was scanned, the answer says it all.
    expect(screen.queryByText(/请先打开要参加的活动/)).toBeNull();
    first.unmount();
    render(<ScanPage />);
    await screen.findByText(`你已在 ${time} 签到`);
  });

  it('answers an expired code and a volunteer who did not sign up in plain Chinese', async () => {
    await addEvent('ev-x', now());
    const token = await stationToken('ev-x');
    ctx.signIn('resident');
    __setRouterParams({ token: encodeURIComponent(token) });
    const first = render(<ScanPage />);
    await screen.findByText('你未报名此活动');
    first.unmount();
    ctx.h.stack.clock.offsetMs += 2 * MINUTE;
    render(<ScanPage />);
    await screen.findByText('签到码已过期，请重新扫码');
  });
});

describe('输入签到码 (no camera)', () => {
  const openFor = async (eventId: string) => {
    await addEvent(eventId, now());
    await signUp(eventId, [ctx.h.memberIdOf('resident')], now());
    const { shortCode } = await ctx.h.call('checkin', 'station', { eventId, kind: 'in' }, ctx.h.identities.committee);
    ctx.signIn('resident');
    __setRouterParams({ eventId });
    render(<ScanPage />);
    return shortCode as string;
  };
  const field = () => document.querySelector('#input-code') as HTMLInputElement;
  const wrong = (code: string, shift: number) => CODE_ALPHABET[(CODE_ALPHABET.indexOf(code[0]!) + shift) % CODE_ALPHABET.length] + code.slice(1);

  it('in a browser the code comes first: typed in lower case it is grouped; a look-alike is refused with a reason; 签到 checks in', async () => {
    const code = await openFor('ev-tc1');
    expect(byClass('btn-submit-code')).toHaveLength(1);
    typeInto('input-code', 'o');
    await screen.findByText(/签到码里没有「O」/);
    typeInto('input-code', code.slice(0, 4).toLowerCase());
    await waitFor(() => expect(field().value).toBe(`${code.slice(0, 3)} ${code[3]}`));
    expect(screen.queryByText(/签到码里没有/)).toBeNull();
    expect(byClass('btn-submit-code')[0]!.className).toContain('disabled');
    typeInto('input-code', `${code.slice(0, 3)} ${code.slice(3)}`);
    await waitFor(() => expect(field().value).toBe(`${code.slice(0, 3)} ${code.slice(3)}`));
    fireEvent.click(byClass('btn-submit-code')[0]!);
    await screen.findByText(`签到成功 ${formatShanghai(now(), 'HH:mm')}`);
  });

  it('a wrong code says how many tries are left, then when to try again', async () => {
    const code = await openFor('ev-tc2');
    for (let i = 1; i <= 5; i += 1) {
      typeInto('input-code', wrong(code, i));
      await waitFor(() => expect(byClass('btn-submit-code')[0]!.className).not.toContain('disabled'));
      fireEvent.click(byClass('btn-submit-code')[0]!);
      if (i < 5) await screen.findByText(`签到码不对，还可以再试 ${5 - i} 次。请对照签到台上的 6 位码再输一次`);
    }
    await screen.findByText(/^签到码不对，已经输错 5 次。请在 \d\d:\d\d 以后再试，或请组织者扫你的「我的签到码」$/);
    typeInto('input-code', code);
    await waitFor(() => expect(byClass('btn-submit-code')[0]!.className).not.toContain('disabled'));
    fireEvent.click(byClass('btn-submit-code')[0]!);
    await screen.findByText(/^输错次数太多，请在 \d\d:\d\d 以后再试，或请组织者扫你的「我的签到码」$/);
  });

  it('opened without an event, asks to come from the event page', async () => {
    ctx.signIn('resident');
    __setRouterParams({});
    render(<ScanPage />);
    await screen.findByText('请先打开要参加的活动，点「扫码签到」，再输入签到台上的 6 位码');
  });
});

describe('我的签到码 and 核对时长', () => {
  it('shows the volunteer a personal QR; the organizer confirms hours after the event', async () => {
    await addEvent('ev-rv', now(), { organizerId: ctx.h.memberIdOf('member'), startsInMinutes: 5, hours: 1 });
    await signUp('ev-rv', [ctx.h.memberIdOf('resident')], now());
    ctx.signIn('resident');
    __setRouterParams({ eventId: 'ev-rv' });
    const pass = render(<PassPage />);
    await waitFor(() => expect(byClass('qr-matrix__dot--dark').length).toBeGreaterThan(100));
    pass.unmount();

    await ctx.h.call('checkin', 'scan', { token: await stationToken('ev-rv'), nonce: 'page-test-nonce-2' }, ctx.h.identities.resident);
    ctx.h.stack.clock.offsetMs += 70 * MINUTE;
    ctx.signIn('member');
    render(<ReviewPage />);
    await screen.findByText(/签到 \d\d:\d\d · 时长 1小时/);
    typeInto(`input-hours-${ctx.h.memberIdOf('resident')}`, '1.5');
    fireEvent.click(byClass('btn-confirm')[0]!);
    await screen.findByText('调整时长请填写原因');
    typeInto(`input-reason-${ctx.h.memberIdOf('resident')}`, '会后帮忙收拾');
    fireEvent.click(byClass('btn-confirm')[0]!);
    // Asked first, naming what happens and that it cannot be undone.
    await waitFor(() =>
      expect(showModal).toHaveBeenCalledWith(
        expect.objectContaining({ title: '确认时长', content: '1人的服务时长会记入，积分随之发到他们的账上。确认后不能撤回，时长也不能再调整。确定吗？', confirmText: '确认记入' }),
      ),
    );
    await screen.findByText('时长和积分已确认记入');
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已确认，1人记入时长' }));
    const mine = await ctx.h.call('ledger', 'myLedger', {}, ctx.h.identities.resident);
    expect(mine.items[0]).toMatchObject({ halfHours: 3, reason: '楼道清洁日' });
  });

  it('确认时长 asks first; 再想想 leaves the hours unconfirmed and nothing posted', async () => {
    await addEvent('ev-rc', now(), { organizerId: ctx.h.memberIdOf('member'), startsInMinutes: 5, hours: 1 });
    await signUp('ev-rc', [ctx.h.memberIdOf('resident'), ctx.h.memberIdOf('gridLeader')], now());
    await ctx.h.call('checkin', 'scan', { token: await stationToken('ev-rc'), nonce: 'page-test-nonce-3' }, ctx.h.identities.resident);
    ctx.h.stack.clock.offsetMs += 70 * MINUTE;
    ctx.signIn('member');
    __setRouterParams({ eventId: 'ev-rc' });
    render(<ReviewPage />);
    await screen.findByText(/签到 \d\d:\d\d · 时长 1小时/);
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(byClass('btn-confirm')[0]!);
    await waitFor(() =>
      expect(showModal).toHaveBeenCalledWith(
        expect.objectContaining({
          title: '确认时长',
          content: '1人的服务时长会记入，积分随之发到他们的账上；1人记为未到。确认后不能撤回，时长也不能再调整。确定吗？',
          cancelText: '再想想',
        }),
      ),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(byClass('review-confirmed')).toHaveLength(0);
    expect(byClass('btn-confirm')).toHaveLength(1);
    expect(showToast).not.toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringContaining('已确认') }));
    const mine = await ctx.h.call('ledger', 'myLedger', {}, ctx.h.identities.resident);
    expect(mine.items).toHaveLength(0);
    const review = await ctx.h.call('checkin', 'review', { eventId: 'ev-rc' }, ctx.h.identities.committee);
    expect(review.confirmed).toBe(false);
  });
});
