/**
 * Loads a page of the real `dist/weapp` build into miniprogram-simulate. Taro compiles pages to
 * `Page()` calls and an `App()` in app.js; simulate only knows `Component()`, so a few shims stand in for
 * the mini-program host (notes/taro.md, "Tests").
 */
import fs from 'node:fs';
import path from 'node:path';
import { startHarness, type Harness } from '../support/harness';

export const WEAPP_ROOT = path.resolve(__dirname, '../../dist/weapp');

type AnyFn = (...args: any[]) => any;
type Options = Record<string, any>;

interface SimulatedComponent {
  dom: HTMLElement;
  querySelector(selector: string): SimulatedComponent | undefined;
  dispatchEvent(name: string, detail?: unknown): void;
  instance: Record<string, any>;
  attach(parent: Element): void;
  detach(): void;
}

export interface WeappHost {
  /** Renders a page (e.g. 'pages/me/index') with its query, as if WeChat opened it. */
  openPage(route: string, query?: Record<string, string>): SimulatedComponent;
}

/** Fails with a plain instruction when the build is missing. */
export function assertWeappBuilt(): void {
  const appJs = path.join(WEAPP_ROOT, 'app.js');
  if (!fs.existsSync(appJs)) {
    throw new Error(`dist/weapp is missing (no ${appJs}). Build it first: npm run build:weapp`);
  }
}

/**
 * Installs the host globals, `wx.cloud` (answered by `callFunction`), runs app.js, and launches the app.
 * Call once per test file (after `jest.resetModules()` if loading again).
 */
export function startWeapp(callFunction: (name: string, data: unknown) => Promise<unknown>): WeappHost {
  assertWeappBuilt();
  const g = globalThis as any;
  // Requiring simulate defines `Component`, `Behavior` and a `wx` with the common APIs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulateUtils = require('miniprogram-simulate/src/utils');

  g.wx.cloud = {
    init: () => undefined,
    callFunction: async ({ name, data }: { name: string; data: unknown }) => ({
      result: await callFunction(name, data),
      errMsg: 'cloud.callFunction:ok',
    }),
  };
  for (const api of ['showToast', 'hideToast', 'showLoading', 'hideLoading', 'navigateTo', 'navigateBack', 'switchTab', 'redirectTo', 'reLaunch']) {
    const existing = g.wx[api];
    g.wx[api] = (opts: Options = {}) => {
      if (typeof existing === 'function') existing(opts);
      opts.success?.({ errMsg: `${api}:ok` });
      opts.complete?.({ errMsg: `${api}:ok` });
    };
  }

  const pages: any[] = [];
  let app: Options = {};
  g.App = (options: Options) => {
    app = options;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => pages;

  // A Taro page is a `Page()` options object; simulate renders it as a component with the same methods.
  let route = '';
  let query: Record<string, string> = {};
  // webpack runs a page's module once, as WeChat does, so `Page()` is called only on the first load of a
  // route: later loads of the same page replay the options it got.
  const pageOptions = new Map<string, Options>();
  const runJs = simulateUtils.runJs as (file: string) => void;
  simulateUtils.runJs = (file: string) => {
    const known = pageOptions.get(path.resolve(file));
    if (known) g.Page(known);
    else runJs(file);
  };
  g.Page = (options: Options) => {
    pageOptions.set(path.join(WEAPP_ROOT, route), options);
    const methods: Record<string, AnyFn> = {};
    const rest: Options = {};
    for (const [key, value] of Object.entries(options)) {
      if (typeof value === 'function') methods[key] = value;
      else rest[key] = value;
    }
    const pageRoute = route;
    const pageQuery = query;
    g.Component({
      ...rest,
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: any) {
          this.route = pageRoute;
          this.__route__ = pageRoute;
          this.options = pageQuery;
          pages.push(this);
          this.onLoad?.(pageQuery);
          this.onShow?.();
        },
        ready(this: any) {
          this.onReady?.();
        },
        detached(this: any) {
          this.onUnload?.();
          pages.splice(pages.indexOf(this), 1);
        },
      },
    });
  };

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(WEAPP_ROOT, 'app.js'));
  app.onLaunch?.({ path: 'pages/home/index', query: {}, scene: 1001 });
  app.onShow?.({ path: 'pages/home/index', query: {}, scene: 1001 });

  return {
    openPage(pageRoute, pageQuery = {}) {
      route = pageRoute;
      query = pageQuery;
      const id = simulate.load(path.join(WEAPP_ROOT, pageRoute), { compiler: 'official', rootPath: WEAPP_ROOT });
      const comp = simulate.render(id) as SimulatedComponent;
      const parent = document.createElement('parent-wrapper');
      document.body.appendChild(parent);
      comp.attach(parent);
      return comp;
    },
  };
}

/** Polls until `check` passes (the page renders through setData, asynchronously). */
export async function until<T>(check: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface WeappHarness {
  harness: Harness;
  weapp: WeappHost;
  /** Who the page's calls come from. */
  openid: string;
  /** `function.action` of every call the page made, in order. */
  calls: string[];
}

/** The real weapp build with its `wx.cloud` calls answered in-process by the real functions, as `openid`. */
export function setupWeappHarness(): WeappHarness {
  const ctx = { openid: '', calls: [] as string[] } as WeappHarness;
  beforeAll(async () => {
    ctx.harness = await startHarness();
    ctx.weapp = startWeapp(async (name, data) => {
      ctx.calls.push(`${name}.${(data as { action: string }).action}`);
      return ctx.harness.invoke(name, data as { action: string }, ctx.openid);
    });
  }, 30_000);
  afterAll(async () => {
    await ctx.harness?.stop();
  });
  return ctx;
}
