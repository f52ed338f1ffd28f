import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { FunctionsHost } from './functions-host';

const functionsRoot = join(__dirname, '..', '..', 'cloudfunctions');

export interface DeclaredTimer {
  fn: string;
  trigger: string;
  /** CloudBase's 7-field cron, as deployed. */
  cron: string;
}

/** Every timer trigger the functions declare in their config.json, as CloudBase would deploy them. */
export function declaredTimers(): DeclaredTimer[] {
  return readdirSync(functionsRoot, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('_') && existsSync(join(functionsRoot, e.name, 'config.json')))
    .flatMap((e) => {
      const config = JSON.parse(readFileSync(join(functionsRoot, e.name, 'config.json'), 'utf8')) as {
        triggers?: { name: string; type: string; config: string }[];
      };
      return (config.triggers ?? []).filter((t) => t.type === 'timer').map((t) => ({ fn: e.name, trigger: t.name, cron: t.config }));
    });
}

/**
 * Locally every declared timer fires once a minute, whatever its cron: timer work is idempotent and decides from
 * the clock what is due, so firing more often than the cloud changes nothing but how soon a demo sees it.
 */
export function scheduleTimers(host: FunctionsHost, everyMs = 60_000): () => void {
  const timers = declaredTimers();
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const t of timers) {
        const res = await host.fireTimer(t.fn, t.trigger);
        if (!res.ok) console.error(`[timer ${t.fn}@${t.trigger}]`, res.error.code);
      }
    } finally {
      running = false;
    }
  };
  const handle = setInterval(() => void tick(), everyMs);
  handle.unref();
  return () => clearInterval(handle);
}
