import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import type { MediaCheckEvent } from '../../../emulator/platform/wechat.local';
import type { NoticeView } from '../../../src/shared/domain/notices';
import { startHarness, type Harness } from '../../support/harness';
import { noticeDoc, noticeInput, openNotice } from '../notices/support';

/** Notice images through the image check: hidden until the push says pass, removed with a note when refused. */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.reset());

const CLEAN = 'cloud://local/0a1b2c3d-stairs.jpg';
const RISKY = 'cloud://local/4e5f6a7b-risky-test.jpg';
const OTHER = 'cloud://local/8c9d0e1f-garden.jpg';

let serial = 0;
async function create(images: string[], publish: Record<string, unknown> = { kind: 'now' }, requestId = `req-media-${++serial}`): Promise<NoticeView> {
  const res = await h.call<{ notice: NoticeView }>('notices', 'create', { notice: noticeInput({ images }), publish, requestId }, h.identities.gridLeader);
  return res.notice;
}

async function openAs(noticeId: string, openid: string): Promise<NoticeView> {
  const res = await openNotice(h, noticeId, openid);
  if (!res.ok) throw new Error(res.error.code);
  return (res.data as { notice: NoticeView }).notice;
}

const checks = async () => (await getDb().collection(COLLECTIONS.mediaChecks).limit(100).get()).data as Record<string, any>[];

it('a published notice shows its text at once; a clean image appears after the verdict, a marked one is removed with a note', async () => {
  const notice = await create([CLEAN, RISKY]);
  expect(notice).toMatchObject({ status: 'published', images: [], pendingImages: [CLEAN, RISKY], refusedImages: 0 });
  expect(h.stack.wechat.pendingMediaChecks.map((c) => c.fileId)).toEqual([CLEAN, RISKY]);
  // Residents read the text; the images under check are not theirs to see.
  expect(await openAs(notice.id, h.identities.resident)).toMatchObject({ body: notice.body, images: [], pendingImages: [], refusedImages: 0 });

  expect(await h.stack.wechat.flushMediaChecks()).toBe(2);
  expect(h.stack.wechat.mediaCheckPushes.map((p) => p.answer)).toEqual([
    { ok: true, data: { applied: 1, unknown: 0 } },
    { ok: true, data: { applied: 1, unknown: 0 } },
  ]);
  expect(await openAs(notice.id, h.identities.resident)).toMatchObject({ images: [CLEAN], pendingImages: [], refusedImages: 0 });
  expect(await openAs(notice.id, h.identities.gridLeader)).toMatchObject({ images: [CLEAN], pendingImages: [], refusedImages: 1 });
  expect((await checks()).map((c) => [c.fileId, c.state]).sort()).toEqual([
    [RISKY, 'refused'],
    [CLEAN, 'passed'],
  ].sort());
});

it('a retried push changes nothing twice; an unknown trace id and a hand-made push change nothing', async () => {
  const notice = await create([RISKY]);
  const [pending] = h.stack.wechat.pendingMediaChecks;
  const event = h.stack.wechat.mediaCheckEvent(pending!);
  await h.stack.wechat.flushMediaChecks();
  const after = await noticeDoc(notice.id);
  expect(after).toMatchObject({ images: [], pendingImages: [], refusedImages: 1 });

  expect(await h.invoke('media', event as never, null)).toEqual({ ok: true, data: { applied: 0, unknown: 0 } });
  expect(await noticeDoc(notice.id)).toEqual(after);

  // A pass for a trace id nobody minted (from no user, or dressed up by a signed-in resident) is ignored.
  const forged: MediaCheckEvent = { ...event, trace_id: 'f'.repeat(32), result: { suggest: 'pass', label: 100 } };
  expect(await h.invoke('media', forged as never, null)).toEqual({ ok: true, data: { applied: 0, unknown: 1 } });
  expect(await h.invoke('media', forged as never, h.identities.resident)).toEqual({ ok: true, data: { applied: 0, unknown: 1 } });
  expect(await noticeDoc(notice.id)).toEqual(after);
});

