import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { startDevServer, type DevServer } from '../../emulator/dev-server/server';
import { DEMO_PEOPLE } from '../../emulator/seed/demo-data';
import { DEV_IDENTITY_KEY } from '../../src/shared/local-dev';
import { CHROMIUM_ARGS, findChromium } from '../support/browser';
import { PAGE_TABLE, rowName, type CallAs, type PageRow } from '../support/page-table';
import { layoutFigures, measureLayout, type LayoutFigures, type LayoutMode } from './layout-checks';
import { describeInBrowser, SHOTS } from './support';

/**
 * The layout walk: every page of the H5 build, as the role it is for with its query (tests/support/page-table.ts),
 * at a 360 px wide phone, in the normal and the elder-friendly mode. Fails on horizontal scroll, text cut off,
 * overlapping text, tap targets under 44 px (48 in elder mode) and, in elder mode, text under 18 px (the rules are in
 * layout-checks.ts, proven against broken pages by layout-checks.test.ts), and on a title bar without the page's title
 * or, on a sub-page, without its 首页/返回 control. A screenshot
 * of every page in both modes is kept in test-artifacts/e2e/layout/.
 */

const LAYOUT_SHOTS = join(SHOTS, 'layout');
const WIDTH = 360;
const HEIGHT = 740;
/** Taro H5's setStorageSync keeps `{ data }` as JSON under the key (src/services/elder-mode.ts's key). */
const ELDER_KEY = 'txtd.elderMode';

type Mode = LayoutMode;

/**
 * The screenshot's name: the page (its package and folder), the role and the variant, e.g.
 * events_detail_as_member_signed_up_; a variant in Chinese stays in Chinese, so 新建项目 and 编辑项目 keep two files.
 */
const shotName = (row: PageRow) => rowName(row).replace(/^packages\//, '').replace(/\/index|pages\//g, '').replace(/[^\w\u4e00-\u9fff-]+/g, '_');

const root = join(__dirname, '../..');
/** The tab pages (app.config.ts's tabBar): the only pages without back or home in the title bar. */
const TAB_PAGES = Array.from(readFileSync(join(root, 'src/app.config.ts'), 'utf8').matchAll(/pagePath: '([^']+)'/g), (m) => m[1]!);
/** The title a page's config gives its navigation bar. */
const configTitle = (page: string): string => {
  const config = readFileSync(join(root, 'src', `${page}.config.ts`), 'utf8');
  return /navigationBarTitleText: '([^']*)'/.exec(config)?.[1] ?? '';
};

/** What Taro's H5 title bar shows: its title and the control on its left (返回, 首页, or none on a tab page). */
function readTitleBar(): { shown: boolean; title: string; control: string | null } {
  const nav = document.getElementById('taro-navigation-bar');
  const shown = (el: Element | null | undefined): el is Element =>
    !!el && getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().height > 0;
  const control = ['back', 'home'].map((k) => nav?.querySelector(`.taro-navigation-bar-${k}`)).find(shown);
  return {
    shown: shown(nav) && nav!.classList.contains('taro-navigation-bar-show'),
    title: nav?.querySelector('.taro-navigation-bar-title')?.textContent?.trim() ?? '',
    control: control ? getComputedStyle(control, '::after').content.replace(/^"|"$/g, '') : null,
  };
}

/**
 * Titles and back (issue 13): every page shows the title bar with its config's title, or the one the page sets for
 * the row (`title`: the same page opened another way, e.g. 议事答复); a sub-page opened by a link
 * (as here) offers 首页 on the left, as the weapp does (返回 once opened from another page: title-bar.test.ts), and a
 * tab page nothing.
 */
function titleBarFaults(row: PageRow, bar: ReturnType<typeof readTitleBar>): string[] {
  if (!bar.shown) return ['title bar: not shown'];
  const faults: string[] = [];
  const { page } = row;
  const config = configTitle(page);
  const want = row.title ?? config;
  if (!config) faults.push(`title bar: src/${page}.config.ts has no navigationBarTitleText`);
  else if (bar.title !== want) faults.push(`title bar: shows "${bar.title}", ${row.title ? 'the row says the page sets' : "the page's config says"} "${want}"`);
  if (TAB_PAGES.includes(page)) {
    if (bar.control) faults.push(`title bar: a tab page shows "${bar.control}"`);
  } else if (bar.control !== '首页' && bar.control !== '返回') {
    faults.push(`title bar: a sub-page without 返回 or 首页 (shows ${bar.control ?? 'nothing'})`);
  }
  return faults;
}

/**
 * Violations still open, with the cause (reported to the lead): `it.failing` turns red the day one is fixed, and its
 * entry goes then.
 */
const KNOWN_GAPS: Record<string, string> = {};

