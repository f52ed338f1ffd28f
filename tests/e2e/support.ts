import { mkdirSync } from 'fs';
import { join } from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startDevServer, type DevServer } from '../../emulator/dev-server/server';
import { DEV_IDENTITY_KEY } from '../../src/shared/local-dev';
import { CHROMIUM_ARGS, findChromium, NO_BROWSER_HELP } from '../support/browser';

const root = join(__dirname, '../..');
export const SHOTS = join(root, 'test-artifacts', 'e2e');

/** `describe` when a browser is here; a skip with the reason otherwise, and a failure under CI. */
export function describeInBrowser(name: string, body: () => void): void {
  if (findChromium()) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') throw new Error(NO_BROWSER_HELP);
  console.warn(`${name}: ${NO_BROWSER_HELP}`);
  describe.skip(name, body);
}

export interface E2E {
  server: DevServer;
  browser: Browser;
  page: Page;
  /** Picks a demo identity on the dev login page, as a newcomer would; answers the openid now in use. */
  login(key: string): Promise<string>;
  /** Comes back as a known openid (the dev login mints a new newcomer each time). */
  returnAs(openid: string, hashPath: string): Promise<void>;
  shot(name: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  mkdirSync(SHOTS, { recursive: true });
  const server = await startDevServer({ port: 0, dataDir: null, h5Dir: join(root, 'dist/h5') });
  await server.stack.seed();
  const browser = await chromium.launch({ executablePath: findChromium()!, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return {
    server,
    browser,
    page,
    async login(key) {
      await page.goto(`${server.url}/__dev/login`);
      await page.click(`button.identity[data-key="${key}"]`);
      await page.waitForURL((u) => !u.pathname.startsWith('/__dev'));
      return (await page.evaluate((k) => localStorage.getItem(k), DEV_IDENTITY_KEY)) ?? '';
    },
    async returnAs(openid, hashPath) {
      await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [DEV_IDENTITY_KEY, openid]);
      await page.goto(`${server.url}/#${hashPath}`);
      await page.reload();
    },
    async shot(name) {
      // A page sliding in (or a toast fading) would be caught halfway: wait for the finite animations to end.
      await page.evaluate(() =>
        Promise.all(document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined))),
      );
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    },
    async stop() {
      await browser.close();
      await server.close();
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    },
  };
}
