import { render, screen, waitFor, within } from '@testing-library/react';
import MemberDetailPage from '@/packages/admin/pages/member/index';
import { byClass, clickByClass, typeInto } from '../support/taro-events';
import { showModal } from '../../__mocks__/taro';
import { __setRouterParams, setupPagesHarness } from '../support/pages';

const ctx = setupPagesHarness();

const idle = () => waitFor(() => expect(byClass('is-busy')).toHaveLength(0));
const card = (name: string) => byClass(name)[0] as HTMLElement;

describe('成员详情 page', () => {
  it('shows the committee a member’s full record and history, and promotes and ends 楼组长 with a reason', async () => {
    const id = ctx.h.memberIdOf('member');
    ctx.signIn('committee');
    __setRouterParams({ memberId: id });
    render(<MemberDetailPage />);
    await screen.findByText('李建国');
    await idle();
    expect(within(card('member-profile')).getByText('13900001002')).toBeTruthy();
    expect(within(card('member-profile')).getByText('5号楼 502')).toBeTruthy();
    expect(within(card('member-profile')).getByText('无')).toBeTruthy();

    typeInto('role-reason', '5号楼楼组长');
    clickByClass('btn-grant-building_leader');
    await waitFor(() => expect(byClass('btn-revoke-building_leader')).toHaveLength(1));
    await idle();
    expect(within(card('member-profile')).getByText('楼组长')).toBeTruthy();
    expect(within(card('member-history')).getByText('担任楼组长')).toBeTruthy();
    expect(within(card('member-history')).getByText('5号楼楼组长')).toBeTruthy();
    // The reason field is empty again for the next change.
    expect(document.getElementById('role-reason')!.getAttribute('value')).toBe('');

    // Ending a post is asked first, naming the person; 再想想 changes nothing.
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    clickByClass('btn-revoke-building_leader');
    await waitFor(() => expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '卸任楼组长', content: expect.stringContaining('李建国将不再担任楼组长') })));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await ctx.h.call('members', 'memberDetail', { memberId: id }, ctx.h.identities.committee)).member.roles).toEqual(['building_leader']);
    clickByClass('btn-revoke-building_leader');
    await waitFor(() => expect(byClass('btn-grant-building_leader')).toHaveLength(1));
    await idle();
    expect(within(card('member-history')).getByText('卸任楼组长')).toBeTruthy();
    const detail = await ctx.h.call('members', 'memberDetail', { memberId: id }, ctx.h.identities.committee);
    expect(detail.member.roles).toEqual([]);
    expect(detail.history.map((e: { kind: string }) => e.kind)).toEqual(['role_granted', 'role_revoked']);
  });

  it('shows the proxy registration in the history of a resident registered by a grid leader', async () => {
    const { member } = await ctx.h.call(
      'members',
      'createForResident',
      { name: '顾阿婆', building: '2号楼', room: '102', note: '独居，不用微信' },
      ctx.h.identities.gridLeader,
    );
    ctx.signIn('committee');
    __setRouterParams({ memberId: member.id });
    render(<MemberDetailPage />);
    await screen.findByText('顾阿婆');
    expect(within(card('member-history')).getByText('由他人代为登记')).toBeTruthy();
    expect(within(card('member-history')).getByText('独居，不用微信')).toBeTruthy();
  });

  it('does not open a member of another 居民区', async () => {
    ctx.signIn('otherCommittee');
    __setRouterParams({ memberId: ctx.h.memberIdOf('member') });
    render(<MemberDetailPage />);
    expect(await screen.findByText(/没有找到/)).toBeTruthy();
    expect(screen.queryByText('李建国')).toBeNull();
  });

  it('lets a member read their own record without the promotion controls', async () => {
    ctx.signIn('member');
    __setRouterParams({ memberId: ctx.h.memberIdOf('member') });
    render(<MemberDetailPage />);
    await screen.findByText('李建国');
    await idle();
    expect(byClass('role-panel')).toHaveLength(0);
  });
});
