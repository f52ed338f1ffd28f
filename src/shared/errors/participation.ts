/** Codes start with `PROPOSALS.` or `PROJECTS.`; messages are what residents read. */
export const PARTICIPATION_ERRORS = {
  'PROPOSALS.CHANGED': '这条议题刚有了变化，请刷新后再看',
  'PROPOSALS.WRONG_STATE': '这条议题现在不能这样操作，请刷新后再看',
  'PROPOSALS.CATEGORY_NOT_FOUND': '没有找到这个议题类别，请重新选择',
  'PROPOSALS.COUNCIL_NOT_FOUND': '没有找到这个分会，请重新选择',
  'PROPOSALS.MERGE_TARGET': '只能并入本居民区另一条还在征集或待答复的议题',
  'PROJECTS.CHANGED': '这个项目刚有了变化，请刷新后再看',
  'PROJECTS.COUNCIL_NOT_FOUND': '没有找到负责的分会，请重新选择',
  'PROJECTS.EVENT_NOT_FOUND': '没有找到要关联的活动，请从本居民区的活动里选择',
} as const;
