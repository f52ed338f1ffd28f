import { formatCode, monthOf, monthsRange, monthsSpanned, normalizeCode, periodText } from '../../../src/shared/domain/honours';
import { badgesOf, DEFAULT_LEVEL_HOURS, EMPTY_SUMMARY, levelOf, validLevelHours, type ServiceSummary } from '../../../src/shared/rules/levels';

const hours = (h: number) => h * 2;

describe('star levels by cumulative hours', () => {
  it.each([
    [0, 0, null, 200],
    [hours(99.5), 0, null, 1],
    [hours(100), 1, '一星志愿者', 400],
    [hours(299.5), 1, '一星志愿者', 1],
    [hours(300), 2, '二星志愿者', 600],
    [hours(600), 3, '三星志愿者', 800],
    [hours(999), 3, '三星志愿者', 2],
    [hours(1000), 4, '四星志愿者', 1000],
    [hours(1500), 5, '五星志愿者', null],
    [hours(9000), 5, '五星志愿者', null],
  ])('%d half-hours: %d stars (%s), next in %s half-hours (Shanghai defaults)', (half, stars, title, toGo) => {
    const level = levelOf(half);
    expect(level.stars).toBe(stars);
    expect(level.title).toBe(title);
    expect(level.next?.halfHoursToGo ?? null).toBe(toGo);
    if (level.next) expect(level.next.stars).toBe(stars + 1);
  });

  it('follows the thresholds a 街道 set', () => {
    const street = [20, 60, 100, 200, 400];
    expect(levelOf(hours(20), street)).toMatchObject({ stars: 1, next: { title: '二星志愿者', halfHoursToGo: 80 } });
    expect(levelOf(hours(150), street)).toMatchObject({ stars: 3, title: '三星志愿者' });
    expect(levelOf(hours(150))).toMatchObject({ stars: 1 });
    expect(levelOf(hours(400), street)).toMatchObject({ stars: 5, next: null });
  });

  it('falls back to the defaults when stored thresholds are unusable, and never counts below zero', () => {
    expect(levelOf(hours(300), [1, 2, 3])).toEqual(levelOf(hours(300), DEFAULT_LEVEL_HOURS));
    expect(levelOf(-10)).toMatchObject({ stars: 0, next: { halfHoursToGo: 200 } });
  });

  it.each([
    [[100, 300, 600, 1000, 1500], true],
    [[1, 2, 3, 4, 5], true],
    [[1, 2, 3, 4, 100_000], true],
    [[1, 2, 3, 4, 100_001], false],
    [[0, 2, 3, 4, 5], false],
    [[100, 300, 300, 1000, 1500], false],
    [[300, 100, 600, 1000, 1500], false],
    [[100, 300, 600, 1000], false],
    [[100, 300, 600, 1000, 1500, 2000], false],
    [[100.5, 300, 600, 1000, 1500], false],
    [[Number.NaN, 300, 600, 1000, 1500], false],
  ])('thresholds %j valid: %s', (list, ok) => {
    expect(validLevelHours(list)).toBe(ok);
  });
});

describe('milestone badges', () => {
  const now = new Date('2026-03-01T04:00:00Z');
  const summary = (s: Partial<ServiceSummary>): ServiceSummary => ({ ...EMPTY_SUMMARY, ...s });

  it('none before any service', () => {
    expect(badgesOf(EMPTY_SUMMARY, now)).toEqual([]);
  });

  it.each([
    [{ services: 1, halfHours: 2, firstServiceAt: now }, ['first_service']],
    [{ services: 9, halfHours: 18, firstServiceAt: now }, ['first_service']],
    [{ services: 10, halfHours: 20, firstServiceAt: now }, ['first_service', 'services_10']],
    [{ services: 50, halfHours: 99, firstServiceAt: now }, ['first_service', 'services_10', 'services_50']],
    [{ services: 3, halfHours: 100, firstServiceAt: now }, ['first_service', 'hours_50']],
    [{ services: 3, halfHours: 200, firstServiceAt: now }, ['first_service', 'hours_50', 'hours_100']],
    [{ services: 3, halfHours: 1000, firstServiceAt: now }, ['first_service', 'hours_50', 'hours_100', 'hours_500']],
  ])('%j earns %j', (s, expected) => {
    expect(badgesOf(summary(s), now)).toEqual(expected);
  });

  it('a year of service counts from the first service, to the day', () => {
    const year = (first: string) => badgesOf(summary({ services: 2, halfHours: 4, firstServiceAt: new Date(first) }), now);
    expect(year('2025-03-01T04:00:01Z')).toEqual(['first_service']);
    expect(year('2025-03-01T04:00:00Z')).toEqual(['first_service', 'one_year']);
    expect(year('2023-03-02T00:00:00Z')).toEqual(['first_service', 'one_year']);
    expect(year('2023-03-01T00:00:00Z')).toEqual(['first_service', 'one_year', 'three_years']);
  });

  it('no year badge once every service was taken back', () => {
    expect(badgesOf(summary({ services: 0, halfHours: 0, firstServiceAt: new Date('2020-01-01') }), now)).toEqual([]);
  });
});

describe('months and codes', () => {
  it('reads months in Shanghai time', () => {
    expect(monthOf(new Date('2025-01-31T15:59:59Z'))).toBe('2025-01');
    expect(monthOf(new Date('2025-01-31T16:00:00Z'))).toBe('2025-02');
    expect(monthsRange('2025-01', '2025-03')).toEqual({ start: new Date('2024-12-31T16:00:00Z'), end: new Date('2025-03-31T16:00:00Z') });
    expect(monthsRange('2024-12', '2024-12').end).toEqual(new Date('2024-12-31T16:00:00Z'));
    expect(monthsSpanned('2024-11', '2025-02')).toBe(4);
    expect(periodText('2025-01', '2025-06')).toBe('2025年1月至2025年6月');
    expect(periodText('2025-10', '2025-10')).toBe('2025年10月');
  });

  it('prints codes in groups of four and reads them back however typed', () => {
    expect(formatCode('ABCDEFGHJKLM')).toBe('ABCD-EFGH-JKLM');
    expect(normalizeCode(' abcd-efgh jklm ')).toBe('ABCDEFGHJKLM');
  });
});
