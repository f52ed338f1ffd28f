import { setupWeappHarness, until } from './simulate';

/**
 * The cabin form of the real weapp build: weekly opening hours are picked with the platform's time pickers (添加时段
 * per day, 删除 per range), never typed, and the cabin saves with them.
 */
describe('weapp build: 格子屋 opening hours', () => {
  const ctx = setupWeappHarness();

  it('a new cabin: 添加时段 on Monday gives two time pickers, a picked time is saved', async () => {
    ctx.openid = ctx.harness.identities.committee;
    const page = ctx.weapp.openPage('packages/cabin/pages/manage/index', { new: '1' });
    await until(() => (page.dom.textContent ?? '').includes('每周开放时间'), 'the cabin form');
    const monday = () => page.dom.querySelector('.main--form-field--hours-0');
    expect(monday()!.textContent).toContain('不开放');
    expect(page.dom.querySelectorAll('.main--week-hours input, .main--week-hours wx-input')).toHaveLength(0);

    page.querySelector('#cabin-hours-0-add')!.dispatchEvent('tap');
    await until(() => monday()!.querySelectorAll('wx-picker').length === 2, 'Monday with two time pickers');
    expect(monday()!.textContent).toMatch(/09:00\s*至\s*11:00/);
    page.querySelector('#cabin-hours-0-0-to')!.dispatchEvent('change', { detail: { value: '12:00' } });
    await until(() => /09:00\s*至\s*12:00/.test(monday()!.textContent ?? ''), 'the picked closing time');

    page.querySelector('#cabin-place')!.dispatchEvent('input', { detail: { value: '9号楼门厅' } });
    await ctx.settled();
    page.querySelector('.btn-save-cabin')!.dispatchEvent('tap');
    await until(() => ctx.records.some((r) => r.call === 'cabin.saveCabin'), 'the save');
    const saved = ctx.records.find((r) => r.call === 'cabin.saveCabin')!;
    expect(saved.answer.ok).toBe(true);
    const cabin = (saved.answer as unknown as { data: { cabin: { hours: unknown[] } } }).data.cabin;
    expect(cabin.hours[0]).toEqual([{ from: '09:00', to: '12:00' }]);
    expect(cabin.hours[1]).toEqual([]);
    page.detach();
  });
});
