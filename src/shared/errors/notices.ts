/** Codes start with `NOTICES.`; messages are what residents read. */
export const NOTICES_ERRORS = {} as const;
