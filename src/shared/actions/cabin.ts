import * as v from 'valibot';
import type { ActionMap } from '../action';
import { action } from '../action';
import {
  DONATION_STATUS_LABELS,
  ITEM_KINDS,
  KEEPER_SETTABLE_STATUSES,
  LOAN_CLASSES,
  type CabinHomeView,
  type CabinView,
  type DonationStatus,
  type DonationView,
  type DutyShiftView,
  type HistoryView,
  type HoldView,
  type ItemSummaryView,
  type ItemView,
  type LoanRules,
  type LoanView,
  type MonthlyReport,
  type ResidentMatch,
  type SaleView,
  type TakeResult,
} from '../domain/cabin';
import type { Page } from '../result';
import { isClockTime, isDayString, rangesValid } from '../rules/cabin-hours';
import { idSchema, multilineText, photoSchema as photo, requestIdSchema as requestId, requiredText, text } from '../schemas';

const id = idSchema(80);
const page = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)), 1);
const count = (label: string, min: number, max: number) =>
  v.pipe(v.number(`请填写${label}`), v.integer(`${label}要是整数`), v.minValue(min, `${label}至少${min}`), v.maxValue(max, `${label}最多${max}`));
const day = (label: string) => v.pipe(v.string(`请选择${label}`), v.check(isDayString, `${label}格式不对`));
const clockTime = (label: string) => v.pipe(v.string(`请填写${label}`), v.check(isClockTime, `${label}要像 09:00 这样填写`));
const month = v.pipe(v.string('请选择月份'), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式不对'));
const phone = v.pipe(v.string('请填写11位手机号'), v.trim(), v.regex(/^1\d{10}$/, '请填写11位手机号'));
const phones = (label: string, max: number) =>
  v.optional(
    v.pipe(v.array(phone, '手机号格式不对'), v.maxLength(max, `最多${max}位${label}`), v.transform((list) => [...new Set(list)])),
    [],
  );
/** Short enough for a shelf label's scene (`s=<cabinId>.<sectionKey>`, at most 32 characters). */
const sectionKey = v.pipe(v.string('请选择区域'), v.regex(/^[a-z0-9-]{1,19}$/, '区域编号只能用小写字母、数字和-，最多19个'));

const timeRange = v.pipe(
  v.object({ from: clockTime('开始时间'), to: clockTime('结束时间') }),
  v.check((r) => r.from < r.to, '结束时间要晚于开始时间'),
);
/** Index 0 is 周一 ... 6 is 周日; up to 4 ranges a day, in order and not overlapping. */
const weeklyHours = v.pipe(
  v.array(v.pipe(v.array(timeRange), v.maxLength(4, '每天最多4个时段'), v.check((ranges) => rangesValid(ranges), '同一天的时段不能重叠')), '请填写开放时间'),
  v.length(7, '请填写一周七天的开放时间'),
);
const closure = v.pipe(
  v.object({ from: day('开始日期'), to: day('结束日期'), reason: requiredText('闭馆原因', 30), sectionKey: v.optional(sectionKey) }),
  v.check((c) => c.from <= c.to, '结束日期不能早于开始日期'),
);
const section = v.object({ key: sectionKey, name: requiredText('区域名称', 12), hours: v.optional(v.nullable(weeklyHours), null) });

const cabinFields = v.pipe(
  v.object({
    name: requiredText('名称', 20),
    place: requiredText('地点', 40),
    description: multilineText('介绍', 300),
    hours: weeklyHours,
    sections: v.pipe(v.array(section, '请至少设置一个区域'), v.minLength(1, '请至少设置一个区域'), v.maxLength(12, '最多12个区域')),
    closures: v.optional(v.pipe(v.array(closure), v.maxLength(30, '最多30条闭馆安排')), []),
  }),
  v.forward(
    v.check((c) => new Set(c.sections.map((s) => s.key)).size === c.sections.length, '区域编号不能重复'),
    ['sections'],
  ),
  v.forward(
    v.check((c) => c.closures.every((x) => !x.sectionKey || c.sections.some((s) => s.key === x.sectionKey)), '闭馆安排里的区域不存在'),
    ['closures'],
  ),
);
export type CabinInput = v.InferInput<typeof cabinFields>;

const common = {
  sectionKey,
  name: requiredText('名称', 30),
  description: v.optional(multilineText('介绍', 300), ''),
  photo,
  /** Condition notes: 九成新, 缺一根针 ... */
  condition: v.optional(text('品相说明', 100), ''),
};
/** An item's fields by kind: what a keeper fills in (a consumable's starting stock only when it is added). */
const itemFields = v.variant(
  'kind',
  [
    v.object({ kind: v.literal('loanable'), ...common, loanClass: v.picklist(LOAN_CLASSES, '请选择借用类别') }),
    v.object({
      kind: v.literal('consumable'),
      ...common,
      stock: v.optional(count('数量', 0, 100_000), 0),
      unit: v.optional(requiredText('单位', 4), '个'),
      lowStockAt: v.optional(count('提醒数量', 0, 10_000), 0),
    }),
    v.object({ kind: v.literal('sale'), ...common, priceFen: count('价格（分）', 1, 10_000_000) }),
    v.object({ kind: v.literal('reading'), ...common, issueDate: day('刊期') }),
  ],
  '请选择物品类别',
);
export type ItemInput = v.InferInput<typeof itemFields>;

const loanRule = v.object({
  loanDays: count('借期天数', 1, 90),
  maxItems: count('每人最多借', 1, 20),
  maxRenewals: count('续借次数', 0, 5),
});
const loanRules = v.object({
  classes: v.object({ book: loanRule, tool: loanRule, sewing: loanRule, umbrella: loanRule, other: loanRule }),
  holdHours: count('预留小时数', 1, 168),
});

const DONATION_STATUSES = Object.keys(DONATION_STATUS_LABELS) as DonationStatus[];

/** What a subscribe message send answered (the platform's quota ledger). */
/** `queued`: WeChat did not take it yet, it is retried; `failed`: given up after retries. */
export type RemindOutcome = 'sent' | 'no-quota' | 'refused' | 'no-account' | 'already' | 'queued' | 'failed';

const BORROW_ERRORS = [
  'COMMON.FORBIDDEN',
  'COMMON.NOT_FOUND',
  'CABIN.NOT_LOANABLE',
  'CABIN.RETIRED',
  'CABIN.NOT_AVAILABLE',
  'CABIN.HELD_FOR_OTHER',
  'CABIN.HAS_OVERDUE',
  'CABIN.LOAN_LIMIT',
  'COMMON.BUSY',
] as const;
/**
 * The request id of an action that only sends a message beside its writes: one per tap, optional (an older app sends
 * none). It names the call's messages, so the retry of a call that died after queuing one sends it at once; without
 * it the message-outbox timer sends it when the dead call's lease runs out.
 */
const tapRequestId = v.optional(requestId);
const ITEM_EDIT_ERRORS = ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'COMMON.CONTENT_REJECTED', 'CABIN.SECTION_NOT_FOUND'] as const;

