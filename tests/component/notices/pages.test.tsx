import { LOCAL_APPID } from '../../../emulator/dev-server/functions-host';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import NoticeBindPage from '@/packages/notices/pages/bind/index';
import NoticeDetailPage from '@/packages/notices/pages/detail/index';
import NoticeEditPage from '@/packages/notices/pages/edit/index';
import NoticeGroupsPage from '@/packages/notices/pages/groups/index';
import NoticeListPage from '@/packages/notices/pages/list/index';
import NoticeReceiptsPage from '@/packages/notices/pages/receipts/index';
import NoticeRobotsPage from '@/packages/notices/pages/robots/index';
import { redirectTo, showModal } from '../../__mocks__/taro';
import { bindGroup, openNotice, publishNotice } from '../../integration/notices/support';
import { __setRouterParams, setupPagesHarness } from '../support/pages';
import { byClass, clickByClass, typeInto } from '../support/taro-events';

const ctx = setupPagesHarness();

const idle = () => waitFor(() => expect(byClass('is-busy')).toHaveLength(0));
const cardOf = (id: string) => byClass('notice-card').find((el) => el.getAttribute('data-notice-id') === id) as HTMLElement | undefined;
const chip = (group: string, value: string) => {
  const el = document.querySelector(`.choice-chips--${group} [data-value="${value}"]`);
  if (!el) throw new Error(`no chip ${group}/${value}`);
  fireEvent.click(el);
};

/**
 * The H5 pages ask the dev server for a group's CloudID (`?devGroup=A`): answered here as the dev server does, by
 * the harness's open data; every other call goes to the real functions.
 */
function answerGroupCards(): void {
  const functions = ctx.h.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.endsWith('/__dev/wechat/group-card')) return functions(input, init);
    const { group } = JSON.parse(String(init?.body)) as { group: string };
    const cloudID = ctx.h.stack.wechat.openData.mintGroupCloudId(group, LOCAL_APPID);
    return { ok: true, status: 200, json: async () => ({ cloudID }) } as Response;
  }) as typeof fetch;
}

describe('通知 list', () => {
  it('shows a resident the notices for them, unread first, and no writing tools', async () => {
    const older = await publishNotice(ctx.h, { title: '楼道堆物清理' });
    const newer = await publishNotice(ctx.h, { title: '周六义诊' });
    await openNotice(ctx.h, newer.id, ctx.h.identities.resident);
    ctx.signIn('resident');
    render(<NoticeListPage />);
    await screen.findByText('楼道堆物清理');
    await idle();
    const titles = byClass('notice-card__title').map((el) => el.textContent);
    expect(titles.indexOf('楼道堆物清理')).toBeLessThan(titles.indexOf('周六义诊'));
    expect(within(cardOf(older.id)!).getByText('未读')).toBeTruthy();
    expect(within(cardOf(newer.id)!).getByText('已读')).toBeTruthy();
    expect(byClass('btn-new-notice')).toHaveLength(0);
    expect(byClass('btn-subscribe-notices')).toHaveLength(1);
  });

  it('shows the grid leader what they published with its counts', async () => {
    const notice = await publishNotice(ctx.h, { title: '明天上午停水', mode: 'confirm' });
    await openNotice(ctx.h, notice.id, ctx.h.identities.resident);
    await ctx.h.call('notices', 'confirm', { noticeId: notice.id }, ctx.h.identities.resident);
    ctx.signIn('gridLeader');
    render(<NoticeListPage />);
    await idle();
    expect(byClass('btn-new-notice')).toHaveLength(1);
    chip('notice-tab', 'managed');
    await waitFor(() => expect(cardOf(notice.id)).toBeTruthy());
    await idle();
    expect(within(cardOf(notice.id)!).getByText(/^已读 1\/\d+，已收到 1$/)).toBeTruthy();
    expect(within(cardOf(notice.id)!).getByText('查看回执')).toBeTruthy();
  });
});

