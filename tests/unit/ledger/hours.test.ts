import { formatHours, halfHoursBetween, halfHoursServed } from '../../../src/shared/rules/hours';

describe('hours by 民政部令第67号', () => {
  it.each([
    [0, 0],
    [10, 0],
    [15, 0],
    [15.5, 1],
    [30, 1],
    [45, 1],
    [46, 2],
    [60, 2],
    [75, 2],
    [76, 3],
    [140, 5], // 2 h 20 min: 2 h + 0.5 h
    [179, 6],
    [-30, 0],
    [Number.NaN, 0],
  ])('%d minutes count %d half-hours', (minutes, half) => {
    expect(halfHoursServed(minutes)).toBe(half);
  });

  it('derives hours from check-in and check-out', () => {
    expect(halfHoursBetween(new Date('2026-11-23T06:02:00Z'), new Date('2026-11-23T08:20:00Z'))).toBe(5);
    expect(halfHoursBetween(new Date('2026-11-23T08:00:00Z'), new Date('2026-11-23T07:00:00Z'))).toBe(0);
  });

  it('shows hours plainly', () => {
    expect(formatHours(5)).toBe('2.5小时');
    expect(formatHours(4)).toBe('2小时');
    expect(formatHours(0)).toBe('0小时');
  });
});
