/** Codes start with `HONOURS.`; messages are what residents read. */
export const HONOURS_ERRORS = {
  'HONOURS.NOT_MEMBER': '只能表彰第二梯队的成员',
  'HONOURS.PERIOD_IN_FUTURE': '证明的时间段不能晚于本月',
  'HONOURS.NO_HOURS': '这段时间还没有确认的服务时长，暂时不能开具证明',
  'HONOURS.NO_STREET': '还没有找到你所在的街道，请联系居委',
} as const;
