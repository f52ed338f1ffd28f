/** Codes start with `COUNCILS.`; messages are what residents read. */
export const COUNCILS_ERRORS = {} as const;
