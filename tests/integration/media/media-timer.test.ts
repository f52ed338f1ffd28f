import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { MAX_CHECK_ATTEMPTS, STALE_CHECK_MS } from '../../../cloudfunctions/_core/media-check';
import type { RewardView } from '../../../src/shared/domain/shop';
import { startHarness, type Harness } from '../../support/harness';

/**
 * The media function's timer: no image stays 审核中 for ever. A check whose verdict never came is handed to the
 * platform again under a new trace id (the old one then changes nothing), a save that died after the platform call
 * but before the trace id was stored is covered too, and after a few tries the image is removed with the note.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.reset());

const TRIGGER = 'every-10-minutes';
const CLEAN = 'cloud://local/5a6b7c8d-bike.jpg';
let serial = 0;
const rewardInput = (photoUrl: string, requestId = `req-media-timer-${(serial += 1)}`) => ({
  name: '自行车打气',
  description: '',
  price: 5,
  stock: 9,
  giver: '白玉居委会',
  photoUrl,
  requestId,
});
const create = async (photoUrl: string) => (await h.call<{ reward: RewardView }>('shop', 'create', rewardInput(photoUrl), h.identities.committee)).reward;
const rewardDoc = async (id: string) => (await getDb().collection(COLLECTIONS.shopRewards).doc(id).get()).data[0] as Record<string, unknown>;
const checkOf = async (docId: string) => (await getDb().collection(COLLECTIONS.mediaChecks).where({ docId }).limit(1).get()).data[0] as Record<string, any>;
/** WeChat loses the push: the check stays with the platform unanswered. */
const losePushes = () => h.stack.wechat.pendingMediaChecks.splice(0);
const wait = (ms: number) => {
  h.stack.clock.offsetMs += ms;
};

it('a check whose push never came is resubmitted after the threshold under a new trace id; the old one changes nothing', async () => {
  const reward = await create(CLEAN);
  const [lost] = losePushes();
  expect(await h.timer('media', TRIGGER)).toEqual({ resubmitted: 0, expired: 0, failed: 0 });
  wait(STALE_CHECK_MS - 60_000);
  expect(await h.timer('media', TRIGGER)).toEqual({ resubmitted: 0, expired: 0, failed: 0 });

  wait(2 * 60_000);
  expect(await h.timer('media', TRIGGER)).toEqual({ resubmitted: 1, expired: 0, failed: 0 });
  const check = await checkOf(reward.id);
  expect(check).toMatchObject({ state: 'checking', attempts: 2 });
  expect(check.traceId).not.toBe(lost!.traceId);
  expect(h.stack.wechat.pendingMediaChecks.map((c) => c.traceId)).toEqual([check.traceId]);
  // Run again at once: nothing is due.
  expect(await h.timer('media', TRIGGER)).toEqual({ resubmitted: 0, expired: 0, failed: 0 });

  // A late push for the old trace id (even a refusal) is unknown now.
  const late = h.stack.wechat.mediaCheckEvent({ ...lost!, fileId: 'cloud://local/x-risky-test.jpg' });
  expect(await h.invoke('media', late as never, null)).toEqual({ ok: true, data: { applied: 0, unknown: 1 } });
  expect(await rewardDoc(reward.id)).toMatchObject({ photoUrl: null, pendingImages: [CLEAN], refusedImages: 0 });

  await h.stack.wechat.flushMediaChecks();
  expect(await rewardDoc(reward.id)).toMatchObject({ photoUrl: CLEAN, pendingImages: [] });
  wait(STALE_CHECK_MS * 2);
  expect(await h.timer('media', TRIGGER)).toEqual({ resubmitted: 0, expired: 0, failed: 0 });
});

