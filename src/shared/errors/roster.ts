/** Codes start with `ROSTER.`; messages are what residents read. */
export const ROSTER_ERRORS = {} as const;
