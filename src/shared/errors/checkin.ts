/** Codes start with `CHECKIN.`; messages are what residents read. */
export const CHECKIN_ERRORS = {
  'CHECKIN.TOKEN_INVALID': '这个签到码无法识别，请扫描活动现场的签到码',
  'CHECKIN.TOKEN_EXPIRED': '签到码已过期，请重新扫码',
  'CHECKIN.CODE_WRONG': '签到码不对，请看清签到台上的6位码再输入',
  'CHECKIN.TOO_MANY_TRIES': '输错次数太多，请稍后再试，或请组织者帮你扫码',
  'CHECKIN.WRONG_EVENT': '这是另一场活动的签到码',
  'CHECKIN.NOT_OPEN': '活动尚未开始签到（开始前30分钟开放）',
  'CHECKIN.CLOSED': '活动签到已结束',
  'CHECKIN.EVENT_CANCELLED': '活动已取消',
  'CHECKIN.NOT_SIGNED_UP': '你未报名此活动',
  'CHECKIN.NOT_CHECKED_IN': '还没有签到，不能签退',
  'CHECKIN.NOT_ENDED': '活动结束后才能确认时长',
  'CHECKIN.ALREADY_CONFIRMED': '这场活动的时长已经确认过了',
} as const;