describe('通知详情', () => {
  it('records the read in the group the card was opened in, and takes 收到 once', async () => {
    await bindGroup(ctx.h, 'C', '1号楼居民群');
    const notice = await publishNotice(ctx.h, { title: '安全提醒：请勿飞线充电', mode: 'confirm' });
    answerGroupCards();
    ctx.signIn('resident');
    __setRouterParams({ id: notice.id, devGroup: 'C' });
    render(<NoticeDetailPage />);
    await screen.findByText('安全提醒：请勿飞线充电');
    await idle();
    clickByClass('btn-confirm-notice');
    await screen.findByText(/你已点“收到”/);
    const { items } = await ctx.h.call('notices', 'receipts', { noticeId: notice.id, filter: 'confirmed' }, ctx.h.identities.gridLeader);
    expect(items).toEqual([expect.objectContaining({ memberId: ctx.h.memberIdOf('resident'), state: 'confirmed', groups: ['1号楼居民群'] })]);
  });

  it('takes one answer to the question, and shows it', async () => {
    const notice = await publishNotice(ctx.h, { mode: 'reply', question: { text: '家中是否有人？', options: ['有人在家', '家中无人'] } });
    ctx.signIn('resident');
    __setRouterParams({ id: notice.id });
    render(<NoticeDetailPage />);
    await screen.findByText('家中是否有人？');
    await idle();
    chip('notice-reply', '家中无人');
    clickByClass('btn-reply-notice');
    await screen.findByText('你的回复：家中无人');
    expect(byClass('btn-reply-notice')).toHaveLength(0);
  });

  it('gives its writer the share card and the receipts', async () => {
    const notice = await publishNotice(ctx.h);
    ctx.signIn('gridLeader');
    __setRouterParams({ id: notice.id });
    render(<NoticeDetailPage />);
    await screen.findByText('分享到微信群');
    expect(byClass('btn-open-receipts')).toHaveLength(1);
  });

  it('shows its writer the WeCom robot send of the grid: refused while rate-limited, sent on the next run', async () => {
    const earlier = ctx.h.stack.wecom.deliveries.length;
    ctx.h.stack.wecom.rateLimited = true;
    const notice = await publishNotice(ctx.h, { title: '周六义诊' });
    ctx.signIn('gridLeader');
    __setRouterParams({ id: notice.id });
    render(<NoticeDetailPage />);
    await screen.findByText('企业微信群机器人');
    const robot = () => byClass('notice-robot').find((el) => el.getAttribute('data-grid-id') === 'cm-baiyu1-g1') as HTMLElement;
    expect(robot().className).not.toContain('notice-robot--sent');
    expect(within(robot()).getByText(/已试 1 次/)).toBeTruthy();
    cleanup();
    ctx.h.stack.wecom.rateLimited = false;
    ctx.h.stack.clock.offsetMs += 2 * 60_000;
    await ctx.h.timer('notices', 'every-minute');
    render(<NoticeDetailPage />);
    await screen.findByText('企业微信群机器人');
    expect(within(robot()).getByText('已推送')).toBeTruthy();
    const answers = ctx.h.stack.wecom.deliveries.slice(earlier).map((d) => d.answer.errcode);
    expect(answers[0]).not.toBe(0);
    expect(answers.filter((code) => code === 0)).toHaveLength(1);
  });

  it('lets its writer delete a draft', async () => {
    const draft = await publishNotice(ctx.h, { title: '草稿：楼道堆物' }, { kind: 'draft' });
    ctx.signIn('gridLeader');
    __setRouterParams({ id: draft.id });
    render(<NoticeDetailPage />);
    await screen.findByText('删除通知');
    expect(byClass('btn-share-notice')).toHaveLength(0);
    clickByClass('btn-remove-notice');
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/packages/notices/pages/list/index' }));
    const { items } = await ctx.h.call('notices', 'managed', { page: 1 }, ctx.h.identities.gridLeader);
    expect(items.map((n: { id: string }) => n.id)).not.toContain(draft.id);
  });

  it('tells another 居民区 it is not there', async () => {
    const notice = await publishNotice(ctx.h);
    ctx.signIn('otherCommittee');
    __setRouterParams({ id: notice.id });
    render(<NoticeDetailPage />);
    await screen.findByText('没有找到相关内容');
  });
});

