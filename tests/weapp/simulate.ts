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

export interface SimulatedComponent {
  dom: HTMLElement;
  querySelector(selector: string): SimulatedComponent | undefined;
  /** Every match, in document order (exparser selectors: classes, ids, descendants). */
  querySelectorAll(selector: string): SimulatedComponent[];
  dispatchEvent(name: string, detail?: unknown): void;
  instance: Record<string, any>;
  attach(parent: Element): void;
  detach(): void;
}

export interface WeappHost {
  /**
   * Renders a page (e.g. 'pages/me/index') with its query, as if WeChat opened it; with `inGroup`, as if opened
   * from a card inside a WeChat group: the enter options carry a shareTicket and `wx.getGroupEnterInfo` answers
   * that group's cloudID.
   */
  openPage(route: string, query?: Record<string, string>, entry?: { inGroup: { cloudID: string } }): SimulatedComponent;
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
    openPage(pageRoute, pageQuery = {}, entry) {
      route = pageRoute;
      query = pageQuery;
      if (entry) {
        const { cloudID } = entry.inGroup;
        g.wx.getEnterOptionsSync = () => ({ path: pageRoute, query: pageQuery, scene: 1044, shareTicket: 'ticket-of-the-group' });
        g.wx.getGroupEnterInfo = (opts: Options = {}) => {
          const res = { errMsg: 'getGroupEnterInfo:ok', cloudID, encryptedData: '', iv: '' };
          opts.success?.(res);
          opts.complete?.(res);
        };
      }
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

/** One `wx.cloud.callFunction` a page made: as whom, and what the function answered. */
export interface CallRecord {
  /** `function.action`. */
  call: string;
  openid: string;
  answer: { ok: boolean; error?: { code: string; message: string } };
}

export interface WeappHarness {
  harness: Harness;
  weapp: WeappHost;
  /** Who the page's calls come from. */
  openid: string;
  /** `function.action` of every call the page made, in order. */
  calls: string[];
  /** Every call the pages made with its answer, in order. */
  records: CallRecord[];
  /** Resolves once no call of a page is in flight. */
  settled(): Promise<void>;
  /** How many calls are in flight now. */
  inFlight(): number;
}

/** The real weapp build with its `wx.cloud` calls answered in-process by the real functions, as `openid`. */
export function setupWeappHarness(): WeappHarness {
  const pending = new Set<Promise<unknown>>();
  const ctx = {
    openid: '',
    calls: [] as string[],
    records: [] as CallRecord[],
    settled: async () => {
      while (pending.size) await Promise.allSettled([...pending]);
    },
    inFlight: () => pending.size,
  } as WeappHarness;
  beforeAll(async () => {
    ctx.harness = await startHarness();
    ctx.weapp = startWeapp(async (name, data) => {
      const call = `${name}.${(data as { action: string }).action}`;
      const openid = ctx.openid;
      ctx.calls.push(call);
      const answer = ctx.harness.invoke(name, data as { action: string }, openid);
      pending.add(answer);
      try {
        const settledAnswer = await answer;
        ctx.records.push({ call, openid, answer: settledAnswer });
        return settledAnswer;
      } finally {
        pending.delete(answer);
      }
    });
  }, 30_000);
  afterAll(async () => {
    await ctx.harness?.stop();
  });
  return ctx;
}

/**
 * Waits until a page has finished loading: no call in flight, no loading line, and the same text for a few polls
 * in a row (answers render through setData, asynchronously). Answers the text, or `null` if it never settled.
 */
export async function untilSettled(page: SimulatedComponent, ctx: WeappHarness, timeoutMs = 10_000): Promise<string | null> {
  const start = Date.now();
  let last = '';
  let steady = 0;
  while (Date.now() - start < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const text = page.dom.textContent ?? '';
    const loading = Boolean(page.dom.querySelector('.page-loading')) || text.includes('正在加载');
    steady = text === last && !loading && ctx.inFlight() === 0 ? steady + 1 : 0;
    last = text;
    if (steady >= 5) return text;
  }
  return null;
}
