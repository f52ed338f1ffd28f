import { cleanup } from '@testing-library/react';
import { DEV_IDENTITY_KEY } from '@/services/cloud';
import { startHarness, type DemoIdentity, type Harness } from '../../support/harness';
import { __resetTaroMock, __setRouterParams } from '../../__mocks__/taro';

/**
 * Page tests run the real H5 branch of callCloud against the real functions: the global fetch is the
 * harness's (it answers `/fn/:name` like the dev server), the identity is the dev login's localStorage key.
 */
export function setupPagesHarness(): { readonly h: Harness; signIn(who: DemoIdentity): string } {
  let harness: Harness | undefined;
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    harness = await startHarness();
  }, 30_000);

  afterAll(async () => {
    globalThis.fetch = realFetch;
    await harness?.stop();
  });

  beforeEach(async () => {
    await harness!.reset();
    __resetTaroMock();
    window.localStorage.clear();
    globalThis.fetch = harness!.fetch;
  });

  afterEach(() => {
    cleanup();
  });

  return {
    get h() {
      if (!harness) throw new Error('harness not started');
      return harness;
    },
    signIn(who) {
      const openid = harness!.identities[who];
      window.localStorage.setItem(DEV_IDENTITY_KEY, openid);
      return openid;
    },
  };
}

export { __setRouterParams };
