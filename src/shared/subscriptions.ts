/**
 * One-time subscribe-message templates: the catalogue of what the code can send. WeChat gives one message per
 * accepted tap, so every send spends one unit of the person's quota for that template
 * (cloudfunctions/_core/subscriptions.ts).
 *
 * The code speaks in semantic fields (an event reminder has a title, a time, a place and a note). Which WeChat
 * template carries it, and which of that template's keywords (thing1, time2, phrase4 ...) each field fills, is
 * configuration per environment: `deploy/environments/<env>.json` maps every key here to `{ id, fields }`
 * (scripts/deploy/templates.ts loads and checks it; locally the ids are the keys themselves). No ids live here.
 */

/**
 * WeChat's keyword kinds (`<kind><n>`, e.g. thing1, character_string3) and the most characters a value of the kind
 * may have; null where the limit is a format rather than a length (time, date, amount).
 */
export const KEYWORD_LIMITS = {
  thing: 20,
  short_thing: 5,
  number: 32,
  letter: 32,
  symbol: 5,
  character_string: 32,
  time: null,
  date: null,
  amount: null,
  phone_number: 17,
  car_number: 8,
  name: 10,
  phrase: 5,
} as const;

export type KeywordKind = keyof typeof KEYWORD_LIMITS;

/** The kind of a keyword (`thing1` -> `thing`, `character_string3` -> `character_string`), or null if it is not one. */
export function keywordKind(keyword: string): KeywordKind | null {
  const match = /^([a-z]+(?:_[a-z]+)*)([1-9]\d*)$/.exec(keyword);
  const kind = match?.[1];
  return kind && Object.prototype.hasOwnProperty.call(KEYWORD_LIMITS, kind) ? (kind as KeywordKind) : null;
}

/** A value cut to what the keyword's kind accepts (a cut text ends with "…"). */
export function fitValue(kind: KeywordKind, value: string): string {
  const limit = KEYWORD_LIMITS[kind];
  const chars = Array.from(value);
  if (limit === null || chars.length <= limit) return value;
  if (kind === 'thing' || kind === 'name') return `${chars.slice(0, limit - 1).join('')}…`;
  return chars.slice(0, limit).join('');
}

/** One semantic field: what it is called in the console's keyword list, which kinds can carry it, and its fixed values. */
export interface TemplateField {
  label: string;
  kinds: readonly KeywordKind[];
  /** The only values the code puts there, when it is a fixed set: each must fit the configured kind. */
  values?: readonly string[];
}

const text = (label: string): TemplateField => ({ label, kinds: ['thing'] });
const when = (label: string): TemplateField => ({ label, kinds: ['time', 'date'] });

export const SUBSCRIPTION_TEMPLATES = {
  'event-reminder': {
    title: '活动开始提醒',
    fields: { title: text('活动名称'), time: when('开始时间'), place: text('活动地点'), note: text('温馨提示') },
  },
  'event-promoted': {
    title: '候补成功通知',
    fields: { title: text('活动名称'), time: when('开始时间'), place: text('活动地点'), note: text('温馨提示') },
  },
  'event-cancelled': {
    title: '活动取消通知',
    fields: { title: text('活动名称'), time: when('开始时间'), place: text('活动地点'), note: text('取消原因') },
  },
  'loan-due': { title: '借用到期提醒', fields: { item: text('物品名称'), due: when('归还时间'), note: text('温馨提示') } },
  'loan-overdue': { title: '借用逾期提醒', fields: { item: text('物品名称'), due: when('归还时间'), note: text('温馨提示') } },
  'hold-ready': { title: '预约保留提醒', fields: { item: text('物品名称'), until: when('保留至'), note: text('温馨提示') } },
  'donation-answered': {
    title: '捐赠处理结果',
    fields: {
      item: text('捐赠物品'),
      result: { label: '处理结果', kinds: ['phrase', 'short_thing', 'thing'], values: ['已收下', '已婉谢'] },
      reply: text('回复'),
    },
  },
  'notice-published': { title: '社区通知', fields: { title: text('通知标题'), writer: { label: '发布人', kinds: ['thing', 'name'] } } },
  'notice-remind': { title: '通知未读提醒', fields: { title: text('通知标题'), writer: { label: '发布人', kinds: ['thing', 'name'] } } },
  'stock-low': {
    title: '库存不足提醒',
    fields: { item: text('物品名称'), stock: { label: '剩余数量', kinds: ['number', 'character_string', 'thing'] }, note: text('温馨提示') },
  },
  'report-assigned': {
    title: '待处理上报提醒',
    fields: { title: text('问题类别'), place: text('问题地点'), time: when('上报时间'), note: text('温馨提示') },
  },
  'report-progress': {
    title: '上报处理进度通知',
    fields: {
      title: text('问题类别'),
      state: { label: '处理状态', kinds: ['phrase', 'short_thing', 'thing'], values: ['处理中', '等待居民', '待确认', '已办结', '已合并'] },
      note: text('处理说明'),
    },
  },
  'report-overdue': {
    title: '上报超时提醒',
    fields: { title: text('问题类别'), place: text('问题地点'), time: when('截止时间'), note: text('超时原因') },
  },
  'proposal-reached': {
    title: '议题待答复提醒',
    fields: { title: text('议题名称'), time: when('答复截止'), note: text('温馨提示') },
  },
  'proposal-answered': {
    title: '议题结果通知',
    fields: {
      title: text('议题名称'),
      state: { label: '议题结果', kinds: ['phrase', 'short_thing', 'thing'], values: ['已采纳', '部分采纳', '不采纳', '已合并', '待答复', '已归档'] },
      note: text('说明'),
    },
  },
  'project-progress': {
    title: '项目进展通知',
    fields: { title: text('项目名称'), percent: { label: '完成进度', kinds: ['character_string', 'thing'] }, note: text('进展说明') },
  },
  'survey-closed': { title: '问卷结束通知', fields: { title: text('问卷名称'), time: when('结束时间'), note: text('温馨提示') } },
  'care-paired': { title: '结对邀请通知', fields: { elder: text('结对老人'), plan: text('探访安排'), note: text('温馨提示') } },
  'care-concern': { title: '探访关注提醒', fields: { elder: text('老人'), time: when('探访时间'), note: text('关注情况') } },
  'care-missed': { title: '探访未完成提醒', fields: { elder: text('老人'), time: when('计划日期'), note: text('温馨提示') } },
} as const satisfies Record<string, { title: string; fields: Record<string, TemplateField> }>;

export type TemplateKey = keyof typeof SUBSCRIPTION_TEMPLATES;

export const TEMPLATE_KEYS = Object.keys(SUBSCRIPTION_TEMPLATES) as TemplateKey[];

/** The semantic fields a message of the template fills: every one, as text. */
export type TemplateValues<K extends TemplateKey> = { [F in keyof (typeof SUBSCRIPTION_TEMPLATES)[K]['fields']]: string };

/** The semantic field names of a template. */
export const templateFields = (key: TemplateKey): string[] => Object.keys(SUBSCRIPTION_TEMPLATES[key].fields);

/** WeChat's requestSubscribeMessage takes at most three templates per tap. */
export const MAX_TEMPLATES_PER_TAP = 3;
