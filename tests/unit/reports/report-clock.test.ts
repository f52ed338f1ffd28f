import {
  autoCloseAt,
  autoCloseNow,
  dueTimes,
  inQuietHours,
  isDue,
  metClocks,
  nextDue,
  quietHoursEnd,
  resolutionOverdueNow,
  responseClockStart,
  responseOverdueNow,
  resumedDueTimes,
} from '../../../src/shared/rules/report-clock';
import { defaultCategories, settingsIn } from '../../../cloudfunctions/reports/reports.model';

/** Shanghai wall-clock time as an instant. */
const at = (s: string) => new Date(`${s}+08:00`);
const NIGHT = { from: '22:00', to: '07:00' };
const LUNCH = { from: '12:00', to: '13:30' };
const rule = (quietHours: { from: string; to: string } | null = null) => ({ responseMinutes: 15, resolutionHours: 24, quietHours });

describe('quiet hours, Shanghai time, wrapping midnight', () => {
  it('a period wrapping midnight holds the late evening and the early morning, not the day', () => {
    expect(inQuietHours(at('2026-12-05T21:59:00'), NIGHT)).toBe(false);
    expect(inQuietHours(at('2026-12-05T22:00:00'), NIGHT)).toBe(true);
    expect(inQuietHours(at('2026-12-05T23:59:00'), NIGHT)).toBe(true);
    expect(inQuietHours(at('2026-12-06T00:00:00'), NIGHT)).toBe(true);
    expect(inQuietHours(at('2026-12-06T06:59:00'), NIGHT)).toBe(true);
    expect(inQuietHours(at('2026-12-06T07:00:00'), NIGHT)).toBe(false);
    expect(inQuietHours(at('2026-12-06T12:00:00'), NIGHT)).toBe(false);
  });

  it('a daytime period holds [from, to) only', () => {
    expect(inQuietHours(at('2026-12-05T11:59:00'), LUNCH)).toBe(false);
    expect(inQuietHours(at('2026-12-05T12:00:00'), LUNCH)).toBe(true);
    expect(inQuietHours(at('2026-12-05T13:29:00'), LUNCH)).toBe(true);
    expect(inQuietHours(at('2026-12-05T13:30:00'), LUNCH)).toBe(false);
  });

  it('no quiet hours, or an empty period, holds nothing', () => {
    expect(inQuietHours(at('2026-12-05T23:00:00'), null)).toBe(false);
    expect(inQuietHours(at('2026-12-05T23:00:00'), { from: '23:00', to: '23:00' })).toBe(false);
  });

  it('the end of the period: the next morning from the evening, the same morning after midnight', () => {
    expect(quietHoursEnd(at('2026-12-05T22:30:00'), NIGHT)).toEqual(at('2026-12-06T07:00:00'));
    expect(quietHoursEnd(at('2026-12-06T03:10:00'), NIGHT)).toEqual(at('2026-12-06T07:00:00'));
    expect(quietHoursEnd(at('2026-12-05T12:40:00'), LUNCH)).toEqual(at('2026-12-05T13:30:00'));
    expect(quietHoursEnd(at('2026-12-05T14:00:00'), LUNCH)).toBeNull();
  });

  it('holds across a month and a year end (Shanghai midnight is 16:00 UTC)', () => {
    expect(quietHoursEnd(at('2026-12-31T23:45:00'), NIGHT)).toEqual(at('2027-01-01T07:00:00'));
    expect(quietHoursEnd(new Date('2026-12-31T15:59:00Z'), NIGHT)).toEqual(at('2027-01-01T07:00:00'));
    expect(quietHoursEnd(new Date('2026-12-31T16:01:00Z'), NIGHT)).toEqual(at('2027-01-01T07:00:00'));
  });
});

