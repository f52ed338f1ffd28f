import { describeInBrowser, startE2E, type E2E } from './support';

jest.setTimeout(60_000);

describeInBrowser('hours and points, in the H5 build', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.stop());

  let pointsBefore = 0;

  it('the member sees their balance and entries', async () => {
    const { page } = e;
    await e.login('member');
    await page.goto(`${e.server.url}/#/packages/ledger/pages/mine/index`);
    await page.locator('.ledger-entry', { hasText: '电动车飞线充电排查' }).waitFor();
    pointsBefore = Number(await page.locator('.ledger-figure--points .ledger-figure__value').textContent());
    expect(pointsBefore).toBeGreaterThan(0);
    await page.locator('.ledger-month').first().waitFor();
    await e.shot('ledger-1-member-before');
  });

  it('the committee awards 李建国 points with a reason', async () => {
    const { page } = e;
    await e.login('committee');
    await page.goto(`${e.server.url}/#/packages/admin/pages/points/index`);
    await page.fill('#member-search input', '李');
    await page.locator('.btn-member-search').click();
    await page.locator('.ledger-member', { hasText: '李建国' }).click();
    await page.locator('.ledger-entry').first().waitFor();
    await page.fill('#award-points input', '25');
    await page.fill('#award-reason textarea', '台风天帮忙加固了5号楼的雨棚');
    await page.locator('.btn-award').click();
    await page.locator('.ledger-entry', { hasText: '台风天帮忙加固了5号楼的雨棚' }).waitFor();
    await e.shot('ledger-2-committee-awarded');
  });

  it('the member sees the new entry, who posted it, and the new balance', async () => {
    const { page } = e;
    await e.login('member');
    await page.goto(`${e.server.url}/#/packages/ledger/pages/mine/index`);
    const row = page.locator('.ledger-entry', { hasText: '台风天帮忙加固了5号楼的雨棚' });
    await row.waitFor();
    expect(await row.textContent()).toContain('+25 积分');
    expect(await row.textContent()).toContain('登记人 周敏');
    expect(Number(await page.locator('.ledger-figure--points .ledger-figure__value').textContent())).toBe(pointsBefore + 25);
    await e.shot('ledger-3-member-after');
  });
});
