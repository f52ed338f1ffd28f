import type { RemindOutcome } from '../../src/shared/actions/cabin';
import { HOME_PAGE } from '../../src/shared/domain/cabin';
import { formatShanghai } from '../../src/shared/time';
import { oneOffOwner, requestOwner, sendBatch, type OnceMessage, type SendOutcome } from '../_core/message-outbox';
import { sendOnce } from '../_core/subscriptions';
import { itemPage, type DonationDoc, type HoldDoc, type ItemDoc, type LoanDoc } from './cabin.model';

/**
 * What the cabin tells people, by subscribe message through the platform's quota ledger. Each send has a
 * deterministic key, so a timer run, a retry or a second keeper's tap never sends the same message twice.
 * A refused or failed send never undoes what it reports. `owner` names the call (`req:<requestId>`, or a timer run's
 * `timerOwner`): passed, a retry of a call that died after queuing a message sends it at once (_core/message-outbox.ts);
 * without it the `message-outbox` timer sends it once the dead call's lease runs out.
 */

/**
 * The owner of a call's messages: its request id when the app sent one. Without it (an older app) there is no owner:
 * a call that died after queuing a message leaves it to the `message-outbox` timer, which sends it once the lease
 * of the dead call runs out (LEASE_MS), not at once on the retry.
 */
export const ownerOf = (requestId: string | undefined): string | undefined => (requestId ? requestOwner(requestId) : undefined);

/** Values are in the templates' semantic fields (src/shared/subscriptions.ts); the environment maps them to keywords. */

/** The day before a loan is due (once per due date: a renewal earns a new reminder). */
export function tellDueTomorrow(loan: LoanDoc, owner?: string): Promise<RemindOutcome> {
  return sendOnce({
    sendKey: `loan-due:${loan._id}:${loan.dueAt.getTime()}`,
    memberId: loan.memberId,
    template: 'loan-due',
    page: itemPage(loan.itemId),
    values: { item: loan.itemName, due: formatShanghai(loan.dueAt), note: '明天到期，请记得归还或续借' },
  }, { owner });
}

/** An overdue loan: the timer's first notice (`day` null), or a keeper's reminder, at most once a day. */
export function tellOverdue(loan: LoanDoc, day: string | null, owner?: string): Promise<RemindOutcome> {
  return sendOnce({
    sendKey: `loan-overdue:${loan._id}:${day ?? loan.dueAt.getTime()}`,
    memberId: loan.memberId,
    template: 'loan-overdue',
    page: itemPage(loan.itemId),
    values: { item: loan.itemName, due: formatShanghai(loan.dueAt), note: '已超过归还日期，请尽快归还' },
  }, { owner });
}

/** A hold is ready for its holder (once per hold round), or about to run out. */
export function tellHold(hold: HoldDoc, holdUntil: Date, expiring: boolean, owner?: string): Promise<RemindOutcome> {
  return sendOnce({
    sendKey: `${expiring ? 'hold-expiring' : 'hold-ready'}:${hold._id}:${holdUntil.getTime()}`,
    memberId: hold.memberId,
    template: 'hold-ready',
    page: itemPage(hold.itemId),
    values: {
      item: hold.itemName,
      until: formatShanghai(holdUntil),
      note: expiring ? '预留快到期了，请尽快来借' : '已为你预留，请在期限内来借',
    },
  }, { owner });
}

export function tellDonationAnswered(donation: DonationDoc, owner?: string): Promise<RemindOutcome> {
  const accepted = donation.status === 'accepted';
  return sendOnce({
    sendKey: `donation-answered:${donation._id}`,
    memberId: donation.memberId,
    template: 'donation-answered',
    page: HOME_PAGE,
    values: {
      item: donation.what,
      result: accepted ? '已收下' : '已婉谢',
      reply: donation.answer || (accepted ? '谢谢你的爱心' : '谢谢你的好意'),
    },
  }, { owner });
}

/**
 * A consumable reached its threshold: each keeper is told once per restock round. One batch for all keepers, so no
 * keeper's send happens between two writes of the call (a crash there would leave a message sent but unmarked, which
 * the retry sends again): all are queued, then all sent, then marked together (message-outbox.ts, sendBatch).
 */
export function tellLowStock(item: ItemDoc, keeperIds: readonly string[], owner?: string): Promise<SendOutcome[]> {
  const messages = keeperIds.map((keeperId): OnceMessage<'stock-low'> => ({
    sendKey: `stock-low:${item._id}:${item.restocks}:${keeperId}`,
    memberId: keeperId,
    template: 'stock-low',
    page: itemPage(item._id),
    values: { item: item.name, stock: String(item.stock ?? 0), note: '库存不多了，请及时补充' },
  }));
  return messages.length ? sendBatch(messages, owner ?? oneOffOwner()) : Promise.resolve([]);
}
