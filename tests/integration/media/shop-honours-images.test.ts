import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import type { AdminHonour, WallHonour } from '../../../src/shared/domain/honours';
import type { RewardView } from '../../../src/shared/domain/shop';
import { startHarness, type DemoIdentity, type Harness } from '../../support/harness';

/**
 * Shop reward photos and honour photos through the image check, through the real functions: a marked file is refused,
 * removed with the committee's note and deleted from storage; a clean one shows after the push; nobody else ever sees
 * a photo under check; a retried save submits and changes nothing twice.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.reset());

let serial = 0;
const requestId = () => `req-media-sh-${(serial += 1)}`;
/** A stored upload: answers its fileID and its id in storage. */
const upload = (name: string) => {
  const { fileID } = h.files.save(name, Buffer.from(`image ${name}`));
  return { fileID, id: h.files.idOf(fileID)! };
};
const doc = async (collection: string, id: string) => (await getDb().collection(collection).doc(id).get()).data[0] as Record<string, unknown>;
const checksOf = async (docId: string) => (await getDb().collection(COLLECTIONS.mediaChecks).where({ docId }).limit(10).get()).data as Record<string, unknown>[];

describe('shop reward photos', () => {
  const reward = (photoUrl: string, req = requestId()) => ({ name: '义诊一次', description: '社区卫生站', price: 10, stock: 3, giver: '白玉居委会', photoUrl, requestId: req });
  const create = async (photoUrl: string, req?: string) => (await h.call<{ reward: RewardView }>('shop', 'create', reward(photoUrl, req), h.identities.committee)).reward;
  const listed = async (who: DemoIdentity, id: string) =>
    (await h.call<{ items: RewardView[] }>('shop', 'list', { includeRetired: who === 'committee' }, h.identities[who])).items.find((r) => r.id === id);

  it('a marked photo is refused: removed with the committee’s note and deleted from storage; residents never see it', async () => {
    const risky = upload('haircut-risky-test.jpg');
    const created = await create(risky.fileID);
    expect(created).toMatchObject({ photoUrl: null, pendingImages: [risky.fileID], refusedImages: 0 });
    expect(await listed('member', created.id)).toMatchObject({ photoUrl: null, pendingImages: [], refusedImages: 0 });
    expect(JSON.stringify(await h.call('shop', 'list', {}, h.identities.resident))).not.toContain(risky.fileID);

    expect(await h.stack.wechat.flushMediaChecks()).toBe(1);
    expect(await listed('committee', created.id)).toMatchObject({ photoUrl: null, pendingImages: [], refusedImages: 1 });
    expect(await listed('member', created.id)).toMatchObject({ photoUrl: null, refusedImages: 0 });
    expect(h.files.read(risky.id)).toBeNull();
    expect((await checksOf(created.id)).map((c) => c.state)).toEqual(['refused']);
  });

  it('a clean photo shows after the push; an edit keeps it shown and checks only a new one', async () => {
    const clean = upload('haircut.jpg');
    const created = await create(clean.fileID);
    expect(await listed('member', created.id)).toMatchObject({ photoUrl: null });
    await h.stack.wechat.flushMediaChecks();
    expect(await listed('member', created.id)).toMatchObject({ photoUrl: clean.fileID, pendingImages: [] });
    expect(h.files.read(clean.id)).not.toBeNull();

    const edit = { rewardId: created.id, name: '义诊两次', description: '', price: 12, photoUrl: clean.fileID, giver: '白玉居委会' };
    const same = await h.call<{ reward: RewardView }>('shop', 'update', edit, h.identities.committee);
    expect(same.reward).toMatchObject({ name: '义诊两次', photoUrl: clean.fileID, pendingImages: [] });
    expect(h.stack.wechat.pendingMediaChecks).toHaveLength(0);

    const next = upload('haircut-2.jpg');
    const changed = await h.call<{ reward: RewardView }>('shop', 'update', { ...edit, photoUrl: next.fileID }, h.identities.committee);
    // The old photo is replaced only once the new one passed; until then residents see none.
    expect(changed.reward).toMatchObject({ photoUrl: null, pendingImages: [next.fileID] });
    expect(await listed('member', created.id)).toMatchObject({ photoUrl: null, pendingImages: [] });
    await h.stack.wechat.flushMediaChecks();
    expect(await listed('member', created.id)).toMatchObject({ photoUrl: next.fileID });
  });

  it('a retried create and a retried edit submit the photo once and change nothing twice', async () => {
    const clean = upload('mug.jpg');
    const req = requestId();
    const first = await create(clean.fileID, req);
    const again = await create(clean.fileID, req);
    expect(again).toEqual(first);
    expect(h.stack.wechat.pendingMediaChecks).toHaveLength(1);
    await h.stack.wechat.flushMediaChecks();
    const stored = await doc(COLLECTIONS.shopRewards, first.id);
    expect(await create(clean.fileID, req)).toMatchObject({ photoUrl: clean.fileID, pendingImages: [] });
    expect(await doc(COLLECTIONS.shopRewards, first.id)).toEqual(stored);

    const risky = upload('mug-risky-test.jpg');
    const edit = { rewardId: first.id, name: '义诊一次', description: '', price: 10, photoUrl: risky.fileID, giver: '白玉居委会' };
    await h.call('shop', 'update', edit, h.identities.committee);
    await h.call('shop', 'update', edit, h.identities.committee);
    expect(h.stack.wechat.pendingMediaChecks).toHaveLength(1);
    await h.stack.wechat.flushMediaChecks();
    expect(await doc(COLLECTIONS.shopRewards, first.id)).toMatchObject({ photoUrl: null, pendingImages: [], refusedImages: 1 });
    // A push WeChat repeats changes nothing more.
    const event = h.stack.wechat.mediaCheckPushes[0]!.event;
    expect(await h.invoke('media', event as never, null)).toEqual({ ok: true, data: { applied: 0, unknown: 0 } });
    expect(await doc(COLLECTIONS.shopRewards, first.id)).toMatchObject({ photoUrl: null, pendingImages: [], refusedImages: 1 });
  });
});

