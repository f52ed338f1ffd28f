import { callCloud, CloudCallError, errorText } from '@/services/cloud';
import type { InputOf } from '@shared/catalogue';
import type { DonationStatus, KeeperSettableStatus, LoanRules } from '@shared/domain/cabin';

export type ItemFilter = Omit<InputOf<'cabin', 'items'>, 'page' | 'cabinId'>;
export type ItemInput = InputOf<'cabin', 'createItem'>['item'];

/** The cabin function's actions, as the pages use them. */
export const cabinApi = {
  home: () => callCloud('cabin', 'home', {}),
  cabin: (cabinId: string) => callCloud('cabin', 'cabin', { cabinId }),
  items: (cabinId: string, filter: ItemFilter, page: number) => callCloud('cabin', 'items', { cabinId, ...filter, page }),
  item: (itemId: string) => callCloud('cabin', 'item', { itemId }),
  history: (itemId: string, page: number) => callCloud('cabin', 'history', { itemId, page }),
  hold: (itemId: string, requestId: string) => callCloud('cabin', 'hold', { itemId, requestId }),
  cancelHold: (holdId: string, requestId: string) => callCloud('cabin', 'cancelHold', { holdId, requestId }),
  borrow: (itemId: string, requestId: string) => callCloud('cabin', 'borrow', { itemId, requestId }),
  renew: (loanId: string, requestId: string) => callCloud('cabin', 'renew', { loanId, requestId }),
  take: (itemId: string, quantity: number, requestId: string) => callCloud('cabin', 'take', { itemId, quantity, requestId }),
  myLoans: (status: 'open' | 'returned', page: number) => callCloud('cabin', 'myLoans', { status, page }),
  myHolds: (page: number) => callCloud('cabin', 'myHolds', { page }),
  offerDonation: (input: InputOf<'cabin', 'offerDonation'>) => callCloud('cabin', 'offerDonation', input),
  myDonations: (page: number) => callCloud('cabin', 'myDonations', { page }),
  withdrawDonation: (donationId: string) => callCloud('cabin', 'withdrawDonation', { donationId }),
  lend: (itemId: string, memberId: string, requestId: string) => callCloud('cabin', 'lend', { itemId, memberId, requestId }),
  residents: (cabinId: string, query: string, page: number) => callCloud('cabin', 'residents', { cabinId, query, page }),
  takeBack: (input: InputOf<'cabin', 'takeBack'>) => callCloud('cabin', 'takeBack', input),
  loans: (cabinId: string, overdueOnly: boolean, page: number) => callCloud('cabin', 'loans', { cabinId, overdueOnly, page }),
  remind: (loanId: string, requestId: string) => callCloud('cabin', 'remind', { loanId, requestId }),
  borrowerPhone: (loanId: string) => callCloud('cabin', 'borrowerPhone', { loanId }),
  createItem: (cabinId: string, item: ItemInput, requestId: string) => callCloud('cabin', 'createItem', { cabinId, item, requestId }),
  updateItem: (itemId: string, item: ItemInput) => callCloud('cabin', 'updateItem', { itemId, item }),
  setStatus: (itemId: string, status: KeeperSettableStatus, note: string, requestId: string) => callCloud('cabin', 'setStatus', { itemId, status, note, requestId }),
  restock: (itemId: string, delta: number, note: string, requestId: string) => callCloud('cabin', 'restock', { itemId, delta, note, requestId }),
  recordSale: (input: InputOf<'cabin', 'recordSale'>) => callCloud('cabin', 'recordSale', input),
  sales: (cabinId: string, page: number) => callCloud('cabin', 'sales', { cabinId, page }),
  donations: (cabinId: string, status: DonationStatus, page: number) => callCloud('cabin', 'donations', { cabinId, status, page }),
  acceptDonation: (input: InputOf<'cabin', 'acceptDonation'>) => callCloud('cabin', 'acceptDonation', input),
  declineDonation: (donationId: string, reason: string, requestId: string) => callCloud('cabin', 'declineDonation', { donationId, reason, requestId }),
  report: (cabinId: string, month: string) => callCloud('cabin', 'report', { cabinId, month }),
  itemCode: (itemId: string) => callCloud('cabin', 'itemCode', { itemId }),
  shifts: (cabinId: string, page: number, from?: string) => callCloud('cabin', 'shifts', from ? { cabinId, page, from } : { cabinId, page }),
  addShifts: (input: InputOf<'cabin', 'addShifts'>) => callCloud('cabin', 'addShifts', input),
  removeShift: (shiftId: string) => callCloud('cabin', 'removeShift', { shiftId }),
  saveCabin: (input: InputOf<'cabin', 'saveCabin'>) => callCloud('cabin', 'saveCabin', input),
  setStaff: (cabinId: string, keeperPhones: string[], volunteerPhones: string[]) => callCloud('cabin', 'setStaff', { cabinId, keeperPhones, volunteerPhones }),
  rules: () => callCloud('cabin', 'rules', {}),
  setRules: (rules: LoanRules) => callCloud('cabin', 'setRules', { rules }),
  postDuty: (shiftId: string) => callCloud('cabin', 'postDuty', { shiftId }),
};

/** Field path -> message of a form error. */
export function fieldErrors(err: unknown): Record<string, string> {
  return err instanceof CloudCallError && err.fields ? err.fields : {};
}

/** How a form shows a refusal: under its fields when it names them, else as one line. */
export function formFailure(err: unknown): { fields: Record<string, string>; error: string | null } {
  const fields = fieldErrors(err);
  return { fields, error: Object.keys(fields).length ? null : errorText(err) };
}

const withQuery = (path: string, query: Record<string, string | undefined>) => {
  const parts = Object.entries(query).filter(([, v]) => v).map(([k, v]) => `${k}=${encodeURIComponent(v!)}`);
  return parts.length ? `${path}?${parts.join('&')}` : path;
};

export const CABIN_PAGES = {
  home: '/packages/cabin/pages/home/index',
  mine: '/packages/cabin/pages/mine/index',
  item: (id: string) => withQuery('/packages/cabin/pages/item/index', { id }),
  donate: (cabinId: string) => withQuery('/packages/cabin/pages/donate/index', { cabinId }),
  desk: (cabinId: string) => withQuery('/packages/cabin/pages/desk/index', { cabinId }),
  newCabin: '/packages/cabin/pages/manage/index?new=1',
  manage: (cabinId: string) => withQuery('/packages/cabin/pages/manage/index', { cabinId }),
  report: (cabinId: string) => withQuery('/packages/cabin/pages/report/index', { cabinId }),
};

export { newRequestId } from '@/services/request-id';
