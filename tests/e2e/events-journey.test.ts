import { describeInBrowser, startE2E, type E2E } from './support';

describeInBrowser('events and sign-ups, in the H5 build', () => {
  let e: E2E;
  let eventId = '';
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.stop());

  const openEvent = async (key: string) => {
    await e.login(key);
    await e.page.goto(`${e.server.url}/#/packages/events/pages/detail/index?id=${encodeURIComponent(eventId)}`);
    await e.page.waitForSelector('.page-events-detail:not(.is-busy) .event-role');
  };

  it('the organizer publishes an event with a role of 2 places', async () => {
    const { page } = e;
    await e.login('committee');
    await page.goto(`${e.server.url}/#/packages/events/pages/list/index`);
    await page.click('.btn-new-event');
    await page.waitForSelector('#event-title');
    await page.fill('#event-title input', '小区绿化带认养');
    await page.fill('#event-place input', '中心花园');
    await page.click('.choice-chips--event-type .choice-chip[data-value="绿化养护"]');
    await page.fill('.event-form__role[data-role-index="0"] .role-name input', '浇水修剪');
    await page.fill('.event-form__role[data-role-index="0"] .role-places input', '2');
    await e.shot('events-0-form');
    await page.click('.btn-save-event');
    await page.waitForSelector('.page-events-detail .event-role');
    const listed = await e.server.stack.host.invoke('events', { action: 'list', payload: {} }, { openid: 'demo-committee' });
    const item = (listed as { data: { items: { id: string; title: string }[] } }).data.items.find((i) => i.title === '小区绿化带认养');
    expect(item).toBeTruthy();
    eventId = item!.id;
    await e.shot('events-1-published');
  });

  it('three volunteers sign up: two get the places, the third waits', async () => {
    for (const key of ['resident', 'member']) {
      await openEvent(key);
      await e.page.click('.event-role[data-role-key] .btn-sign-up');
      await e.page.waitForSelector('.event-my-signup');
      await expect(e.page.locator('.event-mine').textContent()).resolves.toBe('已报名');
    }
    await openEvent('gridLeader');
    await e.page.click('.event-role[data-role-key] .btn-sign-up');
    await e.page.waitForSelector('.event-my-signup');
    await expect(e.page.locator('.event-mine').textContent()).resolves.toBe('你在候补第1位');
    // One tap allows the reminders (WeChat's dialog; locally a modal standing in for it).
    await e.page.click('.btn-remind-me');
    await e.page.click('.taro-model__confirm');
    await e.page.waitForSelector('.event-reminder__on');
    await e.shot('events-2-waiting');
  });

  it('one cancels and the waiting one is promoted', async () => {
    await openEvent('resident');
    await e.page.click('.btn-cancel-signup');
    await e.page.click('.taro-model__confirm');
    await e.page.waitForSelector('.page-events-detail:not(.is-busy) .btn-sign-up');
    await openEvent('gridLeader');
    await expect(e.page.locator('.event-mine').textContent()).resolves.toBe('已报名');
    await e.shot('events-3-promoted');
    expect(e.server.stack.wechat.messages).toEqual(
      expect.arrayContaining([expect.objectContaining({ openid: 'demo-grid-leader', templateId: 'event-promoted' })]),
    );
  });

  it('the committee signs a resident up on their behalf: a grid, then the resident; the sign-up is listed', async () => {
    await openEvent('committee');
    const proxy = e.page.locator('.event-proxy');
    // Nothing is asked of the roster before a grid is chosen: no error, 代为报名 waits for a resident.
    await proxy.locator('.choice-chips--proxy-grid .choice-chip[data-value="cm-baiyu1-g1"]').waitFor();
    expect(await proxy.locator('.inline-error').count()).toBe(0);
    await e.page.click('.choice-chips--proxy-grid .choice-chip[data-value="cm-baiyu1-g1"]');
    const wang = proxy.locator('.choice-chips--proxy-resident .choice-chip', { hasText: '王秀兰' });
    await wang.click();
    await e.page.click('.btn-proxy-sign-up');
    await expect(proxy.locator('.event-proxy__result').textContent()).resolves.toMatch(/^已为王秀兰报名：/);
    const row = e.page.locator('.event-organizer .event-signup', { hasText: '王秀兰' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('代报名');
    await e.page.locator('.event-proxy').scrollIntoViewIfNeeded();
    await e.shot('events-4-proxy-by-committee');
  });
});
