import { DEFAULT_LOAN_RULES, type Closure, type TimeRange, type WeeklyHours } from '../../../src/shared/domain/cabin';
import { borrowRefusal, dueFor, holdUntil, isOverdue, renewedDue, renewRefusal, resolveRules } from '../../../src/shared/rules/cabin-loans';

const day = (...ranges: [string, string][]): TimeRange[] => ranges.map(([from, to]) => ({ from, to }));
const weekday = day(['09:00', '17:00']);
const CABIN: WeeklyHours = [weekday, weekday, weekday, weekday, weekday, day(['09:00', '11:30']), []];
const at = (s: string) => new Date(`${s}+08:00`);
const rules = DEFAULT_LOAN_RULES;

describe('due dates', () => {
  it('a loan is due at the end of the day loanDays later, Shanghai time', () => {
    // Monday + 7 = Monday.
    expect(dueFor(at('2026-11-23T10:00:00'), 7, CABIN, [])).toEqual({ dueDate: '2026-11-30', dueAt: at('2026-11-30T23:59:00') });
    // A late-evening loan counts from its Shanghai day, not the UTC one.
    expect(dueFor(new Date('2026-11-23T17:00:00Z'), 7, CABIN, []).dueDate).toBe('2026-12-01');
  });

  it('moves on to the next day the cabin opens: past a Sunday and a holiday', () => {
    // Monday + 6 = Sunday (closed) -> Monday.
    expect(dueFor(at('2026-11-23T10:00:00'), 6, CABIN, []).dueDate).toBe('2026-11-30');
    const holidays: Closure[] = [{ from: '2026-11-30', to: '2026-12-01', reason: '设备检修' }];
    expect(dueFor(at('2026-11-23T10:00:00'), 6, CABIN, holidays).dueDate).toBe('2026-12-02');
    // A closure of one section does not move it.
    expect(dueFor(at('2026-11-23T10:00:00'), 7, CABIN, [{ ...holidays[0]!, sectionKey: 'papers' }]).dueDate).toBe('2026-11-30');
  });

  it('overdue only after the due minute', () => {
    const due = at('2026-11-30T23:59:00');
    expect(isOverdue(due, at('2026-11-30T23:59:00'))).toBe(false);
    expect(isOverdue(due, at('2026-12-01T00:00:00'))).toBe(true);
  });

  it('a renewal adds the loan length to the current due day, so renewing on the day of borrowing still extends it', () => {
    const current = at('2026-11-30T23:59:00');
    expect(renewedDue(current, 7, CABIN, [])).toEqual({ dueDate: '2026-12-07', dueAt: at('2026-12-07T23:59:00') });
    // +6 lands on a Sunday: moved to Monday.
    expect(renewedDue(current, 6, CABIN, []).dueDate).toBe('2026-12-07');
  });
});

describe('renewals', () => {
  const base = { renewals: 0, rule: rules.classes.book, waiting: 0, dueAt: at('2026-11-30T23:59:00'), now: at('2026-11-28T10:00:00') };
  it('allowed while renewals are left, nobody waits and it is not overdue', () => {
    expect(renewRefusal(base)).toBeNull();
    expect(renewRefusal({ ...base, waiting: 1 })).toBe('CABIN.SOMEONE_WAITING');
    expect(renewRefusal({ ...base, renewals: rules.classes.book.maxRenewals })).toBe('CABIN.RENEW_LIMIT');
    expect(renewRefusal({ ...base, now: at('2026-12-01T08:00:00') })).toBe('CABIN.OVERDUE_NO_RENEW');
    expect(renewRefusal({ ...base, rule: rules.classes.umbrella })).toBe('CABIN.RENEW_LIMIT');
  });
});

describe('new loans', () => {
  const now = at('2026-11-28T10:00:00');
  it('refused while anything is overdue, or at the class limit', () => {
    expect(borrowRefusal({ openLoans: [], loanClass: 'sewing', rules, now })).toBeNull();
    expect(borrowRefusal({ openLoans: [{ loanClass: 'book', dueAt: at('2026-11-27T23:59:00') }], loanClass: 'sewing', rules, now })).toBe('CABIN.HAS_OVERDUE');
    expect(borrowRefusal({ openLoans: [{ loanClass: 'sewing', dueAt: at('2026-12-05T23:59:00') }], loanClass: 'sewing', rules, now })).toBe('CABIN.LOAN_LIMIT');
    const twoBooks = [1, 2].map(() => ({ loanClass: 'book' as const, dueAt: at('2026-12-05T23:59:00') }));
    expect(borrowRefusal({ openLoans: twoBooks, loanClass: 'book', rules, now })).toBeNull();
    expect(borrowRefusal({ openLoans: [...twoBooks, twoBooks[0]!], loanClass: 'book', rules, now })).toBe('CABIN.LOAN_LIMIT');
  });

  it('stored rules override the defaults class by class; holds last the rules hours', () => {
    const stored = resolveRules({ classes: { ...rules.classes, sewing: { loanDays: 3, maxItems: 2, maxRenewals: 0 } }, holdHours: 24 });
    expect(stored.classes.sewing.loanDays).toBe(3);
    expect(stored.classes.book).toEqual(rules.classes.book);
    expect(resolveRules(null)).toEqual(rules);
    expect(holdUntil(now, stored)).toEqual(new Date(now.getTime() + 24 * 3600_000));
  });
});
