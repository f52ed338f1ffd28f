import type { Page } from 'playwright-core';
import { describeInBrowser, startE2E, type E2E } from './support';

/**
 * Titles and back (issue 13): the H5 build has a title bar like the weapp's navigation bar. The layout walk checks
 * that every page shows its title and, on a sub-page opened by a link, 首页; here the controls are used: 返回 on a
 * page opened from another goes back to it, 首页 on a page opened by a link goes to the home tab, and a tab page
 * has neither.
 */

interface Bar {
  title: string;
  back: boolean;
  home: boolean;
  words: string;
}

async function readBar(page: Page): Promise<Bar> {
  return page.evaluate(() => {
    const nav = document.getElementById('taro-navigation-bar')!;
    const shown = (sel: string) => {
      const el = nav.querySelector(sel);
      return !!el && getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().width >= 48 && el.getBoundingClientRect().height >= 48;
    };
    const back = shown('.taro-navigation-bar-back');
    const home = shown('.taro-navigation-bar-home');
    const control = nav.querySelector(back ? '.taro-navigation-bar-back' : '.taro-navigation-bar-home');
    return {
      title: nav.querySelector('.taro-navigation-bar-title')?.textContent?.trim() ?? '',
      back,
      home,
      words: back || home ? getComputedStyle(control!, '::after').content.replace(/^"|"$/g, '') : '',
    };
  });
}

/** Waits until the bar shows this title (the router updates it as the page shows). */
async function barTitled(page: Page, title: string): Promise<Bar> {
  await page.waitForFunction((t) => document.querySelector('#taro-navigation-bar .taro-navigation-bar-title')?.textContent?.trim() === t, title, { timeout: 20_000 });
  await page.waitForTimeout(200);
  return readBar(page);
}

describeInBrowser('H5 title bar: titles, 返回 and 首页', () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E();
  }, 120_000);

  afterAll(async () => {
    await e2e?.stop();
  });

  it('返回 goes back to the page before, 首页 goes to the home tab, a tab page has neither', async () => {
    const { page } = e2e;
    const openid = await e2e.login('member');

    // A sub-page opened by a link (no page before it): 首页, as in the weapp.
    await e2e.returnAs(openid, '/packages/events/pages/list/index');
    await page.waitForSelector('.event-card');
    expect(await barTitled(page, '活动')).toEqual({ title: '活动', back: false, home: true, words: '首页' });

    // Opened from it: 返回, which brings the list back.
    await page.click('.event-card');
    expect(await barTitled(page, '活动详情')).toEqual({ title: '活动详情', back: true, home: false, words: '返回' });
    await e2e.shot('title-bar-detail-back');
    await page.click('#taro-navigation-bar .taro-navigation-bar-back');
    expect(await barTitled(page, '活动')).toMatchObject({ title: '活动', home: true, words: '首页' });
    expect(page.url()).toContain('/packages/events/pages/list/index');
    expect(await page.isVisible('.taro_page_show .event-card')).toBe(true);

    // 首页 goes to the home tab, which has no control.
    await page.click('#taro-navigation-bar .taro-navigation-bar-home');
    expect(await barTitled(page, '同心梯队')).toEqual({ title: '同心梯队', back: false, home: false, words: '' });
    expect(page.url()).toContain('/pages/home/index');
    await e2e.shot('title-bar-home');
  }, 90_000);
});
