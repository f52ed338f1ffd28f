import { setupWeappHarness, until } from './simulate';

/**
 * 一键上报 and 待处理 of the real weapp build under miniprogram-simulate, their calls answered by the real reports
 * function: the three taps of the common case, the map point offered (weapp has it), and the leader's list by clock.
 */
describe('weapp build: 一键上报 and 待处理', () => {
  const ctx = setupWeappHarness();

  it('files a report with three taps at the resident’s own building, and offers a map point', async () => {
    ctx.openid = ctx.harness.identities.resident;
    const page = ctx.weapp.openPage('packages/reports/pages/new/index');
    const text = await until(() => {
      const t = page.dom.textContent ?? '';
      return t.includes('楼道堆物') && t.includes('地点：3号楼 201') && t;
    }, 'the category tiles and the default place');
    for (const name of ['飞线充电', '漏水渗水', '邻里纠纷', '其他']) expect(text).toContain(name);
    expect(text).toContain('在地图上标出位置（选填）');

    page.querySelector('#report-category-clutter')!.dispatchEvent('tap');
    page.querySelector('#report-text')!.dispatchEvent('input', { detail: { value: '3楼楼道堆了纸箱' } });
    // The taps render through setData later (a busy machine delays it): send only once the choice shows.
    await until(() => (page.dom.textContent ?? '').includes('✓ 楼道堆物'), 'the category to show as chosen');
    await ctx.settled();
    page.querySelector('.btn-file-report')!.dispatchEvent('tap');
    await until(() => ctx.calls.includes('reports.file'), 'the report to be sent');
    await until(() => ctx.records.some((r) => r.call === 'reports.file'), 'the report to be filed', 30_000);
    const filed = ctx.records.find((r) => r.call === 'reports.file')!;
    expect(filed.answer.ok).toBe(true);
    const report = (filed.answer as unknown as { data: { report: { place: { building: string }; categoryKey: string; state: string } } }).data.report;
    expect(report).toMatchObject({ categoryKey: 'clutter', state: 'submitted', place: expect.objectContaining({ building: '3号楼' }) });
    page.detach();
  });

  it('shows the grid leader’s 待处理 with the state, the due time and the counts', async () => {
    await ctx.harness.call(
      'reports',
      'file',
      { report: { categoryKey: 'leak', place: { building: '3号楼', unit: '' }, text: '楼顶漏水' }, requestId: 'weapp-queue-1' },
      ctx.harness.identities.applicant1,
    );
    ctx.openid = ctx.harness.identities.gridLeader;
    const page = ctx.weapp.openPage('packages/reports/pages/queue/index');
    const text = await until(() => {
      const t = page.dom.textContent ?? '';
      return t.includes('楼顶漏水') && t;
    }, 'the queue');
    expect(text).toContain('漏水渗水');
    expect(text).toContain('待响应');
    expect(text).toMatch(/\d+月\d+日 \d\d:\d\d 前响应/);
    expect(text).toContain('超时 0');
    page.detach();
  });
});
