/** Codes start with `GRIDS.`; messages are what residents read. */
export const GRIDS_ERRORS = {} as const;
