import { DEMO_PEOPLE } from '../../emulator/seed/demo-data';
import { DEV_IDENTITY_KEY } from '../../src/shared/local-dev';
import { describeInBrowser, startE2E, type E2E } from './support';

/** Taro H5's setStorageSync keeps `{ data }` as JSON under the key (src/services/elder-mode.ts's key). */
const ELDER_KEY = 'txtd.elderMode';
const openidOf = (key: string) => DEMO_PEOPLE.find((p) => p.key === key)!.openid;

/**
 * 首页 as each demo role, in the normal and the elder-friendly mode, in the H5 build: what matters today comes
 * first with its counts, and a line leads to its page in one tap. Screenshots: test-artifacts/e2e/home-<role>-<mode>.png.
 */
describeInBrowser('首页 for each role, in the H5 build', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.stop());

  const openHome = async (key: string, mode: 'normal' | 'elder') => {
    const { page } = e;
    await page.goto(`${e.server.url}/__dev/login`);
    await page.evaluate(
      ([idKey, id, elderKey, elder]) => {
        localStorage.setItem(idKey!, id!);
        localStorage.setItem(elderKey!, JSON.stringify({ data: elder }));
      },
      [DEV_IDENTITY_KEY, openidOf(key), ELDER_KEY, mode === 'elder' ? 'on' : 'off'],
    );
    await page.goto(`${e.server.url}/#/pages/home/index`);
    await page.reload();
    await page.waitForSelector('.today-card .today-row');
  };

  const titles = (key: string) => e.page.locator(`.today-${key} .today-row__title`).first().textContent();

  for (const mode of ['normal', 'elder'] as const) {
    it(`shows each role what matters today first (${mode})`, async () => {
      await openHome('resident', mode);
      await expect(titles('next-event')).resolves.toContain('智能手机公益课堂');
      await e.page.waitForSelector('.today-cabin-now');
      await e.shot(`home-resident-${mode}`);

      await openHome('member', mode);
      await expect(titles('next-event')).resolves.toContain('第一微格夜间巡逻');
      await expect(titles('my-points')).resolves.toMatch(/我的积分 \d+/);
      await e.shot(`home-member-${mode}`);

      await openHome('gridLeader', mode);
      await expect(e.page.locator('.today-card').first().getAttribute('class')).resolves.toContain('today-card--grid');
      await expect(titles('grid-unread')).resolves.toMatch(/我发的通知/);
      await e.shot(`home-gridLeader-${mode}`);

      await openHome('committee', mode);
      await expect(e.page.locator('.today-card').first().getAttribute('class')).resolves.toContain('today-card--committee');
      await expect(titles('applications')).resolves.toBe('2 份入队申请待审核');
      await expect(e.page.locator('.entry-admin .entry-badge').textContent()).resolves.toBe('2');
      await e.shot(`home-committee-${mode}`);

      await openHome('streetAdmin', mode);
      await expect(titles('street')).resolves.toBe('3 个居民区');
      expect(await e.page.locator('.community-option').count()).toBe(0);
      await e.shot(`home-streetAdmin-${mode}`);
    });
  }

  it('a today line is one tap from its page: the committee’s applications, the resident’s next event', async () => {
    const { page } = e;
    await openHome('committee', 'normal');
    await page.click('.today-applications');
    await page.waitForSelector('.page-admin-applications:not(.is-busy) .application-row');
    expect(page.url()).toContain('/packages/admin/pages/applications/index');

    await openHome('resident', 'normal');
    await page.click('.today-next-event');
    await page.waitForURL(/packages\/events\/pages\/detail\/index\?id=/);
    await page.waitForSelector('text=智能手机公益课堂');
    await e.shot('home-resident-next-event');
  });
});
