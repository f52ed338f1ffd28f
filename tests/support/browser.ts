import { existsSync } from 'fs';

/** Debian's Chromium, or the one CHROME_PATH names; null when this machine has none. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

/** The flags that keep Chromium quiet on a machine without outside network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const NO_BROWSER_HELP =
  'No Chromium found: the browser journeys (tests/e2e) were NOT run. Install one with ' +
  '`apt-get update && apt-get install -y chromium fonts-noto-cjk`, or set CHROME_PATH to a Chromium binary.';
