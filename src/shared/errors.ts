/**
 * Stable error codes and the Chinese messages residents read. Codes never change once shipped;
 * messages may be reworded.
 */
export const ERRORS = {
  'COMMON.INVALID_INPUT': '填写的内容有误，请检查后再试',
  'COMMON.UNKNOWN_ACTION': '暂不支持这个操作，请更新小程序后再试',
  'COMMON.UNAUTHENTICATED': '请在微信中打开小程序后再试',
  'COMMON.FORBIDDEN': '你没有权限进行这个操作',
  'COMMON.NOT_FOUND': '没有找到相关内容',
  'COMMON.CONTENT_REJECTED': '内容含有不适宜公开的信息，请修改后再提交',
  'COMMON.INTERNAL': '系统开小差了，请稍后再试',
  'COMMON.NETWORK': '网络不太稳定，请稍后再试',
  'MEMBERS.COMMUNITY_NOT_FOUND': '没有找到这个居民区，请重新选择',
  'MEMBERS.COMMUNITY_ALREADY_SET': '你已选择了居民区，如需更换请联系居委会',
  'MEMBERS.NO_COMMUNITY': '请先选择你所在的居民区',
  'MEMBERS.PROFILE_INCOMPLETE': '请先填写姓名和楼栋门牌，再申请加入',
  'MEMBERS.ALREADY_PENDING': '你的申请正在审核中，请耐心等待',
  'MEMBERS.ALREADY_MEMBER': '你已经是第二梯队的一员啦',
  'MEMBERS.NOT_PENDING': '这份申请已经处理过了，请刷新列表',
  'MEMBERS.REASON_REQUIRED': '请写下未通过的原因，方便居民了解',
} as const;

export type ErrorCode = keyof typeof ERRORS;

export function errorMessage(code: ErrorCode): string {
  return ERRORS[code];
}
