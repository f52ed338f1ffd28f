import { createHash } from 'crypto';
import { imageFields, imageReviewOf } from '../_core/media-check';
import { maskPhone } from '../../src/shared/domain/member';
import {
  ITEM_PAGE,
  type Closure,
  type DonationStatus,
  type DonationView,
  type DutyShiftView,
  type HistoryKind,
  type HistoryView,
  type HoldStatus,
  type HoldView,
  type ItemKind,
  type ItemStatus,
  type ItemSummaryView,
  type LoanClass,
  type LoanRules,
  type LoanStatus,
  type LoanView,
  type OpenState,
  type PersonView,
  type SaleView,
  type WeeklyHours,
} from '../../src/shared/domain/cabin';
import type { ItemInput } from '../../src/shared/actions/cabin';
import { dayOf, openState } from '../../src/shared/rules/cabin-hours';
import { isOverdue } from '../../src/shared/rules/cabin-loans';
import { shelfState } from '../../src/shared/rules/cabin-shelf';

/** A short id from its parts, so a retried request lands on the same document and a label's scene stays short. */
export function shortId(prefix: string, ...parts: string[]): string {
  return `${prefix}${createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 16)}`;
}

export interface SectionDoc {
  key: string;
  name: string;
  hours: WeeklyHours | null;
}

export interface CabinDoc {
  _id: string;
  communityId: string;
  name: string;
  place: string;
  description: string;
  hours: WeeklyHours;
  sections: SectionDoc[];
  closures: Closure[];
  /** Keepers manage items, stock, sales, donations and the roster. */
  keeperIds: string[];
  /** Duty volunteers lend and take back at the desk. */
  volunteerIds: string[];
  /** Names of both, for the views. */
  staff: PersonView[];
  createdAt: Date;
  updatedAt: Date;
}

export interface RulesDoc extends LoanRules {
  _id: string;
  communityId: string;
  updatedBy: string;
  updatedAt: Date;
}

