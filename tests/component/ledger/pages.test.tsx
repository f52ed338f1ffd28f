import Taro from '@tarojs/taro';
import { showModal, showToast } from '../../__mocks__/taro';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import MyLedgerPage from '@/packages/ledger/pages/mine/index';
import PointsAdminPage from '@/packages/admin/pages/points/index';
import ReportPage from '@/packages/admin/pages/report/index';
import { reportCsv } from '@/features/ledger/format';
import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import type { LedgerEntryDoc } from '../../../cloudfunctions/_core/ledger';
import { formatShanghai } from '../../../src/shared/time';
import { byClass, clickByClass, typeInto } from '../support/taro-events';
import { setupPagesHarness } from '../support/pages';

const ctx = setupPagesHarness();

const idle = () => waitFor(() => expect(byClass('is-busy')).toHaveLength(0));
const entryOf = (text: string) => byClass('ledger-entry').find((el) => el.textContent?.includes(text)) as HTMLElement | undefined;

async function truthOf(memberId: string) {
  const list = (await getDb().collection(COLLECTIONS.ledgerEntries).where({ memberId }).limit(1000).get()).data as LedgerEntryDoc[];
  return { halfHours: list.reduce((s, e) => s + e.halfHours, 0), points: list.reduce((s, e) => s + e.points, 0) };
}

describe('我的时长与积分', () => {
  it('shows the member’s totals, a summary per month and every entry with who confirmed it', async () => {
    ctx.signIn('member');
    render(<MyLedgerPage />);
    const row = await waitFor(() => {
      const found = entryOf('电动车飞线充电排查');
      expect(found).toBeTruthy();
      return found!;
    });
    const truth = await truthOf(ctx.h.memberIdOf('member'));
    expect(byClass('ledger-figure--points')[0]!.textContent).toContain(String(truth.points));
    expect(byClass('ledger-figure--hours')[0]!.textContent).toContain(`${truth.halfHours / 2}小时`);
    expect(row.textContent).toContain('+10 积分');
    expect(row.textContent).toContain('+1小时');
    expect(row.textContent).toContain('活动服务 · 确认人 周敏');
    expect(entryOf('春节前帮 12 户老人检修电路')!.textContent).toContain('手动登记 · 登记人 周敏');
    await waitFor(() => expect(byClass('ledger-month').length).toBeGreaterThanOrEqual(3));
    expect(byClass('ledger-month')[0]!.textContent).toContain(formatShanghai(new Date(), 'YYYY年M月'));
  });

  it('a resident with no entries is told how to earn some', async () => {
    ctx.signIn('resident');
    render(<MyLedgerPage />);
    expect(await screen.findByText('还没有记录。参加一次活动，时长和积分就会记在这里。')).toBeTruthy();
    expect(screen.getByText('最近一年还没有记录')).toBeTruthy();
  });
});

