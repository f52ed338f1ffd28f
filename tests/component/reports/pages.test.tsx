import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ReportAdminPage from '@/packages/reports/pages/admin/index';
import ReportDetailPage from '@/packages/reports/pages/detail/index';
import MyReportsPage from '@/packages/reports/pages/mine/index';
import NewReportPage from '@/packages/reports/pages/new/index';
import ReportQueuePage from '@/packages/reports/pages/queue/index';
import ReportSettingsPage from '@/packages/reports/pages/settings/index';
import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { getDb } from '../../../cloudfunctions/_core/db';
import { redirectTo, showToast } from '../../__mocks__/taro';
import type { DemoIdentity } from '../../support/harness';
import { __setRouterParams, setupPagesHarness } from '../support/pages';
import { byClass, clickByClass, typeInto } from '../support/taro-events';

const ctx = setupPagesHarness();
const MINUTE = 60_000;

const idle = () => waitFor(() => expect(byClass('is-busy')).toHaveLength(0));
const chip = (group: string, value: string) => {
  const el = document.querySelector(`.choice-chips--${group} [data-value="${value}"]`);
  if (!el) throw new Error(`no chip ${group}/${value}`);
  fireEvent.click(el);
};
const tile = (key: string) => {
  const el = byClass('report-category').find((e) => e.getAttribute('data-key') === key);
  if (!el) throw new Error(`no tile ${key}`);
  fireEvent.click(el);
};
const fieldError = (name: string) => byClass(`field-error--${name}`)[0]?.textContent ?? '';
const stateTag = () => byClass('report-state')[0]?.textContent;
const reportsIn = async () => (await getDb().collection(COLLECTIONS.reports).get()).data as Record<string, any>[];

/** A report filed through the real function, by `who`, at 3号楼 (the resident's building, in the grid leader's grid). */
async function file(who: DemoIdentity, requestId: string, extra: Record<string, unknown> = {}) {
  const { report } = await ctx.h.call(
    'reports',
    'file',
    { report: { categoryKey: 'clutter', place: { building: '3号楼', unit: '201' }, text: '楼道里堆了很多纸箱，挡住了路' }, requestId, ...extra },
    ctx.h.identities[who],
  );
  return report as { id: string; version: number };
}

function openDetail(who: DemoIdentity, id: string) {
  ctx.signIn(who);
  __setRouterParams({ id });
  return render(<ReportDetailPage />);
}

describe('一键上报', () => {
  it('files with three taps (category, words, 提交) at the resident’s own building, and opens its timeline', async () => {
    ctx.signIn('resident');
    render(<NewReportPage />);
    await screen.findByText('楼道堆物');
    await idle();
    // The place is the resident's own building, said before anything is tapped.
    expect(byClass('report-place__text')[0]?.textContent).toBe('地点：3号楼 201');
    tile('clutter');
    typeInto('report-text', '3楼楼道堆了纸箱');
    clickByClass('btn-file-report');
    await waitFor(() => expect(redirectTo).toHaveBeenCalled());
    const [saved] = await reportsIn();
    expect(saved).toMatchObject({ categoryKey: 'clutter', place: expect.objectContaining({ building: '3号楼', unit: '201', spot: '' }), text: '3楼楼道堆了纸箱', state: 'submitted' });
    expect(redirectTo).toHaveBeenCalledWith({ url: `/packages/reports/pages/detail/index?id=${encodeURIComponent(saved!._id)}` });
  });

  it('says what is missing under each field, scrolls there, and files nothing', async () => {
    ctx.signIn('resident');
    render(<NewReportPage />);
    await screen.findByText('楼道堆物');
    await idle();
    clickByClass('btn-file-report');
    await waitFor(() => expect(fieldError('categoryKey')).toBe('请选择问题类别'));
    expect(fieldError('text')).toBe('请简单说说是什么问题');
    // A public spot chosen but none picked from the list: said under 在哪里.
    chip('report-place-kind', 'building');
    clickByClass('btn-file-report');
    await waitFor(() => expect(fieldError('place')).toBe('请选择楼栋或公共区域（二选一）'));
    // Fixing a field takes its message away at once.
    tile('leak');
    expect(fieldError('categoryKey')).toBe('');
    expect(await reportsIn()).toHaveLength(0);
  });

  it('shows 已有邻居上报 without names, and 我也遇到了 follows that report instead of filing another', async () => {
    const earlier = await file('gridLeader', 'similar-1');
    ctx.signIn('resident');
    render(<NewReportPage />);
    await screen.findByText('楼道堆物');
    await idle();
    tile('clutter');
    const card = await waitFor(() => {
      const el = byClass('report-similar__item').find((e) => e.getAttribute('data-report-id') === earlier.id);
      if (!el) throw new Error('no similar card yet');
      return el as HTMLElement;
    });
    expect(byClass('report-similar')[0]!.textContent).not.toContain('张丽华');
    fireEvent.click(within(card).getByText('我也遇到了'));
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: `/packages/reports/pages/detail/index?id=${encodeURIComponent(earlier.id)}` }));
    const all = await reportsIn();
    expect(all).toHaveLength(1);
    expect(all[0]!.followers).toContain(ctx.h.memberIdOf('resident'));
  });

  it('lets a grid leader file for a resident of their grid, at the resident’s building', async () => {
    ctx.signIn('gridLeader');
    render(<NewReportPage />);
    await screen.findByText('楼道堆物');
    await idle();
    chip('report-for', 'other');
    const resident = ctx.h.memberIdOf('resident');
    await waitFor(() => expect(document.querySelector(`.choice-chips--report-proxy-resident [data-value="${resident}"]`)).toBeTruthy());
    chip('report-proxy-resident', resident);
    expect(byClass('report-place__text')[0]?.textContent).toBe('地点：3号楼 201');
    tile('leak');
    typeInto('report-text', '王阿姨家卫生间顶上漏水');
    clickByClass('btn-file-report');
    await waitFor(() => expect(redirectTo).toHaveBeenCalled());
    const [saved] = await reportsIn();
    expect(saved).toMatchObject({ categoryKey: 'leak', reporterId: resident, proxyBy: ctx.h.memberIdOf('gridLeader') });
  });
});

