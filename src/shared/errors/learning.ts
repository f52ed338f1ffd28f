/** Codes start with `LEARNING.`; messages are what residents read. */
export const LEARNING_ERRORS = {
  'LEARNING.CHANGED': '这门课程刚被其他人修改过，请刷新后再看',
  'LEARNING.WRONG_STATE': '这门课程现在不能这样操作，请刷新后再看',
  'LEARNING.NOT_OPEN': '这门课程还没有发布或已经下架，暂时不能学习',
  'LEARNING.NO_LESSONS': '课程至少要有一个课时才能发布',
  'LEARNING.TOO_MANY_LESSONS': '一门课程最多30个课时',
  'LEARNING.BAD_ORDER': '课时顺序不对，请刷新后再排',
  'LEARNING.NO_QUIZ': '这门课程没有测验',
  'LEARNING.BAD_ANSWER': '测验还有题目没答或答卷有误，请检查后再交',
  'LEARNING.TOO_MANY_ATTEMPTS': '今天测验的次数已经用完了，明天再来试试吧',
  'LEARNING.NOT_REQUIRED': '这门课程没有要求这个角色学习',
  'LEARNING.COMMUNITY_NOT_FOUND': '没有找到所选的居民区，请重新选择',
} as const;