describe('发通知', () => {
  it('starts from a template, publishes to the leader\'s grid, and opens it', async () => {
    ctx.signIn('gridLeader');
    render(<NoticeEditPage />);
    await screen.findByText('从模板开始');
    await idle();
    chip('notice-template', 'safety-charging');
    expect((document.getElementById('notice-title') as HTMLInputElement).getAttribute('value') ?? '').toBe('安全提醒：请勿飞线充电');
    // Publishing to many cannot be called back: asked first; declining sends nothing.
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    clickByClass('btn-save-notice');
    await waitFor(() => expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '现在发布？' })));
    expect(redirectTo).not.toHaveBeenCalled();
    clickByClass('btn-save-notice');
    await waitFor(() => expect(redirectTo).toHaveBeenCalled());
    const { items } = await ctx.h.call('notices', 'managed', { page: 1 }, ctx.h.identities.gridLeader);
    const published = items.filter((n: { title: string; status: string }) => n.title === '安全提醒：请勿飞线充电' && n.status === 'published');
    expect(published).toEqual([expect.objectContaining({ mode: 'confirm', targetLabel: '第一微格' })]);
    expect(redirectTo).toHaveBeenCalledWith({ url: `/packages/notices/pages/detail/index?id=${encodeURIComponent(published[0].id)}` });
  });

  it('says plainly when the content check refuses the text, and when a field is missing', async () => {
    const managed = async () => (await ctx.h.call('notices', 'managed', { page: 1 }, ctx.h.identities.gridLeader)).items.length;
    const before = await managed();
    ctx.signIn('gridLeader');
    render(<NoticeEditPage />);
    await screen.findByText('从模板开始');
    await idle();
    typeInto('notice-title', '提醒');
    typeInto('notice-body', '违规测试词');
    clickByClass('btn-save-notice');
    await waitFor(() => expect(byClass('notice-save-error')).toHaveLength(1));
    expect(byClass('notice-save-error')[0]!.textContent).toMatch(/内容/);
    chip('notice-mode', 'reply');
    typeInto('notice-body', '明天停水');
    clickByClass('btn-save-notice');
    await screen.findByText('请填写问题');
    expect(await managed()).toBe(before);
  });
});

describe('发通知: targets, times and drafts', () => {
  it('lets the committee send to one colour group in chosen grids, at a set time', async () => {
    ctx.signIn('committee');
    render(<NoticeEditPage />);
    await screen.findByText('从模板开始');
    await idle();
    typeInto('notice-title', '独居老人冬季走访');
    typeInto('notice-body', '这周末微格长会上门看望，请家里留人。');
    chip('notice-target-kind', 'colour');
    chip('notice-target-colour', 'red');
    chip('notice-target-colour-grids', 'cm-baiyu1-g2');
    chip('notice-publish', 'at');
    // The day and the time are picked (the platform's pickers answer "YYYY-MM-DD" and "HH:mm"), never typed.
    const tomorrow = new Date(ctx.h.stack.clock.nowMs() + 24 * 3600 * 1000 + 8 * 3600 * 1000).toISOString().slice(0, 10);
    fireEvent(document.getElementById('notice-at-date')!, new CustomEvent('change', { detail: { value: tomorrow } }));
    fireEvent(document.getElementById('notice-at-time')!, new CustomEvent('change', { detail: { value: '09:00' } }));
    expect(byClass('form-field--publish')[0]!.textContent).toMatch(/\d+月\d+日 周.09:00/);
    clickByClass('btn-save-notice');
    await waitFor(() => expect(redirectTo).toHaveBeenCalled());
    const { items } = await ctx.h.call('notices', 'managed', { page: 1 }, ctx.h.identities.committee);
    const saved = items.find((n: { title: string }) => n.title === '独居老人冬季走访');
    expect(saved).toMatchObject({ status: 'scheduled', publishAt: new Date(`${tomorrow}T09:00:00+08:00`).toISOString() });
    expect(saved.targetLabel).toContain('红');
  });

  it('publishes a saved draft from its edit page', async () => {
    const draft = await publishNotice(ctx.h, { title: '草稿：楼道堆物' }, { kind: 'draft' });
    ctx.signIn('gridLeader');
    __setRouterParams({ id: draft.id });
    render(<NoticeEditPage />);
    await screen.findByText('修改通知');
    await idle();
    expect(document.querySelector('.choice-chips--notice-publish .choice-chip--on')?.getAttribute('data-value')).toBe('draft');
    chip('notice-publish', 'now');
    clickByClass('btn-save-notice');
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: `/packages/notices/pages/detail/index?id=${encodeURIComponent(draft.id)}` }));
    const opened = await ctx.h.call('notices', 'open', { noticeId: draft.id }, ctx.h.identities.resident);
    expect(opened.notice).toMatchObject({ status: 'published', title: '草稿：楼道堆物' });
  });
});