describe('上报详情 by role', () => {
  it('lets the grid leader accept with a word (said under the field when empty) and resolve; the resident only watches', async () => {
    const { id } = await file('resident', 'detail-1');
    const view = openDetail('resident', id);
    await screen.findByText('楼道里堆了很多纸箱，挡住了路');
    await idle();
    expect(stateTag()).toBe('待响应');
    expect(byClass('btn-report-accept')).toHaveLength(0);
    expect(byClass('btn-report-resolve')).toHaveLength(0);
    view.unmount();

    openDetail('gridLeader', id);
    await screen.findByText('楼道里堆了很多纸箱，挡住了路');
    await idle();
    // The handler sees who reported it.
    expect(byClass('report-reporter')[0]!.textContent).toContain('王秀兰');
    typeInto('report-accept-message', '');
    clickByClass('btn-report-accept');
    await waitFor(() => expect(fieldError('accept-message')).toBe('请给居民回一句话'));
    typeInto('report-accept-message', '收到，下午去看');
    clickByClass('btn-report-accept');
    await waitFor(() => expect(stateTag()).toBe('处理中'));
    expect(byClass('report-step--accepted')[0]!.textContent).toContain('收到，下午去看');
    typeInto('report-resolve-summary', '已联系物业清走纸箱');
    clickByClass('btn-report-resolve');
    await waitFor(() => expect(stateTag()).toBe('待确认'));
  });

  it('asks the resident for stars before 已解决, then closes it; 没解决 would reopen', async () => {
    const report = await file('resident', 'confirm-report-1');
    const accepted = (await ctx.h.call('reports', 'accept', { reportId: report.id, version: report.version, message: '马上来', requestId: 'confirm-accept' }, ctx.h.identities.gridLeader)).report;
    await ctx.h.call('reports', 'resolve', { reportId: report.id, version: accepted.version, summary: '清走了', requestId: 'confirm-resolve' }, ctx.h.identities.gridLeader);
    openDetail('resident', report.id);
    await screen.findByText('问题解决了吗？');
    await idle();
    chip('report-confirm-solved', 'yes');
    clickByClass('btn-report-confirm');
    await waitFor(() => expect(fieldError('confirm-stars')).toBe('请评分'));
    chip('report-confirm-stars', '5');
    clickByClass('btn-report-confirm');
    await waitFor(() => expect(stateTag()).toBe('已办结'));
    expect(byClass('report-rating')[0]!.textContent).toContain('★★★★★');
  });

  it('answers a report someone else changed first with a toast, and shows it as it is now', async () => {
    const report = await file('resident', 'race-report-1');
    openDetail('gridLeader', report.id);
    await screen.findByText('楼道里堆了很多纸箱，挡住了路');
    await idle();
    // The committee answers it while the page is open.
    await ctx.h.call('reports', 'accept', { reportId: report.id, version: report.version, message: '居委来处理', requestId: 'race-committee' }, ctx.h.identities.committee);
    clickByClass('btn-report-accept');
    await waitFor(() => expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringContaining('请刷新后再看') })));
    await waitFor(() => expect(stateTag()).toBe('处理中'));
    expect(byClass('btn-report-accept')).toHaveLength(0);
  });

  it('records a visit with a picked time, whom and what was found', async () => {
    const report = await file('resident', 'visit-report-1');
    openDetail('gridLeader', report.id);
    await screen.findByText('楼道里堆了很多纸箱，挡住了路');
    await idle();
    clickByClass('btn-report-visit-open');
    clickByClass('btn-report-visit');
    await waitFor(() => expect(fieldError('visit-whom')).not.toBe(''));
    typeInto('report-visit-whom', '201室王阿姨');
    typeInto('report-visit-found', '纸箱是楼上邻居搬家留下的');
    clickByClass('btn-report-visit');
    await waitFor(() => expect(byClass('report-step--visited')).toHaveLength(1));
    expect(byClass('report-step--visited')[0]!.textContent).toContain('201室王阿姨');
  });
});

