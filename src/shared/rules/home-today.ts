/**
 * Pure rules of 首页's "what matters today": when a loan counts as due soon, and the words a count is shown with.
 * Shared by the home function and the page.
 */

/** A loan is "due soon" within this long of its due date (and not yet overdue). */
export const DUE_SOON_MS = 2 * 24 * 60 * 60 * 1000;

export function loanDue(dueDates: readonly Date[], now: Date): { open: number; dueSoon: number; overdue: number } {
  const t = now.getTime();
  let dueSoon = 0;
  let overdue = 0;
  for (const due of dueDates) {
    const d = due.getTime();
    if (d <= t) overdue += 1;
    else if (d - t <= DUE_SOON_MS) dueSoon += 1;
  }
  return { open: dueDates.length, dueSoon, overdue };
}

/** A badge's text: nothing for 0, the number up to 99, then 99+. */
export function badgeText(n: number): string {
  if (n <= 0) return '';
  return n > 99 ? '99+' : String(n);
}

/** The age from which 首页 offers the elder-friendly mode (once), when the resident told us their birth year. */
export const ELDER_OFFER_AGE = 60;

/** Is a resident born in `birthYear` 60 or older this year (in Shanghai)? Unknown: no. */
export function offersElderMode(birthYear: number | null | undefined, now: Date): boolean {
  if (!birthYear) return false;
  const thisYear = new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
  return thisYear - birthYear >= ELDER_OFFER_AGE;
}
