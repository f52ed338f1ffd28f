/** Errors any action may answer. */
export const COMMON_ERRORS = {
  'COMMON.INVALID_INPUT': '填写的内容有误，请检查后再试',
  'COMMON.UNKNOWN_ACTION': '暂不支持这个操作，请更新小程序后再试',
  'COMMON.UNAUTHENTICATED': '请在微信中打开小程序后再试',
  'COMMON.FORBIDDEN': '你没有权限进行这个操作',
  'COMMON.NOT_FOUND': '没有找到相关内容',
  'COMMON.CONTENT_REJECTED': '内容含有不适宜公开的信息，请修改后再提交',
  'COMMON.INTERNAL': '系统开小差了，请稍后再试',
  'COMMON.BUSY': '现在办理的人有点多，请稍等一下再试',
  'COMMON.NETWORK': '网络不太稳定，请稍后再试',
} as const;
