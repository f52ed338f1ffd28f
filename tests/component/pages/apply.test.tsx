import { render, screen, waitFor } from '@testing-library/react';
import ApplyPage from '@/pages/apply/index';
import { navigateTo, redirectTo, showToast } from '../../__mocks__/taro';
import { byClass, clickByClass, typeInto } from '../support/taro-events';
import { setupPagesHarness } from '../support/pages';
import { PRIVACY_VERSION } from '@shared/privacy';

const ctx = setupPagesHarness();

describe('申请 page', () => {
  it('sends the application and shows it is being reviewed', async () => {
    const openid = ctx.signIn('resident');
    render(<ApplyPage />);
    await waitFor(() => expect(document.getElementById('apply-motivation')).toBeTruthy());

    typeInto('apply-motivation', '我会写书法，可以给邻居写春联。');
    clickByClass('btn-submit-apply');

    expect(await screen.findByText('审核中')).toBeTruthy();
    expect(screen.getByText('居委会审核后会告诉你结果，请耐心等待。')).toBeTruthy();
    expect(document.getElementById('apply-motivation')).toBeNull();
    expect(byClass('btn-back-home')).toHaveLength(1);
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '申请已提交' }));

    const me = await ctx.h.call('members', 'me', {}, openid);
    expect(me.member.application).toMatchObject({ status: 'pending', motivation: '我会写书法，可以给邻居写春联。' });
  });

  it('says what is missing when the profile is not filled, and leads to it', async () => {
    const openid = ctx.signIn('newcomer');
    await ctx.h.call('members', 'chooseCommunity', { communityId: 'cm-baiyu1' }, openid);
    await ctx.h.call('members', 'acceptPrivacy', { version: PRIVACY_VERSION }, openid);
    render(<ApplyPage />);
    await waitFor(() => expect(document.getElementById('apply-motivation')).toBeTruthy());

    clickByClass('btn-submit-apply');

    expect(await screen.findByText('请先填写姓名和楼栋门牌，再申请加入')).toBeTruthy();
    clickByClass('btn-go-profile');
    expect(redirectTo).toHaveBeenCalledWith({ url: '/pages/profile/index' });
  });

  it('shows the status instead of the form while an application is pending', async () => {
    ctx.signIn('applicant1');
    render(<ApplyPage />);
    expect(await screen.findByText('审核中')).toBeTruthy();
    expect(document.getElementById('apply-motivation')).toBeNull();
  });

  it('asks for the privacy text before the form when it is not accepted yet', async () => {
    const openid = ctx.signIn('newcomer');
    await ctx.h.call('members', 'chooseCommunity', { communityId: 'cm-baiyu1' }, openid);
    render(<ApplyPage />);
    expect(await screen.findByText('申请之前，请先阅读并同意隐私说明。')).toBeTruthy();
    expect(document.getElementById('apply-motivation')).toBeNull();
    clickByClass('btn-go-privacy');
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/profile/pages/privacy/index' });
  });
});
