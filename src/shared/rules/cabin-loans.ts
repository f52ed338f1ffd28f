import type { Closure, DayString, LoanClass, LoanRule, LoanRules, WeeklyHours } from '../domain/cabin';
import { DEFAULT_LOAN_RULES } from '../domain/cabin';
import type { ErrorCode } from '../errors';
import { addDays, dayOf, instantAt, LOOKAHEAD_DAYS, opensOn } from './cabin-hours';

/**
 * Loan rules (Koha / Lend Engine style): due dates that land on a day the cabin opens, renewals, limits per class,
 * no new loans while something is overdue. Pure.
 */

/** A loan is due by the end of its due day, Shanghai time. */
const DUE_TIME = '23:59';

/** Stored rules over the defaults, so a class added later has a rule. */
export function resolveRules(stored: Partial<LoanRules> | null | undefined): LoanRules {
  return {
    classes: { ...DEFAULT_LOAN_RULES.classes, ...(stored?.classes ?? {}) },
    holdHours: stored?.holdHours ?? DEFAULT_LOAN_RULES.holdHours,
  };
}

/**
 * The due day of a loan starting at `from` for `loanDays`: moved on to the next day the cabin opens (so nobody
 * must return to a locked door), at most LOOKAHEAD_DAYS later.
 */
export function dueFor(from: Date, loanDays: number, hours: WeeklyHours, closures: readonly Closure[]): { dueDate: DayString; dueAt: Date } {
  let dueDate = addDays(dayOf(from), loanDays);
  for (let i = 0; i < LOOKAHEAD_DAYS && !opensOn(hours, closures, dueDate); i += 1) dueDate = addDays(dueDate, 1);
  return { dueDate, dueAt: instantAt(dueDate, DUE_TIME) };
}

export function isOverdue(dueAt: Date, now: Date): boolean {
  return now.getTime() > dueAt.getTime();
}

/**
 * A renewal adds the class's loan length to the current due day (Koha's "from the due date"), so renewing early
 * never wastes a renewal and renewing never shortens a loan.
 */
export function renewedDue(currentDueAt: Date, loanDays: number, hours: WeeklyHours, closures: readonly Closure[]): { dueDate: DayString; dueAt: Date } {
  return dueFor(currentDueAt, loanDays, hours, closures);
}

/** Why a renewal is refused, or null when it may go ahead. */
export function renewRefusal(args: { renewals: number; rule: LoanRule; waiting: number; dueAt: Date; now: Date }): ErrorCode | null {
  if (isOverdue(args.dueAt, args.now)) return 'CABIN.OVERDUE_NO_RENEW';
  if (args.waiting > 0) return 'CABIN.SOMEONE_WAITING';
  if (args.renewals >= args.rule.maxRenewals) return 'CABIN.RENEW_LIMIT';
  return null;
}

/** Why a new loan of `loanClass` is refused given the person's open loans, or null. */
export function borrowRefusal(args: {
  openLoans: readonly { loanClass: LoanClass; dueAt: Date }[];
  loanClass: LoanClass;
  rules: LoanRules;
  now: Date;
}): ErrorCode | null {
  if (args.openLoans.some((l) => isOverdue(l.dueAt, args.now))) return 'CABIN.HAS_OVERDUE';
  const sameClass = args.openLoans.filter((l) => l.loanClass === args.loanClass).length;
  if (sameClass >= args.rules.classes[args.loanClass].maxItems) return 'CABIN.LOAN_LIMIT';
  return null;
}

/** How long a hold is kept, from `from` (now, or the next opening when reserved while closed). */
export function holdUntil(from: Date, rules: LoanRules): Date {
  return new Date(from.getTime() + rules.holdHours * 60 * 60 * 1000);
}
