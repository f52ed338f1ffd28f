/** Codes start with `REPORTS.`; messages are what residents read. */
export const REPORTS_ERRORS = {
  'REPORTS.CHANGED': '这条上报刚被其他人处理过，请刷新后再看',
  'REPORTS.WRONG_STATE': '这条上报现在不能这样操作，请刷新后再看',
  'REPORTS.CATEGORY_NOT_FOUND': '没有找到这个问题类别，请重新选择',
  'REPORTS.PLACE_NOT_FOUND': '没有找到这个地点，请从列表里选择楼栋或公共区域',
  'REPORTS.PERSON_NOT_FOUND': '没有找到这位居民，请确认他在你的微格里',
  'REPORTS.TARGET_NOT_FOUND': '没有找到要转交的对象，请重新选择',
  'REPORTS.COUNCIL_NOT_FOUND': '没有找到这个分会，请重新选择',
  'REPORTS.MERGE_TARGET': '只能并入本居民区另一条未办结的上报',
} as const;
