import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import TalentPage from '@/packages/grids/pages/talent/index';
import { byClass, clickByClass } from '../support/taro-events';
import { setupPagesHarness } from '../support/pages';

const ctx = setupPagesHarness();

const cardOf = (name: string) => byClass('talent-card').find((el) => el.textContent?.includes(name)) as HTMLElement | undefined;
const tap = (group: string, value: string) =>
  fireEvent.click(
    byClass('tag-chip')
      .concat(byClass('choice-chip'))
      .find((el) => (el.getAttribute('data-tag') ?? el.getAttribute('data-value')) === value && el.closest(`.${group}`))!,
  );

describe('资源库', () => {
  it('a grid leader finds a doctor; the card shows only what the member lets leaders see', async () => {
    ctx.signIn('gridLeader');
    render(<TalentPage />);
    await screen.findByText('查找');
    tap('tag-picker--talent-skills', '医生');
    clickByClass('btn-talent-search');
    await waitFor(() => expect(cardOf('赵桂英')).toBeTruthy());
    const card = cardOf('赵桂英')!;
    expect(card.textContent).toContain('技能：医生、心理咨询');
    expect(card.textContent).toContain('手机：139****3001');
  });

  it('a field a member keeps hidden says so, and does not match a search', async () => {
    ctx.signIn('committee');
    render(<TalentPage />);
    await screen.findByText('查找');
    tap('choice-chips--talent-building', '8号楼');
    clickByClass('btn-talent-search');
    await waitFor(() => expect(cardOf('孙淑珍')).toBeTruthy());
    expect(cardOf('孙淑珍')!.textContent).toContain('技能：未公开');
    expect(cardOf('孙淑珍')!.textContent).not.toContain('手机');

    tap('choice-chips--talent-building', '');
    tap('tag-picker--talent-skills', '舞蹈');
    clickByClass('btn-talent-search');
    expect(await screen.findByText('没有找到合适的成员，换个条件试试')).toBeTruthy();
  });

  it('tells a resident the talent pool is not for them', async () => {
    ctx.signIn('resident');
    render(<TalentPage />);
    expect(await screen.findByText('你没有权限进行这个操作')).toBeTruthy();
  });
});
