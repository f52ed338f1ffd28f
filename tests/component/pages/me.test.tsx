import { render, screen, waitFor } from '@testing-library/react';
import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
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

  const entries = () => byClass('entry-row').map((el) => Array.from(el.classList).find((c) => c !== 'entry-row')!);

  const SERVICE = ['entry-notices', 'entry-events', 'entry-my-events', 'entry-points', 'entry-wall', 'entry-shop', 'entry-cabin'];
  const MEMBER_SERVICE = ['entry-redemptions', 'entry-certificate', 'entry-leaderboard'];
  const MINE = ['entry-councils', 'entry-cabin-mine', 'entry-data', 'entry-children', 'entry-privacy', 'entry-verify'];
  const GRID = ['entry-roster', 'entry-talent', 'entry-proxy', 'entry-notice-write', 'entry-notice-groups'];
  const COMMITTEE = [
    'entry-admin', 'entry-admin-councils', 'entry-admin-grids', 'entry-admin-import',
    'entry-admin-points', 'entry-admin-report', 'entry-admin-honours', 'entry-admin-shop', 'entry-shop-verify', 'entry-cabin-desk', 'entry-cabin-manage', 'entry-notice-robots',
  ];

  it.each([
    ['resident', [...SERVICE, ...MINE]],
    ['member', [...SERVICE, ...MEMBER_SERVICE, ...MINE]],
    ['gridLeader', [...SERVICE, ...MEMBER_SERVICE, ...MINE, ...GRID]],
    ['committee', [...SERVICE, ...MINE, ...GRID, ...COMMITTEE]],
    ['streetAdmin', ['entry-street', 'entry-street-levels']],
    ['newcomer', []],
  ] as const)('shows %s only the entries that concern them', async (who, expected) => {
    ctx.signIn(who);
    render(<MePage />);
    await waitFor(() => expect(byClass('btn-edit-profile')).toHaveLength(1));
    expect(entries()).toEqual(expected);
  });

  it('opens each entry at its page', async () => {
    ctx.signIn('committee');
    render(<MePage />);
    await screen.findByText('居委工作台');
    const urls: Record<string, string> = {
      'entry-councils': '/packages/councils/pages/list/index',
      'entry-data': '/packages/profile/pages/data/index',
      'entry-children': '/packages/profile/pages/children/index',
      'entry-privacy': '/packages/profile/pages/privacy/index',
      'entry-roster': '/packages/grids/pages/roster/index',
      'entry-talent': '/packages/grids/pages/talent/index',
      'entry-proxy': '/packages/profile/pages/proxy/index',
      'entry-admin-councils': '/packages/admin/pages/councils/index',
      'entry-admin-grids': '/packages/admin/pages/grids/index',
      'entry-admin-import': '/packages/admin/pages/import/index',
      'entry-points': '/packages/ledger/pages/mine/index',
      'entry-events': '/packages/events/pages/list/index',
      'entry-my-events': '/packages/events/pages/mine/index',
      'entry-wall': '/packages/honours/pages/wall/index',
      'entry-shop': '/packages/shop/pages/list/index',
      'entry-verify': '/packages/honours/pages/verify/index',
      'entry-admin-points': '/packages/admin/pages/points/index',
      'entry-admin-report': '/packages/admin/pages/report/index',
      'entry-admin-honours': '/packages/admin/pages/honours/index',
      'entry-admin-shop': '/packages/admin/pages/shop/index',
      'entry-shop-verify': '/packages/shop/pages/verify/index',
    };
    for (const [entry, url] of Object.entries(urls)) {
      clickByClass(entry);
      expect(navigateTo).toHaveBeenLastCalledWith({ url });
    }
  });

  it('does not offer the roster to someone who holds the role without a grid', async () => {
    await getDb().collection(COLLECTIONS.members).doc(ctx.h.memberIdOf('member')).update({ roles: ['grid_leader'] });
    ctx.signIn('member');
    render(<MePage />);
    await waitFor(() => expect(byClass('btn-edit-profile')).toHaveLength(1));
    expect(byClass('entry-roster')).toHaveLength(0);
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
