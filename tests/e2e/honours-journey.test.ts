import { readFileSync } from 'fs';
import { postEntry } from '../../cloudfunctions/_core/ledger';
import { demoPerson } from '../../emulator/seed/demo-data';
import { DEMO_HONOUR } from '../../emulator/seed/honours';
import { demoMemberId } from '../../emulator/seed/seed';
import { describeInBrowser, startE2E, type E2E } from './support';

const CERTIFICATE = '/packages/honours/pages/certificate/index';
const VERIFY = '/packages/honours/pages/verify/index';
const WALL = '/packages/honours/pages/wall/index';
const ADMIN = '/packages/admin/pages/honours/index';

describeInBrowser('honours in the H5 build: certificate, public check, the wall', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
    // Confirmed hours for 李建国 this month, posted through the ledger as an event's check-out will.
    await postEntry({
      key: 'e2e:honours:li-1',
      communityId: 'cm-baiyu1',
      memberId: demoMemberId(demoPerson('member')),
      halfHours: 9,
      points: 45,
      source: 'event',
      sourceId: 'e2e-event',
      reason: '楼道清洁',
      by: demoMemberId(demoPerson('committee')),
      at: new Date(e.server.stack.clock.nowMs()),
    });
  });
  afterAll(() => e?.stop());

  let code = '';

  it('a member downloads a certificate for this month as a PNG', async () => {
    const { page } = e;
    await e.login('member');
    await page.goto(`${e.server.url}/#${CERTIFICATE}`);
    await page.click('.choice-chip[data-value="this-month"]');
    await page.click('.btn-request-certificate');
    await page.waitForSelector('.certificate-card .certificate-image__png');
    code = (await page.getAttribute('.certificate-card', 'data-code')) ?? '';
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{12}$/);
    await expect(page.locator('.certificate-card__body').textContent()).resolves.toMatch(/兹证明 李建国 .*累计服务时长\d/);
    await e.shot('honours-1-certificate');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.btn-save-certificate')]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^服务时长证明-\\d{4}-\\d{2}-\\d{4}-\\d{2}-${code}\\.png$`));
    const png = readFileSync((await download.path())!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(10_000);
  });

  it('the code verifies on the public check page; a forged one does not', async () => {
    const { page } = e;
    await e.login('newcomer');
    await page.goto(`${e.server.url}/#${VERIFY}`);
    await page.fill('#verify-code input', `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`);
    await page.click('.btn-verify');
    await page.waitForSelector('.verify-result--genuine');
    await expect(page.locator('.verify-result--genuine').textContent()).resolves.toContain('李建国');
    await e.shot('honours-2-verified');

    const forged = `${code.slice(0, 11)}${code.endsWith('A') ? 'B' : 'A'}`;
    await page.fill('#verify-code input', forged);
    await page.click('.btn-verify');
    await page.waitForSelector('.verify-result--forged');
    await e.shot('honours-3-forged');
  });

  it('the committee awards an honour that shows on the wall', async () => {
    const { page } = e;
    await e.login('committee');
    await page.goto(`${e.server.url}/#${ADMIN}`);
    await page.waitForSelector('.award-form');
    await page.fill('#award-search input', '张');
    await page.click('.btn-search-member');
    await page.click('.candidate:has-text("张丽华")');
    await page.fill('#award-title input', '优秀微格长');
    await page.fill('#award-citation textarea', '一年来走访独居老人两百余次，风雨无阻。');
    await page.click('.btn-award');
    await page.waitForSelector('.awarded-honour:has-text("优秀微格长")');
    await e.shot('honours-4-awarded');

    await e.login('resident');
    await page.goto(`${e.server.url}/#${WALL}`);
    await page.waitForSelector('.honour-card:has-text("优秀微格长")');
    await expect(page.locator('.honour-card').first().textContent()).resolves.toContain('张丽华');
    await expect(page.locator('.page-wall').textContent()).resolves.toContain(DEMO_HONOUR.citation);
    await e.shot('honours-5-wall');
  });
});
