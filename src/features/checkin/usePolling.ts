import { useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';

/**
 * Calls `tick` every `everyMs` while the page is shown: it stops when the page is hidden (another page on top, the
 * phone locked, WeChat in the background; and in a browser a hidden tab) and when it is unloaded, and starts again
 * when the page shows. A slow answer is awaited before the next wait, so calls never pile up. `tick` null: nothing.
 */
export function usePolling(tick: (() => Promise<unknown>) | null, everyMs: number): void {
  const [shown, setShown] = useState(true);
  useDidShow(() => setShown(true));
  useDidHide(() => setShown(false));
  const latest = useRef(tick);
  latest.current = tick;
  const active = tick !== null;

  useEffect(() => {
    if (!active || !shown) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hiddenTab = () => typeof document !== 'undefined' && (document as { hidden?: boolean }).hidden === true;
    const run = async () => {
      if (stopped) return;
      if (!hiddenTab()) await latest.current?.().catch(() => undefined);
      if (!stopped) timer = setTimeout(() => void run(), everyMs);
    };
    timer = setTimeout(() => void run(), everyMs);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active, shown, everyMs]);
}