describe('通知回执', () => {
  it('shows reads per group and who has not read, and reminds the unread', async () => {
    await bindGroup(ctx.h, 'C', '1号楼居民群');
    const notice = await publishNotice(ctx.h, { mode: 'confirm' });
    await openNotice(ctx.h, notice.id, ctx.h.identities.resident, 'C');
    ctx.signIn('gridLeader');
    __setRouterParams({ id: notice.id, mode: 'confirm' });
    render(<NoticeReceiptsPage />);
    await screen.findByText('1号楼居民群');
    await idle();
    const groupRow = byClass('notice-group-count').find((el) => el.textContent?.includes('1号楼居民群')) as HTMLElement;
    expect(within(groupRow).getByText('1 人打开')).toBeTruthy();
    const groupId = groupRow.getAttribute('data-group-id')!;
    chip('receipt-group', groupId);
    await idle();
    await waitFor(() => expect(byClass('receipt-row').map((el) => el.getAttribute('data-member-id'))).toEqual([ctx.h.memberIdOf('resident')]));
    chip('receipt-group', 'all');
    chip('receipt-filter', 'unread');
    await idle();
    await waitFor(() => expect(byClass('receipt-row').length).toBeGreaterThan(0));
    expect(byClass('receipt-row').every((el) => el.classList.contains('receipt-row--unread'))).toBe(true);
    expect(byClass('receipt-row').some((el) => el.getAttribute('data-member-id') === ctx.h.memberIdOf('resident'))).toBe(false);
    // The button and its confirmation say who is reminded: the unread and those who read but did not tap 收到.
    const { counts } = await ctx.h.call('notices', 'receipts', { noticeId: notice.id }, ctx.h.identities.gridLeader);
    const unread = counts.targeted - counts.read;
    const readOnly = counts.read - counts.confirmed;
    expect(readOnly).toBeGreaterThan(0);
    expect(byClass('remind-audience')[0]!.textContent).toBe(`会提醒：未读的邻居 ${unread} 人，和已读未点“收到”的邻居 ${readOnly} 人`);
    expect(byClass('btn-remind-unread')[0]!.textContent).toContain(`一键提醒（${unread + readOnly} 人）`);
    clickByClass('btn-remind-unread');
    await screen.findByText(/第 1 轮提醒已发出/);
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining(`和已读未点“收到”的邻居 ${readOnly} 人（不会提醒你自己）`) }));
    // Everyone who has not tapped 收到 (the resident read it but did not) is reached one way or listed to visit,
    // except the leader who reminds.
    const pending = await ctx.h.call('notices', 'receipts', { noticeId: notice.id, filter: 'pending' }, ctx.h.identities.gridLeader);
    const others = pending.items.filter((r: { memberId: string }) => r.memberId !== ctx.h.memberIdOf('gridLeader'));
    const count = (className: string) => Number(/（(\d+) 人）/.exec(byClass(className)[0]!.textContent ?? '')?.[1]);
    expect(count('remind-subscribed') + count('remind-wecom') + byClass('remind-rest').length).toBe(others.length);
    expect(byClass('remind-rest').some((el) => el.getAttribute('data-member-id') === ctx.h.memberIdOf('gridLeader'))).toBe(false);
  });

  it('reminds nobody when the one reminding declines the confirmation', async () => {
    const notice = await publishNotice(ctx.h, { mode: 'read' });
    ctx.signIn('gridLeader');
    __setRouterParams({ id: notice.id, mode: 'read' });
    render(<NoticeReceiptsPage />);
    await screen.findByText(/会提醒：未读的邻居 \d+ 人$/);
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    clickByClass('btn-remind-unread');
    await waitFor(() => expect(showModal).toHaveBeenCalled());
    await idle();
    expect(byClass('notice-remind__result')).toHaveLength(0);
    expect(ctx.h.stack.wechat.messages.filter((m) => m.templateId === 'notice-remind')).toHaveLength(0);
  });
});