describe('我的上报 and 待处理', () => {
  it('lists the resident’s reports with state and due time', async () => {
    await file('resident', 'mine-report-1');
    ctx.signIn('resident');
    render(<MyReportsPage />);
    await waitFor(() => expect(byClass('report-card')).toHaveLength(1));
    const card = byClass('report-card')[0]!;
    expect(card.textContent).toContain('待响应');
    expect(byClass('report-due')[0]!.textContent).toMatch(/^\d+月\d+日 \d\d:\d\d 前响应$/);
  });

  it('orders the grid leader’s queue by the clock, an overdue report first, marked red and said 超时', async () => {
    const fresh = await file('resident', 'queue-fresh');
    ctx.h.stack.clock.offsetMs = -20 * MINUTE;
    const late = await file('applicant1', 'queue-late', { report: { categoryKey: 'leak', place: { building: '3号楼', unit: '' }, text: '楼顶漏水' } });
    ctx.h.stack.clock.offsetMs = 0;
    ctx.signIn('gridLeader');
    render(<ReportQueuePage />);
    await waitFor(() => expect(byClass('report-card')).toHaveLength(2));
    const ids = byClass('report-card').map((el) => el.getAttribute('data-report-id'));
    expect(ids).toEqual([late.id, fresh.id]);
    expect(byClass('report-card')[0]!.className).toContain('report-card--overdue');
    expect(byClass('report-due')[0]!.textContent).toMatch(/^超时未响应/);
    expect(byClass('report-card')[1]!.className).not.toContain('report-card--overdue');
    expect(byClass('report-counts')[0]!.textContent).toContain('超时 1');
  });
});

describe('上报管理 and settings (committee)', () => {
  it('lists every report with filters and the month’s figures', async () => {
    await file('resident', 'admin-report-1');
    await file('applicant1', 'admin-report-2', { report: { categoryKey: 'noise', place: { building: '7号楼', unit: '' }, text: '晚上装修很吵' } });
    ctx.signIn('committee');
    render(<ReportAdminPage />);
    await waitFor(() => expect(byClass('report-card')).toHaveLength(2));
    await waitFor(() => expect(byClass('report-figure--filed')[0]?.textContent).toContain('2'));
    chip('report-filter-category', 'noise');
    await waitFor(() => expect(byClass('report-card')).toHaveLength(1));
    expect(byClass('report-card')[0]!.textContent).toContain('噪音扰民');
    expect(byClass('btn-export-reports')[0]!.className).not.toContain('disabled');
  });

  it('refuses a category without a name under that category, and saves quiet hours picked from time pickers', async () => {
    ctx.signIn('committee');
    render(<ReportSettingsPage />);
    await waitFor(() => expect(byClass('report-settings__category').length).toBeGreaterThan(0));
    await idle();
    const first = byClass('report-settings__category')[0]!;
    fireEvent(first.getElementsByClassName('cat-name')[0]!, new CustomEvent('input', { detail: { value: '' }, bubbles: true }));
    clickByClass('btn-save-report-settings');
    await waitFor(() => expect(fieldError('cat-0')).not.toBe(''));
    fireEvent(first.getElementsByClassName('cat-name')[0]!, new CustomEvent('input', { detail: { value: '楼道堆物' }, bubbles: true }));
    chip('cat-quiet-0', 'quiet');
    fireEvent(document.getElementById('cat-0-from')!, new CustomEvent('change', { detail: { value: '23:00' } }));
    clickByClass('btn-save-report-settings');
    await waitFor(() => expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存' })));
    const { categories } = await ctx.h.call('reports', 'settings', {}, ctx.h.identities.committee);
    expect(categories[0]).toMatchObject({ key: 'clutter', quietHours: { from: '23:00', to: '07:00' } });
  });
});
