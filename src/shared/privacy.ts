/**
 * The privacy text residents accept (用户隐私保护指引, in short). Changing what is collected or who sees it means a
 * new version: everyone is asked again before they can change their data.
 */
export const PRIVACY_VERSION = '2026-12-05.2';

export const PRIVACY_SECTIONS: readonly { title: string; body: string }[] = [
  {
    title: '我们收集什么',
    body: '姓名、楼栋门牌，以及你愿意填写的手机号、技能、兴趣、空闲时间和出生年份。出生年份只用来在首页问问 60 岁以上的邻居要不要换成字大的长辈模式。为小小梯队登记孩子时，只记孩子的称呼和出生年份。',
  },
  {
    title: '用来做什么',
    body: '居委会审核你加入第二梯队、安排志愿服务、在需要时联系你。技能只在你同意的范围内供居委、微格长和分会会长查找。',
  },
  {
    title: '谁能看到',
    body: '手机号只有居委会能看到完整号码，其他人看到的是打码后的号码。你所在微格的微格长，以及你借的物品逾期未还时格子屋的值班人员，可以在小程序里一键给你打电话，页面上不显示号码，但拨号时对方手机会显示。微格分色只有居委会和你所在微格的微格长能看到。其他居民区看不到你的任何信息。',
  },
  {
    title: '你的权利',
    body: '你可以随时在“我的数据”里查看、导出全部信息，也可以注销账号：注销后个人资料会被清除，别人需要的记录（如过去的活动签到）会保留，但不再关联到你。',
  },
  {
    title: '保存多久',
    body: '资料在你使用期间保存；注销后立即清除个人资料。',
  },
];
