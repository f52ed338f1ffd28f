import { SHANGHAI_OFFSET_MINUTES } from '../time';

/**
 * The rotating chair (轮值会长) of a council, as a pure rule the function and the pages share.
 *
 * Terms: term k runs from Shanghai midnight of `startDate + k * termDays` days to the midnight that starts term
 * k + 1. Term k's turn belongs to `order[(k + shift) mod n]`, where `shift` grows with each skip recorded at a term
 * up to k (a skip moves everyone after the skipped person up by one). Whoever is no longer eligible (left the
 * council, deleted their account) is passed over automatically: the next eligible person in the order takes that
 * term. A swap exchanges the chairs of term k and term k + 1. A change that no longer matches the schedule it was
 * recorded against (because membership changed since) is ignored rather than guessed at.
 */

export const DAY_MS = 86_400_000;
const OFFSET_MS = SHANGHAI_OFFSET_MINUTES * 60_000;

export const MAX_TERM_DAYS = 366;
export const MAX_ORDER = 50;

export type RotationChangeKind = 'skip' | 'swap';

export interface RotationChange {
  /** Deterministic: the same change recorded twice is one change. */
  key: string;
  kind: RotationChangeKind;
  /** The term it applies to. */
  term: number;
  /** skip: the person passed over; swap: the chair of `term`, who hands over to the next and chairs after them. */
  memberId: string;
  /** swap: the chair of `term + 1`, who goes first. */
  otherMemberId?: string;
}

export interface RotationPlan {
  /** Member ids in turn order. */
  order: string[];
  termDays: number;
  /** The Shanghai date term 0 starts, YYYY-MM-DD. */
  startDate: string;
  /** In the order they were recorded. */
  changes: RotationChange[];
}

export interface RotationTerm {
  index: number;
  /** The instant the term starts (Shanghai midnight), ISO. */
  startsAt: string;
  /** The first and the last Shanghai day of the term, YYYY-MM-DD. */
  startsOn: string;
  endsOn: string;
  /** null when nobody in the order is eligible. */
  chairId: string | null;
  /** People passed over automatically because they are no longer eligible. */
  passedOver: string[];
  /** People skipped at this term by a recorded change. */
  skipped: string[];
  /** The chair of this term and of a neighbouring term were exchanged. */
  swapped: boolean;
}

export type IsEligible = (memberId: string) => boolean;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a YYYY-MM-DD date, or null when it is not a real calendar date. */
export function dayNumber(date: string): number | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

export function isValidDate(date: string): boolean {
  return dayNumber(date) !== null;
}

/** The Shanghai calendar day of an instant, as days since 1970-01-01. */
export function shanghaiDay(at: Date): number {
  return Math.floor((at.getTime() + OFFSET_MS) / DAY_MS);
}

/** YYYY-MM-DD of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function startDay(plan: Pick<RotationPlan, 'startDate'>): number {
  const day = dayNumber(plan.startDate);
  if (day === null) throw new Error(`rotation start date ${plan.startDate} is not a date`);
  return day;
}

/** The term running at `now`; negative before the start date. */
export function termIndexAt(plan: Pick<RotationPlan, 'startDate' | 'termDays'>, now: Date): number {
  return Math.floor((shanghaiDay(now) - startDay(plan)) / plan.termDays);
}

const mod = (a: number, n: number) => ((a % n) + n) % n;

/** From position `pos` of the order, the first eligible person and those passed over to reach them. */
function walk(order: string[], pos: number, isEligible: IsEligible): { id: string | null; passed: string[] } {
  const passed: string[] = [];
  for (let i = 0; i < order.length; i += 1) {
    const id = order[mod(pos + i, order.length)]!;
    if (isEligible(id)) return { id, passed };
    passed.push(id);
  }
  return { id: null, passed };
}

interface Shift {
  term: number;
  by: number;
  memberId: string;
}

/** Each skip that still matches, as how far it moves the order from its term on. */
function shiftsOf(plan: RotationPlan, isEligible: IsEligible): Shift[] {
  const skips = plan.changes
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.kind === 'skip')
    .sort((a, b) => a.c.term - b.c.term || a.i - b.i);
  const shifts: Shift[] = [];
  for (const { c } of skips) {
    const before = shifts.reduce((sum, s) => sum + s.by, 0);
    const due = walk(plan.order, c.term + before, isEligible);
    if (due.id !== c.memberId) continue;
    shifts.push({ term: c.term, by: due.passed.length + 1, memberId: c.memberId });
  }
  return shifts;
}

