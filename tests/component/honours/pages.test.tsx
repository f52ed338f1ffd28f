import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import AdminHonoursPage from '@/packages/admin/pages/honours/index';
import CertificatePage from '@/packages/honours/pages/certificate/index';
import LeaderboardPage from '@/packages/honours/pages/leaderboard/index';
import VerifyPage from '@/packages/honours/pages/verify/index';
import WallPage from '@/packages/honours/pages/wall/index';
import { DEV_IDENTITY_KEY } from '@/services/cloud';
import { formatShanghai } from '@shared/time';
import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { postEntry } from '../../../cloudfunctions/_core/ledger';
import { DEMO_HONOUR } from '../../../emulator/seed/honours';
import { showModal, showToast } from '../../__mocks__/taro';
import { addMember, serve } from '../../integration/honours/support';
import { __setRouterParams, setupPagesHarness } from '../support/pages';
import { byClass, clickByClass, typeInto } from '../support/taro-events';

const ctx = setupPagesHarness();

const idle = () => waitFor(() => expect(byClass('is-busy')).toHaveLength(0));
const now = () => new Date(ctx.h.stack.clock.nowMs());
const signInAs = (openid: string) => window.localStorage.setItem(DEV_IDENTITY_KEY, openid);

/** jsdom has no canvas: a recording 2D context stands in for the browser's, so the real drawing code runs. */
function recordCanvas(): { texts: string[] } {
  const texts: string[] = [];
  const pen = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    font: '',
    textAlign: 'left',
    textBaseline: 'alphabetic',
    fillRect: () => undefined,
    strokeRect: () => undefined,
    fillText: (text: string) => texts.push(text),
    // About what a 40px CJK font measures: every character one em wide.
    measureText: (text: string) => ({ width: [...text].length * 40 }),
  };
  jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation((() => pen) as never);
  jest.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue('data:image/png;base64,AAAA');
  return { texts };
}

afterEach(() => jest.restoreAllMocks());

describe('风采展示墙', () => {
  it('shows a resident the committee’s honours, without a personal card', async () => {
    ctx.signIn('resident');
    render(<WallPage />);
    expect(await screen.findByText(DEMO_HONOUR.citation)).toBeTruthy();
    await idle();
    const card = byClass('honour-card')[0] as HTMLElement;
    expect(within(card).getByText('李建国')).toBeTruthy();
    expect(within(card).getByText(DEMO_HONOUR.title)).toBeTruthy();
    expect(byClass('my-honours')).toHaveLength(0);
  });

  it('shows milestones of members with hours', async () => {
    const m = await addMember(ctx.h, 'wall-page-fresh', '钱芳');
    await serve(m.memberId, 220, now());
    ctx.signIn('resident');
    render(<WallPage />);
    await screen.findByText(DEMO_HONOUR.citation);
    clickByClass('tab-milestones');
    const name = await screen.findByText('钱芳');
    const card = name.closest('.milestone-card') as HTMLElement;
    expect(within(card).getByText('一星志愿者')).toBeTruthy();
    expect(within(card).getByText('服务满100小时')).toBeTruthy();
  });

  it('lets a member see their level and keep off the wall', async () => {
    ctx.signIn('member');
    render(<WallPage />);
    await screen.findByText('我的服务');
    expect(await screen.findByText(DEMO_HONOUR.citation)).toBeTruthy();
    await idle();
    expect(byClass('badge').length).toBeGreaterThanOrEqual(8);

    clickByClass('btn-hide-from-wall');
    await screen.findByText('你选择了不在风采展示墙上展示。');
    await waitFor(() => expect(screen.queryByText(DEMO_HONOUR.citation)).toBeNull());
    await idle();
    expect(byClass('btn-show-on-wall')).toHaveLength(1);
    expect((await ctx.h.call('honours', 'mine', {}, ctx.h.identities.member)).settings.showOnWall).toBe(false);
  });
});

