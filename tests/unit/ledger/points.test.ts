import { DEFAULT_POINT_RULES, type PointRules } from '../../../src/shared/domain/ledger';
import { pointsForService, rateFor } from '../../../src/shared/rules/points';

const rules: PointRules = {
  pointsPerHour: 10,
  eventTypes: [
    { name: '公益课堂', pointsPerHour: 20 },
    { name: '网格巡逻', pointsPerHour: 5 },
    { name: '阅读节', pointsPerHour: 0 },
  ],
  dailyCap: 50,
};
const points = (eventType: string, halfHours: number, pointsAlreadyToday = 0, r = rules) =>
  pointsForService(r, { eventType, halfHours, pointsAlreadyToday });

describe('pointsForService', () => {
  it('pays the type rate per confirmed hour, half of it per half-hour', () => {
    expect(points('公益课堂', 2)).toBe(20);
    expect(points('公益课堂', 1)).toBe(10);
    expect(points('网格巡逻', 4)).toBe(10);
  });

  it('rounds a half point up, in the volunteer favour', () => {
    expect(points('网格巡逻', 1)).toBe(3); // 0.5 h x 5
    expect(points('网格巡逻', 3)).toBe(8); // 1.5 h x 5 = 7.5
  });

  it('pays the default rate for a type the rules do not list, and matches a type with stray spaces', () => {
    expect(points('邻援助老', 2)).toBe(10);
    expect(points('', 2)).toBe(10);
    expect(points(' 公益课堂 ', 2)).toBe(20);
  });

  it('pays nothing for a type rated 0', () => {
    expect(points('阅读节', 6)).toBe(0);
  });

  it('stops at the daily cap: a service earns what is left of it, never below 0', () => {
    expect(points('公益课堂', 8)).toBe(50); // 80 capped at 50
    expect(points('公益课堂', 2, 40)).toBe(10);
    expect(points('公益课堂', 4, 40)).toBe(10);
    expect(points('公益课堂', 2, 50)).toBe(0);
    expect(points('公益课堂', 2, 70)).toBe(0);
  });

  it('has no cap when the cap is null', () => {
    expect(points('公益课堂', 20, 1000, { ...rules, dailyCap: null })).toBe(200);
  });

  it('earns nothing for no time, negative or fractional or infinite half-hours, and ignores a nonsense day total', () => {
    expect(points('公益课堂', 0)).toBe(0);
    expect(points('公益课堂', -4)).toBe(0);
    expect(points('公益课堂', Number.NaN)).toBe(0);
    expect(points('公益课堂', Number.POSITIVE_INFINITY)).toBe(0);
    expect(points('公益课堂', 2.9)).toBe(20); // whole half-hours only: 2.9 counts as 2
    expect(points('公益课堂', 2, -30)).toBe(20);
    expect(points('公益课堂', 2, Number.NaN)).toBe(20);
  });

  it('never pays for a negative rate', () => {
    expect(points('x', 4, 0, { ...rules, pointsPerHour: -10 })).toBe(0);
  });

  it('works with the defaults every 居民区 starts with', () => {
    expect(rateFor(DEFAULT_POINT_RULES, '网格巡逻')).toBe(10);
    expect(pointsForService(DEFAULT_POINT_RULES, { eventType: '网格巡逻', halfHours: 3, pointsAlreadyToday: 0 })).toBe(15);
    expect(pointsForService(DEFAULT_POINT_RULES, { eventType: '网格巡逻', halfHours: 16, pointsAlreadyToday: 0 })).toBe(50);
  });
});
