import { describeInBrowser, startE2E, type E2E } from './support';

const ADMIN = '/packages/admin/pages/shop/index';
const LIST = '/packages/shop/pages/list/index';
const VERIFY = '/packages/shop/pages/verify/index';

describeInBrowser('the points shop, in the H5 build', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.stop());

  let committee = '';
  let code = '';

  it('the committee lists a reward from a 友邻联盟 shop', async () => {
    const { page } = e;
    committee = await e.login('committee');
    await page.goto(`${e.server.url}/#${ADMIN}`);
    await page.waitForSelector('.page-admin-shop:not(.is-busy) .shop-admin-row');
    await page.fill('#reward-new-name input', '眼镜免费调校');
    await page.fill('#reward-new-description textarea', '明亮眼镜店提供，凭码到店。');
    await page.fill('#reward-new-price input', '25');
    await page.fill('#reward-new-stock input', '3');
    await page.click('.choice-chips--reward-new-partner .choice-chip[data-value="partner"]');
    await page.fill('#reward-new-giver input', '明亮眼镜店');
    await page.click('.btn-save-reward');
    await page.locator('.shop-admin-row', { hasText: '眼镜免费调校' }).waitFor();
    await e.shot('shop-1-committee-listed');
  });

  it('a member redeems it and sees the code', async () => {
    const { page } = e;
    await e.login('member');
    await page.goto(`${e.server.url}/#${LIST}`);
    const card = page.locator('.reward-card', { hasText: '眼镜免费调校' });
    await card.waitFor();
    await page.waitForSelector('.page-shop-list:not(.is-busy)');
    await expect(card.textContent()).resolves.toContain('友邻联盟');
    await e.shot('shop-2-shelf');
    await card.locator('.btn-redeem').click();
    await page.click('.taro-model__confirm');
    await page.waitForSelector('.page-shop-mine:not(.is-busy) .redemption-card--pending .redemption-card__code');
    const mine = page.locator('.redemption-card', { hasText: '眼镜免费调校' });
    code = ((await mine.locator('.redemption-card__code').textContent()) ?? '').replace(/\s/g, '');
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    await mine.locator('.btn-show-qr').click();
    await mine.locator('.redemption-card__qr').waitFor();
    await e.shot('shop-3-code');
  });

  it('the committee marks it used; a second mark says when', async () => {
    const { page } = e;
    await e.returnAs(committee, VERIFY);
    await page.waitForSelector('#verify-code input');
    await page.fill('#verify-code input', code.toLowerCase());
    await page.click('.btn-mark-used');
    // A code is spent once: confirmed first, naming it.
    await page.locator('.taro-modal__text', { hasText: code.toUpperCase() }).waitFor();
    await page.click('.taro-model__confirm');
    await page.locator('.verify-result', { hasText: '核销成功' }).waitFor();
    await e.shot('shop-4-used');
    await page.fill('#verify-code input', code);
    await page.click('.btn-mark-used');
    await page.click('.taro-model__confirm');
    await page.locator('.verify-result--alreadyUsed').waitFor();
    await expect(page.locator('.verify-result__title').textContent()).resolves.toMatch(/^已于 \d\d:\d\d 核销$/);
    await e.shot('shop-5-already-used');
  });
});
