import { mkdirSync } from 'fs';
import { join } from 'path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { startDevServer, type DevServer } from '../../emulator/dev-server/server';
import { DEMO_PEOPLE } from '../../emulator/seed/demo-data';
import { DEV_IDENTITY_KEY } from '../../src/shared/local-dev';
import { CHROMIUM_ARGS, findChromium } from '../support/browser';
import { PAGE_TABLE, rowName, type CallAs, type PageRow } from '../support/page-table';
import { describeInBrowser, SHOTS } from './support';

/**
 * The layout walk: every page of the H5 build, as the role it is for with its query (tests/support/page-table.ts),
 * at a 360 px wide phone, in the normal and the elder-friendly mode. Fails on horizontal scroll, text cut off,
 * overlapping text, tap targets under 44 px (48 in elder mode) and, in elder mode, text under 18 px. A screenshot
 * of every page in both modes is kept in test-artifacts/e2e/layout/.
 */

const LAYOUT_SHOTS = join(SHOTS, 'layout');
const WIDTH = 360;
/** Taro H5's setStorageSync keeps `{ data }` as JSON under the key (src/services/elder-mode.ts's key). */
const ELDER_KEY = 'txtd.elderMode';

type Mode = 'normal' | 'elder';

/**
 * Violations still open, with the cause (reported to the lead): `it.failing` turns red the day one is fixed, and its
 * entry goes then.
 */
const KNOWN_GAPS: Record<string, string> = {
  'packages/councils/pages/list/index as resident (not a member) [elder]':
    'two inline Texts of the not-a-member card ("加入第二梯队后…" and "去「我的」申请加入") overlap line boxes at 22 px',
  'packages/ledger/pages/mine/index as resident (not a member) [normal]': 'the empty list line overlaps the 明细 card title',
  'packages/ledger/pages/mine/index as resident (not a member) [elder]': 'the empty list line overlaps the 明细 card title',
  'packages/cabin/pages/home/index as resident [elder]': 'the search placeholder needs 280 px at 20 px type, the field has 272',
  'packages/cabin/pages/home/index as member (keeper) [elder]': 'the search placeholder needs 280 px at 20 px type, the field has 272',
};

/** What the page measures in the browser; the rules are the issue's (13). */
function measure(mode: Mode): string[] {
  const minTap = mode === 'elder' ? 48 : 44;
  const found: string[] = [];
  const label = (el: Element) => `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? ` .${el.className.trim().split(/\s+/).join('.')}` : ''}> "${(el.textContent ?? '').trim().slice(0, 30)}"`;
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0;
  };
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth) found.push(`horizontal scroll: page ${doc.scrollWidth} px wide > ${window.innerWidth}`);
  // The tab bar is a fixed overlay the page scrolls under (its padding keeps content clear): not page layout.
  const all = Array.from(document.querySelectorAll('body *')).filter((el) => visible(el) && !el.closest('.weui-tabbar, taro-tabbar'));
  const leafText = all.filter((el) => Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim()));
  for (const el of all) {
    const s = getComputedStyle(el);
    const clips = s.overflowX === 'hidden' || s.textOverflow === 'ellipsis' || s.overflow === 'hidden';
    if (clips && (el.textContent ?? '').trim() && el.scrollWidth > el.clientWidth + 1 && el.closest('#taro-navigation-bar') === null) {
      found.push(`text cut off: ${label(el)} needs ${el.scrollWidth} px, has ${el.clientWidth}`);
    }
  }
  for (const input of Array.from(document.querySelectorAll('input[placeholder], textarea[placeholder]')).filter(visible) as HTMLInputElement[]) {
    if (input.value) continue;
    const s = getComputedStyle(input);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = `${s.fontSize} ${s.fontFamily}`;
    const need = ctx.measureText(input.placeholder).width;
    const has = input.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
    if (input.tagName === 'INPUT' && need > has + 1) found.push(`placeholder cut: "${input.placeholder}" needs ${Math.ceil(need)} px, has ${Math.floor(has)}`);
  }
  const rects = leafText.map((el) => ({ el, r: el.getBoundingClientRect() }));
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) {
      const a = rects[i]!;
      const b = rects[j]!;
      if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (w > 2 && h > 2) found.push(`overlapping text: ${label(a.el)} and ${label(b.el)}`);
    }
  }
  const tappable = all.filter((el) => {
    if (el.closest('.taro-tabbar__container, taro-tabbar')) return false;
    const tag = el.tagName.toLowerCase();
    if (['button', 'a', 'taro-button-core'].includes(tag) || el.getAttribute('role') === 'button') return true;
    if (tag === 'input' && (el as HTMLInputElement).type !== 'hidden') return true;
    if (el.classList.contains('nut-button')) return true;
    // A custom target: the outermost element showing the pointer.
    return getComputedStyle(el).cursor === 'pointer' && (!el.parentElement || getComputedStyle(el.parentElement).cursor !== 'pointer');
  });
  for (const el of tappable) {
    const r = el.getBoundingClientRect();
    if (r.width < minTap - 0.5 || r.height < minTap - 0.5) found.push(`tap target under ${minTap} px: ${label(el)} is ${Math.round(r.width)}x${Math.round(r.height)}`);
  }
  if (mode === 'elder') {
    for (const el of leafText) {
      if (el.closest('#taro-navigation-bar, taro-tabbar, .taro-tabbar__container')) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 17.5) found.push(`text under 18 px: ${label(el)} is ${size.toFixed(1)} px`);
    }
  }
  return Array.from(new Set(found));
}

describeInBrowser('layout walk: every page at 360 px, normal and elder-friendly', () => {
  let server: DevServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    mkdirSync(LAYOUT_SHOTS, { recursive: true });
    server = await startDevServer({ port: 0, dataDir: null, h5Dir: join(__dirname, '../../dist/h5') });
    await server.stack.seed();
    browser = await chromium.launch({ executablePath: findChromium()!, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: WIDTH, height: 740 }, deviceScaleFactor: 2 });
  }, 120_000);

  afterAll(async () => {
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

  const walk = async (row: PageRow, mode: Mode): Promise<string[]> => {
    const openid = openidOf(row.as);
    const call = callAs(openid);
    const query = row.query ? await row.query(call) : {};
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
      const name = rowName(row).replace(/^packages\//, '').replace(/\/index|pages\//g, '').replace(/[^\w-]+/g, '_');
      await page.screenshot({ path: join(LAYOUT_SHOTS, `${name}-${mode}.png`), fullPage: true });
      return await page.evaluate(measure, mode);
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
});