describe('honour photos', () => {
  const award = async (photoUrl: string, req = requestId()) =>
    (
      await h.call<{ honour: AdminHonour }>(
        'honours',
        'award',
        { memberId: h.memberIdOf('member'), title: '热心邻里', citation: '常年帮独居老人买菜配药。', photoUrl, requestId: req },
        h.identities.committee,
      )
    ).honour;
  const onWall = async (id: string) => (await h.call<{ items: WallHonour[] }>('honours', 'wall', {}, h.identities.resident)).items.find((i) => i.id === id);
  const inList = async (id: string) => (await h.call<{ items: AdminHonour[] }>('honours', 'awarded', {}, h.identities.committee)).items.find((i) => i.id === id);

  it('the wall shows the honour at once and its photo only after the check passes; the committee sees 审核中', async () => {
    const clean = upload('li.jpg');
    const honour = await award(clean.fileID);
    expect(honour).toMatchObject({ photoUrl: null, pendingImages: [clean.fileID], refusedImages: 0 });
    expect(await onWall(honour.id)).toEqual(expect.objectContaining({ title: '热心邻里', photoUrl: null }));
    expect(JSON.stringify(await h.call('honours', 'wall', {}, h.identities.member))).not.toContain(clean.fileID);
    expect(await inList(honour.id)).toMatchObject({ photoUrl: null, pendingImages: [clean.fileID] });

    await h.stack.wechat.flushMediaChecks();
    expect(await onWall(honour.id)).toMatchObject({ photoUrl: clean.fileID });
    expect(await inList(honour.id)).toMatchObject({ photoUrl: clean.fileID, pendingImages: [], refusedImages: 0 });
  });

  it('a marked photo is removed with the note and deleted; a retried award changes nothing twice', async () => {
    const risky = upload('risky-test-li.jpg');
    const req = requestId();
    const honour = await award(risky.fileID, req);
    await award(risky.fileID, req);
    expect(h.stack.wechat.pendingMediaChecks).toHaveLength(1);
    await h.stack.wechat.flushMediaChecks();
    expect(await inList(honour.id)).toMatchObject({ photoUrl: null, pendingImages: [], refusedImages: 1 });
    expect(await onWall(honour.id)).toMatchObject({ photoUrl: null });
    expect(h.files.read(risky.id)).toBeNull();
    const stored = await doc(COLLECTIONS.honours, honour.id);
    expect(await award(risky.fileID, req)).toMatchObject({ photoUrl: null, refusedImages: 1 });
    expect(await doc(COLLECTIONS.honours, honour.id)).toEqual(stored);
    expect(h.stack.wechat.pendingMediaChecks).toHaveLength(0);
  });
});
