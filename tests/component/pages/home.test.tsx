import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import HomePage from '@/pages/home/index';
import { navigateTo } from '../../__mocks__/taro';
import { byClass, clickByClass } from '../support/taro-events';
import { __setRouterParams, setupPagesHarness } from '../support/pages';
import { PRIVACY_VERSION } from '@shared/privacy';

const ctx = setupPagesHarness();

const option = (id: string) => byClass('community-option').find((el) => el.getAttribute('data-community-id') === id);

describe('首页', () => {
  it('lets a newcomer pick their 居民区 from the list, then points to 隐私说明', async () => {
    const openid = ctx.signIn('newcomer');
    render(<HomePage />);
    expect(await screen.findByText('请选择你所在的居民区')).toBeTruthy();
    await screen.findByText('白玉新村第一居民区');
    expect(byClass('community-option').length).toBeGreaterThanOrEqual(3);

    fireEvent.click(option('cm-yashi')!);

    expect(await screen.findByText('雅仕汇都', { selector: '.community-name, .community-name *' })).toBeTruthy();
    expect(screen.getByText('未申请')).toBeTruthy();
    expect(byClass('community-option')).toHaveLength(0);
    expect(byClass('btn-go-profile')).toHaveLength(0);
    clickByClass('btn-go-privacy');
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/profile/pages/privacy/index' });

    const me = await ctx.h.call('members', 'me', {}, openid);
    expect(me.member.communityId).toBe('cm-yashi');
  });

  it('picks the 居民区 by itself when opened from a mini-program code (scene c=<id>)', async () => {
    const openid = ctx.signIn('newcomer');
    __setRouterParams({ scene: encodeURIComponent('c=cm-changfeng1') });
    render(<HomePage />);
    expect(await screen.findByText('长风一村', { selector: '.community-name, .community-name *' })).toBeTruthy();
    expect(byClass('community-option')).toHaveLength(0);
    const me = await ctx.h.call('members', 'me', {}, openid);
    expect(me.member.communityId).toBe('cm-changfeng1');
  });

  it('picks the 居民区 by itself from a communityId query too, and says so when it does not exist', async () => {
    ctx.signIn('newcomer');
    __setRouterParams({ communityId: 'cm-nowhere' });
    render(<HomePage />);
    expect(await screen.findByText('没有找到这个居民区，请重新选择')).toBeTruthy();
    // The list stays, so the resident can still choose.
    await waitFor(() => expect(option('cm-baiyu1')).toBeTruthy());
  });

  it('points to 完善资料 once the privacy text is accepted', async () => {
    const openid = ctx.signIn('newcomer');
    await ctx.h.call('members', 'chooseCommunity', { communityId: 'cm-baiyu1' }, openid);
    await ctx.h.call('members', 'acceptPrivacy', { version: PRIVACY_VERSION }, openid);
    render(<HomePage />);
    await screen.findByText('白玉新村第一居民区', { selector: '.community-name, .community-name *' });
    expect(byClass('btn-go-privacy')).toHaveLength(0);
    clickByClass('btn-go-profile');
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/profile/index' });
  });

  it('greets a resident with their 居民区, status and the next step', async () => {
    ctx.signIn('resident');
    render(<HomePage />);
    expect(await screen.findByText('王秀兰，你好！')).toBeTruthy();
    expect(screen.getByText('白玉新村第一居民区', { selector: '.community-name, .community-name *' })).toBeTruthy();
    expect(screen.getByText('未申请')).toBeTruthy();
    clickByClass('btn-go-apply');
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/apply/index' });
  });

  it('tells a member they have joined', async () => {
    ctx.signIn('member');
    render(<HomePage />);
    expect(await screen.findByText('已加入第二梯队')).toBeTruthy();
    expect(screen.getByText('你已加入第二梯队，感谢你为邻里出力！')).toBeTruthy();
    expect(byClass('btn-go-apply')).toHaveLength(0);
  });
});
