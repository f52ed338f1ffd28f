/**
 * A small stand-in for `@tarojs/taro` in jsdom (the real `@tarojs/taro-h5` drags in many ESM packages;
 * notes/taro.md). It keeps what our pages and NutUI call: navigation and toasts are recorded as jest mock
 * functions, page hooks follow React's lifecycle, and the router's params can be set per test.
 */
import { useEffect, useRef } from 'react';

type Params = Record<string, string>;
type Callback = () => void;

let routerParams: Params = {};
const didShowCallbacks = new Set<{ current: Callback }>();
const didHideCallbacks = new Set<{ current: Callback }>();

/** Sets the query the next rendered page is opened with. */
export function __setRouterParams(params: Params): void {
  routerParams = { ...params };
}

/** Fires `useDidShow` on every mounted page, as when a resident comes back to it. */
export function __triggerDidShow(): void {
  for (const ref of didShowCallbacks) ref.current();
}

/** Fires `useDidHide` on every mounted page, as when the resident leaves it for another or the phone locks. */
export function __triggerDidHide(): void {
  for (const ref of didHideCallbacks) ref.current();
}

export function __resetTaroMock(): void {
  routerParams = {};
  for (const fn of [navigateTo, navigateBack, redirectTo, switchTab, reLaunch, showToast, showModal, showLoading, hideLoading, makePhoneCall, setNavigationBarTitle]) {
    fn.mockClear();
  }
}

const ok = () => Promise.resolve({ errMsg: 'ok' });

export const navigateTo = jest.fn((_opts: { url: string }) => ok());
export const navigateBack = jest.fn((_opts?: { delta?: number }) => ok());
export const redirectTo = jest.fn((_opts: { url: string }) => ok());
export const switchTab = jest.fn((_opts: { url: string }) => ok());
export const reLaunch = jest.fn((_opts: { url: string }) => ok());
export const showToast = jest.fn((_opts: { title: string; icon?: string; duration?: number }) => ok());
export const showModal = jest.fn((_opts: unknown) => Promise.resolve({ confirm: true, cancel: false }));
export const showLoading = jest.fn((_opts?: unknown) => ok());
export const hideLoading = jest.fn(() => ok());
export const makePhoneCall = jest.fn((_opts: { phoneNumber: string }) => ok());
export const setNavigationBarTitle = jest.fn((_opts: { title: string }) => ok());

export function getCurrentInstance() {
  return { router: { params: routerParams, path: '' }, page: null, app: null };
}

export function useRouter() {
  return { params: routerParams, path: '' };
}

function usePageHook(cb: Callback, registry?: Set<{ current: Callback }>) {
  const ref = useRef(cb);
  ref.current = cb;
  useEffect(() => {
    ref.current();
    if (!registry) return undefined;
    registry.add(ref);
    return () => {
      registry.delete(ref);
    };
    // Once per mount, like a page's lifecycle.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

/** Runs once on mount (the first show) and again on `__triggerDidShow()`. */
export function useDidShow(cb: Callback): void {
  usePageHook(cb, didShowCallbacks);
}
export function useLoad(cb: Callback): void {
  usePageHook(cb);
}
export function useReady(cb: Callback): void {
  usePageHook(cb);
}
export function useLaunch(cb: Callback): void {
  usePageHook(cb);
}
export function useUnload(cb: Callback): void {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => cb, []);
}
/** Runs on `__triggerDidHide()` only (never on mount). */
export function useDidHide(cb: Callback): void {
  const ref = useRef(cb);
  ref.current = cb;
  useEffect(() => {
    didHideCallbacks.add(ref);
    return () => {
      didHideCallbacks.delete(ref);
    };
  }, []);
}
export function usePageScroll(_cb: (e: { scrollTop: number }) => void): void {}
export function usePullDownRefresh(_cb: Callback): void {}
export function useReachBottom(_cb: Callback): void {}
export function useShareAppMessage(_cb: () => unknown): void {}

export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB', RN: 'RN', SWAN: 'SWAN', ALIPAY: 'ALIPAY', TT: 'TT', QQ: 'QQ', JD: 'JD' };
export function getEnv() {
  return ENV_TYPE.WEB;
}
export function nextTick(cb: Callback) {
  setTimeout(cb, 0);
}
export function pxTransform(size: number) {
  return `${size / 2}px`;
}
export function getSystemInfoSync() {
  return { windowWidth: 375, windowHeight: 667, screenWidth: 375, screenHeight: 667, pixelRatio: 2, platform: 'devtools' };
}
export function getSystemInfo() {
  return Promise.resolve(getSystemInfoSync());
}
export function getWindowInfo() {
  return getSystemInfoSync();
}
export function pageScrollTo(_opts: unknown) {
  return ok();
}
export function createSelectorQuery() {
  const query = {
    select: () => query,
    selectAll: () => query,
    selectViewport: () => query,
    in: () => query,
    boundingClientRect: (cb?: (r: unknown) => void) => {
      cb?.({ width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0 });
      return query;
    },
    scrollOffset: () => query,
    fields: () => query,
    exec: (cb?: (r: unknown[]) => void) => cb?.([]),
  };
  return query;
}
/** Device storage, kept in jsdom's localStorage (cleared between page tests). */
export function getStorageSync(key: string): unknown {
  const raw = window.localStorage.getItem(`taro:${key}`);
  return raw === null ? '' : (JSON.parse(raw) as unknown);
}
export function setStorageSync(key: string, value: unknown): void {
  window.localStorage.setItem(`taro:${key}`, JSON.stringify(value));
}
export function removeStorageSync(key: string): void {
  window.localStorage.removeItem(`taro:${key}`);
}
export const eventCenter = { on() {}, off() {}, trigger() {}, once() {} };
/** H5 has no `Taro.cloud` at run time (notes/taro.md). */
export const cloud = undefined;

const Taro = {
  navigateTo,
  navigateBack,
  redirectTo,
  switchTab,
  reLaunch,
  showToast,
  showModal,
  showLoading,
  hideLoading,
  makePhoneCall,
  setNavigationBarTitle,
  getCurrentInstance,
  getEnv,
  ENV_TYPE,
  nextTick,
  pxTransform,
  getSystemInfoSync,
  getSystemInfo,
  getWindowInfo,
  pageScrollTo,
  createSelectorQuery,
  eventCenter,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  cloud,
};

export default Taro;
