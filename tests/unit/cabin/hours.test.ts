import type { Closure, TimeRange, WeeklyHours } from '../../../src/shared/domain/cabin';
import { parseCabinScene } from '../../../src/shared/domain/cabin';
import {
  dayOf,
  instantAt,
  isClockTime,
  isDayString,
  monthRange,
  nextOpening,
  openState,
  rangesValid,
  weekdayIndex,
} from '../../../src/shared/rules/cabin-hours';

const day = (...ranges: [string, string][]): TimeRange[] => ranges.map(([from, to]) => ({ from, to }));
const weekday = day(['09:00', '11:30'], ['14:00', '17:00']);
/** The seed's cabin: weekdays twice a day, Saturday morning, closed on Sunday. */
const CABIN: WeeklyHours = [weekday, weekday, weekday, weekday, weekday, day(['09:00', '11:30']), []];
/** The paper rack: 9:00-10:00 every morning. */
const RACK: WeeklyHours = Array.from({ length: 7 }, () => day(['09:00', '10:00']));
/** Shanghai wall-clock time as an instant. */
const at = (s: string) => new Date(`${s}+08:00`);

// 2026-11-23 is a Monday; 2027-01-01 a Friday.
describe('open now / opens at, in Shanghai time', () => {
  it('the paper rack is open from 9:00 to 10:00 only', () => {
    expect(openState(RACK, [], at('2026-11-23T09:30:00'))).toEqual({
      open: true,
      closesAt: at('2026-11-23T10:00:00').toISOString(),
      opensAt: null,
      closedFor: null,
      label: '开放中，10:00关门',
    });
    expect(openState(RACK, [], at('2026-11-23T08:59:59'))).toMatchObject({ open: false, opensAt: at('2026-11-23T09:00:00').toISOString(), label: '今天 9:00 开门' });
    expect(openState(RACK, [], at('2026-11-23T10:00:00'))).toMatchObject({ open: false, opensAt: at('2026-11-24T09:00:00').toISOString(), label: '明天 9:00 开门' });
    // Sunday too, while the cabin itself is closed on Sundays.
    expect(openState(RACK, [], at('2026-11-29T09:15:00')).open).toBe(true);
    expect(openState(CABIN, [], at('2026-11-29T09:15:00')).open).toBe(false);
  });

  it('reasons in Shanghai days, not UTC days', () => {
    // 17:00Z on Monday is 01:00 on Tuesday in Shanghai: the cabin opens "today".
    const now = new Date('2026-11-23T17:00:00Z');
    expect(dayOf(now)).toBe('2026-11-24');
    expect(openState(CABIN, [], now)).toMatchObject({ open: false, label: '今天 9:00 开门', opensAt: '2026-11-24T01:00:00.000Z' });
  });

  it('finds the next opening across the lunch break, the weekend and the week', () => {
    expect(openState(CABIN, [], at('2026-11-23T12:00:00')).label).toBe('今天 14:00 开门');
    expect(openState(CABIN, [], at('2026-11-23T16:59:00'))).toMatchObject({ open: true, label: '开放中，17:00关门' });
    // Saturday noon: closed Sunday, so Monday.
    expect(openState(CABIN, [], at('2026-11-28T12:00:00')).label).toBe('周一 9:00 开门');
    expect(nextOpening(CABIN, [], at('2026-11-28T12:00:00'))).toEqual(at('2026-11-30T09:00:00'));
  });

  it('a holiday closes the cabin and every section, and says why', () => {
    const holidays: Closure[] = [{ from: '2027-01-01', to: '2027-01-03', reason: '元旦休息' }];
    const state = openState(CABIN, holidays, at('2027-01-01T10:00:00'));
    expect(state).toMatchObject({ open: false, closedFor: '元旦休息', opensAt: at('2027-01-04T09:00:00').toISOString(), label: '元旦休息，周一 9:00 开门' });
    expect(openState(RACK, holidays, at('2027-01-02T09:30:00'), 'papers')).toMatchObject({ open: false, closedFor: '元旦休息' });
    // Before the holiday, "opens at" skips it.
    expect(openState(CABIN, holidays, at('2026-12-31T18:00:00')).opensAt).toBe(at('2027-01-04T09:00:00').toISOString());
  });

  it('a section closure closes that section only', () => {
    const closures: Closure[] = [{ from: '2026-11-23', to: '2026-11-23', reason: '报刊未到', sectionKey: 'papers' }];
    expect(openState(RACK, closures, at('2026-11-23T09:30:00'), 'papers')).toMatchObject({ open: false, closedFor: '报刊未到', label: '报刊未到，明天 9:00 开门' });
    expect(openState(RACK, closures, at('2026-11-23T09:30:00'), 'books').open).toBe(true);
    expect(openState(CABIN, closures, at('2026-11-23T09:30:00')).open).toBe(true);
  });

  it('adjacent ranges close at the end of the last; no hours at all says 暂停开放', () => {
    const split: WeeklyHours = Array.from({ length: 7 }, () => day(['09:00', '10:00'], ['10:00', '12:00']));
    expect(openState(split, [], at('2026-11-23T09:30:00')).closesAt).toBe(at('2026-11-23T12:00:00').toISOString());
    const none: WeeklyHours = Array.from({ length: 7 }, () => []);
    expect(openState(none, [], at('2026-11-23T09:30:00'))).toMatchObject({ open: false, opensAt: null, label: '暂停开放' });
  });

  it('names dates beyond the week', () => {
    const closures: Closure[] = [{ from: '2026-11-23', to: '2026-12-01', reason: '装修' }];
    expect(openState(CABIN, closures, at('2026-11-23T10:00:00')).label).toBe('装修，12月2日 9:00 开门');
  });
});

describe('calendar helpers', () => {
  it('weekday index 0 is Monday', () => {
    expect(weekdayIndex('2026-11-23')).toBe(0);
    expect(weekdayIndex('2026-11-29')).toBe(6);
  });

  it('a Shanghai month in UTC instants, December into the next year', () => {
    expect(monthRange('2026-12')).toEqual({ start: new Date('2026-11-30T16:00:00Z'), end: new Date('2026-12-31T16:00:00Z') });
    expect(instantAt('2026-11-23', '24:00')).toEqual(at('2026-11-24T00:00:00'));
  });

  it('checks clock times, days and ranges', () => {
    expect(['09:00', '23:59', '24:00'].every(isClockTime)).toBe(true);
    expect(['9:00', '24:01', '12:60', 'ab:cd'].some(isClockTime)).toBe(false);
    expect(isDayString('2026-02-28')).toBe(true);
    expect(isDayString('2026-02-30')).toBe(false);
    expect(rangesValid(day(['09:00', '10:00'], ['10:00', '11:00']))).toBe(true);
    expect(rangesValid(day(['09:00', '10:30'], ['10:00', '11:00']))).toBe(false);
    expect(rangesValid(day(['11:00', '10:00']))).toBe(false);
  });
});

describe('QR scenes', () => {
  it('reads an item label and a shelf label, also URL-encoded, and refuses others', () => {
    expect(parseCabinScene('i=cbi-sew-1')).toEqual({ itemId: 'cbi-sew-1' });
    expect(parseCabinScene('i%3Dcbi-sew-1')).toEqual({ itemId: 'cbi-sew-1' });
    expect(parseCabinScene('s=cabin-baiyu1.papers')).toEqual({ cabinId: 'cabin-baiyu1', sectionKey: 'papers' });
    expect(parseCabinScene('r=ABCDEFGH')).toBeNull();
    expect(parseCabinScene('i=../../etc')).toBeNull();
  });
});
