import { careActions } from '../../src/shared/actions/care';
import { deliverDue } from '../_core/message-outbox';
import { createFunction } from '../_core/router';
import * as elders from './elders.service';
import { figures } from './figures';
import * as pairings from './pairings.service';
import { runCareTimer } from './timers';
import * as visits from './visits.service';

/**
 * The `care` cloud function (邻援助老): elders registered by proxy, volunteers paired with them, visit plans making
 * due visits, visit logs whose hours reach the ledger once confirmed, and the missed-visit timer.
 */
export const main = createFunction('care', careActions, {
  registerElder: elders.registerElder,
  updateElder: elders.updateElder,
  removeElder: elders.removeElder,
  listElders: elders.listElders,
  getElder: elders.getElder,
  suggest: pairings.suggest,
  pair: pairings.pair,
  respond: pairings.respond,
  endPairing: pairings.endPairing,
  myPairings: pairings.myPairings,
  myVisits: visits.myVisits,
  logVisit: visits.logVisit,
  confirmVisit: visits.confirmVisit,
  challengeVisit: visits.challengeVisit,
  visitsOf: visits.visitsOf,
  toConfirm: visits.toConfirm,
  figures,
}, {
  // Due visits from the plans, missed visits, 72-hour confirmations and messages left behind (timers.ts).
  'care-visits': (now) => runCareTimer(now),
  // Subscribe messages left behind by a crashed call, and retries (_core/message-outbox.ts).
  'message-outbox': (now) => deliverDue('care', now),
});
