import type { NoticeMode, NoticeQuestion } from './domain/notices';

/**
 * Ready-made notices a writer starts from. Text in 【】 is for the writer to fill in; the function refuses nothing
 * about it, the content check still runs on what is published.
 */
export interface NoticeTemplate {
  key: string;
  name: string;
  title: string;
  body: string;
  mode: NoticeMode;
  question: NoticeQuestion | null;
}

export const NOTICE_TEMPLATES: readonly NoticeTemplate[] = [
  {
    key: 'outage',
    name: '停水停电通知',
    title: '【日期】停水停电通知',
    body:
      '各位居民：\n因【原因，如管道维修】，【楼栋】将于【日期】【开始时间】至【结束时间】停【水/电】。' +
      '请提前储水、关好水龙头和电器开关。家中有老人独居、需要帮助的，请告诉微格长。\n给大家添麻烦了，谢谢理解！',
    mode: 'reply',
    question: { text: '停水停电期间家中是否有人？', options: ['有人在家', '家中无人', '需要帮助'] },
  },
  {
    key: 'event-call',
    name: '活动召集',
    title: '【活动名称】邀您参加',
    body:
      '各位邻居：\n【日期】【时间】在【地点】举办【活动名称】，欢迎大家参加。\n' +
      '【活动内容，如义诊、理发、旧物交换】\n能来的请点“收到”，方便我们准备。',
    mode: 'confirm',
    question: null,
  },
  {
    key: 'safety-charging',
    name: '安全提醒：飞线充电',
    title: '安全提醒：请勿飞线充电',
    body:
      '各位居民：\n电动自行车飞线充电、楼道内充电容易引发火灾，危及全楼邻居的安全。' +
      '请到小区【充电桩位置】集中充电，不要把电动车推进楼道和家中。\n看到后请点“收到”，谢谢配合！',
    mode: 'confirm',
    question: null,
  },
  {
    key: 'corridor-clutter',
    name: '楼道堆物清理',
    title: '请清理楼道堆物',
    body:
      '各位居民：\n楼道是逃生通道，堆放杂物会挡住消防通道。请在【日期】前把放在【楼栋】楼道里的杂物搬回家或处理掉，' +
      '到期后居委会同志将上门协助清理。需要帮忙搬运的，请告诉微格长。',
    mode: 'reply',
    question: { text: '您家楼道是否还有堆物？', options: ['已清理', '需要帮忙搬运', '没有堆物'] },
  },
];

export function findNoticeTemplate(key: string): NoticeTemplate | undefined {
  return NOTICE_TEMPLATES.find((t) => t.key === key);
}
