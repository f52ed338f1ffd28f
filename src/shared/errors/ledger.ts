/** Codes start with `LEDGER.`; messages are what residents read. */
export const LEDGER_ERRORS = {
  'LEDGER.INSUFFICIENT_POINTS': '积分不够了，多参加活动再来吧',
  'LEDGER.NOT_A_MEMBER': '只能给本居民区的梯队成员记录时长和积分',
  'LEDGER.REQUEST_REUSED': '这张表单已经提交过别的内容了，请重新打开页面再填',
  'LEDGER.CORRECTION_NOT_CORRECTABLE': '更正记录不能再更正；如果更正错了，请重新登记一条',
  'LEDGER.REDEMPTION_NOT_CORRECTABLE': '积分兑换的记录不能在这里更正',
  'LEDGER.ENTRY_TAKEN': '这笔时长没有记上：它的记录编号已被另一位成员的记录占用，请联系社区管理员处理',
  'LEDGER.CORRECTION_BELOW_ZERO': '这位成员的积分已经用掉了一部分，更正后会变成负数，请先和成员沟通',
} as const;
