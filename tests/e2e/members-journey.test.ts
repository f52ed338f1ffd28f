import { describeInBrowser, startE2E, type E2E } from './support';

describeInBrowser('joining the second echelon, in the H5 build', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
  });
  afterAll(() => e?.stop());

  it('sends a visitor without an identity to the dev login', async () => {
    await e.page.goto(`${e.server.url}/`);
    await e.page.waitForURL(/__dev\/login/);
    expect(await e.page.locator('button.identity').count()).toBeGreaterThan(5);
  });

  let newcomer = '';

  it('a newcomer picks a 居民区, accepts the privacy text, fixes what the server refuses, fills the profile and applies', async () => {
    const { page } = e;
    newcomer = await e.login('newcomer');
    await page.click('.community-option[data-community-id="cm-baiyu1"]');
    // Choosing a 居民区 cannot be undone without the committee: confirmed first, by name.
    await page.locator('.taro-modal__text', { hasText: '只能请居委会帮你更改' }).waitFor();
    await page.click('.taro-model__confirm');
    await page.waitForSelector('.btn-go-privacy');
    await page.click('.btn-go-privacy');
    await page.waitForSelector('.privacy-section');
    await e.shot('members-0-privacy');
    await page.click('.btn-accept-privacy');
    await page.waitForSelector('.btn-go-profile');
    await page.click('.btn-go-profile');
    await page.waitForSelector('#profile-name');
    await page.click('.btn-save-profile');
    await expect(page.locator('.field-error--name').textContent()).resolves.toContain('请填写姓名');
    await e.shot('members-1-profile-errors');

    await page.fill('#profile-name input', '顾阿婆');
    await page.fill('#profile-building input', '8号楼');
    await page.fill('#profile-room input', '101');
    await page.fill('#profile-phone input', '13812345678');
    await page.click('.tag-chip[data-tag="理发"]');
    await page.click('.btn-save-profile');
    await page.waitForSelector('.btn-go-apply');
    await page.click('.btn-go-apply');
    await page.fill('#apply-motivation textarea', '退休在家，会理发，愿意帮邻居。');
    await page.click('.btn-submit-apply');
    await page.waitForSelector('.application-status--pending');
    await e.shot('members-2-applied');

    const stored = await e.server.stack.host.invoke('members', { action: 'me' }, { openid: newcomer });
    expect(stored).toMatchObject({ ok: true, data: { member: { name: '顾阿婆', skills: ['理发'], application: { status: 'pending' } } } });
  });

  it('the committee approves her and refuses another applicant only with a reason', async () => {
    const { page } = e;
    await e.login('committee');
    // The committee's home is its 居委工作台: the review list is one tap away.
    await page.goto(`${e.server.url}/#/pages/home/index`);
    await page.click('.entry-admin');
    await page.waitForSelector('.page-admin-applications:not(.is-busy) .application-row');
    await e.shot('members-3-review-list');

    const row = page.locator('.application-row', { hasText: '顾阿婆' });
    await row.locator('.btn-approve').click();
    // Approving is confirmed first.
    await page.click('.taro-model__confirm');
    await row.waitFor({ state: 'detached' });

    const other = page.locator('.application-row', { hasText: '刘美华' });
    await other.locator('.btn-reject').click();
    await other.locator('.btn-confirm-reject').click();
    await other.locator('.field-error--reason').waitFor();
    await other.locator('.reject-reason textarea').fill('请先到居委会核实门牌');
    await other.locator('.btn-confirm-reject').click();
    await other.waitFor({ state: 'detached' });
    await e.shot('members-4-reviewed');
  });

  it('back as the resident, the status shows she has joined', async () => {
    await e.returnAs(newcomer, '/pages/me/index');
    await e.page.waitForSelector('.application-status--approved');
    await expect(e.page.locator('.application-status__tag').textContent()).resolves.toContain('已加入第二梯队');
    await e.shot('members-5-joined');
  });

  it('the refused applicant reads the reason', async () => {
    await e.login('applicant1');
    await e.page.goto(`${e.server.url}/#/pages/me/index`);
    await expect(e.page.locator('.application-reason').textContent()).resolves.toContain('请先到居委会核实门牌');
  });
});
