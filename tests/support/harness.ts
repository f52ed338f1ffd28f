import { asCall, startGateway, type Faults } from '../../emulator/gateway';
import { sdkEnv } from '../../emulator/sdk-env';
import { createLocalStack, type LocalStack } from '../../emulator/dev-server/local-stack';
import type { LocalCaller } from '../../emulator/dev-server/functions-host';
import { DEMO_PEOPLE } from '../../emulator/seed/demo-data';
import { demoMemberId } from '../../emulator/seed/seed';
import type { FileStorage } from '../../emulator/dev-server/file-storage';
import type { Store, WriteOp } from '../../emulator/store';
import type { LocalWeChatPlatform } from '../../emulator/platform/wechat.local';

export type DemoIdentity =
  | 'newcomer'
  | 'resident'
  | 'member'
  | 'gridLeader'
  | 'committee'
  | 'streetAdmin'
  | 'otherCommittee'
  | 'applicant1'
  | 'applicant2'
  | 'applicant3';

type Envelope = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };

export interface Harness {
  stack: LocalStack;
  store: Store;
  /** Cloud storage as the SDK reaches it (uploadFile, getTempFileURL, deleteFile): save a file here to use its fileID. */
  files: FileStorage;
  /** The gateway's crash switch (emulator/gateway/faults.ts); `reset()` resets it too. */
  faults: Faults;
  /** Demo openids by role, from the seed. */
  identities: Record<DemoIdentity, string>;
  /** Member `_id` of a demo person. */
  memberIdOf(key: DemoIdentity): string;
  /** Calls a function in-process as `caller` (an openid or a full caller; null for no WeChat user). */
  invoke(fn: string, body: { action: string; payload?: unknown } & Record<string, unknown>, caller: string | LocalCaller | null): Promise<Envelope>;
  /** Like `invoke`, but answers `data` and throws on `{ ok: false }` with the code in the message. */
  call<T = any>(fn: string, action: string, payload: unknown, caller: string): Promise<T>;
  /** Fires a function's timer trigger as the platform would; answers its counts and throws on `{ ok: false }`. */
  timer(fn: string, trigger: string): Promise<Record<string, number>>;
  /** A `fetch` that answers `/fn/:name` as the dev server does (identity from `x-wx-openid`), for the H5 branch of callCloud. */
  fetch: typeof fetch;
  /** Empties the store (ending every open transaction), disarms the faults (dropping calls a crash holds), the WeChat (messages, image checks pending and pushed) and WeCom logs, and seeds again. */
  reset(): Promise<void>;
  /** What `restore` brings back: the store, the WeChat and WeCom logs and the clock's offset (files are not kept). */
  save(): SavedState;
  /** Ends calls in flight as `reset()` does, then puts back a saved state: far cheaper than a reset and a setup again. */
  restore(saved: SavedState): Promise<void>;
  stop(): Promise<void>;
}

export interface SavedState {
  store: WriteOp[];
  clockOffsetMs: number;
  wechat: Pick<LocalWeChatPlatform, 'messages' | 'pendingMediaChecks' | 'mediaCheckPushes'> & { refusingOpenids: string[] };
  wecom: { deliveries: LocalStack['wecom']['deliveries']; rateLimited: boolean };
}

/**
 * The real functions over the real SDK and an in-memory emulator, in this process. Tests use it instead of
 * mocking our own code.
 */
export async function startHarness(): Promise<Harness> {
  const stack = createLocalStack();
  // The gateway's serverDate follows the same clock the functions read.
  const gateway = await startGateway({ now: () => stack.clock.nowMs() });
  Object.assign(process.env, sdkEnv(gateway.url));
  await stack.seed();

  const identities = Object.fromEntries(DEMO_PEOPLE.map((p) => [p.key, p.openid])) as Record<DemoIdentity, string>;

  // Calls still running when a test ends (a page loading its next page) are awaited before the gateway closes.
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(call: Promise<T>): Promise<T> => {
    inFlight.add(call);
    void call.finally(() => inFlight.delete(call)).catch(() => undefined);
    return call;
  };

  // Each call runs under its own tag, so a crash (harness.faults) kills exactly that call and serves its retry.
  const invoke: Harness['invoke'] = async (fn, body, caller) =>
    (await track(asCall(() => stack.host.invoke(fn, body, typeof caller === 'string' ? { openid: caller } : caller)))) as Envelope;

  const EMPTY: SavedState = {
    store: [],
    clockOffsetMs: 0,
    wechat: { messages: [], pendingMediaChecks: [], mediaCheckPushes: [], refusingOpenids: [] },
    wecom: { deliveries: [], rateLimited: false },
  };
  const harness: Harness = {
    stack,
    store: gateway.store,
    files: gateway.files,
    faults: gateway.faults,
    identities,
    memberIdOf: (key) => demoMemberId({ openid: identities[key] }),
    invoke,
    async call(fn, action, payload, caller) {
      const res = await invoke(fn, { action, payload }, caller);
      if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
      return res.data as never;
    },
    async timer(fn, trigger) {
      const res = (await track(asCall(() => stack.host.fireTimer(fn, trigger)))) as Envelope;
      if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
      return res.data as Record<string, number>;
    },
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const match = /\/fn\/([\w-]+)$/.exec(url);
      if (!match) throw new Error(`harness.fetch only answers /fn/:name, not ${url}`);
      const headers = new Headers(init?.headers);
      const openid = headers.get('x-wx-openid');
      const body = init?.body ? JSON.parse(String(init.body)) : {};
      const result = await track(asCall(() => stack.host.invoke(match[1]!, body, openid ? { openid } : null)));
      return {
        ok: true,
        status: 200,
        json: async () => result,
        text: async () => JSON.stringify(result),
      } as Response;
    }) as typeof fetch,
    async reset() {
      await harness.restore(EMPTY);
      await stack.seed();
    },
    save() {
      const { wechat, wecom } = stack;
      return {
        store: gateway.store.contents(),
        clockOffsetMs: stack.clock.offsetMs,
        wechat: {
          messages: [...wechat.messages],
          pendingMediaChecks: [...wechat.pendingMediaChecks],
          mediaCheckPushes: [...wechat.mediaCheckPushes],
          refusingOpenids: [...wechat.refusingOpenids],
        },
        wecom: { deliveries: [...wecom.deliveries], rateLimited: wecom.rateLimited },
      };
    },
    async restore(saved) {
      // First: a call a crash holds must end (its sockets destroyed) before the in-flight calls can settle.
      gateway.faults.reset();
      await Promise.allSettled([...inFlight]);
      const { wechat, wecom } = stack;
      stack.clock.offsetMs = saved.clockOffsetMs;
      wechat.messages.splice(0, Infinity, ...saved.wechat.messages);
      wechat.pendingMediaChecks.splice(0, Infinity, ...saved.wechat.pendingMediaChecks);
      wechat.mediaCheckPushes.splice(0, Infinity, ...saved.wechat.mediaCheckPushes);
      wechat.refusingOpenids.clear();
      for (const openid of saved.wechat.refusingOpenids) wechat.refusingOpenids.add(openid);
      wecom.deliveries.splice(0, Infinity, ...saved.wecom.deliveries);
      wecom.rateLimited = saved.wecom.rateLimited;
      gateway.store.reset();
      gateway.store.commit(saved.store);
    },
    async stop() {
      gateway.faults.reset();
      await Promise.allSettled([...inFlight]);
      await gateway.close();
    },
  };
  return harness;
}
