/** Codes start with `STREET.`; messages are what residents read. */
export const STREET_ERRORS = {} as const;
