import { DEMO_PEOPLE } from '../../emulator/seed/demo-data';
import { demoMemberId } from '../../emulator/seed/seed';
import { addEvent, signUp } from '../integration/checkin/fixtures';
import { describeInBrowser, startE2E, type E2E } from './support';

jest.setTimeout(90_000);

const MINUTE = 60_000;

/**
 * The event itself is written directly in the events function's stored shape (the contract in
 * src/shared/domain/event.ts); everything after is the H5 build against the local stack.
 */
describeInBrowser('check-in, check-out and confirmed hours, in the H5 build', () => {
  let e: E2E;
  let token = '';
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.stop());

  const stationCode = async (kind: 'in' | 'out') => {
    const { page } = e;
    await e.login('committee');
    await page.goto(`${e.server.url}/#/packages/checkin/pages/station/index?eventId=ev-e2e`);
    if (kind === 'out') await page.locator('.btn-kind-out').click();
    // The long token is not on the screen (people read the 6-character code); the QR's box keeps it for tests.
    const prefix = kind === 'in' ? 'ev-e2e.i' : 'ev-e2e.o';
    const qr = page.locator(`.station-qr[data-token^="${prefix}"]`);
    await qr.waitFor();
    const token = (await qr.getAttribute('data-token')) ?? '';
    expect(await page.locator('body').textContent()).not.toContain(token);
    return token;
  };

  it('the organizer opens the station and sees the code and the count', async () => {
    const now = e.server.stack.clock.now();
    const id = (key: string) => demoMemberId(DEMO_PEOPLE.find((p) => p.key === key)!);
    await addEvent('ev-e2e', now, { organizerId: id('committee'), startsInMinutes: 10, hours: 2 });
    await signUp('ev-e2e', [id('member'), id('resident')], now);
    token = await stationCode('in');
    expect(token.length).toBeLessThanOrEqual(32);
    await e.page.locator('.checkin-count--absent .checkin-count__value', { hasText: '2' }).waitFor();
    await e.shot('checkin-1-station');
  });

  it('a signed-up volunteer checks in with the shown code', async () => {
    const { page } = e;
    await e.login('member');
    await page.goto(`${e.server.url}/#/packages/checkin/pages/scan/index?scene=${encodeURIComponent(token)}`);
    await page.locator('.scan-answer', { hasText: /签到成功 \d\d:\d\d/ }).waitFor();
    expect(await page.locator('#input-token').count()).toBe(0);
    // The same code scanned again (WeChat opens the page again): it says when, not an error.
    await page.reload();
    await page.locator('.scan-answer', { hasText: /你已在 \d\d:\d\d 签到/ }).waitFor();
    await e.shot('checkin-2-volunteer-in');
  });

  it('an hour and a half later the organizer checks the volunteer out by their personal code', async () => {
    e.server.stack.clock.offsetMs += 90 * MINUTE;
    const { page } = e;
    await e.login('member');
    await page.goto(`${e.server.url}/#/packages/checkin/pages/pass/index?eventId=ev-e2e`);
    await page.locator('.qr-matrix').waitFor();
    const pass = (await page.locator('.pass-token').textContent()) ?? '';
    expect(pass).toMatch(/^p\.ev-e2e\./);
    await stationCode('out');
    await page.fill('#input-pass input', pass);
    await page.locator('.btn-submit-pass').click();
    await page.locator('.station-answer', { hasText: /签退成功 \d\d:\d\d/ }).waitFor();
    await page.locator('.checkin-count--left .checkin-count__value', { hasText: '1' }).waitFor();
    await e.shot('checkin-3-organizer-checked-out');
  });

  it('after the event the organizer confirms the hours; the no-show gets none', async () => {
    e.server.stack.clock.offsetMs += 60 * MINUTE;
    const { page } = e;
    await e.login('committee');
    await page.goto(`${e.server.url}/#/packages/checkin/pages/review/index?eventId=ev-e2e`);
    await page.locator('.checkin-row--left', { hasText: '时长 1.5小时' }).waitFor();
    await page.locator('.checkin-row--absent').waitFor();
    await page.locator('.btn-confirm').click();
    // Asked first: it names who gets hours and points, the no-show, and that it cannot be undone.
    await page.locator('.taro-modal__text', { hasText: '1人的服务时长会记入，积分随之发到他们的账上；1人记为未到。确认后不能撤回' }).waitFor();
    await page.click('.taro-model__confirm');
    await page.locator('.review-confirmed').waitFor();
    await e.shot('checkin-4-confirmed');
  });

  it('the member sees the event with its hours and points in their ledger', async () => {
    const { page } = e;
    await e.login('member');
    await page.goto(`${e.server.url}/#/packages/ledger/pages/mine/index`);
    const row = page.locator('.ledger-entry', { hasText: '楼道清洁日' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/1\.5小时/);
    expect(await row.textContent()).toMatch(/\+\d+ 积分/);
    await e.shot('checkin-5-member-ledger');
  });
});

