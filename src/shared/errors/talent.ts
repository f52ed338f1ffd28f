/** Codes start with `TALENT.`; messages are what residents read. */
export const TALENT_ERRORS = {} as const;
