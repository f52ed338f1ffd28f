import { render, screen, waitFor } from '@testing-library/react';
import MePage from '@/pages/me/index';
import { isElderMode } from '@/services/elder-mode';
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

  const entries = () => byClass('entry-row').map((el) => Array.from(el.classList).find((c) => c !== 'entry-row')!);
  const MINE = ['entry-councils', 'entry-cabin-mine', 'entry-data', 'entry-children', 'entry-privacy', 'entry-verify'];

  // The role's tools live on 首页; 我的 keeps what is the caller's own.
  it.each([
    ['resident', MINE],
    ['member', MINE],
    ['gridLeader', MINE],
    ['committee', MINE],
    ['streetAdmin', []],
    ['newcomer', []],
  ] as const)('shows %s only their own entries', async (who, expected) => {
    ctx.signIn(who);
    render(<MePage />);
    await waitFor(() => expect(byClass('btn-edit-profile')).toHaveLength(1));
    expect(entries()).toEqual(expected);
    expect(screen.queryByText('居委工作台')).toBeNull();
  });

  it('opens each entry at its page', async () => {
    ctx.signIn('member');
    render(<MePage />);
    await waitFor(() => expect(byClass('entry-data')).toHaveLength(1));
    const urls: Record<string, string> = {
      'entry-councils': '/packages/councils/pages/list/index',
      'entry-cabin-mine': '/packages/cabin/pages/mine/index',
      'entry-data': '/packages/profile/pages/data/index',
      'entry-children': '/packages/profile/pages/children/index',
      'entry-privacy': '/packages/profile/pages/privacy/index',
      'entry-verify': '/packages/honours/pages/verify/index',
    };
    for (const [entry, url] of Object.entries(urls)) {
      clickByClass(entry);
      expect(navigateTo).toHaveBeenLastCalledWith({ url });
    }
  });

  it('switches the elder-friendly mode on and off, in words, and remembers it', async () => {
    ctx.signIn('resident');
    const { container } = render(<MePage />);
    await waitFor(() => expect(byClass('btn-elder-mode')).toHaveLength(1));
    expect(screen.getByText('长辈模式（大字、大按钮）')).toBeTruthy();
    expect(screen.getByText('点此开启')).toBeTruthy();
    clickByClass('btn-elder-mode');
    expect(await screen.findByText('已开启，点此关闭')).toBeTruthy();
    expect(isElderMode()).toBe(true);
    expect(container.querySelector('.is-elder')).toBeTruthy();
    clickByClass('btn-elder-mode');
    expect(await screen.findByText('点此开启')).toBeTruthy();
    expect(isElderMode()).toBe(false);
  });

  it('asks a resident who has not accepted the privacy text to read it first', async () => {
    const openid = ctx.signIn('newcomer');
    await ctx.h.call('members', 'chooseCommunity', { communityId: 'cm-baiyu1' }, openid);
    render(<MePage />);
    await waitFor(() => expect(byClass('btn-go-privacy')).toHaveLength(1));
    clickByClass('btn-go-privacy');
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/profile/pages/privacy/index' });
  });
});