describe('积分管理 (committee)', () => {
  async function openMember(name: string) {
    render(<PointsAdminPage />);
    await waitFor(() => expect(byClass('ledger-member').some((el) => el.textContent?.includes(name))).toBe(true));
    typeInto('member-search', name.slice(0, 1));
    clickByClass('btn-member-search');
    await waitFor(() => {
      const rows = byClass('ledger-member');
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((el) => el.textContent?.startsWith(name.slice(0, 1)))).toBe(true);
    });
    fireEvent.click(byClass('ledger-member').find((el) => el.textContent?.includes(name))!);
    await waitFor(() => expect(byClass('ledger-entry').length).toBeGreaterThan(0));
    await idle();
  }

  it('awards points and hours with a reason; the entry and the new balance show at once', async () => {
    ctx.signIn('committee');
    const before = await truthOf(ctx.h.memberIdOf('member'));
    await openMember('李建国');
    typeInto('award-points', '12');
    typeInto('award-hours', '1.5');
    typeInto('award-reason', '帮3号楼修好了楼道灯');
    clickByClass('btn-award');
    await waitFor(() => expect(entryOf('帮3号楼修好了楼道灯')).toBeTruthy());
    await waitFor(() => expect(byClass('ledger-figure--points')[0]!.textContent).toContain(String(before.points + 12)));
    expect(await truthOf(ctx.h.memberIdOf('member'))).toEqual({ halfHours: before.halfHours + 3, points: before.points + 12 });
  });

  it('shows why an award is refused, by the field, scrolled there with a toast, and posts nothing', async () => {
    const scroll = jest.spyOn(Taro, 'pageScrollTo');
    ctx.signIn('committee');
    const before = await truthOf(ctx.h.memberIdOf('member'));
    await openMember('李建国');
    typeInto('award-points', '5');
    clickByClass('btn-award');
    await waitFor(() => expect(byClass('field-error--reason')[0]?.textContent).toBe('请填写原因，成员会在记录里看到'));
    expect(scroll).toHaveBeenCalledWith(expect.objectContaining({ selector: '.form-field--reason' }));
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请填写原因，成员会在记录里看到', icon: 'none' }));
    scroll.mockRestore();
    typeInto('award-hours', '0.7');
    typeInto('award-reason', '整理书架');
    clickByClass('btn-award');
    expect(await screen.findByText('时长按半小时填写，例如 1 或 1.5')).toBeTruthy();
    expect(await truthOf(ctx.h.memberIdOf('member'))).toEqual(before);
  });

  it('corrects an entry with a reason; it is marked corrected and cannot be corrected again', async () => {
    ctx.signIn('committee');
    await openMember('张丽华');
    const row = entryOf('组织第一微格楼组长例会')!;
    fireEvent.click(row.getElementsByClassName('btn-open-correct')[0]!);
    typeInto('correct-reason-req:demo-award-2', '例会取消了，撤回');
    // The correction is asked about first; 再想想 posts nothing.
    const before = await truthOf(ctx.h.memberIdOf('gridLeader'));
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(row.getElementsByClassName('btn-correct')[0]!);
    await waitFor(() => expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '更正这条记录', confirmText: '更正' })));
    expect((showModal.mock.calls[0]![0] as { content: string }).content).toContain('组织第一微格楼组长例会');
    await idle();
    expect(await truthOf(ctx.h.memberIdOf('gridLeader'))).toEqual(before);
    fireEvent.click(row.getElementsByClassName('btn-correct')[0]!);
    await waitFor(() => expect(entryOf('更正：例会取消了，撤回')).toBeTruthy());
    await waitFor(() => expect(within(entryOf('组织第一微格楼组长例会')!).getByText('已更正')).toBeTruthy());
    expect(entryOf('组织第一微格楼组长例会')!.getElementsByClassName('btn-open-correct')).toHaveLength(0);
    expect(entryOf('更正：例会取消了，撤回')!.textContent).toContain('-10 积分');
  });

  it('saves point rules and runs the audit', async () => {
    ctx.signIn('committee');
    render(<PointsAdminPage />);
    fireEvent.click(byClass('admin-tab--rules')[0]!);
    await waitFor(() => expect(document.getElementById('rules-rate')).toBeTruthy());
    expect(screen.getByText(/周敏 于 .* 修改/)).toBeTruthy();
    typeInto('rules-rate', '12');
    clickByClass('btn-add-type');
    typeInto('rules-type-name-5', '垃圾分类');
    typeInto('rules-type-rate-5', '9');
    typeInto('rules-cap', '');
    clickByClass('btn-save-rules');
    await waitFor(async () => {
      const doc = (await getDb().collection(COLLECTIONS.ledgerRules).doc('cm-baiyu1').get()).data[0];
      expect(doc).toMatchObject({ pointsPerHour: 12, dailyCap: null });
      expect(doc.eventTypes).toContainEqual({ name: '垃圾分类', pointsPerHour: 9 });
    });

    fireEvent.click(byClass('admin-tab--audit')[0]!);
    clickByClass('btn-audit');
    expect(await screen.findByText(/核对完毕：\d+ 位成员的余额与记录完全一致，没有差错。/)).toBeTruthy();
  });

  it('refuses duplicate event types with the reason', async () => {
    ctx.signIn('committee');
    render(<PointsAdminPage />);
    fireEvent.click(byClass('admin-tab--rules')[0]!);
    await waitFor(() => expect(document.getElementById('rules-type-name-1')).toBeTruthy());
    typeInto('rules-type-name-1', '公益课堂');
    clickByClass('btn-save-rules');
    await waitFor(() => expect(byClass('field-error--eventTypes')[0]?.textContent).toBe('活动类型不能重复'));
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '活动类型不能重复', icon: 'none' }));
  });

  it('tells a member the page is not for them', async () => {
    ctx.signIn('member');
    render(<PointsAdminPage />);
    expect(await screen.findByText('你没有权限进行这个操作')).toBeTruthy();
  });
});

describe('月度报表 (committee)', () => {
  it('shows this month by council and grid, goes back a month, and exports CSV', async () => {
    ctx.signIn('committee');
    const created: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:report';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    render(<ReportPage />);
    await waitFor(() => expect(byClass('report-table--grid')).toHaveLength(1));
    const grid = byClass('report-table--grid')[0] as HTMLElement;
    expect(within(grid).getByText('第一微格')).toBeTruthy();
    expect(within(byClass('report-table--council')[0] as HTMLElement).getByText('便民服务分会')).toBeTruthy();

    clickByClass('btn-export');
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    const csv = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(created[0]!);
    });
    expect(csv).toContain('分类,名称,参与人数,服务时长（小时）,积分');
    expect(csv).toContain('微格,第一微格,');

    const label = byClass('month-picker__label')[0]!.textContent;
    clickByClass('btn-prev-month');
    await waitFor(() => expect(byClass('month-picker__label')[0]!.textContent).not.toBe(label));
    await waitFor(() => expect(byClass('report-table--grid')).toHaveLength(1));
    expect(byClass('btn-next-month')).toHaveLength(1);
  });

  it('reportCsv quotes cells that need it', () => {
    const row = { id: 'x', name: '一,二', members: 1, halfHours: 3, points: 7 };
    const csv = reportCsv({ month: '2024-03', total: row, byCouncil: [row], byGrid: [] });
    expect(csv.startsWith('\uFEFF2024年3月')).toBe(true);
    expect(csv).toContain('分会,"一,二",1,1.5,7');
  });
});
