import { render, screen } from '@testing-library/react';
import MePage from '@/pages/me/index';
import { navigateTo } from '../../__mocks__/taro';
import { byClass, clickByClass } from '../support/taro-events';
import { setupPagesHarness } from '../support/pages';

const ctx = setupPagesHarness();

describe('我的 page', () => {
  it('shows a resident their profile with the phone masked and no committee entry', async () => {
    ctx.signIn('resident');
    render(<MePage />);
    expect(await screen.findByText('王秀兰', { selector: '.greeting *, .greeting' })).toBeTruthy();
    expect(screen.getByText('3号楼 201')).toBeTruthy();
    expect(screen.getByText('139****1001')).toBeTruthy();
    expect(screen.getByText('书法')).toBeTruthy();
    expect(screen.getByText('读书会')).toBeTruthy();
    expect(screen.getByText('未申请')).toBeTruthy();
    expect(byClass('btn-edit-profile')).toHaveLength(1);
    expect(byClass('btn-apply')).toHaveLength(1);
    expect(byClass('entry-admin')).toHaveLength(0);
    expect(screen.queryByText('居委工作台')).toBeNull();
  });

  it('gives the committee an entry to the review list', async () => {
    ctx.signIn('committee');
    render(<MePage />);
    await screen.findByText('居委工作台');
    clickByClass('entry-admin');
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/applications/index' });
  });

  it('shows a refused applicant the committee’s reason and lets them apply again', async () => {
    await ctx.h.call(
      'members',
      'review',
      { memberId: ctx.h.memberIdOf('applicant1'), decision: 'reject', reason: '请先补充门牌号' },
      ctx.h.identities.committee,
    );
    ctx.signIn('applicant1');
    render(<MePage />);
    expect(await screen.findByText('未通过')).toBeTruthy();
    expect(screen.getByText('请先补充门牌号')).toBeTruthy();
    expect(byClass('btn-apply')[0]?.textContent).toContain('重新申请');
  });

  it('shows a member that they have joined, without an apply button', async () => {
    ctx.signIn('member');
    render(<MePage />);
    expect(await screen.findByText('已加入第二梯队')).toBeTruthy();
    expect(byClass('btn-apply')).toHaveLength(0);
  });
});