export interface ItemDoc {
  _id: string;
  communityId: string;
  cabinId: string;
  sectionKey: string;
  kind: ItemKind;
  name: string;
  description: string;
  /** A photo that passed the image check; a new one waits in pendingImages (_core/media-check.ts). */
  photo: string | null;
  pendingImages?: string[];
  refusedImages?: number;
  condition: string;
  status: ItemStatus;
  loanClass: LoanClass | null;
  /** Loanable: who holds it (on-hold) or has it (on-loan). */
  holderId: string | null;
  holdId: string | null;
  holdUntil: Date | null;
  loanId: string | null;
  dueAt: Date | null;
  /** Loanable: people in its queue, moved by `_.inc` with each queue place. */
  waiting: number;
  /** Loanable: times lent. */
  loans: number;
  stock: number | null;
  unit: string | null;
  lowStockAt: number | null;
  /** Consumable: restocks so far; a low-stock alert is sent once per restock round. */
  restocks: number;
  priceFen: number | null;
  /** Sale: the request that sold it, so a racing copy of that request records the same sale. */
  saleRequestId?: string;
  issueDate: string | null;
  donationId: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface HoldDoc {
  /** `<itemId>:<memberId>`: one live hold or queue place per person and item. */
  _id: string;
  communityId: string;
  cabinId: string;
  itemId: string;
  itemName: string;
  memberId: string;
  status: HoldStatus;
  holdUntil: Date | null;
  /** When they joined the queue (or held it): the queue's order. */
  queuedAt: Date;
  /** The expiry reminder was sent for this hold. */
  expiryReminded: boolean;
  /**
   * False while the holder of a hold handed on to them (by a return, a cancel, a hold that ran out) has not yet been
   * told: set in the hand-over's transaction, cleared once the platform answered, so the timer tells whoever a crash
   * or a failed send left untold. Absent on holds nobody needs telling about.
   */
  readyTold?: boolean;
  /** Sends of this hold's messages that did not happen, and when the timer tries again. */
  sendTries?: number;
  sendRetryAt?: Date | null;
  sendError?: string | null;
  requestId: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface LoanDoc {
  _id: string;
  communityId: string;
  cabinId: string;
  itemId: string;
  itemName: string;
  loanClass: LoanClass;
  memberId: string;
  memberName: string;
  memberPhone: string;
  status: LoanStatus;
  borrowedAt: Date;
  dueAt: Date;
  renewals: number;
  /** Request ids of the renewals done, so a retried renewal answers instead of renewing twice. */
  renewRequestIds: string[];
  /** The duty volunteer who lent it at the desk. */
  lentBy: string | null;
  returnedAt: Date | null;
  returnedBy: string | null;
  returnCondition: string | null;
  /** The timer's reminders, reset by a renewal; set only once the platform answered. */
  dueReminded: boolean;
  overdueReminded: boolean;
  /** Reminders of this loan that did not go out, and when the timer tries again (backoff). */
  sendTries?: number;
  sendRetryAt?: Date | null;
  sendError?: string | null;
}

export interface BorrowerDoc {
  /** The member id. */
  _id: string;
  communityId: string;
  /** Open loans per class: reserved before an item is claimed, so the class limit holds under races. */
  open: Record<LoanClass, number>;
  /** The loans holding those reservations: a reservation is taken and given back once per loan. */
  loanIds: string[];
}

export interface LogDoc {
  _id: string;
  communityId: string;
  cabinId: string;
  itemId: string;
  itemName: string;
  kind: HistoryKind;
  /** Stock change of a movement. */
  delta: number | null;
  /** A take's stock right after it and the item's restock round then: what its low-stock alert said. */
  stockAfter?: number;
  round?: number;
  memberId: string | null;
  memberName: string | null;
  by: string;
  byName: string;
  note: string;
  at: Date;
}

export interface DonationDoc {
  _id: string;
  communityId: string;
  cabinId: string;
  memberId: string;
  memberName: string;
  what: string;
  description: string;
  condition: string;
  /** A photo that passed the image check; until then it waits in pendingImages (_core/media-check.ts). */
  photo: string | null;
  pendingImages?: string[];
  refusedImages?: number;
  status: DonationStatus;
  answer: string | null;
  itemId: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
  createdAt: Date;
}

export interface SaleDoc {
  /** The item id: an item is sold once. */
  _id: string;
  communityId: string;
  cabinId: string;
  itemId: string;
  itemName: string;
  priceFen: number;
  note: string;
  requestId: string;
  soldBy: string;
  soldByName: string;
  soldAt: Date;
}

export interface ShiftDoc {
  _id: string;
  communityId: string;
  cabinId: string;
  date: string;
  from: string;
  to: string;
  startAt: Date;
  endAt: Date;
  memberId: string;
  memberName: string;
  postedHalfHours: number | null;
}

/** A history line about a loan: what happened to the item, for whom, by whom. */
export function loanLog(loan: Pick<LoanDoc, '_id' | 'communityId' | 'cabinId' | 'itemId' | 'itemName' | 'memberId' | 'memberName'>, kind: HistoryKind, suffix: string, by: PersonView, note: string, at: Date): LogDoc {
  return {
    _id: `${loan._id}:${suffix}`,
    communityId: loan.communityId,
    cabinId: loan.cabinId,
    itemId: loan.itemId,
    itemName: loan.itemName,
    kind,
    delta: null,
    memberId: loan.memberId,
    memberName: loan.memberName,
    by: by.memberId,
    byName: by.name,
    note,
    at,
  };
}

export const holdIdOf = (itemId: string, memberId: string): string => `${itemId}:${memberId}`;
export const shiftIdOf = (cabinId: string, date: string, from: string, memberId: string): string => shortId('sh', cabinId, date, from, memberId);
export const itemPage = (itemId: string): string => `${ITEM_PAGE}?id=${encodeURIComponent(itemId)}`;

export const EMPTY_OPEN: Record<LoanClass, number> = { book: 0, tool: 0, sewing: 0, umbrella: 0, other: 0 };

/** The stored fields of a keeper's item form; a consumable's stock is set only when it is added. */
export function itemFields(input: ItemInput & { kind: ItemKind }) {
  const parsed = input as Record<string, unknown>;
  return {
    sectionKey: input.sectionKey,
    kind: input.kind,
    name: input.name.trim(),
    description: (input.description ?? '').trim(),
    photo: input.photo || null,
    condition: (input.condition ?? '').trim(),
    loanClass: input.kind === 'loanable' ? (parsed.loanClass as LoanClass) : null,
    unit: input.kind === 'consumable' ? ((parsed.unit as string) ?? '个') : null,
    lowStockAt: input.kind === 'consumable' ? ((parsed.lowStockAt as number) ?? 0) : null,
    priceFen: input.kind === 'sale' ? (parsed.priceFen as number) : null,
    issueDate: input.kind === 'reading' ? (parsed.issueDate as string) : null,
  };
}

export function newItemDoc(
  id: string,
  communityId: string,
  cabinId: string,
  input: ItemInput,
  by: string,
  now: Date,
  donation: { id: string; photo: string | null } | null = null,
): ItemDoc {
  const stock = input.kind === 'consumable' ? (input.stock ?? 0) : null;
  return {
    _id: id,
    communityId,
    cabinId,
    ...itemFields(input),
    // A donation's photo already passed its check; any other photo waits for one.
    ...(imageFields('cabinItemPhoto', donation?.photo ? { photo: donation.photo } : null, [input.photo ?? '']) as Pick<ItemDoc, 'photo' | 'pendingImages' | 'refusedImages'>),
    status: 'available',
    holderId: null,
    holdId: null,
    holdUntil: null,
    loanId: null,
    dueAt: null,
    waiting: 0,
    loans: 0,
    stock,
    restocks: 0,
    donationId: donation?.id ?? null,
    createdBy: by,
    createdAt: now,
    updatedAt: now,
  };
}

/** A hold that ran out counts as released on every read, before the timer gets to it. */
export function holdExpired(item: Pick<ItemDoc, 'status' | 'holdUntil'>, now: Date): boolean {
  return item.status === 'on-hold' && !!item.holdUntil && item.holdUntil.getTime() <= now.getTime();
}

/** Is it there for the caller (on the shelf, in stock, or held for them), whatever the hours? */
export function onShelfFor(item: ItemDoc, memberId: string, now: Date): boolean {
  if (item.kind === 'consumable') return item.status === 'available' && (item.stock ?? 0) > 0;
  if (item.status === 'on-hold') return item.holderId === memberId || (holdExpired(item, now) && item.waiting === 0);
  return item.status === 'available';
}

export function isLowStock(item: ItemDoc): boolean {
  return item.kind === 'consumable' && item.status === 'available' && (item.stock ?? 0) <= (item.lowStockAt ?? 0);
}

/** The status residents see: an expired hold with nobody waiting is back on the shelf. */
function shownStatus(item: ItemDoc, now: Date): ItemStatus {
  return holdExpired(item, now) && item.waiting === 0 ? 'available' : item.status;
}

/** A summary with what the caller can do now: the section's hours decide, so 现在可借 shows only while it is open. */
export function toItemSummary(item: ItemDoc, cabin: CabinDoc, memberId: string, now: Date, keeper: boolean): ItemSummaryView {
  const shelf = shelfState(item.kind, onShelfFor(item, memberId, now), sectionOpenState(cabin, item.sectionKey, now));
  return {
    id: item._id,
    cabinId: item.cabinId,
    sectionKey: item.sectionKey,
    sectionName: cabin.sections.find((s) => s.key === item.sectionKey)?.name ?? '',
    kind: item.kind,
    name: item.name,
    photo: item.photo,
    status: shownStatus(item, now),
    loanClass: item.loanClass,
    stock: item.stock,
    unit: item.unit,
    priceFen: item.priceFen,
    issueDate: item.issueDate,
    availableNow: shelf.chance === 'now',
    shelf,
    ...(keeper ? { lowStock: isLowStock(item) } : {}),
  };
}

export function toHoldView(hold: HoldDoc, position: number | null): HoldView {
  return {
    id: hold._id,
    itemId: hold.itemId,
    itemName: hold.itemName,
    cabinId: hold.cabinId,
    status: hold.status,
    position: hold.status === 'waiting' ? position : null,
    holdUntil: hold.status === 'ready' && hold.holdUntil ? hold.holdUntil.toISOString() : null,
    createdAt: hold.createdAt.toISOString(),
  };
}

export function toLoanView(loan: LoanDoc, now: Date, canRenew: boolean, keeper: boolean): LoanView {
  const open = loan.status === 'open';
  return {
    id: loan._id,
    itemId: loan.itemId,
    itemName: loan.itemName,
    cabinId: loan.cabinId,
    loanClass: loan.loanClass,
    status: loan.status,
    borrowedAt: loan.borrowedAt.toISOString(),
    dueAt: loan.dueAt.toISOString(),
    dueDate: dayOf(loan.dueAt),
    overdue: open && isOverdue(loan.dueAt, now),
    renewals: loan.renewals,
    canRenew: open && canRenew,
    returnedAt: loan.returnedAt?.toISOString() ?? null,
    atDesk: !!loan.lentBy,
    ...(keeper ? { borrowerName: loan.memberName, borrowerPhone: maskPhone(loan.memberPhone), returnCondition: loan.returnCondition } : {}),
  };
}

export function toHistoryView(log: LogDoc, keeper: boolean): HistoryView {
  return {
    id: log._id,
    kind: log.kind,
    delta: log.delta,
    memberName: keeper ? log.memberName : null,
    byName: log.byName,
    note: log.note,
    at: log.at.toISOString(),
  };
}

export function toDonationView(doc: DonationDoc, keeper: boolean): DonationView {
  return {
    id: doc._id,
    cabinId: doc.cabinId,
    what: doc.what,
    description: doc.description,
    condition: doc.condition,
    photo: doc.photo,
    ...imageReviewOf(doc, !keeper),
    status: doc.status,
    answer: doc.answer,
    itemId: doc.itemId,
    createdAt: doc.createdAt.toISOString(),
    answeredAt: doc.answeredAt?.toISOString() ?? null,
    ...(keeper ? { donorName: doc.memberName } : {}),
  };
}

export function toSaleView(doc: SaleDoc): SaleView {
  return {
    id: doc._id,
    itemId: doc.itemId,
    itemName: doc.itemName,
    priceFen: doc.priceFen,
    note: doc.note,
    soldByName: doc.soldByName,
    soldAt: doc.soldAt.toISOString(),
  };
}

export function toShiftView(doc: ShiftDoc): DutyShiftView {
  return {
    id: doc._id,
    cabinId: doc.cabinId,
    date: doc.date,
    from: doc.from,
    to: doc.to,
    memberId: doc.memberId,
    memberName: doc.memberName,
    postedHalfHours: doc.postedHalfHours,
  };
}

/** Open state of the cabin and each section at `now`. */
export function cabinOpenStates(cabin: CabinDoc, now: Date) {
  return {
    cabin: openState(cabin.hours, cabin.closures, now),
    sections: cabin.sections.map((s) => ({ ...s, openState: openState(s.hours ?? cabin.hours, cabin.closures, now, s.key) })),
  };
}

/** Open state of the section an item is in (the cabin's when the section is gone). */
export function sectionOpenState(cabin: CabinDoc, sectionKey: string, now: Date): OpenState {
  const section = cabin.sections.find((s) => s.key === sectionKey);
  return section ? openState(section.hours ?? cabin.hours, cabin.closures, now, section.key) : openState(cabin.hours, cabin.closures, now);
}
