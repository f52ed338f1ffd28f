/** Codes start with `COUNCILS.`; messages are what residents read. */
export const COUNCILS_ERRORS = {
  'COUNCILS.MEMBERS_ONLY': '加入分会前，请先申请加入第二梯队，通过后就能加入',
  'COUNCILS.RETIRED': '这个分会已停用，不再接收新成员，也不能再调整',
  'COUNCILS.NAME_TAKEN': '本居民区已有同名的分会，请换个名字',
  'COUNCILS.TOO_MANY': '一个居民区最多设30个分会',
  'COUNCILS.MAIN_CANNOT_RETIRE': '总会不能停用',
  'COUNCILS.NOT_COUNCIL_MEMBER': '名单里有人还不是这个分会的成员，请先请他加入分会',
  'COUNCILS.NO_ROTATION': '这个分会还没有排轮值顺序',
  'COUNCILS.TERM_PASSED': '这一任已经结束，不能再调整',
  'COUNCILS.ROTATION_CHANGED': '轮值安排刚刚有变动，请刷新后再试',
  'COUNCILS.NOBODY_ELSE': '轮值名单里没有其他人可以接任',
  'COUNCILS.SWAP_SAME': '这两任是同一个人，不需要对调',
} as const;
