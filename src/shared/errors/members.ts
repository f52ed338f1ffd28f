export const MEMBERS_ERRORS = {
  'MEMBERS.COMMUNITY_NOT_FOUND': '没有找到这个居民区，请重新选择',
  'MEMBERS.COMMUNITY_ALREADY_SET': '你已选择了居民区，如需更换请联系居委会',
  'MEMBERS.NO_COMMUNITY': '请先选择你所在的居民区',
  'MEMBERS.PROFILE_INCOMPLETE': '请先填写姓名和楼栋门牌，再申请加入',
  'MEMBERS.ALREADY_PENDING': '你的申请正在审核中，请耐心等待',
  'MEMBERS.ALREADY_MEMBER': '你已经是第二梯队的一员啦',
  'MEMBERS.NOT_PENDING': '这份申请已经处理过了，请刷新列表',
  'MEMBERS.REASON_REQUIRED': '请写下未通过的原因，方便居民了解',
} as const;