describe('服务时长证明 and 证明查验', () => {
  it('issues a certificate, draws it, saves it as a PNG, and its code verifies', async () => {
    const canvas = recordCanvas();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const m = await addMember(ctx.h, 'cert-page', '蒋伟');
    await serve(m.memberId, 7, now());
    signInAs(m.openid);
    render(<CertificatePage />);
    fireEvent.click(document.querySelector('.choice-chip[data-value="this-month"]')!);
    clickByClass('btn-request-certificate');
    const card = (await waitFor(() => {
      const el = byClass('certificate-card')[0];
      if (!el) throw new Error('no certificate yet');
      return el;
    })) as HTMLElement;
    await idle();
    const code = card.getAttribute('data-code')!;
    expect(within(card).getByText(/兹证明 蒋伟 于.*在白玉新村第一居民区参加志愿服务.*累计服务时长3.5小时/)).toBeTruthy();
    expect(canvas.texts).toEqual(expect.arrayContaining(['志愿服务时长证明', `证明编号：${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`]));
    expect(byClass('certificate-row')).toHaveLength(1);

    clickByClass('btn-save-certificate');
    expect(click).toHaveBeenCalledTimes(1);
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toMatch(new RegExp(`^服务时长证明-\\d{4}-\\d{2}-\\d{4}-\\d{2}-${code}\\.png$`));
    expect(link.href).toBe('data:image/png;base64,AAAA');

    // Anyone checks it, typed with dashes and in lower case.
    ctx.signIn('newcomer');
    __setRouterParams({});
    render(<VerifyPage />);
    typeInto('verify-code', `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`.toLowerCase());
    fireEvent.click(byClass('btn-verify').at(-1)!);
    expect(await screen.findByText('✓ 证明真实有效')).toBeTruthy();
    expect(screen.getAllByText(/兹证明 蒋伟/).length).toBeGreaterThanOrEqual(1);
  });

  it('lists each record by the day it was given, marks what was entered by hand, and the check shows the same', async () => {
    const canvas = recordCanvas();
    const m = await addMember(ctx.h, 'cert-page-lines', '韩梅');
    // Three records a minute apart on the 1st of this month, listed in that order (by day, then by when entered).
    const first = new Date(`${formatShanghai(now(), 'YYYY-MM')}-01T10:00:00+08:00`).getTime();
    const [t1, t2, t3] = [0, 1, 2].map((minutes) => new Date(first + minutes * 60_000)) as [Date, Date, Date];
    const day = (at: Date) => formatShanghai(at, 'YYYY年M月D日');
    await serve(m.memberId, 7, t1);
    const base = { communityId: 'cm-baiyu1', memberId: m.memberId, points: 0, by: 'committee', sourceId: null } as const;
    await postEntry({ ...base, key: 'req:cert-page-manual', halfHours: 2, source: 'manual', reason: '帮邻居修水管', at: t2 });
    // Recorded before the day of service was stored.
    await getDb().collection(COLLECTIONS.ledgerEntries).add({ ...base, _id: 'legacy-cert-page', halfHours: 1, source: 'event', reason: '阅读节', at: t3 });
    signInAs(m.openid);
    render(<CertificatePage />);
    fireEvent.click(document.querySelector('.choice-chip[data-value="this-month"]')!);
    clickByClass('btn-request-certificate');
    const card = (await waitFor(() => {
      const el = byClass('certificate-card')[0];
      if (!el) throw new Error('no certificate yet');
      return el;
    })) as HTMLElement;
    await idle();
    expect(within(card).getByText(/累计服务时长5小时/)).toBeTruthy();
    expect(within(card).getByText('其中活动与值班服务4小时，组织方补录1小时。')).toBeTruthy();
    const lines = Array.from(card.querySelectorAll('.certificate-line')).map((el) => [el.getAttribute('data-kind'), el.textContent]);
    expect(lines).toEqual([
      ['service', `${day(t1)}\u3000测试服务\u30003.5小时`],
      ['manual', `${day(t2)}\u3000帮邻居修水管\u30001小时（补录）`],
      ['service', `${day(t3)}*\u3000阅读节\u30000.5小时`],
    ]);
    expect(within(card).getByText('补录是组织方手工补记的时长，更正是组织方对已记时长的更正。')).toBeTruthy();
    expect(within(card).getByText('带 * 的记录登记时没有记下服务日期，按登记日期列出。')).toBeTruthy();
    expect(canvas.texts).toContain('服务记录（按服务日期，共3条）');

    ctx.signIn('newcomer');
    __setRouterParams({ code: card.getAttribute('data-code')! });
    render(<VerifyPage />);
    fireEvent.click(byClass('btn-verify').at(-1)!);
    expect(await screen.findByText('✓ 证明真实有效')).toBeTruthy();
    const checked = byClass('verify-result')[0] as HTMLElement;
    expect(Array.from(checked.querySelectorAll('.certificate-line')).map((el) => el.textContent)).toEqual(lines.map(([, text]) => text));
  });

  it('tells a wrong code from a genuine one, and opens with the code from a link', async () => {
    ctx.signIn('resident');
    __setRouterParams({ code: 'ABCD-EFGH-JKLM' });
    render(<VerifyPage />);
    clickByClass('btn-verify');
    expect(await screen.findByText('没有找到这份证明')).toBeTruthy();
  });

  it('says so when the period has no confirmed hours', async () => {
    const m = await addMember(ctx.h, 'cert-page-empty', '沈洁');
    signInAs(m.openid);
    render(<CertificatePage />);
    clickByClass('btn-request-certificate');
    expect(await screen.findByText('这段时间还没有确认的服务时长，暂时不能开具证明')).toBeTruthy();
    expect(byClass('certificate-card')).toHaveLength(0);
  });
});

