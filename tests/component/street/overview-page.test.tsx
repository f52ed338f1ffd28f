import { render, screen, waitFor } from '@testing-library/react';
import StreetOverviewPage from '@/packages/street/pages/overview/index';
import { DEMO_PEOPLE } from '../../../emulator/seed/demo-data';
import { byClass } from '../support/taro-events';
import { setupPagesHarness } from '../support/pages';

const ctx = setupPagesHarness();

const figure = (root: Element, name: string) => root.querySelector(`.street-figure--${name} .street-figure__value`)?.textContent;

describe('街道概览', () => {
  it('shows every 居民区 of the 街道 with its counts, the same the function answers', async () => {
    const openid = ctx.signIn('streetAdmin');
    render(<StreetOverviewPage />);
    expect(await screen.findByText('长风新村街道')).toBeTruthy();
    const overview = await ctx.h.call('street', 'viewCounts', {}, openid);
    const cards = byClass('community-counts');
    expect(cards.map((c) => c.getAttribute('data-community-id'))).toEqual(['cm-baiyu1', 'cm-changfeng1', 'cm-yashi']);
    for (const [i, c] of overview.communities.entries()) {
      expect(figure(cards[i]!, 'residents')).toBe(String(c.residents));
      expect(figure(cards[i]!, 'members')).toBe(String(c.members));
      expect(figure(cards[i]!, 'pending')).toBe(String(c.pending));
      expect(figure(cards[i]!, 'grids')).toBe('3');
    }
    expect(screen.getByText('全街道 3 个居民区')).toBeTruthy();
    expect(cards[0]!.textContent).toContain('便民服务分会');
    const page = document.body.textContent ?? '';
    for (const p of DEMO_PEOPLE.filter((x) => x.name)) expect(page).not.toContain(p.name);
  });

  it('shows this month’s 一键上报 figures per 居民区, and nobody’s report or name', async () => {
    const resident = ctx.h.identities.resident;
    await ctx.h.call('reports', 'file', { report: { categoryKey: 'clutter', place: { building: '3号楼', unit: '201' }, text: '王秀兰家门口堆了纸箱' }, requestId: 'street-report-1' }, resident);
    ctx.signIn('streetAdmin');
    render(<StreetOverviewPage />);
    await screen.findByText('一键上报办理情况');
    const baiyu = await waitFor(() => {
      const el = document.querySelector('.street-reports [data-community-id="cm-baiyu1"]');
      if (!el) throw new Error('no 白玉 figures yet');
      return el;
    });
    expect(baiyu.querySelector('.report-figure--filed .report-figure__value')?.textContent).toBe('1');
    expect(baiyu.querySelector('.report-figure--open .report-figure__value')?.textContent).toBe('1');
    const text = byClass('street-reports')[0]!.textContent ?? '';
    expect(text).not.toContain('纸箱');
    expect(text).not.toContain('王秀兰');
  });

  it('tells a committee member the overview is not theirs', async () => {
    ctx.signIn('committee');
    render(<StreetOverviewPage />);
    expect(await screen.findByText('你没有权限进行这个操作')).toBeTruthy();
  });
});
