import { inShanghai } from '@shared/time';

export interface PeriodChoice {
  value: string;
  label: string;
  from: string;
  to: string;
}

/** The periods a member picks from for a certificate, in Shanghai months up to the one `now` is in. */
export function periodChoices(now: Date): PeriodChoice[] {
  const month = inShanghai(now).startOf('month');
  const m = (d: typeof month) => d.format('YYYY-MM');
  const year = month.year();
  return [
    { value: 'this-year', label: '今年', from: `${year}-01`, to: m(month) },
    { value: 'last-12', label: '近12个月', from: m(month.subtract(11, 'month')), to: m(month) },
    { value: 'last-year', label: '去年全年', from: `${year - 1}-01`, to: `${year - 1}-12` },
    { value: 'this-month', label: '本月', from: m(month), to: m(month) },
    { value: 'last-month', label: '上个月', from: m(month.subtract(1, 'month')), to: m(month.subtract(1, 'month')) },
  ];
}

/** The month before or after `month` (YYYY-MM). */
export function shiftMonth(month: string, by: number): string {
  return inShanghai(`${month}-01T00:00:00+08:00`).add(by, 'month').format('YYYY-MM');
}