describe('月度服务榜', () => {
  it('shows nobody who has not joined; a member joins and sees themselves', async () => {
    const m = await addMember(ctx.h, 'board-page', '冯梅');
    await serve(m.memberId, 6, now());
    signInAs(m.openid);
    render(<LeaderboardPage />);
    await waitFor(() => expect(byClass('btn-join-board')).toHaveLength(1));
    await idle();
    expect(screen.queryByText(/冯梅/)).toBeNull();

    clickByClass('btn-join-board');
    expect(await screen.findByText('冯梅（我）')).toBeTruthy();
    await idle();
    expect(byClass('leader-row--me')[0]!.textContent).toContain('3小时');

    clickByClass('btn-prev-month');
    await waitFor(() => expect(screen.queryByText('冯梅（我）')).toBeNull());
  });
});

describe('荣誉管理', () => {
  it('the committee finds a member, awards an honour that reaches the wall, and can withdraw it', async () => {
    ctx.signIn('committee');
    __setRouterParams({});
    render(<AdminHonoursPage />);
    await screen.findByText(DEMO_HONOUR.citation);
    await idle();

    clickByClass('btn-award');
    expect(await screen.findByText('请先选择要表彰的成员')).toBeTruthy();

    typeInto('award-search', '张');
    clickByClass('btn-search-member');
    fireEvent.click(await screen.findByText('张丽华（2号楼）'));
    typeInto('award-title', '优秀微格长');
    typeInto('award-citation', '一年来走访独居老人两百余次。');
    clickByClass('btn-award');
    expect(await screen.findByText('一年来走访独居老人两百余次。')).toBeTruthy();
    await idle();
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已表彰' }));
    const wall = await ctx.h.call('honours', 'wall', {}, ctx.h.identities.resident);
    expect(wall.items[0]).toMatchObject({ name: '张丽华', title: '优秀微格长' });

    clickByClass('btn-revoke');
    // Revoking is asked first.
    await waitFor(() => expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '撤回荣誉' })));
    expect(await screen.findByText('已撤回，不再展示')).toBeTruthy();
    await idle();
    expect((await ctx.h.call('honours', 'wall', {}, ctx.h.identities.resident)).items.some((i: { title: string }) => i.title === '优秀微格长')).toBe(false);
  });

  it('no member chosen: the message by 表彰谁, the page scrolled there, a toast, nothing awarded', async () => {
    const scroll = jest.spyOn(Taro, 'pageScrollTo');
    ctx.signIn('committee');
    render(<AdminHonoursPage />);
    await screen.findByText(DEMO_HONOUR.citation);
    typeInto('award-title', '热心邻里');
    clickByClass('btn-award');
    await waitFor(() => expect(byClass('field-error--memberId')[0]?.textContent).toBe('请先选择要表彰的成员'));
    expect(scroll).toHaveBeenCalledWith(expect.objectContaining({ selector: '.form-field--memberId' }));
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请先选择要表彰的成员', icon: 'none' }));
    scroll.mockRestore();
  });

  it('shows the content check’s refusal', async () => {
    ctx.signIn('committee');
    render(<AdminHonoursPage />);
    await screen.findByText(DEMO_HONOUR.citation);
    typeInto('award-search', '李');
    clickByClass('btn-search-member');
    fireEvent.click(await screen.findByText('李建国（5号楼）'));
    typeInto('award-title', '热心');
    typeInto('award-citation', '违规测试词');
    clickByClass('btn-award');
    expect(await screen.findByText('内容含有不适宜公开的信息，请修改后再提交')).toBeTruthy();
  });

  it('the street admin sets the star levels', async () => {
    ctx.signIn('streetAdmin');
    __setRouterParams({ section: 'levels' });
    render(<AdminHonoursPage />);
    expect(await screen.findByText(/本街道正在使用上海市的默认标准/)).toBeTruthy();
    typeInto('level-hours-0', '50');
    clickByClass('btn-save-levels');
    expect(await screen.findByText(/本街道已设置自己的标准/)).toBeTruthy();
    expect((await ctx.h.call('honours', 'levels', {}, ctx.h.identities.member)).levelHours).toEqual([50, 300, 600, 1000, 1500]);

    typeInto('level-hours-1', '40');
    clickByClass('btn-save-levels');
    expect(await screen.findByText(/一星到五星逐级增加/)).toBeTruthy();
  });
});
