import Taro, { useDidShow, useReady } from '@tarojs/taro';

/**
 * A title bar for a page whose title depends on how it was opened (the same page, another query: 议事答复,
 * 发起问卷), over its config's. Set on every show and again when ready: Taro's H5 router writes the config's title
 * (or the last one set for the route, shared by the route's other variants) right after a page's first show, and
 * restores it from that per-route cache on the way back.
 */
export function usePageTitle(title: string): void {
  const set = () => void Taro.setNavigationBarTitle({ title });
  useDidShow(set);
  useReady(set);
}