describe('due times', () => {
  it('response 15 minutes and resolution 24 hours after filing, without quiet hours', () => {
    const filed = at('2026-12-05T23:10:00');
    expect(dueTimes(filed, rule())).toEqual({ responseDueAt: at('2026-12-05T23:25:00'), resolutionDueAt: at('2026-12-06T23:10:00') });
  });

  it('a report filed in quiet hours is answered from their end; resolution still counts from filing', () => {
    const filed = at('2026-12-05T23:10:00');
    expect(responseClockStart(filed, NIGHT)).toEqual(at('2026-12-06T07:00:00'));
    expect(dueTimes(filed, rule(NIGHT))).toEqual({ responseDueAt: at('2026-12-06T07:15:00'), resolutionDueAt: at('2026-12-06T23:10:00') });
  });

  it('a report filed one minute before quiet hours keeps its plain clock', () => {
    expect(dueTimes(at('2026-12-05T21:59:00'), rule(NIGHT)).responseDueAt).toEqual(at('2026-12-05T22:14:00'));
  });

  it('per-category clocks: 邻里纠纷 72 hours', () => {
    const dispute = defaultCategories().find((c) => c.key === 'dispute')!;
    expect(dueTimes(at('2026-12-05T10:00:00'), dispute).resolutionDueAt).toEqual(at('2026-12-08T10:00:00'));
  });
});

describe('the 等待居民 pause', () => {
  const clocks = { responseDueAt: at('2026-12-05T10:15:00'), resolutionDueAt: at('2026-12-06T10:00:00') };

  it('moves every clock not yet met later by the paused time', () => {
    const resumed = resumedDueTimes({ ...clocks, respondedAt: null, resolvedAt: null, pausedAt: at('2026-12-05T10:05:00') }, at('2026-12-05T12:05:00'));
    expect(resumed).toEqual({ responseDueAt: at('2026-12-05T12:15:00'), resolutionDueAt: at('2026-12-06T12:00:00') });
  });

  it('keeps a clock already met where it was', () => {
    const resumed = resumedDueTimes({ ...clocks, respondedAt: at('2026-12-05T10:03:00'), resolvedAt: null, pausedAt: at('2026-12-05T11:00:00') }, at('2026-12-05T14:30:00'));
    expect(resumed).toEqual({ responseDueAt: clocks.responseDueAt, resolutionDueAt: at('2026-12-06T13:30:00') });
  });

  it('a resume at the very moment of the pause moves nothing (and a clock that went back never moves earlier)', () => {
    const pausedAt = at('2026-12-05T11:00:00');
    expect(resumedDueTimes({ ...clocks, respondedAt: null, resolvedAt: null, pausedAt }, pausedAt)).toEqual(clocks);
    expect(resumedDueTimes({ ...clocks, respondedAt: null, resolvedAt: null, pausedAt }, at('2026-12-05T10:00:00'))).toEqual(clocks);
  });
});

describe('overdue checks: exactly at the boundary counts as due', () => {
  const base = { responseDueAt: at('2026-12-05T10:15:00'), resolutionDueAt: at('2026-12-06T10:00:00'), responseOverdue: false, resolutionOverdue: false };

  it('isDue at the due time, not a millisecond before', () => {
    expect(isDue(base.responseDueAt, at('2026-12-05T10:15:00'))).toBe(true);
    expect(isDue(base.responseDueAt, new Date(base.responseDueAt.getTime() - 1))).toBe(false);
  });

  it('response: only an unanswered report, only once', () => {
    expect(responseOverdueNow({ ...base, state: 'submitted' }, at('2026-12-05T10:14:00'))).toBe(false);
    expect(responseOverdueNow({ ...base, state: 'submitted' }, at('2026-12-05T10:15:00'))).toBe(true);
    expect(responseOverdueNow({ ...base, state: 'submitted', responseOverdue: true }, at('2026-12-05T11:00:00'))).toBe(false);
    expect(responseOverdueNow({ ...base, state: 'accepted' }, at('2026-12-05T11:00:00'))).toBe(false);
    expect(responseOverdueNow({ ...base, state: 'waiting' }, at('2026-12-05T11:00:00'))).toBe(false);
  });

  it('resolution: submitted or accepted, not paused or done, only once', () => {
    const due = at('2026-12-06T10:00:00');
    const before = at('2026-12-06T09:59:00');
    expect(resolutionOverdueNow({ ...base, state: 'accepted' }, before)).toBe(false);
    expect(resolutionOverdueNow({ ...base, state: 'accepted' }, due)).toBe(true);
    expect(resolutionOverdueNow({ ...base, state: 'submitted' }, due)).toBe(true);
    for (const state of ['waiting', 'resolved', 'closed', 'merged']) expect(resolutionOverdueNow({ ...base, state }, due)).toBe(false);
    expect(resolutionOverdueNow({ ...base, state: 'accepted', resolutionOverdue: true }, due)).toBe(false);
  });

  it('auto-close 7 days after resolving, at the boundary', () => {
    const resolvedAt = at('2026-12-05T10:00:00');
    expect(autoCloseAt(resolvedAt)).toEqual(at('2026-12-12T10:00:00'));
    expect(autoCloseNow({ state: 'resolved', resolvedAt }, at('2026-12-12T09:59:00'))).toBe(false);
    expect(autoCloseNow({ state: 'resolved', resolvedAt }, at('2026-12-12T10:00:00'))).toBe(true);
    expect(autoCloseNow({ state: 'closed', resolvedAt }, at('2026-12-20T10:00:00'))).toBe(false);
  });
});

