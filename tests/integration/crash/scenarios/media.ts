// Crash scenarios of the media function (tests/support/crash-matrix.ts): its timer (image checks that waited too
// long are handed to the platform again, or given up) and its push (an image check's verdict). It has no actions.
import { MAX_CHECK_ATTEMPTS, STALE_CHECK_MS } from '../../../../cloudfunctions/_core/media-check';
import type { Harness } from '../../../support/harness';
import type { CrashScenario } from '../../../support/crash-matrix';

const TRIGGER = 'every-10-minutes';
const IMAGE = 'cloud://local/5a6b7c8d-bike.jpg';

/** A reward whose image check was handed to the platform and whose verdict never came, now stale. */
async function staleCheck(h: Harness, submissions = 1): Promise<void> {
  await h.call('shop', 'create', { name: '自行车打气', description: '', price: 5, stock: 9, giver: '白玉居委会', photoUrl: IMAGE, requestId: 'crash-media-1' }, h.identities.committee);
  h.stack.wechat.pendingMediaChecks.splice(0);
  for (let i = 1; i < submissions; i++) {
    h.stack.clock.offsetMs += STALE_CHECK_MS + 60_000;
    await h.timer('media', TRIGGER);
    h.stack.wechat.pendingMediaChecks.splice(0);
  }
  h.stack.clock.offsetMs += STALE_CHECK_MS + 60_000;
}

/** The platform later: the next run after the threshold, then every verdict pushed. */
async function later(h: Harness): Promise<void> {
  h.stack.clock.offsetMs += STALE_CHECK_MS + 60_000;
  await h.timer('media', TRIGGER);
  await h.stack.wechat.flushMediaChecks();
}

export const scenarios: CrashScenario[] = [
  { name: 'media timer (resubmit a stale check)', fn: 'media', timer: TRIGGER, setup: (h) => staleCheck(h), settle: later },
  { name: 'media timer (give up after the last try)', fn: 'media', timer: TRIGGER, setup: (h) => staleCheck(h, MAX_CHECK_ATTEMPTS), settle: later },
  {
    name: 'media push (verdict: pass)',
    fn: 'media',
    setup: async (h) => {
      await h.call('shop', 'create', { name: '自行车打气', description: '', price: 5, stock: 9, giver: '白玉居委会', photoUrl: IMAGE, requestId: 'crash-media-2' }, h.identities.committee);
      return h.stack.wechat.mediaCheckEvent(h.stack.wechat.pendingMediaChecks.splice(0)[0]!);
    },
    push: (event: Record<string, unknown>) => event,
  },
  {
    name: 'media push (verdict: refused)',
    fn: 'media',
    setup: async (h) => {
      await h.call('shop', 'create', { name: '自行车打气', description: '', price: 5, stock: 9, giver: '白玉居委会', photoUrl: IMAGE, requestId: 'crash-media-3' }, h.identities.committee);
      const [check] = h.stack.wechat.pendingMediaChecks.splice(0);
      return h.stack.wechat.mediaCheckEvent({ ...check!, fileId: 'cloud://local/x-risky-test.jpg' });
    },
    push: (event: Record<string, unknown>) => event,
  },
];
