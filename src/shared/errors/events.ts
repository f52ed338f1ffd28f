/** Codes start with `EVENTS.`; messages are what residents read. */
export const EVENTS_ERRORS = {} as const;
