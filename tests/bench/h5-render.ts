import { chromium } from 'playwright-core';
import { join } from 'path';
import { startDevServer } from '../../emulator/dev-server/server';
import { DEV_IDENTITY_KEY } from '../../src/shared/local-dev';
import { CHROMIUM_ARGS, findChromium } from '../support/browser';

/**
 * H5 first render: from navigation to the member's home page showing their 居民区 (real function call
 * included), median of `runs` cold page loads. Null when there is no browser.
 */
export async function h5FirstRenderMs(root: string, runs = 5): Promise<{ medianMs: number; runs: number[] } | null> {
  const executablePath = findChromium();
  if (!executablePath) return null;
  const server = await startDevServer({ port: 0, dataDir: null, h5Dir: join(root, 'dist/h5') });
  await server.stack.seed();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      await context.addInitScript(([key, openid]) => window.localStorage.setItem(key!, openid!), [DEV_IDENTITY_KEY, 'demo-member']);
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(`${server.url}/`);
      await page.getByText('白玉新村第一居民区').first().waitFor({ timeout: 20_000 });
      times.push(Date.now() - started);
      await context.close();
    }
    const sorted = [...times].sort((a, b) => a - b);
    return { medianMs: sorted[Math.floor(sorted.length / 2)]!, runs: times };
  } finally {
    await browser.close();
    await server.close();
  }
}
