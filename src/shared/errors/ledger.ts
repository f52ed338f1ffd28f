/** Codes start with `LEDGER.`; messages are what residents read. */
export const LEDGER_ERRORS = {
  'LEDGER.INSUFFICIENT_POINTS': '积分不够了，多参加活动再来吧',
} as const;
