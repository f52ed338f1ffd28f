/** Codes start with `NOTICES.`; messages are what residents read. */
export const NOTICES_ERRORS = {
  'NOTICES.ALREADY_PUBLISHED': '这条通知已经发布，不能再修改',
  'NOTICES.NOT_PUBLISHED': '这条通知还没有发布',
  'NOTICES.EXPIRED': '这条通知已经过期了',
  'NOTICES.NOT_TARGETED': '这条通知不是发给你的，不需要回复',
  'NOTICES.WRONG_MODE': '这条通知不需要这样回复',
  'NOTICES.BAD_OPTION': '请从给出的选项里选一个',
  'NOTICES.ALREADY_REPLIED': '你已经回复过了，每人只能回复一次',
  'NOTICES.PUBLISH_AT_PAST': '定时发布的时间要晚于现在',
  'NOTICES.NO_GROUP': '没能识别这个微信群，请在群里重新打开卡片再试',
  'NOTICES.GROUP_BOUND_ELSEWHERE': '这个群已经绑定到其他微格了',
} as const;
