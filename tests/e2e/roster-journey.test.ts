import { describeInBrowser, startE2E, type E2E } from './support';

const ROSTER = ['姓名,楼栋,门牌,手机,技能,梯队', '顾阿婆,8号楼,101,13812345678,理发,成员', '钱师傅,99号楼,502,,水电维修,', '孙小梅,10号楼,1203,,瑜伽;舞蹈,'].join('\n');

describeInBrowser('importing a roster, and the 街道 overview, in the H5 build', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.stop());

  const residentsOf = async (communityId: string): Promise<number> => {
    const res = (await e.server.stack.host.invoke('street', { action: 'viewCounts' }, { openid: 'demo-street-admin' })) as {
      ok: true;
      data: { communities: { id: string; residents: number }[] };
    };
    return res.data.communities.find((c) => c.id === communityId)!.residents;
  };
  let before = 0;

  it('a committee admin pastes a roster with one bad row, reads the report, and imports the good rows', async () => {
    const { page } = e;
    before = await residentsOf('cm-baiyu1');
    await e.login('committee');
    await page.goto(`${e.server.url}/#/packages/admin/pages/import/index`);
    await page.waitForSelector('#roster-csv textarea');
    await page.fill('#roster-csv textarea', ROSTER);
    await page.click('.btn-preview');
    await page.waitForSelector('.page-admin-import:not(.is-busy) .roster-report');
    await expect(page.locator('.roster-issue').count()).resolves.toBe(1);
    await expect(page.locator('.roster-issue').textContent()).resolves.toContain('第3行 · 楼栋');
    await expect(page.locator('.roster-issue__reason').textContent()).resolves.toContain('本居民区的微格里没有“99号楼”');
    await expect(page.locator('.btn-commit').count()).resolves.toBe(0);
    await e.shot('roster-1-report');

    await page.click('.btn-commit-good');
    await page.waitForSelector('.page-admin-import:not(.is-busy) .import-result');
    await expect(page.locator('.import-result .card__title').textContent()).resolves.toContain('已导入 2 人');
    const names = await page.locator('.imported-person__name').allTextContents();
    expect(names.sort()).toEqual(['孙小梅', '顾阿婆']);
    await e.shot('roster-2-imported');
    expect(await residentsOf('cm-baiyu1')).toBe(before + 2);
  });

  it('the street admin sees the counts, with the two new residents, and no names', async () => {
    const { page } = e;
    await e.login('streetAdmin');
    await page.goto(`${e.server.url}/#/packages/street/pages/overview/index`);
    const card = page.locator('.community-counts[data-community-id="cm-baiyu1"]');
    await card.waitFor();
    await expect(card.locator('.street-figure--residents .street-figure__value').textContent()).resolves.toBe(String(before + 2));
    await expect(page.locator('.community-counts').count()).resolves.toBe(3);
    const text = (await page.locator('.page-street-overview').textContent()) ?? '';
    expect(text).not.toContain('顾阿婆');
    expect(text).not.toContain('13812345678');
    await e.shot('roster-3-street');
  });
});
