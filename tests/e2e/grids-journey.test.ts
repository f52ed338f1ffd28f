import { describeInBrowser, startE2E, type E2E } from './support';

jest.setTimeout(60_000);

describeInBrowser('micro-grids, in the H5 build', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.stop());

  it('the committee makes 李建国 the leader of the second grid', async () => {
    const { page } = e;
    await e.login('committee');
    await page.goto(`${e.server.url}/#/packages/admin/pages/grids/index`);
    const card = page.locator('.grid-admin', { hasText: '第二微格' });
    await card.waitFor();
    await card.locator('.btn-toggle-residents').click();
    const row = page.locator('.grid-residents .roster-row', { hasText: '李建国' });
    await row.waitFor();
    await e.shot('grids-1-residents');
    await row.locator('.btn-resident--leader').click();
    await card.locator('.grid-admin__leader', { hasText: '李建国' }).waitFor();
    await e.shot('grids-2-leader-assigned');
  });

  it('the new grid leader sees only the residents of their grid, with colours', async () => {
    const { page } = e;
    await e.login('member');
    await page.goto(`${e.server.url}/#/packages/grids/pages/roster/index`);
    await page.locator('.roster-row', { hasText: '钱国庆' }).waitFor();
    const names = await page.locator('.roster-row__name').allTextContents();
    expect(names).toEqual(expect.arrayContaining(['李建国', '刘美华', '钱国庆']));
    expect(names).not.toContain('王秀兰');
    expect(names).not.toContain('张丽华');
    await expect(page.locator('.roster-row', { hasText: '李建国' }).locator('.roster-row__phone').textContent()).resolves.toContain('139****1002');
    expect(await page.locator('.colour-legend .colour-chip').count()).toBe(4);
    await e.shot('grids-3-leader-roster');
  });

  it('the previous leader of another grid still sees only theirs', async () => {
    const { page } = e;
    await e.login('gridLeader');
    await page.goto(`${e.server.url}/#/packages/grids/pages/roster/index`);
    await page.locator('.roster-row', { hasText: '王秀兰' }).waitFor();
    const names = await page.locator('.roster-row__name').allTextContents();
    expect(names).toContain('王秀兰');
    expect(names).not.toContain('李建国');
  });
});
