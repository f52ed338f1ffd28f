import { describeInBrowser, startE2E, type E2E } from './support';

const PKG = '/packages/notices/pages';
/** A 1x1 PNG, as a photo the leader attaches. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describeInBrowser('notices into group chats, in the H5 build', () => {
  let e: E2E;
  let noticeId = '';
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.stop());

  const goto = (hashPath: string) => e.page.goto(`${e.server.url}/#${hashPath}`);

  it('the grid leader binds two WeChat groups by opening the bind card inside each', async () => {
    await e.login('gridLeader');
    for (const [group, name] of [
      ['C', '1号楼居民群'],
      ['D', '2号楼邻里群'],
    ] as const) {
      await goto(`${PKG}/bind/index?gridId=cm-baiyu1-g1&devGroup=${group}`);
      await e.page.waitForSelector('.page-notices-bind:not(.is-busy) #group-name');
      await e.page.fill('#group-name input', name);
      await e.page.click('.btn-bind-group');
      await e.page.waitForSelector('.notice-bound');
    }
    await e.shot('notices-0-bound');
    await goto(`${PKG}/groups/index`);
    await e.page.waitForSelector('.page-notices-groups:not(.is-busy) .notice-group');
    const names = await e.page.locator('.notice-group .notice-row__name').allTextContents();
    expect(names).toEqual(expect.arrayContaining(['1号楼居民群', '2号楼邻里群']));
    await e.shot('notices-1-groups');
  }, 20_000);

  it('publishes a notice with a photo, from a template that asks residents to tap 收到', async () => {
    const { page } = e;
    await goto(`${PKG}/list/index`);
    await page.click('.btn-new-notice');
    await page.waitForSelector('.page-notices-edit:not(.is-busy) #notice-title');
    await page.click('.choice-chips--notice-template .choice-chip[data-value="safety-charging"]');
    await page.fill('#notice-title input', '安全提醒：楼道里不要给电动车充电');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('.btn-add-images')]);
    await chooser.setFiles({ name: 'charging.png', mimeType: 'image/png', buffer: PHOTO });
    await page.waitForSelector('.notice-images-field .notice-images__img img');
    await e.shot('notices-2-form');
    await page.click('.btn-save-notice');
    // Publishing to many is confirmed first.
    await page.click('.taro-model__confirm');
    await page.waitForSelector('.page-notices-detail:not(.is-busy) .btn-share-notice');
    noticeId = new URL(page.url().replace('#', '')).searchParams.get('id') ?? '';
    expect(noticeId).toMatch(/^cm-baiyu1-/);
    // The photo was stored and shows on the notice.
    await page.waitForFunction(() => (document.querySelector('.notice-info .notice-images__img img') as HTMLImageElement | null)?.naturalWidth === 1);
    // The page slides in after a redirect: shoot once it is in place.
    await page.waitForFunction(() => document.querySelector('.page-notices-detail')?.getBoundingClientRect().left === 0);
    await e.shot('notices-3-published');
  }, 20_000);

  it('a resident opens it from the notice list, then from the card in group C, and taps 收到', async () => {
    await e.login('resident');
    await goto(`${PKG}/list/index`);
    await e.page.waitForSelector(`.notice-card[data-notice-id="${noticeId}"] .notice-state`);
    await expect(e.page.locator(`.notice-card[data-notice-id="${noticeId}"] .notice-state`).textContent()).resolves.toBe('未读');
    await e.shot('notices-4-resident-list');
    await e.page.click(`.notice-card[data-notice-id="${noticeId}"] .btn-open-notice`);
    await e.page.waitForSelector('.page-notices-detail:not(.is-busy) .btn-confirm-notice');
    await goto(`${PKG}/detail/index?id=${encodeURIComponent(noticeId)}&devGroup=C`);
    await e.page.reload();
    await e.page.waitForSelector('.page-notices-detail:not(.is-busy) .btn-confirm-notice');
    await e.page.click('.btn-confirm-notice');
    await e.page.waitForSelector('.notice-answer .notice-mine');
    await e.shot('notices-4-confirmed-in-group');
  }, 20_000);

  it('the leader sees reads per group and the unread, and reminds them with one tap', async () => {
    const { page } = e;
    await e.login('gridLeader');
    // The leader lives in the grid too and allows one notice reminder by a tap (the local stand-in for WeChat's
    // dialog); she wrote the notice, so her own reminder never reaches her.
    await goto(`${PKG}/list/index`);
    await page.click('.btn-subscribe-notices');
    await page.click('.taro-model__confirm');
    await page.waitForSelector('.notice-subscribe__answer');
    await goto(`${PKG}/receipts/index?id=${encodeURIComponent(noticeId)}&mode=confirm`);
    await page.waitForSelector('.page-notices-receipts:not(.is-busy) .notice-group-count');
    const groupA = page.locator('.notice-group-count', { hasText: '1号楼居民群' });
    await expect(groupA.locator('.notice-row__meta').textContent()).resolves.toBe('1 人打开');
    await expect(page.locator('.notice-card__counts').textContent()).resolves.toMatch(/^已读 \d+\/\d+，已收到 1$/);
    const elsewhere = page.locator('.notice-group-count[data-group-id="elsewhere"] .notice-row__meta');
    await expect(elsewhere.textContent()).resolves.toMatch(/^[1-9]\d* 人打开$/);
    await e.shot('notices-5-receipts');
    await page.click('.choice-chips--receipt-filter .choice-chip[data-value="unread"]');
    await page.waitForSelector('.page-notices-receipts:not(.is-busy) .receipt-row--unread');
    await e.shot('notices-6-unread');
    await expect(page.locator('.remind-audience').textContent()).resolves.toMatch(/^会提醒：未读的邻居 \d+ 人，和已读未点“收到”的邻居 \d+ 人$/);
    await page.click('.btn-remind-unread');
    // The confirmation says who is reminded before anything is sent.
    await page.locator('.taro-modal__text', { hasText: '已读未点“收到”的邻居' }).waitFor();
    await e.shot('notices-7-remind-confirm');
    await page.click('.taro-model__confirm');
    await page.waitForSelector('.notice-remind__result');
    await expect(page.locator('.notice-remind__result .notice-ok').textContent()).resolves.toBe('第 1 轮提醒已发出。');
    await expect(page.locator('.notice-remind__result').textContent()).resolves.not.toContain('张丽华');
    expect(e.server.stack.wechat.messages.filter((m) => m.openid === 'demo-grid-leader' && m.templateId === 'notice-remind')).toEqual([]);
    // 吴阿婆 has no WeChat and no phone on file: she is listed to visit.
    await expect(page.locator('.remind-rest', { hasText: '吴阿婆' }).textContent()).resolves.toContain('没有留电话');
    await e.shot('notices-8-reminded');
  }, 20_000);

  it('the committee gives 第二微格 a WeCom robot; the page shows it only masked', async () => {
    const { page } = e;
    await e.login('committee');
    await goto(`${PKG}/robots/index`);
    const row = page.locator('.notice-robot-row[data-grid-id="cm-baiyu1-g2"]');
    await row.waitFor();
    await row.locator('.robot-webhook-input input').fill('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=local-robot-g2-7788');
    await row.locator('.btn-set-robot').click();
    await page.waitForFunction(() => /^已设置：.*7788$/.test(document.querySelector('.notice-robot-row[data-grid-id="cm-baiyu1-g2"] .robot-key')?.textContent ?? ''));
    expect(await page.content()).not.toContain('local-robot-g2');
    await e.shot('notices-8-robots');
  }, 20_000);
});
