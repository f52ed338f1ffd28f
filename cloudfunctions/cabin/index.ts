import { cabinActions } from '../../src/shared/actions/cabin';
import { deliverDue } from '../_core/message-outbox';
import { createFunction } from '../_core/router';
import * as cabins from './cabins.service';
import * as donations from './donations.service';
import * as items from './items.service';
import * as loans from './loans.service';
import * as report from './report.service';
import * as roster from './roster.service';
import * as sales from './sales.service';
import { sweep } from './timers';

/** The `cabin` cloud function: the 爱心格子屋 (cabins, items, holds and loans, consumables, donations, sales, duty). */
export const main = createFunction('cabin', cabinActions, {
  home: cabins.home,
  cabin: cabins.cabin,
  items: items.items,
  item: items.item,
  hold: loans.hold,
  cancelHold: loans.cancelHold,
  borrow: loans.borrow,
  renew: loans.renew,
  take: items.take,
  myLoans: loans.myLoans,
  myHolds: loans.myHolds,
  offerDonation: donations.offerDonation,
  myDonations: donations.myDonations,
  withdrawDonation: donations.withdrawDonation,
  lend: loans.lend,
  residents: loans.residents,
  takeBack: loans.takeBack,
  loans: loans.loans,
  remind: loans.remind,
  borrowerPhone: loans.borrowerPhone,
  createItem: items.createItem,
  updateItem: items.updateItem,
  setStatus: items.setStatus,
  restock: items.restock,
  history: items.history,
  recordSale: sales.recordSale,
  sales: sales.sales,
  donations: donations.donations,
  acceptDonation: donations.acceptDonation,
  declineDonation: donations.declineDonation,
  report: report.report,
  itemCode: items.itemCode,
  shelfCode: items.shelfCode,
  shifts: roster.shifts,
  addShifts: roster.addShifts,
  removeShift: roster.removeShift,
  saveCabin: cabins.saveCabin,
  setStaff: cabins.setStaff,
  rules: cabins.rules,
  setRules: cabins.setRules,
  postDuty: roster.postDuty,
}, {
  'cabin-sweep': sweep,
  // Subscribe messages left behind by a crashed call, and retries (_core/message-outbox.ts).
  'message-outbox': (now) => deliverDue('cabin', now),
});
