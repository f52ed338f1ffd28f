import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import HomePage from '@/pages/home/index';
import { navigateTo, showModal } from '../../__mocks__/taro';
import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { setElderMode } from '@/services/elder-mode';
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

    // Choosing cannot be undone without the committee: the resident confirms the 居民区 by name first.
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(option('cm-yashi')!);
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    expect(showModal.mock.calls[0]?.[0]).toMatchObject({ title: '选择雅仕汇都？' });
    expect(JSON.stringify(showModal.mock.calls[0]?.[0])).toContain('只能请居委会帮你更改');
    expect((await ctx.h.call('members', 'me', {}, openid)).member.communityId).toBeFalsy();

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

  const entries = () => byClass('entry-row').map((el) => Array.from(el.classList).find((c) => c !== 'entry-row')!);
  const SERVICE = ['entry-notices', 'entry-events', 'entry-my-events', 'entry-points', 'entry-wall', 'entry-shop', 'entry-cabin'];
  const MEMBER_SERVICE = ['entry-redemptions', 'entry-certificate', 'entry-leaderboard'];
  const REPORTS = ['entry-report-new', 'entry-report-mine'];
  const PARTICIPATION = ['entry-proposals', 'entry-projects', 'entry-surveys'];
  const GRID = ['entry-report-queue', 'entry-roster', 'entry-talent', 'entry-proxy', 'entry-notice-write', 'entry-notice-groups'];
  // A grid leader asks their grids from 微格工作; the committee asks from 居委工作台.
  const LEADER_GRID = [...GRID, 'entry-survey-manage'];
  const COMMITTEE = [
    'entry-report-admin', 'entry-proposals-answer', 'entry-survey-admin', 'entry-admin', 'entry-admin-councils', 'entry-admin-grids', 'entry-admin-import',
    'entry-admin-points', 'entry-admin-report', 'entry-admin-audit', 'entry-admin-honours', 'entry-admin-shop', 'entry-shop-verify', 'entry-cabin-desk', 'entry-cabin-manage', 'entry-notice-robots',
  ];

  // Each role's own work first, then the services of every resident: all one tap from 首页.
  it.each([
    ['resident', [...REPORTS, ...PARTICIPATION, ...SERVICE]],
    ['member', [...REPORTS, ...PARTICIPATION, ...SERVICE, ...MEMBER_SERVICE]],
    ['gridLeader', [...LEADER_GRID, ...REPORTS, ...PARTICIPATION, ...SERVICE, ...MEMBER_SERVICE]],
    ['committee', [...COMMITTEE, ...GRID, ...REPORTS, ...PARTICIPATION, ...SERVICE]],
    ['streetAdmin', ['entry-street', 'entry-street-projects', 'entry-street-levels']],
  ] as const)('gives %s the entries of their roles, their own work first', async (who, expected) => {
    ctx.signIn(who);
    render(<HomePage />);
    await waitFor(() => expect(byClass('entry-row').length).toBeGreaterThan(0));
    expect(entries()).toEqual(expected);
  });

  it('makes the committee’s home its 居委工作台, never an invitation to apply', async () => {
    ctx.signIn('committee');
    render(<HomePage />);
    await screen.findByText('居委工作台');
    expect(byClass('next-step')).toHaveLength(0);
    expect(byClass('btn-go-apply')).toHaveLength(0);
    expect(screen.queryByText(/申请加入/)).toBeNull();
    clickByClass('entry-admin');
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/pages/applications/index' });
  });

  it('shows the 街道 admin the street, never the 居民区 picker', async () => {
    ctx.signIn('streetAdmin');
    render(<HomePage />);
    await waitFor(() => expect(byClass('entry-street')).toHaveLength(1));
    expect(byClass('community-option')).toHaveLength(0);
    expect(screen.queryByText('请选择你所在的居民区')).toBeNull();
    clickByClass('entry-street');
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/street/pages/overview/index' });
    clickByClass('entry-street-projects');
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/participation/pages/street/index' });
  });

  it('does not offer the roster to someone who holds the role without a grid', async () => {
    await getDb().collection(COLLECTIONS.members).doc(ctx.h.memberIdOf('member')).update({ roles: ['grid_leader'] });
    ctx.signIn('member');
    render(<HomePage />);
    await waitFor(() => expect(byClass('entry-events')).toHaveLength(1));
    expect(byClass('entry-roster')).toHaveLength(0);
  });

  it('in elder mode shows four big buttons with words; the grid leader keeps their work and 一键上报 stays', async () => {
    setElderMode(true);
    ctx.signIn('gridLeader');
    render(<HomePage />);
    await waitFor(() => expect(byClass('elder-tile')).toHaveLength(4));
    expect(byClass('elder-tile').map((el) => el.textContent?.replace(/[^\u4e00-\u9fff]/g, ''))).toEqual(['活动', '通知', '格子屋', '我的积分']);
    // 问卷投票 stays too: only the service group gives way to the big tiles.
    expect(entries()).toEqual([...LEADER_GRID, ...REPORTS, ...PARTICIPATION]);
    clickByClass('elder-tile');
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/events/pages/list/index' });
  });
  describe('what matters today', () => {
    const title = (key: string) => byClass(`today-${key}`)[0]?.querySelector('.today-row__title')?.textContent ?? '';

    it('shows a resident their next event, unread notices and the 格子屋, each one tap from its page', async () => {
      const { notice } = await ctx.h.call('notices', 'create', { notice: { title: '周六社区大扫除', body: '请大家带好手套。', target: { kind: 'community' }, mode: 'read' }, publish: { kind: 'now' }, requestId: 'home-today-1' }, ctx.h.identities.committee);
      expect(notice.id).toBeTruthy();
      ctx.signIn('resident');
      render(<HomePage />);
      await waitFor(() => expect(title('next-event')).toContain('智能手机公益课堂'));
      expect(screen.getByText('我的今天')).toBeTruthy();
      expect(title('unread')).toMatch(/^[1-9]\d* 条通知未读$/);
      expect(byClass('today-cabin-now')).toHaveLength(1);
      // The entry carries the same count as a badge.
      expect(byClass('entry-notices')[0]!.querySelector('.entry-badge')?.textContent).toMatch(/^[1-9]/);
      clickByClass('today-next-event');
      expect(navigateTo).toHaveBeenLastCalledWith({ url: expect.stringMatching(/^\/packages\/events\/pages\/detail\/index\?id=/) });
      clickByClass('today-unread');
      expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/notices/pages/list/index' });
    });

    it('makes what waits the committee’s first card: applications, donations, overdue loans, drafts', async () => {
      ctx.signIn('committee');
      render(<HomePage />);
      await waitFor(() => expect(title('applications')).toBe('2 份入队申请待审核'));
      expect(byClass('today-card')[0]!.className).toContain('today-card--committee');
      expect(title('drafts')).toBe('1 份通知草稿待发布');
      expect(byClass('entry-admin')[0]!.querySelector('.entry-badge')?.textContent).toBe('2');
      clickByClass('today-applications');
      expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/admin/pages/applications/index' });
      clickByClass('today-overdue');
      expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/cabin/pages/desk/index?tab=overdue' });
      clickByClass('today-drafts');
      expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/notices/pages/list/index?tab=managed' });
    });

    it('puts a grid leader’s grid first, and the 街道 sees its street', async () => {
      ctx.signIn('gridLeader');
      const { unmount } = render(<HomePage />);
      await waitFor(() => expect(byClass('today-card')[0]?.className ?? '').toContain('today-card--grid'));
      expect(title('grid-unread')).toMatch(/我发的通知/);
      clickByClass('today-visit');
      expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/grids/pages/roster/index' });
      unmount();

      ctx.signIn('streetAdmin');
      render(<HomePage />);
      await waitFor(() => expect(title('street')).toBe('3 个居民区'));
      clickByClass('today-street');
      expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/street/pages/overview/index' });
    });

    it('shows no today card to a newcomer', async () => {
      ctx.signIn('newcomer');
      render(<HomePage />);
      expect(await screen.findByText('请选择你所在的居民区')).toBeTruthy();
      expect(byClass('today-card')).toHaveLength(0);
    });
  });
  describe('the elder-friendly mode offered once from 60', () => {
    const bornIn = (who: 'resident' | 'member', year: number) => getDb().collection(COLLECTIONS.members).doc(ctx.h.memberIdOf(who)).update({ birthYear: year });
    const offered = () => showModal.mock.calls.filter((c) => (c[0] as { title?: string }).title === '试试长辈模式？').length;

    it('offers it to a resident of 60+ who told us their birth year, once, and switches on a yes', async () => {
      await bornIn('resident', new Date().getFullYear() - 68);
      ctx.signIn('resident');
      showModal.mockResolvedValueOnce({ confirm: true, cancel: false });
      const { unmount } = render(<HomePage />);
      await waitFor(() => expect(offered()).toBe(1));
      await waitFor(() => expect(byClass('elder-tile')).toHaveLength(4));
      unmount();
      setElderMode(false);
      render(<HomePage />);
      await screen.findByText('王秀兰，你好！');
      await waitFor(() => expect(byClass('today-card').length).toBeGreaterThan(0));
      expect(offered()).toBe(1);
    });

    it('does not offer it under 60 or without a birth year', async () => {
      await bornIn('member', new Date().getFullYear() - 45);
      ctx.signIn('member');
      const { unmount } = render(<HomePage />);
      await waitFor(() => expect(byClass('today-card').length).toBeGreaterThan(0));
      unmount();
      ctx.signIn('resident');
      render(<HomePage />);
      await waitFor(() => expect(byClass('today-card').length).toBeGreaterThan(0));
      expect(offered()).toBe(0);
    });
  });
});
