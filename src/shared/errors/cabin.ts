/** Codes start with `CABIN.`; messages are what residents read. */
export const CABIN_ERRORS = {} as const;
