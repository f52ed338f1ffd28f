/** Codes start with `GRIDS.`; messages are what residents read. */
export const GRIDS_ERRORS = {
  'GRIDS.BUILDING_TAKEN': '有楼栋已经划在别的微格里了，请先从那个微格移出',
  'GRIDS.CHANGED': '刚才有人同时修改了这个微格，请刷新后再试',
  'GRIDS.NOT_MEMBER': '结对的成员需要先加入第二梯队',
  'GRIDS.BUILDING_OUTSIDE_GRIDS': '这栋楼还没有划入任何微格，请先设置微格的楼栋',
  'GRIDS.NO_PHONE': '这位居民没有留手机号，请上门或托邻居联系',
  'GRIDS.SAME_PERSON': '楼组长和结对成员不能是同一个人',
} as const;
