/** Codes start with `CHECKIN.`; messages are what residents read. */
export const CHECKIN_ERRORS = {} as const;
