import { setupWeappHarness, until } from './simulate';

/**
 * The 我的 page of the real weapp build, rendered by miniprogram-simulate, its `wx.cloud.callFunction`
 * answered by the real members function over the in-memory emulator.
 */
describe('weapp build: 我的', () => {
  const ctx = setupWeappHarness();

  it('shows a resident’s real profile and status, with no committee entry', async () => {
    ctx.openid = ctx.harness.identities.resident;
    const page = ctx.weapp.openPage('pages/me/index');
    const text = await until(() => {
      const t = page.dom.textContent ?? '';
      return t.includes('王秀兰') && t;
    }, 'the profile to render');
    expect(text).toContain('3号楼 201');
    expect(text).toContain('139****1001');
    expect(text).toContain('未申请');
    expect(text).toContain('编辑资料');
    expect(text).not.toContain('居委工作台');
    expect(text).toContain('我的数据');
    expect(text).toContain('小小梯队');
    expect(text).not.toContain('代居民登记');
    expect(ctx.calls).toContain('members.me');

    // A tap on 编辑资料 reaches React and opens the profile page.
    const navigateTo = jest.spyOn((globalThis as any).wx, 'navigateTo');
    const button = page.querySelector('.btn-edit-profile');
    expect(button).toBeTruthy();
    button!.dispatchEvent('tap');
    await until(() => navigateTo.mock.calls.length > 0, 'navigateTo');
    expect(navigateTo.mock.calls[0]?.[0]).toMatchObject({ url: '/pages/profile/index' });
    page.detach();
  });

  it('shows the committee their own entries and the 长辈模式 switch (the work tools live on 首页)', async () => {
    ctx.openid = ctx.harness.identities.committee;
    const page = ctx.weapp.openPage('pages/me/index');
    const text = await until(() => {
      const t = page.dom.textContent ?? '';
      return t.includes('周敏') && t;
    }, 'the committee profile to render');
    expect(text).toContain('长辈模式');
    expect(text).toContain('我的数据');
    expect(text).not.toContain('居委工作台');

    // A tap on an entry opens its subpackage page.
    const navigateTo = jest.spyOn((globalThis as any).wx, 'navigateTo');
    navigateTo.mockClear();
    page.querySelector('.entry-data')!.dispatchEvent('tap');
    await until(() => navigateTo.mock.calls.length > 0, 'navigateTo');
    expect(navigateTo.mock.calls[0]?.[0]).toMatchObject({ url: '/packages/profile/pages/data/index' });
    page.detach();
  });
});
