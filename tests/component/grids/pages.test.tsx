import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import RosterPage from '@/packages/grids/pages/roster/index';
import GridsAdminPage from '@/packages/admin/pages/grids/index';
import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { byClass } from '../support/taro-events';
import { showModal, showToast } from '../../__mocks__/taro';
import { __setRouterParams, setupPagesHarness } from '../support/pages';

const ctx = setupPagesHarness();

const idle = () => waitFor(() => expect(byClass('is-busy')).toHaveLength(0));
const rowOf = (name: string) => byClass('roster-row').find((el) => el.textContent?.includes(name)) as HTMLElement | undefined;

describe('微格名册 (grid leader)', () => {
  it('shows the leader’s own grid with colour chips and masked phones, and filters by building', async () => {
    ctx.signIn('gridLeader');
    render(<RosterPage />);
    expect(await screen.findByText('王秀兰')).toBeTruthy();
    await idle();
    expect(screen.getByText('第一微格名册')).toBeTruthy();
    expect(screen.queryByText('李建国')).toBeNull();
    const wang = rowOf('王秀兰')!;
    expect(within(wang).getByText('黄 · 需要经常关心')).toBeTruthy();
    expect(within(wang).getByText('手机：139****1001')).toBeTruthy();
    expect(within(rowOf('吴阿婆')!).getByText('红 · 需要重点关注')).toBeTruthy();

    fireEvent.click(byClass('choice-chip').find((el) => el.getAttribute('data-value') === '3号楼')!);
    await waitFor(() => {
      expect(rowOf('王秀兰')).toBeTruthy();
      expect(rowOf('张丽华')).toBeUndefined();
    });
  });

  it('tells a resident they may not see it', async () => {
    ctx.signIn('resident');
    render(<RosterPage />);
    expect(await screen.findByText('你没有权限进行这个操作')).toBeTruthy();
    expect(byClass('roster-row')).toHaveLength(0);
  });

  it('opens another grid for the committee with full phones', async () => {
    ctx.signIn('committee');
    __setRouterParams({ gridId: 'cm-baiyu1-g2' });
    render(<RosterPage />);
    expect(await screen.findByText('李建国')).toBeTruthy();
    expect(within(rowOf('李建国')!).getByText('手机：13900001002')).toBeTruthy();
  });
});

describe('微格管理 (committee)', () => {
  it('assigns a grid leader from the residents list and marks a colour', async () => {
    ctx.signIn('committee');
    render(<GridsAdminPage />);
    expect(await screen.findByText('第二微格')).toBeTruthy();
    await idle();
    expect(screen.getByText('周敏')).toBeTruthy();
    const card = byClass('grid-admin').find((el) => el.getAttribute('data-grid-id') === 'cm-baiyu1-g2') as HTMLElement;
    fireEvent.click(card.getElementsByClassName('btn-toggle-residents')[0]!);
    await waitFor(() => expect(rowOf('李建国')).toBeTruthy());

    fireEvent.click(rowOf('李建国')!.getElementsByClassName('btn-resident--leader')[0]!);
    await waitFor(() => expect(within(card).getByText('微格长：李建国')).toBeTruthy());
    await idle();
    const stored = (await getDb().collection(COLLECTIONS.grids).doc('cm-baiyu1-g2').get()).data[0];
    expect(stored.leaderMemberId).toBe(ctx.h.memberIdOf('member'));

    fireEvent.click(rowOf('刘美华')!.getElementsByClassName('btn-colour--red')[0]!);
    await waitFor(() => expect(within(rowOf('刘美华')!).getByText('红 · 需要重点关注')).toBeTruthy());
    const colour = (await getDb().collection(COLLECTIONS.memberColours).doc(ctx.h.memberIdOf('applicant1')).get()).data[0];
    expect(colour.colour).toBe('red');
  });

  it('shows the server’s refusal when a building already belongs to another grid', async () => {
    ctx.signIn('committee');
    render(<GridsAdminPage />);
    await screen.findByText('第二微格');
    await idle();
    const card = byClass('grid-admin').find((el) => el.getAttribute('data-grid-id') === 'cm-baiyu1-g2') as HTMLElement;
    fireEvent.click(card.getElementsByClassName('btn-edit-grid')[0]!);
    const input = document.getElementById('grid-buildings-cm-baiyu1-g2')!;
    fireEvent(input, new CustomEvent('input', { detail: { value: '5号楼、6号楼、7号楼、1号楼' }, bubbles: true }));
    fireEvent.click(card.getElementsByClassName('btn-set-buildings')[0]!);
    expect(await screen.findByText(/有楼栋已经划在别的微格里了/)).toBeTruthy();
    expect(screen.getByText(/1号楼已在别的微格/)).toBeTruthy();
  });

  it('lists the 双楼长 pair', async () => {
    ctx.signIn('committee');
    render(<GridsAdminPage />);
    expect(await screen.findByText('5号楼：楼组长 钱国庆 ＋ 结对成员 李建国')).toBeTruthy();
  });

  it('a new grid without a name: the message under 微格名称, a toast, nothing created', async () => {
    ctx.signIn('committee');
    render(<GridsAdminPage />);
    await screen.findByText('5号楼：楼组长 钱国庆 ＋ 结对成员 李建国');
    const before = (await getDb().collection(COLLECTIONS.grids).where({ communityId: 'cm-baiyu1' }).count()).total;
    fireEvent.click(byClass('btn-create-grid')[0]!);
    await waitFor(() => expect(byClass('field-error--gridName')).toHaveLength(1));
    const message = byClass('field-error--gridName')[0]!.textContent!;
    expect(message).toMatch(/名称/);
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: message, icon: 'none' }));
    expect((await getDb().collection(COLLECTIONS.grids).where({ communityId: 'cm-baiyu1' }).count()).total).toBe(before);
  });

  it('解除结对 is asked first, naming the building; 再想想 keeps the pair', async () => {
    ctx.signIn('committee');
    render(<GridsAdminPage />);
    await screen.findByText('5号楼：楼组长 钱国庆 ＋ 结对成员 李建国');
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(byClass('btn-clear-pair')[0]!);
    await waitFor(() => expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '解除结对', content: expect.stringContaining('5号楼') })));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await ctx.h.call('grids', 'listPairs', {}, ctx.h.identities.committee)).items).toHaveLength(1);
    fireEvent.click(byClass('btn-clear-pair')[0]!);
    await waitFor(async () => expect((await ctx.h.call('grids', 'listPairs', {}, ctx.h.identities.committee)).items.filter((p: { groupLeader: unknown; partner: unknown }) => p.groupLeader || p.partner)).toHaveLength(0));
  });
});
