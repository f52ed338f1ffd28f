/** Codes start with `CARE.`; messages are what residents read. */
export const CARE_ERRORS = {
  'CARE.CHANGED': '老人的信息刚被其他人修改过，请刷新后再看',
  'CARE.WRONG_STATE': '现在不能这样操作，请刷新后再看',
  'CARE.GRID_NOT_FOUND': '这栋楼不在你负责的微格里，请核对楼号',
  'CARE.MEMBER_NOT_FOUND': '没有找到这位居民的登记信息，请核对后再选',
  'CARE.VOLUNTEER_NOT_FOUND': '没有找到这位志愿者，请从本居民区的梯队成员里选',
  'CARE.ELDER_FULL': '这位老人已经有两位志愿者结对了',
  'CARE.VOLUNTEER_BUSY': '这位志愿者已经结对了3位老人，请另选一位',
  'CARE.ALREADY_PAIRED': '这位志愿者已经和这位老人结对了',
  'CARE.NOT_PAIRED': '你和这位老人的结对还没有开始或已经结束',
  'CARE.DAY': '只能记录今天或7天内的探访',
  'CARE.ALREADY_LOGGED': '这一天的探访已经记录过了',
} as const;