export const cabinActions = {
  // ---- Residents -------------------------------------------------------------------------------------------
  /** The cabins of the caller's 居民区 with "open now / opens at", and the caller's own loan and hold counts. */
  home: action<CabinHomeView>()({
    input: v.object({}),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /** One cabin: sections with their own open state, hours, closures, who is on duty now, the caller's rights. */
  cabin: action<{ cabin: CabinView }>()({
    input: v.object({ cabinId: id }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /**
   * Browse and search a cabin's items, 20 a page: by section, kind, available now, and words of the name.
   * Retired items are left out (keepers may include them).
   */
  items: action<Page<ItemSummaryView>>()({
    input: v.object({
      cabinId: id,
      sectionKey: v.optional(sectionKey),
      kind: v.optional(v.picklist(ITEM_KINDS, '请选择物品类别')),
      availableNow: v.optional(v.boolean(), false),
      /** 只看现在可借: only what the caller can borrow or take this minute, its section open (borrowableNow). */
      borrowableNow: v.optional(v.boolean(), false),
      query: v.optional(text('搜索词', 20), ''),
      includeRetired: v.optional(v.boolean(), false),
      /** Staff: consumables at or below their low-stock threshold only. */
      lowStockOnly: v.optional(v.boolean(), false),
      page,
    }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /** One item, with the caller's own hold and loan of it; keepers also see who has it and until when. */
  item: action<{ item: ItemView }>()({
    input: v.object({ itemId: id }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /** Holds an available loanable item for the caller (kept for the rules' hold hours), or joins its queue while it is lent. */
  hold: action<{ hold: HoldView }>()({
    input: v.object({ itemId: id, requestId }),
    errors: [...BORROW_ERRORS, 'CABIN.ALREADY_HELD'],
  }),

  /** The caller gives up their hold or place in the queue; a ready hold puts the item back on the shelf (or to the next in line). */
  cancelHold: action<{ hold: HoldView }>()({
    input: v.object({ holdId: id, requestId: tapRequestId }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /**
   * Borrows a loanable item (scanned at the cabin: the page reads `itemId` from the scene with parseCabinScene).
   * An item held for the caller is lent to them; one held for someone else only after the hold ran out.
   */
  borrow: action<{ loan: LoanView }>()({
    input: v.object({ itemId: id, requestId }),
    errors: [...BORROW_ERRORS, 'CABIN.CLOSED'],
  }),

  /** Renews the caller's loan by the class's loan length, while renewals are left, nobody waits and it is not overdue. */
  renew: action<{ loan: LoanView }>()({
    input: v.object({ loanId: id, requestId }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'CABIN.LOAN_CLOSED', 'CABIN.RENEW_LIMIT', 'CABIN.SOMEONE_WAITING', 'CABIN.OVERDUE_NO_RENEW'],
  }),

  /** Takes units of a consumable; stock never goes below zero and each take is a recorded movement. */
  take: action<TakeResult>()({
    input: v.object({ itemId: id, quantity: v.optional(count('数量', 1, 20), 1), requestId }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'CABIN.NOT_CONSUMABLE', 'CABIN.RETIRED', 'CABIN.OUT_OF_STOCK', 'CABIN.NOT_ENOUGH_STOCK', 'CABIN.CLOSED'],
  }),

  /** The caller's own loans (open ones: overdue first, then soonest due; returned ones: newest first), 20 a page. */
  myLoans: action<Page<LoanView>>()({
    input: v.object({ status: v.optional(v.picklist(['open', 'returned'] as const), 'open'), page }),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /** The caller's live holds (ready and waiting), 20 a page. */
  myHolds: action<Page<HoldView>>()({
    input: v.object({ page }),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /** Offers a donation (photo, what, its condition); the text passes the content check. */
  offerDonation: action<{ donation: DonationView }>()({
    input: v.object({
      cabinId: id,
      what: requiredText('捐赠物品', 30),
      description: multilineText('说明', 300),
      condition: requiredText('新旧程度', 50),
      photo,
      requestId,
    }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'COMMON.CONTENT_REJECTED'],
  }),

  /** The caller's donation offers, newest first, 20 a page. */
  myDonations: action<Page<DonationView>>()({
    input: v.object({ page }),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /** The donor takes back an offer not yet answered. */
  withdrawDonation: action<{ donation: DonationView }>()({
    input: v.object({ donationId: id }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'CABIN.DONATION_ANSWERED'],
  }),

  // ---- The desk (keepers and the cabin's duty volunteers) --------------------------------------------------
  /**
   * Lends an item at the desk to a resident, named by their phone or by a `residents` match (recorded as a proxy
   * action); the same rules as borrow.
   */
  lend: action<{ loan: LoanView }>()({
    input: v.pipe(
      v.object({ itemId: id, phone: v.optional(phone), memberId: v.optional(id), requestId }),
      v.check((x) => !!x.phone || !!x.memberId, '请选择借用的居民'),
    ),
    errors: [...BORROW_ERRORS, 'CABIN.PERSON_NOT_FOUND'],
  }),

  /** The desk finds residents of the 居民区 to lend to: by the start of their name or a whole phone number, 20 a page. */
  residents: action<Page<ResidentMatch>>()({
    input: v.object({ cabinId: id, query: requiredText('姓名或手机号', 20), page }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /**
   * Takes a loan back with a condition note; the item goes back on the shelf (or to repair, or is marked lost),
   * and to the first in the queue as a ready hold. A repeated confirmation answers the same return.
   */
  takeBack: action<{ loan: LoanView; item: ItemSummaryView; heldForNext: boolean }>()({
    input: v.object({
      loanId: id,
      condition: text('归还时的品相', 100),
      status: v.optional(v.picklist(['available', 'in-repair', 'lost'] as const, '请选择归还后的状态'), 'available'),
      requestId: tapRequestId,
    }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /** Loans of a cabin (open ones, overdue first; or overdue only), 20 a page. */
  loans: action<Page<LoanView>>()({
    input: v.object({ cabinId: id, overdueOnly: v.optional(v.boolean(), false), page }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /** Reminds the borrower of an overdue loan by a subscribe message, at most once a day per loan. */
  remind: action<{ outcome: RemindOutcome }>()({
    input: v.object({ loanId: id, requestId: tapRequestId }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'CABIN.LOAN_CLOSED'],
  }),

  /**
   * The borrower's phone number of an overdue open loan, for the desk's 打电话 button to dial at once (never shown):
   * only to the cabin's desk (keepers, duty volunteers, the committee).
   */
  borrowerPhone: action<{ phone: string }>()({
    input: v.object({ loanId: id }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'CABIN.LOAN_CLOSED', 'CABIN.NOT_OVERDUE', 'CABIN.NO_PHONE'],
  }),

  // ---- Keepers -----------------------------------------------------------------------------------------------
  /** Adds an item to a cabin; the form's request id makes a retry add it once. */
  createItem: action<{ item: ItemView }>()({
    input: v.object({ cabinId: id, item: itemFields, requestId }),
    errors: ITEM_EDIT_ERRORS,
  }),

  /** Changes an item's details (its kind stays; a consumable's stock moves only by restock and takes). */
  updateItem: action<{ item: ItemView }>()({
    input: v.object({ itemId: id, item: itemFields }),
    errors: [...ITEM_EDIT_ERRORS, 'CABIN.KIND_CHANGED'],
  }),

  /** Sets a loanable item in repair, lost, back on the shelf, or retires any item; not while it is lent or held. */
  setStatus: action<{ item: ItemView }>()({
    input: v.object({ itemId: id, status: v.picklist(KEEPER_SETTABLE_STATUSES, '请选择状态'), note: text('说明', 100), requestId: tapRequestId }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'CABIN.STATUS_LOCKED', 'CABIN.NOT_LOANABLE'],
  }),

  /** Adds stock (or corrects it down after a count) with a recorded movement; never below zero. */
  restock: action<{ item: ItemView }>()({
    input: v.object({ itemId: id, delta: v.pipe(count('数量', -100_000, 100_000), v.check((n) => n !== 0, '数量不能为0')), note: text('说明', 100), requestId }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'CABIN.NOT_CONSUMABLE', 'CABIN.STOCK_BELOW_ZERO'],
  }),

  /** An item's history, newest first, 20 a page. */
  history: action<Page<HistoryView>>()({
    input: v.object({ itemId: id, page }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /** Records a charity sale: the item is sold once and the proceeds recorded (the price paid, default its price). */
  recordSale: action<{ sale: SaleView }>()({
    input: v.object({ itemId: id, priceFen: v.optional(count('成交价（分）', 0, 10_000_000)), note: text('备注', 50), requestId }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'CABIN.NOT_FOR_SALE', 'CABIN.SOLD', 'CABIN.RETIRED'],
  }),

  /** A cabin's charity sales, newest first, 20 a page. */
  sales: action<Page<SaleView>>()({
    input: v.object({ cabinId: id, page }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /** Donation offers to a cabin (default: those waiting for an answer), 20 a page. */
  donations: action<Page<DonationView>>()({
    input: v.object({ cabinId: id, status: v.optional(v.picklist(DONATION_STATUSES), 'offered'), page }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /** Accepts a donation into the inventory as a new item (the keeper fills in its details); the donor is told. */
  acceptDonation: action<{ donation: DonationView; item: ItemView }>()({
    input: v.object({ donationId: id, item: itemFields, note: text('感谢的话', 100), requestId: tapRequestId }),
    errors: [...ITEM_EDIT_ERRORS, 'CABIN.DONATION_ANSWERED'],
  }),

  /** Declines a donation with thanks and a reason; the donor is told. */
  declineDonation: action<{ donation: DonationView }>()({
    input: v.object({ donationId: id, reason: requiredText('婉谢的原因', 100), requestId: tapRequestId }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'COMMON.CONTENT_REJECTED', 'CABIN.DONATION_ANSWERED'],
  }),

  /** The month's report of a cabin: loans, most borrowed, stock used, donations, sale proceeds, duty hours. */
  report: action<MonthlyReport>()({
    input: v.object({ cabinId: id, month }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /**
   * The QR label of a shelf (a mini-program code opening the cabin's home page on that section, `scene` =
   * `s=<cabinId>.<sectionKey>`; locally an ordinary QR). `image` is null when the scene would not fit.
   */
  shelfCode: action<{ page: string; scene: string; image: string | null }>()({
    input: v.object({ cabinId: id, sectionKey }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'CABIN.SECTION_NOT_FOUND'],
  }),

  /** The QR label of an item (a mini-program code opening the item page; locally an ordinary QR). */
  itemCode: action<{ page: string; scene: string; image: string }>()({
    input: v.object({ itemId: id }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /** A cabin's duty shifts from a day on (default today), in time order, 20 a page. */
  shifts: action<Page<DutyShiftView>>()({
    input: v.object({ cabinId: id, from: v.optional(day('日期')), page }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  /** Puts a keeper or duty volunteer on the roster for a shift, repeated weekly for `weeks` weeks. */
  addShifts: action<{ shifts: DutyShiftView[] }>()({
    input: v.pipe(
      v.object({ cabinId: id, memberId: id, date: day('日期'), from: clockTime('开始时间'), to: clockTime('结束时间'), weeks: v.optional(count('重复周数', 1, 12), 1) }),
      v.forward(v.check((s) => s.from < s.to, '结束时间要晚于开始时间'), ['to']),
    ),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'CABIN.NOT_ON_ROSTER'],
  }),

  /** Takes a shift off the roster (not once its hours are posted). */
  removeShift: action<{ removed: boolean }>()({
    input: v.object({ shiftId: id }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND'],
  }),

  // ---- The committee -----------------------------------------------------------------------------------------
  /** Creates a cabin (no cabinId; the request id makes a retry create it once) or changes one; a section with items stays. */
  saveCabin: action<{ cabin: CabinView }>()({
    input: v.object({ cabinId: v.optional(id), cabin: cabinFields, requestId }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'COMMON.CONTENT_REJECTED', 'CABIN.SECTION_IN_USE'],
  }),

  /** Names a cabin's keepers and duty volunteers by phone (approved members of the 居民区). */
  setStaff: action<{ cabin: CabinView }>()({
    input: v.object({ cabinId: id, keeperPhones: phones('管理员', 10), volunteerPhones: phones('值班志愿者', 30) }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'CABIN.PERSON_NOT_FOUND', 'CABIN.NOT_A_MEMBER'],
  }),

  /** The 居民区's loan rules per item class (defaults until the committee sets them). */
  rules: action<LoanRules>()({
    input: v.object({}),
    errors: ['COMMON.FORBIDDEN'],
  }),

  setRules: action<LoanRules>()({
    input: v.object({ rules: loanRules }),
    errors: ['COMMON.FORBIDDEN'],
  }),

  /** Posts a finished duty shift's hours to the ledger (source 'duty', once per shift however often asked). */
  postDuty: action<{ shift: DutyShiftView; posted: boolean }>()({
    input: v.object({ shiftId: id }),
    errors: ['COMMON.FORBIDDEN', 'COMMON.NOT_FOUND', 'CABIN.SHIFT_NOT_ENDED', 'LEDGER.ENTRY_TAKEN'],
  }),
} satisfies ActionMap;
