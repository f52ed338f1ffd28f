import { join } from 'path';
import type { Page } from 'playwright-core';
import { DEMO_PEOPLE } from '../../emulator/seed/demo-data';
import { demoMemberId } from '../../emulator/seed/seed';
import { DEV_IDENTITY_KEY } from '../../src/shared/local-dev';
import { CODE_ALPHABET } from '../../src/shared/rules/checkin-code';
import { addEvent, signUp } from '../integration/checkin/fixtures';
import { describeInBrowser, SHOTS, startE2E, type E2E } from './support';

jest.setTimeout(120_000);

/**
 * Check-in without a camera, in the H5 build: the grid leader (the event's organizer) keeps 签到台 open on one
 * phone; a resident on another, with no camera, opens the event, reads the 6 characters off the station and types
 * them; the station's count goes up by its poll, before the code changes. The event is written in the events
 * function's stored shape (src/shared/domain/event.ts), everything after is the H5 build against the local stack.
 */
describeInBrowser('check-in by the 6-character code, in the H5 build', () => {
  let e: E2E;
  let station: Page;
  /** Every checkin call the station phone made, with the 在场 count it answered. */
  const stationAnswers: { action: string; present: number | null }[] = [];
  let code = '';

  beforeAll(async () => {
    e = await startE2E();
    station = await (await e.browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    station.on('response', async (res) => {
      if (!res.url().endsWith('/fn/checkin')) return;
      const action = (res.request().postDataJSON() as { action: string }).action;
      const body = (await res.json().catch(() => null)) as { data?: { counts?: { present: number } } } | null;
      stationAnswers.push({ action, present: body?.data?.counts?.present ?? null });
    });
  });
  afterAll(async () => {
    await station?.context().close();
    await e?.stop();
  });

  const id = (key: string) => demoMemberId(DEMO_PEOPLE.find((p) => p.key === key)!);

  it('the grid leader opens 签到台: the QR code, the 6-character code next to it, and nobody there yet', async () => {
    // Begin just after a 30-second slot starts, so the code on the station stays the same through this journey.
    const clock = e.server.stack.clock;
    clock.offsetMs = 30_000 - (clock.now().getTime() % 30_000) + 500;
    const now = clock.now();
    await addEvent('ev-code', now, { organizerId: id('gridLeader'), startsInMinutes: 10, hours: 2 });
    await signUp('ev-code', [id('resident'), id('member')], now);

    await station.goto(`${e.server.url}/__dev/login`);
    await station.click('button.identity[data-key="gridLeader"]');
    await station.waitForURL((u) => !u.pathname.startsWith('/__dev'));
    await station.goto(`${e.server.url}/#/packages/checkin/pages/station/index?eventId=ev-code`);
    const shown = station.locator('.station-short-code');
    await shown.waitFor();
    const text = (await shown.textContent()) ?? '';
    expect(text).toMatch(new RegExp(`^[${CODE_ALPHABET}]{3} [${CODE_ALPHABET}]{3}$`));
    code = text.replace(' ', '');
    await station.getByText('没有摄像头？在签到页输入这 6 位码签到').waitFor();
    await station.locator('.checkin-code__image').waitFor();
    await station.locator('.checkin-count--present .checkin-count__value', { hasText: '0' }).waitFor();
    await station.locator('.checkin-count--absent .checkin-count__value', { hasText: '2' }).waitFor();
    await station.screenshot({ path: join(SHOTS, 'checkin-code-1-station.png'), fullPage: true });
  });

  it('the resident opens the event, taps 扫码签到 and types the code in lower case; a look-alike is refused as typed', async () => {
    const { page } = e;
    await e.login('resident');
    expect(await page.evaluate((k) => localStorage.getItem(k), DEV_IDENTITY_KEY)).toBe('demo-resident');
    await page.goto(`${e.server.url}/#/packages/events/pages/detail/index?id=ev-code`);
    await page.locator('.btn-open-scan').click();
    const field = page.locator('#input-code input');
    await field.waitFor();
    // No camera in a browser: the code comes first.
    await field.pressSequentially('o');
    await page.getByText(/签到码里没有「O」/).waitFor();
    await field.fill('');
    await field.pressSequentially(code.toLowerCase(), { delay: 50 });
    await page.waitForFunction(() => (document.querySelector('#input-code input') as HTMLInputElement | null)?.value.length === 7);
    expect(await field.inputValue()).toBe(`${code.slice(0, 3)} ${code.slice(3)}`);
    await e.shot('checkin-code-2-typed');
    await page.locator('.btn-submit-code').click();
    await page.locator('.scan-answer', { hasText: /签到成功 \d\d:\d\d/ }).waitFor();
    await page.locator('.scan-answer__event', { hasText: '楼道清洁日' }).waitFor();
    await e.shot('checkin-code-3-checked-in');
  });

  it('the station shows 1 在场 by its count poll, with the same code still on screen', async () => {
    await station.locator('.checkin-count--present .checkin-count__value', { hasText: '1' }).waitFor({ timeout: 10_000 });
    expect((await station.locator('.station-short-code').textContent())?.replace(' ', '')).toBe(code);
    const first = stationAnswers.find((a) => (a.present ?? 0) >= 1);
    expect(first?.action).toBe('counts');
    expect(stationAnswers.filter((a) => a.action === 'station')).toHaveLength(1);
    await station.screenshot({ path: join(SHOTS, 'checkin-code-4-station-counted.png'), fullPage: true });
  });

  it('a wrong code says how many tries are left', async () => {
    const { page } = e;
    await e.login('member');
    await page.goto(`${e.server.url}/#/packages/checkin/pages/scan/index?eventId=ev-code`);
    const wrong = CODE_ALPHABET[(CODE_ALPHABET.indexOf(code[0]!) + 1) % CODE_ALPHABET.length] + code.slice(1);
    await page.locator('#input-code input').fill(wrong);
    await page.locator('.btn-submit-code').click();
    await page.locator('.scan-answer', { hasText: '签到码不对，还可以再试 4 次。请对照签到台上的 6 位码再输一次' }).waitFor();
    await e.shot('checkin-code-5-wrong');
  });
});
