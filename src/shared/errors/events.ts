/** Codes start with `EVENTS.`; messages are what residents read. */
export const EVENTS_ERRORS = {
  'EVENTS.CANCELLED': '这个活动已经取消了',
  'EVENTS.NOT_OPEN': '报名还没开始，请留意开放时间',
  'EVENTS.CLOSED': '报名已经截止了，下次早点来哦',
  'EVENTS.NOT_IN_AUDIENCE': '这个活动只面向特定的成员，你暂时不能报名',
  'EVENTS.ROLE_NOT_FOUND': '没有找到这个岗位，请刷新后再试',
  'EVENTS.NOT_SIGNED_UP': '你还没有报名这个活动',
  'EVENTS.PLACES_BELOW_TAKEN': '名额不能少于已报名的人数',
  'EVENTS.ROLE_REMOVED': '已有人报名的岗位不能删除',
  'EVENTS.COUNCIL_NOT_FOUND': '没有找到这个分会，请重新选择',
  'EVENTS.ENDED': '活动已经结束，不能再修改',
  'EVENTS.PERSON_NOT_FOUND': '没有找到这位居民，请确认他在你的微格里',
} as const;
