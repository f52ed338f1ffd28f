import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import AdminCouncilsPage from '@/packages/admin/pages/councils/index';
import CouncilDetailPage from '@/packages/councils/pages/detail/index';
import CouncilListPage from '@/packages/councils/pages/list/index';
import { DEMO_SERVICE_COUNCIL, DEMO_TERM_DAYS, DEMO_STARTED_DAYS_AGO } from '../../../emulator/seed/councils';
import { DAY_MS } from '../../../src/shared/rules/rotation';
import { navigateTo, showToast } from '../../__mocks__/taro';
import { __setRouterParams, setupPagesHarness } from '../support/pages';
import { byClass, typeInto } from '../support/taro-events';

const ctx = setupPagesHarness();

const cardOf = (councilId: string) =>
  byClass('council-card').find((el) => el.getAttribute('data-council-id') === councilId) as HTMLElement | undefined;
const adminRowOf = (councilId: string) =>
  byClass('council-admin-row').find((el) => el.getAttribute('data-council-id') === councilId) as HTMLElement | undefined;
const clickIn = (el: Element, className: string, index = 0) => {
  const target = el.getElementsByClassName(className)[index];
  if (!target) throw new Error(`no .${className}`);
  fireEvent.click(target);
};
const idle = () => waitFor(() => expect(byClass('is-busy')).toHaveLength(0));
const councilIdsOf = async (who: 'member' | 'gridLeader') =>
  (await ctx.h.call('members', 'me', {}, ctx.h.identities[who])).member.councilIds as string[];

describe('分会 list', () => {
  it('shows a resident who chairs each council now and next, with a hint to apply before joining', async () => {
    ctx.signIn('resident');
    render(<CouncilListPage />);
    await screen.findByText('便民服务分会');
    await idle();
    const service = cardOf(DEMO_SERVICE_COUNCIL)!;
    expect(within(service).getByText(/轮值会长：张丽华/)).toBeTruthy();
    expect(within(service).getByText(/下一任：李建国/)).toBeTruthy();
    expect(within(service).getByText('成员 5 人')).toBeTruthy();
    expect(byClass('btn-join')).toHaveLength(0);
    expect(screen.getByText('加入第二梯队后，就能报名参加分会。')).toBeTruthy();
    expect(within(cardOf('cm-baiyu1-youth')!).getByText('还没有排轮值会长')).toBeTruthy();
  });

  it('lets a member join and leave, marking 我已加入', async () => {
    ctx.signIn('member');
    render(<CouncilListPage />);
    await screen.findByText('亲子文娱分会');
    await idle();
    expect(within(cardOf(DEMO_SERVICE_COUNCIL)!).getByText('我已加入')).toBeTruthy();
    expect(screen.queryByText('加入第二梯队后，就能报名参加分会。')).toBeNull();

    clickIn(cardOf('cm-baiyu1-family')!, 'btn-join');
    await waitFor(() => expect(within(cardOf('cm-baiyu1-family')!).queryByText('我已加入')).toBeTruthy());
    await idle();
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已加入' }));
    expect(await councilIdsOf('member')).toContain('cm-baiyu1-family');

    clickIn(cardOf('cm-baiyu1-family')!, 'btn-leave');
    await waitFor(() => expect(within(cardOf('cm-baiyu1-family')!).queryByText('我已加入')).toBeNull());
    await idle();
    expect(await councilIdsOf('member')).not.toContain('cm-baiyu1-family');
  });

  it('opens a council’s page', async () => {
    ctx.signIn('resident');
    render(<CouncilListPage />);
    await screen.findByText('便民服务分会');
    clickIn(cardOf(DEMO_SERVICE_COUNCIL)!, 'council-card__open');
    expect(navigateTo).toHaveBeenCalledWith({ url: `/packages/councils/pages/detail/index?id=${DEMO_SERVICE_COUNCIL}` });
  });
});

