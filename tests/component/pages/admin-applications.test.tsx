import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ApplicationsPage from '@/packages/admin/pages/applications/index';
import { navigateTo, showModal, showToast } from '../../__mocks__/taro';
import { byClass, typeInto } from '../support/taro-events';
import { setupPagesHarness } from '../support/pages';
import { PRIVACY_VERSION } from '@shared/privacy';

const ctx = setupPagesHarness();

const rowOf = (memberId: string) =>
  byClass('application-row').find((el) => el.getAttribute('data-member-id') === memberId) as HTMLElement | undefined;
const clickIn = (row: HTMLElement, className: string) => fireEvent.click(row.getElementsByClassName(className)[0]!);
const tab = (key: string) => fireEvent.click(byClass(`admin-tab--${key}`)[0]!);
/** Waits until no call of the page is under way. */
const idle = () => waitFor(() => expect(byClass('is-busy')).toHaveLength(0));

describe('居委工作台: 入队申请', () => {
  it('lists the pending applications of the committee’s own 居民区 only', async () => {
    ctx.signIn('committee');
    render(<ApplicationsPage />);
    expect(await screen.findByText('刘美华')).toBeTruthy();
    expect(screen.getByText('陈志明')).toBeTruthy();
    // 黄海 applied in another 居民区.
    expect(screen.queryByText('黄海')).toBeNull();
    const row = rowOf(ctx.h.memberIdOf('applicant1'))!;
    expect(within(row).getByText('7号楼 303')).toBeTruthy();
    expect(within(row).getByText('手机：13900001006')).toBeTruthy();
    expect(within(row).getByText('技能：教师、绘画')).toBeTruthy();
    expect(within(row).getByText('想说的话：退休在家，想给小朋友上上绘画课。')).toBeTruthy();
    // Only approved members have a page to open.
    expect(byClass('application-row__open')).toHaveLength(0);
  });

  it('approves an application: it leaves 待审核 and appears under 已通过', async () => {
    ctx.signIn('committee');
    const applicant = ctx.h.memberIdOf('applicant1');
    render(<ApplicationsPage />);
    await screen.findByText('刘美华');

    // Asked first; declining changes nothing.
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    clickIn(rowOf(applicant)!, 'btn-approve');
    await waitFor(() => expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '通过申请', content: expect.stringContaining('刘美华') })));
    await idle();
    expect(rowOf(applicant)).toBeDefined();
    clickIn(rowOf(applicant)!, 'btn-approve');

    await waitFor(() => expect(rowOf(applicant)).toBeUndefined());
    await idle();
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已通过' }));
    tab('approved');
    expect(await screen.findByText('刘美华')).toBeTruthy();
    expect(within(rowOf(applicant)!).getByText('已加入第二梯队')).toBeTruthy();

    const me = await ctx.h.call('members', 'me', {}, ctx.h.identities.applicant1);
    expect(me.member.isMember).toBe(true);

    // Her name opens her page.
    clickIn(rowOf(applicant)!, 'application-row__open');
    expect(navigateTo).toHaveBeenCalledWith({ url: `/packages/admin/pages/member/index?memberId=${applicant}` });
  });

  it('refuses only with a reason, which the resident then reads', async () => {
    ctx.signIn('committee');
    const applicant = ctx.h.memberIdOf('applicant2');
    render(<ApplicationsPage />);
    await screen.findByText('陈志明');
    await idle();
    const row = rowOf(applicant)!;

    clickIn(row, 'btn-reject');
    clickIn(row, 'btn-confirm-reject');
    expect(within(row).getByText('请写下未通过的原因，方便居民了解')).toBeTruthy();
    let me = await ctx.h.call('members', 'me', {}, ctx.h.identities.applicant2);
    expect(me.member.application.status).toBe('pending');

    typeInto(`reject-reason-${applicant}`, '请先到居委会核实一下门牌号');
    clickIn(row, 'btn-confirm-reject');

    await waitFor(() => expect(rowOf(applicant)).toBeUndefined());
    await idle();
    me = await ctx.h.call('members', 'me', {}, ctx.h.identities.applicant2);
    expect(me.member.application).toMatchObject({ status: 'rejected', reason: '请先到居委会核实一下门牌号' });

    tab('rejected');
    expect(await screen.findByText('未通过原因：请先到居委会核实一下门牌号')).toBeTruthy();
  });

  it('says when someone else already decided, and refreshes the list', async () => {
    ctx.signIn('committee');
    const applicant = ctx.h.memberIdOf('applicant1');
    render(<ApplicationsPage />);
    await screen.findByText('刘美华');
    await idle();
    // Another committee member approves it meanwhile.
    await ctx.h.call('members', 'review', { memberId: applicant, decision: 'approve' }, ctx.h.identities.committee);

    clickIn(rowOf(applicant)!, 'btn-approve');

    expect(await screen.findByText('这份申请已经处理过了，请刷新列表')).toBeTruthy();
    await waitFor(() => expect(rowOf(applicant)).toBeUndefined());
    await idle();
    expect(screen.getByText('陈志明')).toBeTruthy();
  });

  it('shows 20 a page and loads more while there are more', async () => {
    // 21 more residents apply (23 pending in all).
    for (let i = 0; i < 21; i += 1) {
      const openid = `page-test-${i}`;
      await ctx.h.call('members', 'chooseCommunity', { communityId: 'cm-baiyu1' }, openid);
      await ctx.h.call('members', 'acceptPrivacy', { version: PRIVACY_VERSION }, openid);
      await ctx.h.call('members', 'updateProfile', { name: `居民${i}`, building: '1号楼', room: `${100 + i}` }, openid);
      await ctx.h.call('members', 'apply', {}, openid);
    }
    ctx.signIn('committee');
    render(<ApplicationsPage />);
    await waitFor(() => expect(byClass('application-row')).toHaveLength(20));
    await idle();
    fireEvent.click(byClass('btn-load-more')[0]!);
    await waitFor(() => expect(byClass('application-row')).toHaveLength(23));
    await idle();
    expect(byClass('btn-load-more')).toHaveLength(0);
    const ids = byClass('application-row').map((el) => el.getAttribute('data-member-id'));
    expect(new Set(ids).size).toBe(23);
  });

  it('turns away a resident who is not on the committee', async () => {
    ctx.signIn('resident');
    render(<ApplicationsPage />);
    expect(await screen.findByText('你没有权限进行这个操作')).toBeTruthy();
    expect(byClass('application-row')).toHaveLength(0);
  });

  it('shows an empty tab plainly', async () => {
    ctx.signIn('committee');
    render(<ApplicationsPage />);
    await screen.findByText('刘美华');
    tab('rejected');
    expect(await screen.findByText('没有未通过的申请')).toBeTruthy();
  });
});
