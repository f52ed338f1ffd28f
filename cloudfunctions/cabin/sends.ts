import type { RemindOutcome } from '../../src/shared/actions/cabin';

/**
 * The bookkeeping of the cabin's own reminders (a hold handed on, a loan due or overdue, a hold running out): the
 * record is marked told only after the platform answered, and a send that did not happen is recorded on the record
 * and tried again by the timer with a growing wait, so neither a crash nor a failed send loses a reminder, and the
 * send key (messages.ts) keeps a second try from sending twice.
 */

/**
 * A send that did not happen is tried again by the timer's next run; if that fails too, the next try waits this
 * long (the timer's period), and each one after twice as long, up to RETRY_CAP_MS.
 */
export const RETRY_BASE_MS = 15 * 60_000;
const RETRY_CAP_MS = 6 * 60 * 60_000;
/** After this many sends that did not happen the timer stops trying (about a day and a half); a keeper can still remind. */
export const MAX_TRIES = 8;

/** Outcomes after which there is nothing left to send (new outcomes, such as a queued send, count as done). */
const NOT_DONE: readonly string[] = ['no-quota', 'refused'] satisfies RemindOutcome[];

export type Attempt = { done: true } | { done: false; error: string };

/** Runs one send; a throw is a send that did not happen, never the caller's failure. */
export async function attempt(send: () => Promise<RemindOutcome | string>): Promise<Attempt> {
  try {
    const outcome = await send();
    return NOT_DONE.includes(outcome) ? { done: false, error: outcome } : { done: true };
  } catch (err) {
    return { done: false, error: String(err instanceof Error ? err.message : err).slice(0, 200) };
  }
}

/** The retry fields of a record after a send that did not happen (`tries` before it). */
export function retryFields(tries: number, error: string, now: Date): { sendTries: number; sendRetryAt: Date; sendError: string } {
  const wait = tries === 0 ? 0 : Math.min(RETRY_BASE_MS * 2 ** (tries - 1), RETRY_CAP_MS);
  return { sendTries: tries + 1, sendRetryAt: new Date(now.getTime() + wait), sendError: error };
}

/** Whether this failure is the last one tried. */
export const lastTry = (tries: number): boolean => tries + 1 >= MAX_TRIES;

export const CLEARED = { sendTries: 0, sendRetryAt: null, sendError: null };