describe('分会 page', () => {
  it('shows a resident the positions and the schedule, but not the members', async () => {
    ctx.signIn('resident');
    __setRouterParams({ id: DEMO_SERVICE_COUNCIL });
    render(<CouncilDetailPage />);
    expect(await screen.findByText('会长：李建国')).toBeTruthy();
    const rows = byClass('schedule-row');
    expect(rows.length).toBe(5);
    expect(rows[0]!.textContent).toContain('本任 张丽华');
    expect(rows[1]!.textContent).toContain('李建国');
    expect(byClass('council-members')).toHaveLength(0);
    expect(byClass('btn-skip')).toHaveLength(0);
  });

  it('follows the server clock: after a term has passed, the next chair is 本任', async () => {
    ctx.h.stack.clock.offsetMs = (DEMO_TERM_DAYS - DEMO_STARTED_DAYS_AGO) * DAY_MS;
    ctx.signIn('resident');
    __setRouterParams({ id: DEMO_SERVICE_COUNCIL });
    render(<CouncilDetailPage />);
    await screen.findByText('会长：李建国');
    expect(byClass('schedule-row')[0]!.textContent).toContain('本任 李建国');
  });

  it('lets the current chair see the members and skip a hand-over only with a reason', async () => {
    ctx.signIn('gridLeader');
    __setRouterParams({ id: DEMO_SERVICE_COUNCIL });
    render(<CouncilDetailPage />);
    await screen.findByText('成员名单');
    await waitFor(() => expect(byClass('council-member')).toHaveLength(5));
    await idle();

    clickIn(byClass('schedule-row')[0]!, 'btn-skip');
    clickIn(document.body, 'btn-confirm-hand-over');
    expect(await screen.findByText('请写下原因，大家都能看到')).toBeTruthy();

    typeInto('hand-over-reason-0', '这个月要照顾家人');
    clickIn(document.body, 'btn-confirm-hand-over');
    await waitFor(() => expect(byClass('schedule-row')[0]!.textContent).toContain('本任 李建国'));
    await idle();
    expect(byClass('schedule-row')[0]!.textContent).toContain('张丽华本任跳过');
    expect(screen.getByText(/第1任张丽华跳过，原因：这个月要照顾家人/)).toBeTruthy();
    // No longer chair: the member list is closed to her now.
    const res = await ctx.h.invoke('councils', { action: 'members', payload: { councilId: DEMO_SERVICE_COUNCIL } }, ctx.h.identities.gridLeader);
    expect(res).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
  });

  it('lets a member join from the council’s page', async () => {
    ctx.signIn('member');
    __setRouterParams({ id: 'cm-baiyu1-youth' });
    render(<CouncilDetailPage />);
    await screen.findByText('还没有设职务');
    await idle();
    clickIn(document.body, 'btn-join');
    expect(await screen.findByText('退出这个分会')).toBeTruthy();
    expect(await councilIdsOf('member')).toContain('cm-baiyu1-youth');
  });

  it('says plainly when the council is not found', async () => {
    ctx.signIn('otherCommittee');
    __setRouterParams({ id: DEMO_SERVICE_COUNCIL });
    render(<CouncilDetailPage />);
    expect(await screen.findByText('没有找到相关内容')).toBeTruthy();
  });
});

describe('理事会管理', () => {
  it('the committee adds a 分会, and is told when the name is taken', async () => {
    ctx.signIn('committee');
    render(<AdminCouncilsPage />);
    await screen.findByText('便民服务分会');
    await idle();
    typeInto('council-new-name', '便民服务分会');
    clickIn(document.body, 'btn-create-council');
    // Said under the name, with a toast.
    await waitFor(() => expect(byClass('field-error--councilName')[0]?.textContent).toBe('已有同名的分会'));
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已有同名的分会', icon: 'none' }));
    await idle();
    typeInto('council-new-name', '老年关爱分会');
    clickIn(document.body, 'btn-create-council');
    expect(await screen.findByText('老年关爱分会')).toBeTruthy();
    await idle();
    expect(byClass('council-admin-row')).toHaveLength(7);
  });

  it('retires and restores a 分会; the 总会 has no 停用', async () => {
    ctx.signIn('committee');
    render(<AdminCouncilsPage />);
    await screen.findByText('亲子文娱分会');
    await idle();
    expect(adminRowOf('cm-baiyu1-main')!.getElementsByClassName('btn-retire')).toHaveLength(0);
    clickIn(adminRowOf('cm-baiyu1-family')!, 'btn-retire');
    await waitFor(() => expect(within(adminRowOf('cm-baiyu1-family')!).queryByText('已停用')).toBeTruthy());
    await idle();
    clickIn(adminRowOf('cm-baiyu1-family')!, 'btn-restore');
    await waitFor(() => expect(within(adminRowOf('cm-baiyu1-family')!).queryByText('在用')).toBeTruthy());
  });

  it('sets a new rotation order by tapping members in turn', async () => {
    ctx.signIn('committee');
    render(<AdminCouncilsPage />);
    await screen.findByText('便民服务分会');
    await idle();
    clickIn(adminRowOf(DEMO_SERVICE_COUNCIL)!, 'btn-manage');
    await waitFor(() => expect(byClass('order-chip').length).toBe(5));
    await idle();
    // Clear the order, then pick 吴建华 and 李建国.
    for (const chip of byClass('order-chip').filter((el) => el.getAttribute('aria-checked') === 'true')) fireEvent.click(chip);
    fireEvent.click(byClass('order-chip').find((el) => el.textContent === '吴建华')!);
    fireEvent.click(byClass('order-chip').find((el) => el.textContent === '李建国')!);
    expect(screen.getByText('顺序：吴建华 → 李建国')).toBeTruthy();
    typeInto('rotation-term-days', '14');
    // The first day is picked, shown in words, starting from today.
    expect(byClass('form-field--startDate')[0]!.textContent).toMatch(/\d+月\d+日 周./);
    clickIn(document.body, 'btn-save-rotation');
    await waitFor(() => expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '轮值已保存' })));
    await waitFor(() => expect(byClass('schedule-row')[0]?.textContent).toContain('本任 吴建华'));
    const detail = await ctx.h.call('councils', 'detail', { councilId: DEMO_SERVICE_COUNCIL }, ctx.h.identities.committee);
    expect(detail.council.rotation.plan).toMatchObject({ termDays: 14, order: [expect.any(String), ctx.h.memberIdOf('member')] });
  });

  it('turns away a resident who is not on the committee', async () => {
    ctx.signIn('gridLeader');
    render(<AdminCouncilsPage />);
    expect(await screen.findByText('你没有权限进行这个操作')).toBeTruthy();
  });
});