it('a push of the wrong shape is refused as input, the media function has no client actions, other functions take no push', async () => {
  const push = { MsgType: 'event', Event: 'wxa_media_check', trace_id: 'abc' };
  expect(await h.invoke('media', push as never, null)).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } });
  expect(await h.invoke('media', { action: 'wxa_media_check', payload: {} }, h.identities.resident)).toMatchObject({ ok: false, error: { code: 'COMMON.UNKNOWN_ACTION' } });
  expect(await h.invoke('notices', { ...push, result: { suggest: 'pass' } } as never, null)).toMatchObject({ ok: false, error: { code: 'COMMON.UNKNOWN_ACTION' } });
});

it('a retried create submits each image once; an edit keeps passed images shown and checks only the new ones', async () => {
  const draft = await create([CLEAN], { kind: 'draft' }, 'req-media-draft');
  await create([CLEAN], { kind: 'draft' }, 'req-media-draft');
  expect(h.stack.wechat.pendingMediaChecks).toHaveLength(1);
  await h.stack.wechat.flushMediaChecks();

  const res = await h.call<{ notice: NoticeView }>(
    'notices',
    'update',
    { noticeId: draft.id, notice: noticeInput({ images: [OTHER, CLEAN] }), publish: { kind: 'now' } },
    h.identities.gridLeader,
  );
  expect(res.notice).toMatchObject({ status: 'published', images: [CLEAN], pendingImages: [OTHER] });
  expect(h.stack.wechat.pendingMediaChecks.map((c) => c.fileId)).toEqual([OTHER]);
  await h.stack.wechat.flushMediaChecks();
  expect(await noticeDoc(res.notice.id)).toMatchObject({ images: [CLEAN, OTHER], pendingImages: [] });
});

it('an edit that raced a verdict (stored the image as pending again) gets the known verdict applied, not a second check', async () => {
  const draft = await create([CLEAN], { kind: 'draft' });
  await h.stack.wechat.flushMediaChecks();
  // The edit read the notice before the verdict and writes it back: the image is pending again.
  await getDb().collection(COLLECTIONS.notices).doc(draft.id).update({ images: [], pendingImages: [CLEAN] });
  const res = await h.call<{ notice: NoticeView }>('notices', 'update', { noticeId: draft.id, notice: noticeInput({ images: [CLEAN] }), publish: { kind: 'draft' } }, h.identities.gridLeader);
  expect(res.notice.images).toEqual([]);
  expect(h.stack.wechat.pendingMediaChecks).toHaveLength(0);
  expect(await noticeDoc(draft.id)).toMatchObject({ images: [CLEAN], pendingImages: [] });
});

it('a check recorded but never sent (the call died before the platform) is sent by the retry', async () => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const realCheck = h.stack.wechat.checkImage.bind(h.stack.wechat);
  h.stack.wechat.checkImage = async () => {
    throw new Error('the call died here');
  };
  const payload = { notice: noticeInput({ images: [CLEAN] }), publish: { kind: 'now' }, requestId: 'req-media-crash' };
  expect(await h.invoke('notices', { action: 'create', payload }, h.identities.gridLeader)).toMatchObject({ ok: false, error: { code: 'COMMON.INTERNAL' } });
  h.stack.wechat.checkImage = realCheck;
  jest.restoreAllMocks();
  expect((await checks()).map((c) => c.state)).toEqual(['submitting']);

  const retried = await h.call<{ notice: NoticeView }>('notices', 'create', payload, h.identities.gridLeader);
  expect(retried.notice.pendingImages).toEqual([CLEAN]);
  await h.stack.wechat.flushMediaChecks();
  expect(await noticeDoc(retried.notice.id)).toMatchObject({ images: [CLEAN], pendingImages: [] });
});

it('a scheduled notice published by the timer keeps a verdict that landed before it', async () => {
  const at = new Date(h.stack.clock.nowMs() + 60_000).toISOString();
  const notice = await create([CLEAN], { kind: 'at', at });
  await h.stack.wechat.flushMediaChecks();
  h.stack.clock.offsetMs += 2 * 60_000;
  await h.timer('notices', 'every-minute');
  expect(await noticeDoc(notice.id)).toMatchObject({ status: 'published', images: [CLEAN], pendingImages: [] });
});