function termFrame(plan: RotationPlan, index: number): Pick<RotationTerm, 'index' | 'startsAt' | 'startsOn' | 'endsOn'> {
  const first = startDay(plan) + index * plan.termDays;
  return {
    index,
    startsAt: new Date(first * DAY_MS - OFFSET_MS).toISOString(),
    startsOn: dateOfDay(first),
    endsOn: dateOfDay(first + plan.termDays - 1),
  };
}

/** Terms `from`..`to` (inclusive) with their chairs. Terms before the start date have no chair. */
export function termsBetween(plan: RotationPlan, isEligible: IsEligible, from: number, to: number): RotationTerm[] {
  if (to < from) return [];
  const n = plan.order.length;
  const shifts = n > 0 ? shiftsOf(plan, isEligible) : [];
  const swaps = plan.changes
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.kind === 'swap' && c.term >= 0 && c.term <= to)
    .sort((a, b) => a.c.term - b.c.term || a.i - b.i)
    .map(({ c }) => c);
  // A swap moves a chair one term later, and a chain of swaps further: start at the earliest one that can reach `from`.
  const first = Math.min(from, ...swaps.map((s) => s.term));
  const terms: RotationTerm[] = [];
  for (let k = first; k <= to + 1; k += 1) {
    const frame = termFrame(plan, k);
    const due = n > 0 && k >= 0 ? walk(plan.order, k + shifts.filter((s) => s.term <= k).reduce((sum, s) => sum + s.by, 0), isEligible) : null;
    terms.push({
      ...frame,
      chairId: due?.id ?? null,
      passedOver: due?.passed ?? [],
      skipped: shifts.filter((s) => s.term === k).map((s) => s.memberId),
      swapped: false,
    });
  }
  for (const swap of swaps) {
    const a = terms[swap.term - first];
    const b = terms[swap.term + 1 - first];
    if (!a || !b || a.chairId !== swap.memberId || b.chairId !== swap.otherMemberId || a.chairId === b.chairId) continue;
    [a.chairId, b.chairId] = [b.chairId, a.chairId];
    a.swapped = true;
    b.swapped = true;
  }
  return terms.slice(from - first, to - first + 1);
}

/** The term `index` with its chair. */
export function termAt(plan: RotationPlan, isEligible: IsEligible, index: number): RotationTerm {
  return termsBetween(plan, isEligible, index, index)[0]!;
}

export interface RotationNow {
  /** The term running now; null before the start date. */
  current: RotationTerm | null;
  /** The term after it (term 0 before the start date). */
  next: RotationTerm;
  /** The next `count` terms from the current one (from term 0 before the start). */
  upcoming: RotationTerm[];
}

/** Who chairs now, who is next, and the next few terms, at `now` (the server's clock). */
export function rotationAt(plan: RotationPlan, isEligible: IsEligible, now: Date, count = 2): RotationNow {
  const index = termIndexAt(plan, now);
  const from = Math.max(index, 0);
  const upcoming = termsBetween(plan, isEligible, from, from + Math.max(count, 2) - 1);
  return {
    current: index >= 0 ? upcoming[0]! : null,
    next: index >= 0 ? upcoming[1]! : upcoming[0]!,
    upcoming: upcoming.slice(0, Math.max(count, 1)),
  };
}

/** The person chairing at `now`, if any. */
export function chairAt(plan: RotationPlan, isEligible: IsEligible, now: Date): string | null {
  return rotationAt(plan, isEligible, now).current?.chairId ?? null;
}

/** A skip's key: skipping the same person at the same term is one change however often it is sent. */
export function skipKey(rotationId: string, term: number, memberId: string): string {
  return `${rotationId}:t${term}:skip:${memberId}`;
}

/** A swap's key, likewise. */
export function swapKey(rotationId: string, term: number, memberId: string, otherMemberId: string): string {
  return `${rotationId}:t${term}:swap:${memberId}:${otherMemberId}`;
}
