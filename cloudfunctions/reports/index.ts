import { reportsActions } from '../../src/shared/actions/reports';
import { deliverDue } from '../_core/message-outbox';
import { createFunction } from '../_core/router';
import * as changes from './changes.service';
import { runReportClocks } from './clocks';
import { exportCsv, figures, street } from './figures';
import * as reports from './reports.service';

/**
 * The `reports` cloud function (一键上报): residents report problems, routed by micro-grid to the leader and the
 * building's 双楼长; the response and resolution clocks escalate on time.
 */
export const main = createFunction('reports', reportsActions, {
  settings: reports.settings,
  saveSettings: reports.saveSettings,
  similar: reports.similar,
  file: reports.file,
  join: reports.join,
  mine: reports.mine,
  get: reports.get,
  queue: reports.queue,
  list: reports.list,
  accept: changes.accept,
  handOver: changes.handOver,
  handOverTargets: reports.handOverTargets,
  wait: changes.wait,
  resume: changes.resume,
  visit: changes.visit,
  helpers: reports.helpers,
  resolve: changes.resolve,
  confirm: changes.confirm,
  merge: changes.merge,
  figures,
  exportCsv,
  street,
}, {
  // Escalations, auto-close, owed handler points and untold messages (clocks.ts).
  'report-clocks': runReportClocks,
  // Subscribe messages left behind by a crashed call, and retries (_core/message-outbox.ts).
  'message-outbox': (now) => deliverDue('reports', now),
});
