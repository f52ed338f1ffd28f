import { DEMO_CABIN_ID, demoCabinItemId } from '../../emulator/seed/cabin';
import type { Harness } from '../support/harness';
import { openMonday } from '../integration/cabin/support';
import { describeInBrowser, startE2E, type E2E } from './support';

const DAY = 24 * 3600 * 1000;
const SEW_1 = demoCabinItemId('sew-1');
const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describeInBrowser('爱心格子屋, in the H5 build', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
    // Borrowing needs the cabin open: the journey starts on a Monday morning, whatever the hour it runs at.
    openMonday({ stack: e.server.stack } as unknown as Harness);
  });
  afterAll(() => e?.stop());

  const open = async (key: string, hashPath: string, ready: string) => {
    await e.login(key);
    await e.page.goto(`${e.server.url}/#${hashPath}`);
    await e.page.waitForSelector(ready);
  };
  const desk = (tab: string) => open('member', `/packages/cabin/pages/desk/index?cabinId=${DEMO_CABIN_ID}`, `.page-cabin-desk:not(.is-busy) .tab-${tab}`);

  it('a resident finds a sewing kit, holds it and borrows it at the cabin', async () => {
    const { page } = e;
    await open('resident', '/packages/cabin/pages/home/index', `.cabin-item-card[data-item-id="${SEW_1}"]`);
    await e.shot('cabin-0-home');
    // 只看现在可借: the cabin is open, so the kit stays, and every card left says 现在可….
    await page.click('.choice-chips--cabin-available [data-value="now"]');
    await page.waitForSelector('.choice-chips--cabin-available .chip--on');
    await page.waitForSelector(`.page-cabin-home:not(.is-busy) .cabin-item-card[data-item-id="${SEW_1}"]`);
    const tags = await page.locator('.tag-shelf').allTextContents();
    expect(tags.length).toBeGreaterThan(0);
    expect(tags.every((t) => t.startsWith('现在可'))).toBe(true);
    await page.click(`.cabin-item-card[data-item-id="${SEW_1}"]`);
    await page.waitForSelector('.page-cabin-item:not(.is-busy) .btn-hold');
    await page.click('.btn-hold');
    await page.waitForSelector('.item-answer.cabin-answer--ok');
    await expect(page.locator('.cabin-my-hold .cabin-row__title').textContent()).resolves.toMatch(/^已为你预留/);
    await page.click('.btn-borrow');
    await page.waitForSelector('.page-cabin-item:not(.is-busy) .cabin-my-loan');
    await expect(page.locator('.cabin-my-loan').textContent()).resolves.toMatch(/你正借着它：\d+月\d+日前归还/);
    await e.shot('cabin-1-borrowed');
  });

  it('two days later they renew it on 我的借用', async () => {
    e.server.stack.clock.offsetMs += 2 * DAY;
    await open('resident', '/packages/cabin/pages/mine/index', `.cabin-loan[data-loan-id] .btn-renew`);
    const before = await e.page.locator('.cabin-due').first().textContent();
    await e.page.click('.btn-renew');
    await e.page.waitForFunction((b) => document.querySelector('.cabin-due')?.textContent !== b, before);
    await expect(e.page.locator('.btn-renew').count()).resolves.toBe(0);
    await e.shot('cabin-2-renewed');
  });

  it('they bring it back and the keeper on duty confirms the return', async () => {
    await desk('returns');
    await e.page.click('.tab-returns');
    const row = e.page.locator('.desk-loan', { hasText: '针线包（一号）' });
    await row.locator('.return-condition input').fill('完好');
    await row.locator('.btn-take-back').click();
    await e.page.waitForSelector('.returned-answer');
    await e.shot('cabin-3-returned');
    await open('resident', `/packages/cabin/pages/item/index?id=${SEW_1}`, '.page-cabin-item:not(.is-busy) .cabin-item-status');
    await expect(e.page.locator('.cabin-item-status').textContent()).resolves.toBe('在架');
  });

  it('a resident offers a book and a keeper accepts it onto the shelf', async () => {
    const { page } = e;
    await open('resident', `/packages/cabin/pages/donate/index?cabinId=${DEMO_CABIN_ID}`, '.page-cabin-donate:not(.is-busy) .btn-offer-donation');
    await page.fill('#donation-what input', '红岩');
    await page.click('.choice-chips--donation-condition .choice-chip[data-value="九成新"]');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('.btn-donation-photo')]);
    await chooser.setFiles({ name: 'book.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
    await page.waitForSelector('.donation-photo');
    await e.shot('cabin-4-donate');
    await page.click('.btn-offer-donation');
    await page.waitForSelector('.donation-sent');
    // The keepers see the photo once WeChat's image check passed it: the local platform pushes its verdict now.
    await fetch(`${e.server.url}/__dev/wechat/media-checks/flush`, { method: 'POST' });

    await desk('donations');
    await page.click('.tab-donations');
    const row = page.locator('.donation-offer', { hasText: '红岩' });
    await row.locator('.btn-accept-donation').click();
    await row.locator('.choice-chips--accept-section .choice-chip[data-value="books"]').click();
    await row.locator('.choice-chips--accept-loan-class .choice-chip[data-value="book"]').click();
    // The donor's photo comes along into the new item.
    await expect(row.locator('img').first().getAttribute('src')).resolves.toMatch(/^\/files\/.+book\.png$/);
    await row.locator('.btn-accept-submit').click();
    // Taking it in is confirmed first, naming the item and that the donor is told.
    await page.locator('.taro-modal__text', { hasText: '并告诉' }).waitFor();
    await page.click('.taro-model__confirm');
    await page.waitForSelector('.answered-answer');
    await e.shot('cabin-5-accepted');

    await open('resident', '/packages/cabin/pages/mine/index', '.tab-donations');
    await page.click('.tab-donations');
    await page.waitForSelector('.cabin-donation .donation-status');
    await expect(page.locator('.cabin-donation .donation-status').first().textContent()).resolves.toBe('已收下');
  });

  it('a keeper records a charity sale', async () => {
    const { page } = e;
    await desk('sales');
    await page.click('.tab-sales');
    const row = page.locator(`.sale-item[data-item-id="${demoCabinItemId('coasters')}"]`);
    await row.locator('.sale-price input').fill('6');
    await row.locator('.btn-record-sale').click();
    await page.waitForSelector('.sale-record');
    await expect(page.locator('.sale-record').first().textContent()).resolves.toMatch(/手工编织杯垫 ¥6\.00/);
    await e.shot('cabin-6-sale');
  });

  it('the keeper on duty lends a book to a resident found by name', async () => {
    const { page } = e;
    await desk('lend');
    await page.fill('#lend-search input', '药');
    await page.click('.btn-lend-search');
    await page.click(`.lend-item[data-item-id="${demoCabinItemId('book-2')}"]`);
    await page.fill('#resident-search input', '刘');
    await page.click('.btn-resident-search');
    await page.click('.resident-match:has-text("刘美华")');
    await e.shot('cabin-6b-desk-lend');
    await page.click('.btn-lend');
    await page.waitForSelector('.lend-answer.cabin-answer--ok');
    await expect(page.locator('.lend-answer').textContent()).resolves.toMatch(/^已把「家庭常备药手册」借给刘美华，\d+月\d+日前归还$/);
  });

  it('a borrower allows reminders with a tap, gets the overdue notice, and the overdue loan blocks a new one', async () => {
    const { page } = e;
    const umbrella = demoCabinItemId('umbrella-1');
    await open('resident', `/packages/cabin/pages/item/index?id=${umbrella}`, '.page-cabin-item:not(.is-busy) .btn-borrow');
    await page.click('.btn-borrow');
    await page.waitForSelector('.page-cabin-item:not(.is-busy) .cabin-my-loan');
    // WeChat's dialog answers a tap only; locally a modal stands in for it.
    await page.click('.btn-remind-me');
    await page.click('.taro-model__confirm');
    await page.waitForSelector('.remind-me-answer.cabin-answer--ok');
    await e.shot('cabin-7-remind-me');

    // Ten days on, at 10:00 in Shanghai: the sweep sends reminders in the daytime only.
    const now = e.server.stack.clock.now().getTime();
    const day = new Date(now + 10 * DAY + 8 * 3600 * 1000).toISOString().slice(0, 10);
    e.server.stack.clock.offsetMs += Date.parse(`${day}T10:00:00+08:00`) - now;
    await e.server.stack.host.fireTimer('cabin', 'cabin-sweep');
    expect(e.server.stack.wechat.messages).toEqual(expect.arrayContaining([expect.objectContaining({ openid: 'demo-resident', templateId: 'loan-overdue' })]));

    await open('resident', `/packages/cabin/pages/item/index?id=${demoCabinItemId('book-3')}`, '.page-cabin-item:not(.is-busy) .btn-borrow');
    await page.click('.btn-borrow');
    await page.waitForSelector('.item-answer.cabin-answer--error');
    await expect(page.locator('.item-answer').textContent()).resolves.toBe('你有逾期未还的物品，请先归还再借新的');
    await e.shot('cabin-8-overdue-blocks');

    await open('member', `/packages/cabin/pages/report/index?cabinId=${DEMO_CABIN_ID}`, '.page-cabin-report:not(.is-busy) .figure-loans');
    await expect(page.locator('.figure-sales').textContent()).resolves.toBe('义卖1 件，共 ¥6.00');
    await e.shot('cabin-9-report');
  });
});