describeInBrowser('layout walk: every page at 360 px, normal and elder-friendly', () => {
  let server: DevServer;
  const figures: Record<string, LayoutFigures> = {};
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    rmSync(LAYOUT_SHOTS, { recursive: true, force: true });
    mkdirSync(LAYOUT_SHOTS, { recursive: true });
    server = await startDevServer({ port: 0, dataDir: null, h5Dir: join(__dirname, '../../dist/h5') });
    await server.stack.seed();
    browser = await chromium.launch({ executablePath: findChromium()!, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, deviceScaleFactor: 2 });
  }, 120_000);

  afterAll(async () => {
    // The figures of every page and mode (text sizes, the smallest tap target), beside the screenshots.
    writeFileSync(join(LAYOUT_SHOTS, 'figures.json'), `${JSON.stringify(figures, null, 1)}\n`);
    await browser?.close();
    await server?.close();
  });

  const openidOf = (key: string) => {
    const person = DEMO_PEOPLE.find((p) => p.key === key);
    if (!person) throw new Error(`no demo identity ${key}`);
    return person.openid;
  };

  const callAs = (openid: string): CallAs => async (fn, action, payload = {}) => {
    const res = await fetch(`${server.url}/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
      body: JSON.stringify({ action, payload }),
    });
    const answer = (await res.json()) as { ok: boolean; data?: unknown; error?: { code: string } };
    if (!answer.ok) throw new Error(`${fn}.${action}: ${answer.error?.code}`);
    return answer.data;
  };

  // Both modes of a row open the same record: a query such as "the first notice" (unread first) would otherwise pick
  // another one once the normal mode's visit has read it, and the two modes would measure different pages.
  const queries = new Map<PageRow, Promise<Record<string, string>>>();
  const walk = async (row: PageRow, mode: Mode): Promise<string[]> => {
    const openid = openidOf(row.as);
    const call = callAs(openid);
    if (!queries.has(row)) queries.set(row, row.query ? row.query(call) : Promise.resolve({}));
    const query = { ...(await queries.get(row)!) };
    if (row.at) server.stack.clock.offsetMs = (await row.at(call)).getTime() - Date.now();
    if (row.inGroup) query.devGroup = row.inGroup;
    const page = await context.newPage();
    try {
      await page.addInitScript(
        ([idKey, id, elderKey, elder]) => {
          localStorage.setItem(idKey!, id!);
          localStorage.setItem(elderKey!, JSON.stringify({ data: elder }));
        },
        [DEV_IDENTITY_KEY, openid, ELDER_KEY, mode === 'elder' ? 'on' : 'off'],
      );
      const search = new URLSearchParams(query).toString();
      await page.goto(`${server.url}/#/${row.page}${search ? `?${search}` : ''}`);
      await page.waitForSelector('.page-shell', { timeout: 20_000 });
      await page.waitForFunction(() => !document.querySelector('.page-loading'), undefined, { timeout: 20_000 });
      await page.waitForTimeout(400);
      const found = [...(await page.evaluate(measureLayout, mode)), ...titleBarFaults(row, await page.evaluate(readTitleBar))];
      const seen = await page.evaluate(layoutFigures);
      figures[`${rowName(row)} [${mode}]`] = seen;
      // At least 1.3x type: the page's body text against the same page in the normal mode (walked just before).
      const normal = figures[`${rowName(row)} [normal]`];
      if (mode === 'elder' && normal && seen.bodyText < normal.bodyText * 1.3 - 0.25) {
        found.push(`elder type under 1.3x: body text ${seen.bodyText} px, ${normal.bodyText} px in the normal mode`);
      }
      // The whole page in one picture: Taro's H5 page scrolls inside itself (the document never grows), so the
      // phone is made as tall as the page for the screenshot, after the measuring.
      const tall = await page.evaluate(() => {
        const scroller = document.querySelector('.taro_page.taro_page_show');
        return scroller ? window.innerHeight + scroller.scrollHeight - scroller.clientHeight : document.documentElement.scrollHeight;
      });
      await page.setViewportSize({ width: WIDTH, height: Math.min(Math.max(tall, HEIGHT), 12_000) });
      await page.waitForTimeout(100);
      await page.screenshot({ path: join(LAYOUT_SHOTS, `${shotName(row)}-${mode}.png`), fullPage: true });
      return found;
    } finally {
      server.stack.clock.offsetMs = 0;
      await page.close();
    }
  };

  const cases = PAGE_TABLE.flatMap((row) => (['normal', 'elder'] as const).map((mode) => [`${rowName(row)} [${mode}]`, row, mode] as const));

  const check = async (row: PageRow, mode: Mode) => expect(await walk(row, mode)).toEqual([]);
  const working = cases.filter(([name]) => !KNOWN_GAPS[name]);
  const known = cases.filter(([name]) => KNOWN_GAPS[name]);
  it.each(working)('%s', async (_name, row, mode) => check(row, mode), 60_000);
  if (known.length) it.failing.each(known)('%s (known gap, see KNOWN_GAPS)', async (_name, row, mode) => check(row, mode), 60_000);

  it('kept one screenshot per page, role and mode, each as tall as its page', () => {
    const want = cases.map(([, row, mode]) => `${shotName(row)}-${mode}.png`);
    expect(new Set(want).size).toBe(cases.length);
    const kept = new Set(readdirSync(LAYOUT_SHOTS).filter((f) => f.endsWith('.png')));
    expect(want.filter((f) => !kept.has(f))).toEqual([]);
    // A PNG's height is the big-endian number at byte 20; at 2x, one of 740 CSS px is 1480.
    const heights = want.map((f) => readFileSync(join(LAYOUT_SHOTS, f)).readUInt32BE(20) / 2);
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(HEIGHT);
    expect(Math.max(...heights)).toBeGreaterThan(HEIGHT);
  });
});