describe('群绑定', () => {
  it('binds the group the card was opened in, by a name the leader gives it', async () => {
    answerGroupCards();
    ctx.signIn('gridLeader');
    __setRouterParams({ gridId: 'cm-baiyu1-g1', devGroup: 'D' });
    render(<NoticeBindPage />);
    await screen.findByText(/本群还没有绑定/);
    typeInto('group-name', '2号楼邻里群');
    clickByClass('btn-bind-group');
    await screen.findByText(/本群已绑定为“2号楼邻里群”/);
  });

  it('lists the bound groups; renames one and unbinds another', async () => {
    await bindGroup(ctx.h, 'C', '1号楼居民群');
    await bindGroup(ctx.h, 'D', '2号楼邻里群');
    ctx.signIn('gridLeader');
    render(<NoticeGroupsPage />);
    await screen.findByText('1号楼居民群');
    await idle();
    expect(byClass('btn-share-bind-card')).toHaveLength(1);
    const rowOf = (name: string) => byClass('notice-group').find((el) => el.querySelector('.notice-row__name')?.textContent === name) as HTMLElement;
    const input = rowOf('1号楼居民群').querySelector('.group-name-input')!;
    fireEvent(input, new CustomEvent('input', { detail: { value: '1号楼老邻居' }, bubbles: true }));
    fireEvent.click(rowOf('1号楼居民群').getElementsByClassName('btn-rename-group')[0]!);
    await screen.findByText('1号楼老邻居');
    fireEvent.click(rowOf('2号楼邻里群').getElementsByClassName('btn-unbind-group')[0]!);
    await waitFor(() => expect(screen.queryByText('2号楼邻里群')).toBeNull());
    const { items } = await ctx.h.call('notices', 'groups', { page: 1 }, ctx.h.identities.gridLeader);
    const names = items.map((g: { name: string }) => g.name);
    expect(names).toContain('1号楼老邻居');
    expect(names).not.toContain('2号楼邻里群');
    expect(names).not.toContain('1号楼居民群');
  });
});

describe('群机器人', () => {
  it('lets the committee set a robot, shown only masked, and remove it', async () => {
    ctx.signIn('committee');
    render(<NoticeRobotsPage />);
    await screen.findByText('第一微格');
    await idle();
    const row = () => byClass('notice-robot-row').find((el) => el.getAttribute('data-grid-id') === 'cm-baiyu1-g1') as HTMLElement;
    fireEvent(row().querySelector('.robot-webhook-input')!, new CustomEvent('input', { detail: { value: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abcd-1234-efgh-5678' }, bubbles: true }));
    fireEvent.click(row().getElementsByClassName('btn-set-robot')[0]!);
    await waitFor(() => expect(row().querySelector('.robot-key')!.textContent).toMatch(/^已设置：.*5678$/));
    expect(document.body.textContent).not.toContain('abcd-1234-efgh');
    fireEvent.click(row().getElementsByClassName('btn-remove-robot')[0]!);
    await waitFor(() => expect(row().querySelector('.robot-key')!.textContent).toBe('还没有机器人'));
  });

  it('refuses a grid leader in Chinese', async () => {
    ctx.signIn('gridLeader');
    render(<NoticeRobotsPage />);
    await screen.findByText('你没有权限进行这个操作');
  });
});
