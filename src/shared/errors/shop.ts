/** Codes start with `SHOP.`; messages are what residents read. */
export const SHOP_ERRORS = {} as const;
