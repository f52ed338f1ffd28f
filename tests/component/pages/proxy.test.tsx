import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import ProxyPage from '@/packages/profile/pages/proxy/index';
import { byClass, clickByClass, typeInto } from '../support/taro-events';
import { setupPagesHarness } from '../support/pages';

const ctx = setupPagesHarness();

const errorUnder = (field: string) => byClass(`field-error--${field}`)[0]?.textContent;
const idle = () => waitFor(() => expect(byClass('is-busy')).toHaveLength(0));

function fillElder(building: string) {
  typeInto('proxy-name', '顾阿婆');
  typeInto('proxy-building', building);
  typeInto('proxy-room', '102');
  fireEvent.click(byClass('tag-chip').find((el) => el.getAttribute('data-tag') === '理发')!);
  typeInto('proxy-note', '独居，不用微信');
}

describe('代居民登记 page', () => {
  it('lets a grid leader register an elderly resident of their grid, and says plainly what it refuses', async () => {
    ctx.signIn('gridLeader');
    render(<ProxyPage />);
    await waitFor(() => expect(document.getElementById('proxy-name')).toBeTruthy());
    // The log is the committee's.
    expect(byClass('proxy-log')).toHaveLength(0);

    fillElder('9号楼');
    clickByClass('btn-create-resident');
    await waitFor(() => expect(errorUnder('building')).toBe('这栋楼不在你负责的微格里'));

    typeInto('proxy-building', '2号楼');
    clickByClass('btn-create-resident');
    expect(await screen.findByText('已为顾阿婆（2号楼 102）登记。')).toBeTruthy();
    await idle();

    fillElder('2号楼');
    clickByClass('btn-create-resident');
    expect(await screen.findByText('这位居民已经登记过了')).toBeTruthy();

    const log = await ctx.h.call('members', 'listProxyLog', {}, ctx.h.identities.committee);
    expect(log.items).toEqual([expect.objectContaining({ actorName: '张丽华', subjectName: '顾阿婆', action: '代为登记' })]);
  });

  it('shows the committee the 代办记录, 20 a page', async () => {
    for (let i = 0; i < 21; i += 1) {
      await ctx.h.call('members', 'createForResident', { name: `老人${i}`, building: '1号楼', room: `${100 + i}` }, ctx.h.identities.gridLeader);
    }
    ctx.signIn('committee');
    render(<ProxyPage />);
    await waitFor(() => expect(byClass('proxy-log-row')).toHaveLength(20));
    await idle();
    expect(byClass('proxy-log-row')[0]!.textContent).toContain('张丽华 为 老人20 代为登记');
    clickByClass('btn-load-more-log');
    await waitFor(() => expect(byClass('proxy-log-row')).toHaveLength(21));
    await idle();
    expect(byClass('btn-load-more-log')).toHaveLength(0);

    // The committee registers anywhere in its 居民区, and the log shows it at once.
    fillElder('9号楼');
    clickByClass('btn-create-resident');
    await waitFor(() => expect(byClass('proxy-log-row')[0]?.textContent).toContain('周敏 为 顾阿婆 代为登记'));
  });

  it('tells a resident this is for grid leaders and the committee', async () => {
    ctx.signIn('resident');
    render(<ProxyPage />);
    expect(await screen.findByText('只有微格长和居委会可以代居民登记。')).toBeTruthy();
    expect(document.getElementById('proxy-name')).toBeNull();
  });
});
