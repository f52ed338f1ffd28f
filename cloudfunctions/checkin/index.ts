import { checkinActions } from '../../src/shared/actions/checkin';
import { loadCaller } from '../_core/caller';
import { createFunction } from '../_core/router';
import * as svc from './checkin.service';

/** The `checkin` cloud function: station codes, scans both ways, passes, attendance review and confirmation. */
export const main = createFunction('checkin', checkinActions, {
  station: async (input, { identity }) => svc.station(await loadCaller(identity), input),
  scan: async (input, { identity }) => svc.scan(await loadCaller(identity), input),
  counts: async (input, { identity }) => svc.counts(await loadCaller(identity), input),
  typeCode: async (input, { identity }) => svc.typeCode(await loadCaller(identity), input),
  scanPass: async (input, { identity }) => svc.scanPass(await loadCaller(identity), input),
  pass: async (input, { identity }) => svc.pass(await loadCaller(identity), input),
  review: async (input, { identity }) => svc.review(await loadCaller(identity), input),
  confirm: async (input, { identity }) => svc.confirm(await loadCaller(identity), input, identity),
});
