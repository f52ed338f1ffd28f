import { dueLine, hoursText, minutesText, placeText, shareText, starsText } from '../../../src/features/reports/format';
import type { ReportSummaryView } from '../../../src/shared/domain/report';

const due = '2026-12-05T07:15:00.000Z'; // 15:15 in Shanghai
const open = (patch: Partial<ReportSummaryView> = {}) => ({
  state: 'submitted' as const,
  dueAt: due,
  dueKind: 'response' as const,
  responseOverdue: false,
  resolutionOverdue: false,
  ...patch,
});

describe('the clock of a report in words', () => {
  it('says the due time in Shanghai before it', () => {
    expect(dueLine(open(), Date.parse(due) - 1)).toEqual({ text: '12月5日 15:15 前响应', overdue: false });
    expect(dueLine(open({ state: 'accepted', dueKind: 'resolution' }), Date.parse(due) - 1)).toEqual({ text: '12月5日 15:15 前办结', overdue: false });
  });

  it('counts exactly the due time as due (the timer’s rule), and later as 超时', () => {
    expect(dueLine(open(), Date.parse(due))).toEqual({ text: '超时未响应（应在 12月5日 15:15 前）', overdue: true });
    expect(dueLine(open({ state: 'accepted', dueKind: 'resolution' }), Date.parse(due) + 60_000)?.text).toBe('超时未办结（应在 12月5日 15:15 前）');
  });

  it('trusts the server’s overdue mark even when the viewer’s clock is behind', () => {
    expect(dueLine(open({ responseOverdue: true }), Date.parse(due) - 3_600_000)?.overdue).toBe(true);
    // The resolution flag does not mark a response clock.
    expect(dueLine(open({ resolutionOverdue: true }), Date.parse(due) - 3_600_000)?.overdue).toBe(false);
  });

  it('says the pause while waiting, and nothing once no clock runs', () => {
    expect(dueLine(open({ state: 'waiting', dueAt: null, dueKind: null }), 0)).toEqual({ text: '等待居民，计时暂停', overdue: false });
    expect(dueLine(open({ state: 'closed', dueAt: null, dueKind: null }), 0)).toBeNull();
  });
});

describe('places and figures in words', () => {
  it('names a building with its unit, or the public spot', () => {
    expect(placeText({ building: '3号楼', unit: '2单元', spot: '' })).toBe('3号楼 2单元');
    expect(placeText({ building: '3号楼', unit: '', spot: '' })).toBe('3号楼');
    expect(placeText({ building: '', unit: '', spot: '小区大门' })).toBe('小区大门');
  });

  it('shows shares as percentages and medians in minutes or hours, a dash when nothing was measured', () => {
    expect(shareText(0.866)).toBe('87%');
    expect(shareText(null)).toBe('—');
    expect(minutesText(12.4)).toBe('12分钟');
    expect(minutesText(90)).toBe('1.5小时');
    expect(minutesText(null)).toBe('—');
    expect(hoursText(20.04)).toBe('20小时');
    // Satisfaction is the mean of the stars, never a percentage.
    expect(starsText(4.67)).toBe('4.7 星');
    expect(starsText(null)).toBe('—');
  });
});
