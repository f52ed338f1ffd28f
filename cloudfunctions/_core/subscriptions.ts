import { SUBSCRIPTION_TEMPLATES, type TemplateKey, type TemplateValues } from '../../src/shared/subscriptions';
import { clock } from './clock';
import { COLLECTIONS } from './collections';
import { command, getDb, insertOnce } from './db';
import { findMember } from './member-record';
import { wechat } from './ports/wechat';
import { renderTemplate } from './templates';
import { inTransaction } from './transaction';

/**
 * The subscribe-message quota ledger. WeChat allows one message per accepted tap of a one-time template, so each
 * accepted tap adds a unit for (person, template) and each send spends one by a conditional update: nobody is sent
 * more than they allowed, and a send without quota is not attempted (it would fail with 43101 anyway).
 */

interface QuotaDoc {
  _id: string;
  memberId: string;
  template: TemplateKey;
  available: number;
  granted: number;
  used: number;
  updatedAt: Date;
}

export type SendOutcome = 'sent' | 'no-quota' | 'refused' | 'no-account' | 'already';

const quotaId = (memberId: string, template: TemplateKey) => `${memberId}:${template}`;

/** WeChat's answer when the person has no subscription left for the template. */
const NO_SUBSCRIPTION = 43101;

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

async function spendOne(memberId: string, template: TemplateKey, delta: -1 | 1): Promise<boolean> {
  const _ = command();
  const guard = delta < 0 ? { available: _.gt(0) } : {};
  const res = await getDb()
    .collection(COLLECTIONS.subscriptionQuota)
    .where({ _id: quotaId(memberId, template), ...guard })
    .update({ available: _.inc(delta), used: _.inc(-delta), updatedAt: clock().now() });
  return (res.updated ?? 0) === 1;
}

export interface OnceMessage<K extends TemplateKey = TemplateKey> {
  /** Deterministic for what is being said (e.g. `event-reminder:<eventId>:<memberId>`): the same key is sent once. */
  sendKey: string;
  memberId: string;
  template: K;
  /** The page the message opens, with its query. */
  page: string;
  /** The template's semantic fields; the environment's configuration names their keywords (./templates.ts). */
  values: TemplateValues<K>;
}

/**
 * Sends one subscribe message at most once per `sendKey`, spending one unit of quota. Without quota nothing is
 * recorded, so a later run (after the person allows another) may still send it. Round trips: 3 (4 when sent) plus
 * the send; a refused or failed send never undoes the caller's change. A template the environment does not configure
 * throws (TemplateNotConfigured) before anything is read or spent.
 */
export async function sendOnce<K extends TemplateKey>(message: OnceMessage<K>): Promise<SendOutcome> {
  const { templateId, data } = renderTemplate(message.template, message.values);
  const person = await findMember(message.memberId);
  if (!person?.openid || person.deletedAt) return 'no-account';
  if (!(await spendOne(message.memberId, message.template, -1))) return 'no-quota';
  const now = clock().now();
  const claimed = await insertOnce(COLLECTIONS.subscriptionSends, {
    _id: message.sendKey,
    memberId: message.memberId,
    template: message.template,
    outcome: 'pending',
    at: now,
  });
  if (!claimed) {
    await spendOne(message.memberId, message.template, 1);
    return 'already';
  }
  const result = await wechat()
    .sendSubscribeMessage({ openid: person.openid, templateId, page: message.page, data })
    .catch((err: unknown) => ({ sent: false as const, errcode: -1, errmsg: String(err) }));
  const outcome: SendOutcome = result.sent ? 'sent' : 'refused';
  const _ = command();
  await getDb()
    .collection(COLLECTIONS.subscriptionSends)
    .doc(message.sendKey)
    .update({ outcome, errcode: result.sent ? 0 : result.errcode, doneAt: clock().now() });
  // WeChat says the person has nothing left (they switched the template off): our count must not promise more.
  if (!result.sent && result.errcode === NO_SUBSCRIPTION) {
    await getDb().collection(COLLECTIONS.subscriptionQuota).doc(quotaId(message.memberId, message.template)).update({ available: _.set(0) });
  }
  return outcome;
}
