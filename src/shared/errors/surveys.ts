/** Codes start with `SURVEYS.`; messages are what residents read. */
export const SURVEYS_ERRORS = {
  'SURVEYS.CHANGED': '这份问卷刚被其他人修改过，请刷新后再看',
  'SURVEYS.WRONG_STATE': '这份问卷现在不能这样操作，请刷新后再看',
  'SURVEYS.NOT_OPEN': '这份问卷现在不在答题时间内',
  'SURVEYS.NOT_IN_AUDIENCE': '这份问卷只请特定范围的居民作答，你不在这次的范围内',
  'SURVEYS.LOCKED': '这份问卷提交后不能修改，你已经答过了',
  'SURVEYS.BAD_ANSWER': '答卷填写不完整或有误，请检查后再提交',
  'SURVEYS.AUDIENCE_NOT_FOUND': '没有找到所选的微格或分会，请重新选择',
  'SURVEYS.RESULTS_HIDDEN': '结果将在问卷结束后公布',
  'SURVEYS.TIMES': '结束时间要晚于开始时间，且晚于现在',
} as const;
