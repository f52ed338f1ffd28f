/**
 * 爱心格子屋 (the sharing cabin): cabins with sections and opening hours, their inventory of four kinds of items,
 * holds and loans, consumables taken from stock, donation offers, charity sales and the duty roster. These are the
 * shapes the app sees; times are ISO strings (UTC), days and clock times are Asia/Shanghai.
 */
import type { ImageReview } from './media';


/** 可借用 single tracked units; 可领取 stock counts; 爱心义卖 sold once; 现场阅读 papers and magazines by issue. */
export const ITEM_KINDS = ['loanable', 'consumable', 'sale', 'reading'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const ITEM_KIND_LABELS: Record<ItemKind, string> = {
  loanable: '可借用',
  consumable: '免费领取',
  sale: '爱心义卖',
  reading: '现场阅读',
};

/**
 * Where an item stands. Loanable: available / on-hold / on-loan / in-repair / lost. Consumables and reading
 * items are available until retired; a sale item is available until sold. Retired items leave the shelves.
 */
export const ITEM_STATUSES = ['available', 'on-hold', 'on-loan', 'in-repair', 'lost', 'sold', 'retired'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = {
  available: '在架',
  'on-hold': '已预留',
  'on-loan': '已借出',
  'in-repair': '维修中',
  lost: '遗失',
  sold: '已售出',
  retired: '已下架',
};
/** The states a keeper may set by hand on a loanable item that is not on loan or held. */
export const KEEPER_SETTABLE_STATUSES = ['available', 'in-repair', 'lost', 'retired'] as const;
export type KeeperSettableStatus = (typeof KEEPER_SETTABLE_STATUSES)[number];

/** Loan rules are set per 居民区 and per class of loanable item. */
export const LOAN_CLASSES = ['book', 'tool', 'sewing', 'umbrella', 'other'] as const;
export type LoanClass = (typeof LOAN_CLASSES)[number];
export const LOAN_CLASS_LABELS: Record<LoanClass, string> = {
  book: '图书',
  tool: '工具',
  sewing: '针线包',
  umbrella: '雨伞',
  other: '其他',
};

export interface LoanRule {
  /** Days a loan runs; the due day moves on to the next day the cabin opens. */
  loanDays: number;
  /** Loans of this class one person may have open at once. */
  maxItems: number;
  /** Renewals allowed per loan (never while someone waits for or holds the item). */
  maxRenewals: number;
}

/** The loan rules of a 居民区: one per class, and how long a hold is kept. */
export interface LoanRules {
  classes: Record<LoanClass, LoanRule>;
  /** Hours a hold is kept for its holder before the item goes back on the shelf. */
  holdHours: number;
}

export const DEFAULT_LOAN_RULES: LoanRules = {
  classes: {
    book: { loanDays: 21, maxItems: 3, maxRenewals: 2 },
    tool: { loanDays: 7, maxItems: 2, maxRenewals: 1 },
    sewing: { loanDays: 7, maxItems: 1, maxRenewals: 1 },
    umbrella: { loanDays: 3, maxItems: 1, maxRenewals: 0 },
    other: { loanDays: 7, maxItems: 2, maxRenewals: 1 },
  },
  holdHours: 48,
};

/** A clock time in Shanghai, `HH:mm` (24-hour). */
export type ClockTime = string;
/** A calendar day in Shanghai, `YYYY-MM-DD`. */
export type DayString = string;

export interface TimeRange {
  from: ClockTime;
  to: ClockTime;
}

/** Opening hours per weekday: index 0 is 周一 (Monday) ... 6 is 周日 (Sunday); an empty day is closed. */
export type WeeklyHours = TimeRange[][];
export const WEEKDAY_LABELS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const;

/** A holiday or closure, whole days from `from` to `to` inclusive; for one section only when `sectionKey` is set. */
export interface Closure {
  from: DayString;
  to: DayString;
  reason: string;
  sectionKey?: string;
}

/** A shelf or corner of a cabin (报刊架, 共享书架, 针线包 ...); `hours` null means the cabin's own hours. */
export interface SectionView {
  key: string;
  name: string;
  hours: WeeklyHours | null;
  /** Open now / opens at, by the section's hours and the closures. */
  openState: OpenState;
}

/** now: borrow or take it at once; reserve: closed, hold it now and collect at opening; later: closed, come at opening. */
export type ShelfChance = 'now' | 'reserve' | 'later' | 'none';

/** What a resident can do with an item given its state and its section's hours (src/shared/rules/cabin-shelf.ts). */
export interface ShelfState {
  chance: ShelfChance;
  /** Ready to show on a card, or '' when nothing is on offer. */
  label: string;
}

/** "Open now / opens at" for a cabin or a section. */
export interface OpenState {
  open: boolean;
  /** When open: when it closes. */
  closesAt: string | null;
  /** When closed: when it next opens (within two weeks), or null. */
  opensAt: string | null;
  /** When closed by a holiday or closure: its reason. */
  closedFor: string | null;
  /** Ready to show: 开放中，10:00 关门 / 今天 14:00 开门 / 明天 9:00 开门 / 周三 9:00 开门 / 暂停开放. */
  label: string;
}

export interface DutyShiftView {
  id: string;
  cabinId: string;
  date: DayString;
  from: ClockTime;
  to: ClockTime;
  memberId: string;
  memberName: string;
  /** Whole half-hours posted to the ledger for it, or null while not posted. */
  postedHalfHours: number | null;
}

export interface PersonView {
  memberId: string;
  name: string;
}

export interface CabinSummaryView {
  id: string;
  name: string;
  place: string;
  openState: OpenState;
}

export interface CabinView extends CabinSummaryView {
  description: string;
  hours: WeeklyHours;
  closures: Closure[];
  sections: SectionView[];
  /** Who is on duty now (shifts covering this moment). */
  onDuty: PersonView[];
  /** The caller keeps this cabin (manage items, stock, donations, sales, roster). */
  canManage: boolean;
  /** The caller may lend and take back at the desk (keepers and the cabin's duty volunteers). */
  canDesk: boolean;
  /** The committee: set up cabins, hours, keepers, volunteers, rules; post duty hours. */
  canSetup: boolean;
  /** Shown to those who can manage it. */
  keepers?: PersonView[];
  volunteers?: PersonView[];
}

/** An item as it shows in lists. */
export interface ItemSummaryView {
  id: string;
  cabinId: string;
  sectionKey: string;
  sectionName: string;
  kind: ItemKind;
  name: string;
  photo: string | null;
  status: ItemStatus;
  /** Loanable: its class. */
  loanClass: LoanClass | null;
  /** Consumable: units on the shelf. */
  stock: number | null;
  unit: string | null;
  /** Sale: price in fen (分). */
  priceFen: number | null;
  /** Reading: issue date. */
  issueDate: DayString | null;
  /** Can be taken or borrowed right now by the caller: on the shelf (or held for them) and its section open. */
  availableNow: boolean;
  /** What the caller can do with it given the hours (现在可借 / 可预约，明天 9:00 开门后来取 / ...). */
  shelf: ShelfState;
  /** Keepers' view: consumable stock at or below its threshold. */
  lowStock?: boolean;
}

/** `pendingImages` / `refusedImages`: a new photo under check and the refusal note, for the cabin's managers only. */
export interface ItemView extends ItemSummaryView, ImageReview {
  cabinName: string;
  /** Open now / opens at, of the item's section (the paper rack keeps its own hours). */
  openState: OpenState;
  description: string;
  /** Condition notes (a keeper's, updated at each return). */
  condition: string;
  /** Consumable: the keeper's low-stock threshold. */
  lowStockAt: number | null;
  /** Loanable: people waiting for it (no names). */
  waiting: number;
  /** Loanable: how many times it has been lent (the history residents see, without names). */
  timesLent: number;
  /** When it came to the cabin. */
  since: string;
  /** Loanable: the caller's own hold or place in the queue. */
  myHold: HoldView | null;
  /** Loanable: the caller's own open loan of it. */
  myLoan: LoanView | null;
  /** Loanable: what a loan of it would run to, if borrowed now. */
  loanRule: LoanRule | null;
  /** The mini-program code scene for the item's QR label (`i=<itemId>`). */
  scene: string;
  /** Keepers only: who holds or has it, and when it is due back. */
  holderName?: string | null;
  /** The open loan of it, for taking it back at the desk. */
  loanId?: string | null;
  dueAt?: string | null;
  holdUntil?: string | null;
  canManage: boolean;
  canDesk: boolean;
}

export type HoldStatus = 'waiting' | 'ready' | 'fulfilled' | 'expired' | 'cancelled';
export const HOLD_STATUS_LABELS: Record<HoldStatus, string> = {
  waiting: '排队中',
  ready: '已为你预留',
  fulfilled: '已借到',
  expired: '预留已过期',
  cancelled: '已取消',
};

/**
 * A hold: on an available item it is `ready` at once (kept until `holdUntil`); on a lent item the caller joins the
 * queue (`waiting`) and it becomes `ready` when the item comes back.
 */
export interface HoldView {
  id: string;
  itemId: string;
  itemName: string;
  cabinId: string;
  status: HoldStatus;
  /** 1-based place in the queue while waiting. */
  position: number | null;
  holdUntil: string | null;
  createdAt: string;
}

export type LoanStatus = 'open' | 'returned';

export interface LoanView {
  id: string;
  itemId: string;
  itemName: string;
  cabinId: string;
  loanClass: LoanClass;
  status: LoanStatus;
  borrowedAt: string;
  dueAt: string;
  /** The due day in Shanghai, for display. */
  dueDate: DayString;
  overdue: boolean;
  renewals: number;
  /** Can be renewed now (renewals left, nobody waiting, not overdue past the rules). */
  canRenew: boolean;
  returnedAt: string | null;
  /** Lent at the desk by a duty volunteer. */
  atDesk: boolean;
  /** Keepers' views only; the phone masked (139****1001): the desk calls through cabin.borrowerPhone. */
  borrowerName?: string;
  borrowerPhone?: string;
  returnCondition?: string | null;
}

/** Why a consumable's stock moved; every change is one of these, recorded. */
export type MovementKind = 'create' | 'restock' | 'take' | 'correct';
export const MOVEMENT_LABELS: Record<MovementKind, string> = {
  create: '入库',
  restock: '补充',
  take: '领取',
  correct: '盘点调整',
};

/** One line of an item's history (keepers see names; what happened to it, who and when). */
export type HistoryKind =
  | MovementKind
  | 'added'
  | 'edited'
  | 'held'
  | 'hold-released'
  | 'lent'
  | 'renewed'
  | 'returned'
  | 'status'
  | 'sold';
export const HISTORY_LABELS: Record<HistoryKind, string> = {
  ...MOVEMENT_LABELS,
  added: '上架',
  edited: '修改信息',
  held: '预留',
  'hold-released': '预留释放',
  lent: '借出',
  renewed: '续借',
  returned: '归还',
  status: '状态变更',
  sold: '义卖售出',
};

export interface HistoryView {
  id: string;
  kind: HistoryKind;
  /** Stock change for movements. */
  delta: number | null;
  /** Who it concerns (the borrower, the taker); for keepers. */
  memberName: string | null;
  /** Who did it (a keeper, a duty volunteer, the resident). */
  byName: string;
  note: string;
  at: string;
}

export type DonationStatus = 'offered' | 'accepted' | 'declined' | 'withdrawn';
export const DONATION_STATUS_LABELS: Record<DonationStatus, string> = {
  offered: '待回复',
  accepted: '已收下',
  declined: '已婉谢',
  withdrawn: '已撤回',
};

/** `pendingImages` / `refusedImages`: the photo under check and the refusal note, for the donor only. */
export interface DonationView extends ImageReview {
  id: string;
  cabinId: string;
  what: string;
  description: string;
  condition: string;
  photo: string | null;
  status: DonationStatus;
  /** The keeper's thanks and reason when declined, or note when accepted. */
  answer: string | null;
  /** The item it became. */
  itemId: string | null;
  createdAt: string;
  answeredAt: string | null;
  /** Keepers only. */
  donorName?: string;
}

export interface SaleView {
  id: string;
  itemId: string;
  itemName: string;
  priceFen: number;
  note: string;
  soldByName: string;
  soldAt: string;
}

export interface MonthlyReport {
  cabinId: string;
  /** `YYYY-MM`, Shanghai. */
  month: string;
  loans: number;
  returns: number;
  /** Most borrowed items of the month, at most 5. */
  mostBorrowed: { itemId: string; name: string; loans: number }[];
  /** Consumables taken in the month, most first. */
  stockUsed: { itemId: string; name: string; taken: number; unit: string }[];
  donations: { offered: number; accepted: number; declined: number };
  sales: { count: number; proceedsFen: number };
  /** Whole half-hours of duty shifts in the month. */
  dutyHalfHours: number;
}

/** What the home page shows above the lists. */
export interface CabinHomeView {
  cabins: CabinSummaryView[];
  /** The caller's open loans (overdue first) and live holds, for the badges. */
  myOpenLoans: number;
  myOverdue: number;
  myHolds: number;
  /** The caller keeps or runs the desk of some cabin. */
  canManage: boolean;
  canDesk: boolean;
  canSetup: boolean;
}

/** A resident as the desk finds them to lend to: no full phone number. */
export interface ResidentMatch {
  memberId: string;
  name: string;
  building: string;
  /** The last four digits of their phone. */
  phoneTail: string;
}

/** The result of taking consumables. */
export interface TakeResult {
  item: ItemSummaryView;
  taken: number;
  /** A repeated tap answered the first take. */
  already: boolean;
}

/** The QR label of an item opens the item page with `scene=i=<itemId>`; a shelf label `s=<cabinId>.<sectionKey>`. */
export const ITEM_PAGE = 'packages/cabin/pages/item/index';
export const HOME_PAGE = 'packages/cabin/pages/home/index';
export const ITEM_SCENE_PREFIX = 'i=';
export const SHELF_SCENE_PREFIX = 's=';

export type CabinScene = { itemId: string } | { cabinId: string; sectionKey: string };

/** Reads a scanned scene (also URL-encoded, as a mini-program code hands it over); null when it is not ours. */
export function parseCabinScene(raw: string): CabinScene | null {
  let scene = raw.trim();
  try {
    scene = decodeURIComponent(scene);
  } catch {
    return null;
  }
  if (scene.startsWith(ITEM_SCENE_PREFIX)) {
    const itemId = scene.slice(ITEM_SCENE_PREFIX.length);
    return /^[A-Za-z0-9_-]{1,30}$/.test(itemId) ? { itemId } : null;
  }
  if (scene.startsWith(SHELF_SCENE_PREFIX)) {
    const [cabinId, sectionKey] = scene.slice(SHELF_SCENE_PREFIX.length).split('.');
    return cabinId && sectionKey ? { cabinId, sectionKey } : null;
  }
  return null;
}

export const itemScene = (itemId: string): string => `${ITEM_SCENE_PREFIX}${itemId}`;
export const shelfScene = (cabinId: string, sectionKey: string): string => `${SHELF_SCENE_PREFIX}${cabinId}.${sectionKey}`;
/** WeChat's limit on a mini-program code's scene. */
export const SCENE_MAX = 32;

/** Fen to a price label: 500 -> ¥5.00. */
export function formatFen(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`;
}