it('a save that died after the platform call but before storing the trace id is resubmitted by the timer', async () => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const realCheck = h.stack.wechat.checkImage.bind(h.stack.wechat);
  h.stack.wechat.checkImage = async (input) => {
    await realCheck(input);
    throw new Error('the call died after the platform answered');
  };
  const res = await h.invoke('shop', { action: 'create', payload: rewardInput(CLEAN) }, h.identities.committee);
  h.stack.wechat.checkImage = realCheck;
  jest.restoreAllMocks();
  expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.INTERNAL' } });
  const [saved] = (await getDb().collection(COLLECTIONS.shopRewards).where({ pendingImages: CLEAN }).limit(1).get()).data as { _id: string }[];
  const rewardId = saved!._id;
  expect(await checkOf(rewardId)).toMatchObject({ state: 'submitting', traceId: null });

  // The platform's verdict for a trace id nobody stored changes nothing; nobody retries the save.
  expect(await h.stack.wechat.flushMediaChecks()).toBe(1);
  expect(h.stack.wechat.mediaCheckPushes[0]!.answer).toEqual({ ok: true, data: { applied: 0, unknown: 1 } });
  expect(await rewardDoc(rewardId)).toMatchObject({ photoUrl: null, pendingImages: [CLEAN] });

  wait(STALE_CHECK_MS + 60_000);
  expect(await h.timer('media', TRIGGER)).toEqual({ resubmitted: 1, expired: 0, failed: 0 });
  expect(await checkOf(rewardId)).toMatchObject({ state: 'checking', attempts: 2 });
  await h.stack.wechat.flushMediaChecks();
  expect(await rewardDoc(rewardId)).toMatchObject({ photoUrl: CLEAN, pendingImages: [] });
});

it('a platform call failing in the timer counts as a try; after the last try the image is removed with the note', async () => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const reward = await create(CLEAN);
  losePushes();
  const realCheck = h.stack.wechat.checkImage.bind(h.stack.wechat);
  h.stack.wechat.checkImage = async () => {
    throw new Error('mediaCheckAsync: system error');
  };
  wait(STALE_CHECK_MS + 60_000);
  expect(await h.timer('media', TRIGGER)).toEqual({ resubmitted: 0, expired: 0, failed: 1 });
  h.stack.wechat.checkImage = realCheck;
  jest.restoreAllMocks();
  expect(await checkOf(reward.id)).toMatchObject({ state: 'submitting', traceId: null, attempts: 2 });

  for (let attempt = 3; attempt <= MAX_CHECK_ATTEMPTS; attempt += 1) {
    wait(STALE_CHECK_MS + 60_000);
    expect(await h.timer('media', TRIGGER)).toEqual({ resubmitted: 1, expired: 0, failed: 0 });
    losePushes();
  }
  const lastTrace = (await checkOf(reward.id)).traceId as string;
  wait(STALE_CHECK_MS + 60_000);
  expect(await h.timer('media', TRIGGER)).toEqual({ resubmitted: 0, expired: 1, failed: 0 });
  expect(await rewardDoc(reward.id)).toMatchObject({ photoUrl: null, pendingImages: [], refusedImages: 1 });
  expect(await checkOf(reward.id)).toMatchObject({ state: 'expired', traceId: null });
  const listed = await h.call<{ items: RewardView[] }>('shop', 'list', { includeRetired: true }, h.identities.committee);
  expect(listed.items.find((r) => r.id === reward.id)).toMatchObject({ pendingImages: [], refusedImages: 1 });
  // A very late verdict for the last try changes nothing; the timer has nothing left to do.
  const late = h.stack.wechat.mediaCheckEvent({ traceId: lastTrace, fileId: CLEAN, openid: '', at: '' });
  expect(await h.invoke('media', late as never, null)).toEqual({ ok: true, data: { applied: 0, unknown: 1 } });
  wait(STALE_CHECK_MS * 4);
  expect(await h.timer('media', TRIGGER)).toEqual({ resubmitted: 0, expired: 0, failed: 0 });

  // The committee adds the photo again: it is checked afresh and shows once it passes.
  const edit = { rewardId: reward.id, name: '自行车打气', description: '', price: 5, photoUrl: CLEAN, giver: '白玉居委会' };
  expect((await h.call<{ reward: RewardView }>('shop', 'update', edit, h.identities.committee)).reward).toMatchObject({ pendingImages: [CLEAN], refusedImages: 0 });
  expect(await checkOf(reward.id)).toMatchObject({ state: 'checking', attempts: 1 });
  await h.stack.wechat.flushMediaChecks();
  expect(await rewardDoc(reward.id)).toMatchObject({ photoUrl: CLEAN, pendingImages: [] });
});

it('a verdict that lands late but before the timer runs leaves it nothing to do', async () => {
  const reward = await create(CLEAN);
  wait(STALE_CHECK_MS + 60_000);
  // The push arrives late, but before the timer runs.
  await h.stack.wechat.flushMediaChecks();
  expect(await h.timer('media', TRIGGER)).toEqual({ resubmitted: 0, expired: 0, failed: 0 });
  expect(await rewardDoc(reward.id)).toMatchObject({ photoUrl: CLEAN, pendingImages: [] });
  expect(h.stack.wechat.pendingMediaChecks).toHaveLength(0);
});