describe('met clocks and the next due time', () => {
  const base = { responseDueAt: at('2026-12-05T10:15:00'), resolutionDueAt: at('2026-12-06T10:00:00'), responseOverdue: false, resolutionOverdue: false };

  it('points only for a report answered and resolved before both due times, never once overdue', () => {
    expect(metClocks({ ...base, respondedAt: at('2026-12-05T10:10:00'), resolvedAt: at('2026-12-05T20:00:00') })).toBe(true);
    expect(metClocks({ ...base, respondedAt: at('2026-12-05T10:15:00'), resolvedAt: at('2026-12-05T20:00:00') })).toBe(false);
    expect(metClocks({ ...base, respondedAt: at('2026-12-05T10:10:00'), resolvedAt: at('2026-12-06T10:00:00') })).toBe(false);
    expect(metClocks({ ...base, responseOverdue: true, respondedAt: at('2026-12-05T10:10:00'), resolvedAt: at('2026-12-05T20:00:00') })).toBe(false);
    expect(metClocks({ ...base, respondedAt: null, resolvedAt: at('2026-12-05T20:00:00') })).toBe(false);
  });

  it('the list shows the response clock while submitted, the resolution clock while accepted, none otherwise', () => {
    expect(nextDue({ ...base, state: 'submitted' })).toEqual({ dueAt: base.responseDueAt, dueKind: 'response' });
    expect(nextDue({ ...base, state: 'accepted' })).toEqual({ dueAt: base.resolutionDueAt, dueKind: 'resolution' });
    expect(nextDue({ ...base, state: 'waiting' })).toEqual({ dueAt: null, dueKind: null });
  });
});

describe('settings defaults', () => {
  it('a 居民区 without settings gets the eight categories, 15 min / 24 h, 邻里纠纷 72 h, the skills, nothing else', () => {
    const s = settingsIn(null);
    expect(s.categories.map((c) => c.name)).toEqual(['楼道堆物', '飞线充电', '漏水渗水', '设施损坏', '环境卫生', '噪音扰民', '邻里纠纷', '其他']);
    expect(s.categories.every((c) => c.responseMinutes === 15 && c.quietHours === null && c.councilId === null && c.active)).toBe(true);
    expect(s.categories.filter((c) => c.resolutionHours !== 24).map((c) => [c.key, c.resolutionHours])).toEqual([['dispute', 72]]);
    expect(Object.fromEntries(s.categories.filter((c) => c.skills.length).map((c) => [c.key, c.skills]))).toEqual({ charging: ['电工'], leak: ['水电工'], facility: ['维修'] });
    expect(s).toMatchObject({ spots: [], handlerPoints: 0 });
  });

  it('each call gets its own copy: editing one never changes the defaults', () => {
    defaultCategories()[1]!.skills.push('x');
    expect(defaultCategories()[1]!.skills).toEqual(['电工']);
  });
});
