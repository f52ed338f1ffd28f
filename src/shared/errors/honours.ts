/** Codes start with `HONOURS.`; messages are what residents read. */
export const HONOURS_ERRORS = {} as const;
