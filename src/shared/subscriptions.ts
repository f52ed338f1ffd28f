/**
 * One-time subscribe-message templates. WeChat gives one message per accepted tap, so every send spends one unit of
 * the person's quota for that template (cloudfunctions/_core/subscriptions.ts). `id` is the template id from the
 * mini-program console (订阅消息 → 我的模板): replace these placeholders before going live; locally any id lands in
 * the emulator's message log.
 */
export const SUBSCRIPTION_TEMPLATES = {
  'event-reminder': { id: 'event-reminder', title: '活动开始提醒' },
  'event-promoted': { id: 'event-promoted', title: '候补成功通知' },
  'event-cancelled': { id: 'event-cancelled', title: '活动取消通知' },
  'loan-due': { id: 'loan-due', title: '借用到期提醒' },
  'loan-overdue': { id: 'loan-overdue', title: '借用逾期提醒' },
  'hold-ready': { id: 'hold-ready', title: '预约保留提醒' },
  'donation-answered': { id: 'donation-answered', title: '捐赠处理结果' },
  'notice-published': { id: 'notice-published', title: '社区通知' },
  'notice-remind': { id: 'notice-remind', title: '通知未读提醒' },
} as const;

export type TemplateKey = keyof typeof SUBSCRIPTION_TEMPLATES;

export const TEMPLATE_KEYS = Object.keys(SUBSCRIPTION_TEMPLATES) as TemplateKey[];

/** WeChat's requestSubscribeMessage takes at most three templates per tap. */
export const MAX_TEMPLATES_PER_TAP = 3;

