import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../support/browser';
import { measureLayout, type LayoutMode } from './layout-checks';
import { describeInBrowser } from './support';

/**
 * The layout walk's rules (layout-checks.ts) against small pages broken on purpose: each rule must find its fault, in
 * the mode it applies to, inside the same frame as the H5 app (Taro's tab-bar container, navigation bar and tab bar),
 * and a clean page must pass. A rule that can never fail turns this red.
 */

/** The frame of Taro's H5 app around a page's body. */
const frame = (body: string, chrome = '') => `<!doctype html><html><head><meta name="viewport" content="width=device-width,initial-scale=1">
<style>
  body { margin: 0; font: 20px/1.5 sans-serif; }
  .page { padding: 8px; }
  button { width: 120px; height: 48px; font-size: 20px; }
</style></head><body>
<div id="container" class="taro-tabbar__container">
  ${chrome}
  <div class="taro-tabbar__panel"><div class="taro_router"><div class="taro_page"><div class="page">${body}</div></div></div></div>
</div></body></html>`;

const CLEAN = frame(
  `<p>一段正常的文字，二十像素。</p>
   <button>好的</button>
   <input style="width: 300px; height: 48px; font-size: 20px" placeholder="短提示">
   <div style="overflow: hidden; text-overflow: ellipsis; white-space: nowrap; width: 300px">不长的一行</div>`,
  `<div id="taro-navigation-bar" style="height: 48px"><div class="taro-navigation-bar-back" style="width: 60px; height: 48px; cursor: pointer"></div><div class="taro-navigation-bar-title">标题</div></div>`,
);

describeInBrowser('layout checks: each rule finds its fault on a broken page', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: findChromium()!, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const measure = async (html: string, mode: LayoutMode) => {
    await page.setContent(html);
    return page.evaluate(measureLayout, mode);
  };

  it.each(['normal', 'elder'] as const)('a clean page passes in %s mode', async (mode) => {
    expect(await measure(CLEAN, mode)).toEqual([]);
  });

  it('horizontal scroll: an element wider than the screen', async () => {
    const found = await measure(frame('<div style="width: 500px; height: 20px"></div>'), 'normal');
    expect(found).toEqual([expect.stringMatching(/^horizontal scroll: page 5\d\d px wide > 360/)]);
  });

  it('text off screen: pushed past the edge of a page that hides its overflow', async () => {
    const html = frame('<div style="position: relative; left: 300px; width: 200px">这一行文字跑出了屏幕的右边</div>').replace('<style>', '<style>html, body { overflow-x: hidden; }');
    const found = await measure(html, 'normal');
    expect(found).toContainEqual(expect.stringMatching(/^text off screen: <div> "这一行文字跑出了屏幕的右边" spans 308\.\.508 px/));
  });

  it('text cut off: a single line in a narrow box, hidden or with an ellipsis', async () => {
    const hidden = await measure(frame('<div style="overflow: hidden; white-space: nowrap; width: 80px">很长很长很长很长的一行</div>'), 'normal');
    expect(hidden).toEqual([expect.stringMatching(/^text cut off: <div> "很长很长很长很长的一行" needs \d+ px wide, has 80/)]);
    const ellipsis = await measure(frame('<span style="display: block; text-overflow: ellipsis; overflow: hidden; white-space: nowrap; width: 80px">很长很长很长很长的一行</span>'), 'normal');
    expect(ellipsis).toHaveLength(1);
    expect(ellipsis[0]).toMatch(/^text cut off: <span>/);
  });

  it('text cut off: lines hidden under a fixed height', async () => {
    const found = await measure(frame('<div style="overflow: hidden; height: 30px; width: 100px">三行字三行字三行字三行字三行字</div>'), 'normal');
    expect(found).toEqual([expect.stringMatching(/^text cut off: <div> ".*" needs \d+ px high, has 30/)]);
  });

  it('overlapping text: two lines drawn over each other', async () => {
    const found = await measure(
      frame('<div style="position: relative; height: 60px"><span class="a" style="position: absolute; top: 0">第一行文字</span><span class="b" style="position: absolute; top: 10px">第二行文字</span></div>'),
      'normal',
    );
    expect(found).toEqual(['overlapping text: <span .a> "第一行文字" and <span .b> "第二行文字"']);
  });

  it('placeholder cut: a hint longer than its field', async () => {
    const found = await measure(frame('<input style="width: 100px; height: 48px; font-size: 20px; padding: 0 8px" placeholder="请输入物品名称或者关键词">'), 'normal');
    expect(found).toEqual([expect.stringMatching(/^placeholder cut: "请输入物品名称或者关键词" needs \d+ px, has 100/)]);
  });

  it('tap targets: under 44 px in normal mode, under 48 px in elder mode', async () => {
    const html = frame(`<button style="width: 30px; height: 30px">小</button>
      <button style="width: 120px; height: 46px">中</button>
      <div style="cursor: pointer; width: 200px; height: 40px"><span>一行可点的字</span></div>`);
    const normal = await measure(html, 'normal');
    expect(normal).toEqual([
      'tap target under 44 px: <button> "小" is 30x30',
      'tap target under 44 px: <div> "一行可点的字" is 200x40',
    ]);
    const elder = await measure(html, 'elder');
    expect(elder).toEqual([
      'tap target under 48 px: <button> "小" is 30x30',
      'tap target under 48 px: <button> "中" is 120x46',
      'tap target under 48 px: <div> "一行可点的字" is 200x40',
    ]);
  });

  it('tap targets in the navigation bar and the tab bar count too', async () => {
    const html = frame(
      '<p>正文</p>',
      `<div id="taro-navigation-bar"><div class="taro-navigation-bar-back" style="width: 30px; height: 30px; cursor: pointer"></div></div>
       <taro-tabbar><div class="weui-tabbar"><a class="weui-tabbar__item" style="display: inline-block; width: 90px; height: 40px">首页</a></div></taro-tabbar>`,
    );
    const found = await measure(html, 'normal');
    expect(found).toEqual([
      'tap target under 44 px: <div .taro-navigation-bar-back> "" is 30x30',
      'tap target under 44 px: <a .weui-tabbar__item> "首页" is 90x40',
    ]);
  });

  it('small text: under 18 px is a fault in elder mode only, also in the bars and in CSS words', async () => {
    const html = frame(
      '<p style="font-size: 14px">十四像素的字</p><p style="font-size: 18px">十八像素的字</p>',
      `<style>.taro-navigation-bar-back::after { content: '返回'; font-size: 16px; }</style>
       <div id="taro-navigation-bar"><div class="taro-navigation-bar-back" style="width: 60px; height: 48px; cursor: pointer"></div></div>
       <taro-tabbar><div class="weui-tabbar"><a class="weui-tabbar__item" style="display: inline-block; width: 90px; height: 48px; font-size: 15px">首页</a></div></taro-tabbar>`,
    );
    expect(await measure(html, 'normal')).toEqual([]);
    expect(await measure(html, 'elder')).toEqual([
      'text under 18 px: <a .weui-tabbar__item> "首页" is 15.0 px',
      'text under 18 px: <p> "十四像素的字" is 14.0 px',
      `text under 18 px: <div .taro-navigation-bar-back> ""::after "返回" is 16.0 px`,
    ]);
  });
});
