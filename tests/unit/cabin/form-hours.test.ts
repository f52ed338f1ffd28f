import { dayIssue, nextRange, sortedRanges } from '../../../src/features/cabin/hours';

/** The cabin form's hours, picked per day: what 添加时段 proposes and what is said under a day before sending. */
describe('picked opening hours', () => {
  it('添加时段 proposes 09:00-11:00 on a closed day, then two hours from an hour after the last range', () => {
    expect(nextRange([])).toEqual({ from: '09:00', to: '11:00' });
    expect(nextRange([{ from: '09:00', to: '11:30' }])).toEqual({ from: '12:30', to: '14:30' });
    expect(nextRange([{ from: '18:00', to: '22:30' }])).toEqual({ from: '23:00', to: '23:59' });
  });

  it('says what is wrong with a day in the words the function uses, and sorts the ranges it sends', () => {
    expect(dayIssue([])).toBeNull();
    expect(dayIssue([{ from: '14:00', to: '16:00' }, { from: '09:00', to: '11:00' }])).toBeNull();
    expect(dayIssue([{ from: '11:00', to: '09:00' }])).toBe('结束时间要晚于开始时间');
    expect(dayIssue([{ from: '09:00', to: '12:00' }, { from: '11:00', to: '13:00' }])).toBe('同一天的时段不能重叠');
    expect(dayIssue([{ from: '09:00', to: '11:00' }, { from: '11:00', to: '13:00' }])).toBeNull();
    expect(sortedRanges([{ from: '14:00', to: '16:00' }, { from: '09:00', to: '11:00' }])).toEqual([
      { from: '09:00', to: '11:00' },
      { from: '14:00', to: '16:00' },
    ]);
  });
});
