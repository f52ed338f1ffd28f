import { describeInBrowser, startE2E, type E2E } from './support';

const PKG = '/packages/notices/pages';
/** A 1x1 PNG, as a photo the leader attaches. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/**
 * Images through WeChat's image check, in the H5 build: a notice is published with a clean photo and one whose file
 * name holds the local platform's refusal marker; both wait as 审核中 for the writer and are hidden from residents;
 * when the platform pushes its verdicts, the clean one appears for everyone and the marked one is gone, with a note
 * for the writer.
 */
describeInBrowser('the image check, in the H5 build', () => {
  let e: E2E;
  let noticeId = '';
  let leader = '';
  beforeAll(async () => {
    e = await startE2E();
    // Verdicts are pushed when the test says so (POST /__dev/wechat/media-checks/flush), not a second later.
    e.server.stack.wechat.mediaCheckDelayMs = null;
  });
  afterAll(() => e?.stop());

  const goto = (hashPath: string) => e.page.goto(`${e.server.url}/#${hashPath}`);
  const openNotice = async () => {
    await goto(`${PKG}/detail/index?id=${encodeURIComponent(noticeId)}`);
    await e.page.reload();
    await e.page.waitForSelector('.page-notices-detail:not(.is-busy) .notice-body');
    await e.page.waitForFunction(() => document.querySelector('.page-notices-detail')?.getBoundingClientRect().left === 0);
  };

  it('the grid leader publishes a notice with two photos: both wait as 审核中, the text is out at once', async () => {
    const { page } = e;
    leader = await e.login('gridLeader');
    await goto(`${PKG}/edit/index`);
    await page.waitForSelector('.page-notices-edit:not(.is-busy) #notice-title');
    await page.click('.choice-chips--notice-template .choice-chip[data-value="safety-charging"]');
    await page.fill('#notice-title input', '楼道清理前后对比');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('.btn-add-images')]);
    await chooser.setFiles([
      { name: 'stairs-after.png', mimeType: 'image/png', buffer: PHOTO },
      { name: 'risky-test.png', mimeType: 'image/png', buffer: PHOTO },
    ]);
    await page.waitForFunction(() => document.querySelectorAll('.notice-images-field .notice-images__img img').length === 2);
    await page.click('.btn-save-notice');
    // Publishing to many is confirmed first.
    await page.click('.taro-model__confirm');
    await page.waitForSelector('.page-notices-detail:not(.is-busy) .btn-share-notice');
    noticeId = new URL(page.url().replace('#', '')).searchParams.get('id') ?? '';
    expect(noticeId).toMatch(/^cm-baiyu1-/);
    await page.waitForFunction(() => document.querySelector('.page-notices-detail')?.getBoundingClientRect().left === 0);
    expect(await page.locator('.notice-info .pending-image').count()).toBe(2);
    expect(await page.locator('.notice-info .pending-image .status-tag').allTextContents()).toEqual(['审核中', '审核中']);
    const pending = (await (await fetch(`${e.server.url}/__dev/wechat/media-checks`)).json()) as { pending: { fileId: string }[] };
    expect(pending.pending).toHaveLength(2);
    await e.shot('media-1-writer-pending');
  }, 30_000);

  it('a resident reads the text but sees neither photo while they are checked', async () => {
    await e.login('resident');
    await openNotice();
    expect(await e.page.locator('.notice-body').textContent()).toBeTruthy();
    expect(await e.page.locator('.notice-info .notice-images__img').count()).toBe(0);
    expect(await e.page.locator('.pending-image').count()).toBe(0);
    await e.shot('media-2-resident-before');
  }, 20_000);

  it('after the platform pushes its verdicts the clean photo appears; the marked one never does', async () => {
    const res = (await (await fetch(`${e.server.url}/__dev/wechat/media-checks/flush`, { method: 'POST' })).json()) as { pushed: number };
    expect(res.pushed).toBe(2);
    await openNotice();
    await e.page.waitForFunction(() => (document.querySelector('.notice-info .notice-images__img img') as HTMLImageElement | null)?.naturalWidth === 1);
    expect(await e.page.locator('.notice-info .notice-images__img').count()).toBe(1);
    expect(await e.page.locator('.pending-image, .refused-images-note').count()).toBe(0);
    const src = await e.page.locator('.notice-info .notice-images__img img').getAttribute('src');
    expect(src).toContain('stairs-after');
    await e.shot('media-3-resident-after');
  }, 20_000);

  it('the writer sees the clean photo and a note that the refused one was removed', async () => {
    await e.returnAs(leader, `${PKG}/detail/index?id=${encodeURIComponent(noticeId)}`);
    await e.page.waitForSelector('.page-notices-detail:not(.is-busy) .refused-images-note');
    expect(await e.page.locator('.refused-images-note').textContent()).toBe('有 1 张图片未通过审核，已移除');
    expect(await e.page.locator('.notice-info .notice-images__img').count()).toBe(1);
    expect(await e.page.locator('.pending-image').count()).toBe(0);
    await e.page.waitForFunction(() => document.querySelector('.page-notices-detail')?.getBoundingClientRect().left === 0);
    await e.shot('media-4-writer-after');
  }, 20_000);
});
