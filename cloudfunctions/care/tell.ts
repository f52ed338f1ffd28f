import { formatShanghai } from '../../src/shared/time';
import { sendBatch, type OnceMessage } from '../_core/message-outbox';
import type { Untold } from './care.model';
import * as q from './care.queries';

/**
 * Messages of 邻援助老 go through the outbox (_core/message-outbox.ts) with the change that owes them: the change
 * writes them into its document (`untold`, under a batch key) in the same write; telling hands them to the outbox
 * (each under its send key, so each is said once) and then clears them, only while the document still holds that
 * batch. A call that died before telling leaves them, and the `care-visits` timer tells them a minute later.
 */

/** The pages a message opens (the pages helper builds them under packages/care). */
export const pages = {
  pairing: (id: string) => `packages/care/pages/pairing/index?id=${encodeURIComponent(id)}`,
  visit: (id: string) => `packages/care/pages/visit/index?id=${encodeURIComponent(id)}`,
  elder: (id: string) => `packages/care/pages/elder/index?id=${encodeURIComponent(id)}`,
};

export function untoldOf(messages: OnceMessage[], key: string, now: Date): Untold {
  return messages.length ? { untold: messages, untoldKey: key, untoldAt: now } : { untold: [], untoldKey: null, untoldAt: null };
}

/** Round trips: 0 when nothing is owed; else the outbox's (per message a queue transaction; the sends; a mark) + 1. */
export async function tell(collection: string, doc: Untold & { _id: string }): Promise<void> {
  if (!doc.untoldKey || doc.untold.length === 0) return;
  await sendBatch(doc.untold, doc.untoldKey);
  await q.updateIf(collection, { _id: doc._id, untoldKey: doc.untoldKey }, { untold: [], untoldKey: null, untoldAt: null });
}

export const pairedMessage = (p: { _id: string; volunteerId: string }, elderName: string, planText: string): OnceMessage => ({
  sendKey: `care-paired:${p._id}`,
  memberId: p.volunteerId,
  template: 'care-paired',
  page: pages.pairing(p._id),
  values: { elder: elderName, plan: planText, note: '请打开小程序接受或婉拒结对' },
});

export const concernMessage = (visitId: string, elderId: string, to: string, elderName: string, at: Date, concern: string): OnceMessage => ({
  sendKey: `care-concern:${visitId}:${to}`,
  memberId: to,
  template: 'care-concern',
  page: pages.elder(elderId),
  values: { elder: elderName, time: formatShanghai(at), note: concern },
});

export const missedMessage = (visitId: string, to: string, elderName: string, day: string, note: string): OnceMessage => ({
  sendKey: `care-missed:${visitId}:${to}`,
  memberId: to,
  template: 'care-missed',
  page: pages.visit(visitId),
  values: { elder: elderName, time: day, note },
});
