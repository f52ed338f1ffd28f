import { SUBSCRIPTION_TEMPLATES, type TemplateKey } from '../../src/shared/subscriptions';
import { clock } from './clock';
import { COLLECTIONS } from './collections';
import { getDb } from './db';
import { oneOffOwner, quotaId, sendBatch, type OnceMessage, type QuotaDoc, type SendOutcome } from './message-outbox';
import { inTransaction } from './transaction';

/**
 * The subscribe-message quota ledger. WeChat allows one message per accepted tap of a one-time template, so each
 * accepted tap adds a unit for (person, template) and each message spends one as it is queued (./message-outbox.ts):
 * nobody is sent more than they allowed, and a send without quota is not attempted (it would fail with 43101 anyway).
 */

/** `queued`: kept for a retry by the timer after a failure WeChat may get over; `failed`: given up after retries. */
export type { OnceMessage, SendOutcome };

/**
 * Counts the templates a person accepted in one tap, once per request id: a retried call adds nothing. One
 * transaction over the person's own documents (no contention with anyone else). Answers the quota after the tap.
 */
export async function grantSubscriptions(memberId: string, requestId: string, templates: TemplateKey[]): Promise<Record<string, number>> {
  const now = clock().now();
  return inTransaction(async (tx) => {
    const grantId = `${memberId}:${requestId}`;
    const counted = (await tx.collection(COLLECTIONS.subscriptionGrants).doc(grantId).get()).data;
    const quota: Record<string, number> = {};
    for (const template of templates) {
      const ref = tx.collection(COLLECTIONS.subscriptionQuota).doc(quotaId(memberId, template));
      const doc = (await ref.get()).data as QuotaDoc | null;
      const add = counted ? 0 : 1;
      const next: Omit<QuotaDoc, '_id'> = {
        memberId,
        template,
        available: (doc?.available ?? 0) + add,
        granted: (doc?.granted ?? 0) + add,
        used: doc?.used ?? 0,
        updatedAt: now,
      };
      if (add) await ref.set(next);
      quota[template] = next.available;
    }
    if (!counted) await tx.collection(COLLECTIONS.subscriptionGrants).doc(grantId).set({ memberId, templates, at: now });
    return quota;
  });
}

/** The person's unused quota for each template. One round trip. */
export async function quotaOf(memberId: string): Promise<Record<TemplateKey, number>> {
  const res = await getDb().collection(COLLECTIONS.subscriptionQuota).where({ memberId }).limit(100).get();
  const quota = Object.fromEntries(Object.keys(SUBSCRIPTION_TEMPLATES).map((k) => [k, 0])) as Record<TemplateKey, number>;
  for (const doc of res.data as QuotaDoc[]) quota[doc.template] = doc.available;
  return quota;
}

/**
 * Sends one subscribe message at most once per `sendKey`, through the outbox (./message-outbox.ts): queued with its
 * unit of quota in one transaction, then sent at once by this call. `owner` names the call (a request id) so that the
 * same call retried after a crash finishes a message it queued; without it a message left behind by a crash is sent by
 * the function's `message-outbox` timer. Without quota or account nothing is recorded, so a later run (after the person
 * allows another) may still send it. A refused or failed send never undoes the caller's change; a failure WeChat may
 * get over answers `queued` (retried with backoff). A template the environment does not configure throws
 * (TemplateNotConfigured) before anything is read or spent.
 */
export async function sendOnce<K extends TemplateKey>(message: OnceMessage<K>, options: { owner?: string } = {}): Promise<SendOutcome> {
  const [outcome] = await sendBatch([message as OnceMessage], options.owner ?? oneOffOwner());
  return outcome!;
}
