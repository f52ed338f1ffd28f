import { readFileSync } from 'fs';
import { describeInBrowser, startE2E, type E2E } from './support';

describeInBrowser('own data and acting for others, in the H5 build', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.stop());

  let resident = '';

  it('a resident opens 我的数据, sees what is stored and exports it as a JSON file', async () => {
    const { page } = e;
    resident = await e.login('resident');
    await page.goto(`${e.server.url}/#/pages/me/index`);
    await page.click('.entry-data');
    await page.waitForSelector('.my-data-profile');
    await expect(page.locator('.my-data-profile').textContent()).resolves.toContain('王秀兰');
    await expect(page.locator('.my-data-phone').textContent()).resolves.toContain('13900001001');
    await expect(page.locator('.my-data-community').textContent()).resolves.toContain('白玉新村第一居民区');
    await e.shot('own-data-1-my-data');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.btn-export')]);
    expect(download.suggestedFilename()).toMatch(/^我的数据-\d{8}\.json$/);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported.member).toMatchObject({ name: '王秀兰', phone: '13900001001', skills: ['书法'] });
    expect(exported.privacy.acceptedVersion).toBeTruthy();
  });

  it('adds a child to the 小小梯队 and removes them again', async () => {
    const { page } = e;
    await page.goto(`${e.server.url}/#/pages/me/index`);
    await page.click('.entry-children');
    await page.waitForSelector('.page-children:not(.is-busy) .children-empty');
    await page.fill('#child-name input', '小明');
    await page.click('.choice-chips--birth-year .choice-chip >> nth=5');
    await page.click('.guardian-consent');
    await page.click('.btn-add-child');
    await page.waitForSelector('.child-row');
    await expect(page.locator('.child-row__name').textContent()).resolves.toContain('小明');
    await e.shot('own-data-2-child');

    await page.click('.btn-remove-child');
    await page.click('.btn-confirm-remove-child');
    await page.waitForSelector('.page-children:not(.is-busy) .children-empty');
    const stored = await e.server.stack.host.invoke('members', { action: 'listChildren' }, { openid: resident });
    expect(stored).toMatchObject({ ok: true, data: { items: [] } });
  });

  it('deletes the account after typing 注销 and comes back as a fresh visitor', async () => {
    const { page } = e;
    await page.goto(`${e.server.url}/#/packages/profile/pages/data/index`);
    await page.waitForSelector('.btn-open-delete');
    await page.click('.btn-open-delete');
    await page.fill('#delete-confirm input', '注销');
    await e.shot('own-data-3-delete');
    await page.click('.btn-delete-account');
    await page.waitForSelector('.community-option[data-community-id="cm-baiyu1"]');
    await expect(page.locator('.greeting').textContent()).resolves.toContain('邻居，你好！');
    await e.shot('own-data-4-fresh');
  });

  it('a grid leader registers an elderly resident, and the committee sees it in 代办记录', async () => {
    const { page } = e;
    await e.login('gridLeader');
    // 代居民登记 is grid work, on the home of grid leaders and the committee.
    await page.goto(`${e.server.url}/#/pages/home/index`);
    await page.click('.entry-proxy');
    await page.waitForSelector('#proxy-name');
    await page.fill('#proxy-name input', '顾阿婆');
    await page.fill('#proxy-building input', '2号楼');
    await page.fill('#proxy-room input', '102');
    await page.click('.tag-chip[data-tag="理发"]');
    await page.fill('#proxy-note textarea', '独居，不用微信');
    await page.click('.btn-create-resident');
    await page.waitForSelector('.proxy-created');
    await e.shot('own-data-5-proxy');

    await e.login('committee');
    // 代居民登记 is grid work, on the home of grid leaders and the committee.
    await page.goto(`${e.server.url}/#/pages/home/index`);
    await page.click('.entry-proxy');
    await page.waitForSelector('.page-proxy:not(.is-busy) .proxy-log-row');
    await expect(page.locator('.proxy-log-row').first().textContent()).resolves.toContain('张丽华 为 顾阿婆 代为登记');
    await e.shot('own-data-6-proxy-log');
  });
});
