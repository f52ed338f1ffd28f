import { randomBytes } from 'crypto';
import type { TemplateKey, TemplateValues } from '../../src/shared/subscriptions';
import { clock } from './clock';
import { COLLECTIONS } from './collections';
import { command, getDb } from './db';
import { findMember } from './member-record';
import { wechat } from './ports/wechat';
import { renderTemplate } from './templates';
import { inTransaction, type Tx } from './transaction';

/**
 * The subscribe-message outbox (`subscription_sends`, `_id` = the message's sendKey).
 *
 * - Queue: one transaction spends a unit of the person's quota and writes the message, rendered, as `queued`.
 *   Quota and message move together, so a crash never spends a unit for nothing nor sends without one, and a
 *   sendKey is queued once (a second queue answers `already`).
 * - Deliver: whoever holds the message's lease sends it. The queuing call holds it first (and delivers at once);
 *   a lease names its owner (a request, or a timer run's minute), so the same request retried after a crash takes
 *   it back at once, while anyone else waits for it to run out. Each claim moves `claims` by a conditional update,
 *   so two live holders never both win.
 * - Mark: only WeChat's answer marks it: `sent`; `refused` on 43101 (the person has nothing left: the quota is
 *   zeroed only if nothing was granted since it was spent); any other failure is retried with backoff, and after
 *   MAX_ATTEMPTS it is `failed` and its unit given back (WeChat spends nothing on a failed send).
 * - The function's `message-outbox` timer delivers what is due: messages whose holder died, and retries.
 *
 * Left open by nature: a holder dying between WeChat's answer and the mark sends again when the lease runs out
 * (WeChat's send has no idempotency key); a mark that fails is retried in place to keep that window small.
 */

export type SendState = 'queued' | 'sent' | 'refused' | 'failed';
export type QueueOutcome = 'queued' | 'no-quota' | 'no-account' | 'already';
/** `queued`: accepted, but WeChat did not take it yet (it is retried by the timer). */
export type DeliveryOutcome = 'sent' | 'refused' | 'failed' | 'queued';

/** The functions whose timers deliver each template: the function that queues it (its open-API permissions send it). */
const SENDER: Record<TemplateKey, 'cabin' | 'events' | 'notices' | 'reports' | 'participation' | 'surveys' | 'care'> = {
  'event-reminder': 'events',
  'event-promoted': 'events',
  'event-cancelled': 'events',
  'loan-due': 'cabin',
  'loan-overdue': 'cabin',
  'hold-ready': 'cabin',
  'donation-answered': 'cabin',
  'stock-low': 'cabin',
  'notice-published': 'notices',
  'notice-remind': 'notices',
  'report-assigned': 'reports',
  'report-progress': 'reports',
  'report-overdue': 'reports',
  'proposal-reached': 'participation',
  'proposal-answered': 'participation',
  'project-progress': 'participation',
  'survey-closed': 'surveys',
  'care-paired': 'care',
  'care-concern': 'care',
  'care-missed': 'care',
};

export interface SendDoc {
  _id: string;
  memberId: string;
  template: TemplateKey;
  sender: string;
  openid: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  state: SendState;
  attempts: number;
  nextAttemptAt: Date;
  leaseUntil: Date;
  owner: string | null;
  claims: number;
  /** The quota's `granted` when this message spent its unit. */
  grantedSeen: number;
  errcode: number | null;
  lastError: string | null;
  /** When it was queued. */
  at: Date;
}

export interface QuotaDoc {
  _id: string;
  memberId: string;
  template: TemplateKey;
  available: number;
  granted: number;
  used: number;
  updatedAt: Date;
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

export const quotaId = (memberId: string, template: TemplateKey) => `${memberId}:${template}`;

/** WeChat's answer when the person has no subscription left for the template. */
export const NO_SUBSCRIPTION = 43101;
/** How long a holder may take to send and mark before someone else may take the message. */
export const LEASE_MS = 2 * 60_000;
export const MAX_ATTEMPTS = 5;
/** Waits before attempts 2, 3, 4, 5. */
const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 60 * 60_000];
/** Messages one timer run delivers at most. */
const DELIVER_BATCH = 40;
/** Tries of a mark after WeChat answered: losing it would send the message again. */
const MARK_TRIES = 3;
const EPOCH = new Date(0);

const sends = () => getDb().collection(COLLECTIONS.subscriptionSends);
const ms = (d: Date | string) => new Date(d).getTime();

/** A lease owner for a caller that has no request id: nobody else will ever hold it. */
export const oneOffOwner = () => `once:${randomBytes(16).toString('hex')}`;
/**
 * A timer run's owner (`name`: the function and trigger): a platform retry of the same minute's run of the same
 * trigger takes over what the dead run held; another trigger, or the next minute, waits for the lease.
 */
export const timerOwner = (name: string, now: Date) => `timer:${name}:${Math.floor(now.getTime() / 60_000)}`;
/** A request's owner: the same request retried (same request id) takes back what it queued before it died. */
export const requestOwner = (requestId: string) => `req:${requestId}`;

/**
 * Queues one message, spending a unit of quota, in one transaction over the person's own documents. Without quota
 * or account nothing is written, so a later call may still queue it. A template the environment does not configure
 * throws before anything is read. Round trips: 1 (the person) + the transaction (2 reads, 2 writes).
 */
export async function queueMessage<K extends TemplateKey>(
  message: OnceMessage<K>,
  owner: string,
): Promise<{ outcome: QueueOutcome; doc: SendDoc | null }> {
  const { templateId, data } = renderTemplate(message.template, message.values);
  const person = await findMember(message.memberId);
  if (!person?.openid || person.deletedAt) return { outcome: 'no-account', doc: null };
  const openid = person.openid;
  const now = clock().now();
  return inTransaction(async (tx) => {
    const existing = (await tx.collection(COLLECTIONS.subscriptionSends).doc(message.sendKey).get()).data as SendDoc | null;
    if (existing) return { outcome: 'already' as const, doc: { ...existing, _id: message.sendKey } };
    const quotaRef = tx.collection(COLLECTIONS.subscriptionQuota).doc(quotaId(message.memberId, message.template));
    const quota = (await quotaRef.get()).data as QuotaDoc | null;
    if (!quota || !(quota.available > 0)) return { outcome: 'no-quota' as const, doc: null };
    const { _id: _quotaId, ...quotaRest } = quota;
    await quotaRef.set({ ...quotaRest, available: quota.available - 1, used: quota.used + 1, updatedAt: now });
    const doc: SendDoc = {
      _id: message.sendKey,
      memberId: message.memberId,
      template: message.template,
      sender: SENDER[message.template],
      openid,
      templateId,
      page: message.page,
      data,
      state: 'queued',
      attempts: 0,
      nextAttemptAt: now,
      leaseUntil: new Date(now.getTime() + LEASE_MS),
      owner,
      claims: 1,
      grantedSeen: quota.granted,
      errcode: null,
      lastError: null,
      at: now,
    };
    const { _id, ...rest } = doc;
    await tx.collection(COLLECTIONS.subscriptionSends).doc(_id).set(rest);
    return { outcome: 'queued' as const, doc };
  });
}

/**
 * Takes the lease of a queued, due message: free when it ran out or when `owner` already holds it (the same request
 * or timer minute, retried). The write moves `claims`, its own guard, so one claimer wins. One round trip.
 */
export async function claimMessage(doc: SendDoc, owner: string, now: Date): Promise<SendDoc | null> {
  if (doc.state !== 'queued' || ms(doc.nextAttemptAt) > now.getTime()) return null;
  if (ms(doc.leaseUntil) > now.getTime() && doc.owner !== owner) return null;
  const patch = { owner, leaseUntil: new Date(now.getTime() + LEASE_MS), claims: doc.claims + 1 };
  const res = await sends().where({ _id: doc._id, state: 'queued', claims: doc.claims }).update(patch);
  return (res.updated ?? 0) === 1 ? { ...doc, ...patch } : null;
}

/** Ends a held message: the outcome, and the lease released. Retried in place (see MARK_TRIES). */
async function mark(doc: SendDoc, patch: Partial<SendDoc>, extra?: (tx: Tx) => Promise<void>): Promise<void> {
  const released = { ...patch, owner: null, leaseUntil: EPOCH, claims: 0 };
  for (let tryNo = 1; ; tryNo += 1) {
    try {
      if (extra) {
        await inTransaction(async (tx) => {
          const ref = tx.collection(COLLECTIONS.subscriptionSends).doc(doc._id);
          const now = (await ref.get()).data as SendDoc | null;
          // Someone took it over (our lease ran out): their mark is the one that counts.
          if (!now || now.state !== 'queued' || now.claims !== doc.claims) return;
          await ref.update(released);
          await extra(tx);
        });
      } else {
        await sends().where({ _id: doc._id, state: 'queued', claims: doc.claims }).update(released);
      }
      return;
    } catch (err) {
      if (tryNo >= MARK_TRIES) throw err;
    }
  }
}

/**
 * Sends a message the caller holds and marks it by WeChat's answer. Round trips: the send + 1 (2-3 reads and
 * writes in one transaction after a refusal or the last failure).
 */
export async function attemptMessage(doc: SendDoc, now: Date): Promise<DeliveryOutcome> {
  const result = await wechat()
    .sendSubscribeMessage({ openid: doc.openid, templateId: doc.templateId, page: doc.page, data: doc.data })
    .catch((err: unknown) => ({ sent: false as const, errcode: -1, errmsg: String(err) }));
  if (result.sent) {
    await mark(doc, { state: 'sent', attempts: doc.attempts + 1, errcode: 0, lastError: null });
    return 'sent';
  }
  return settleRefusal(doc, result, now);
}

/** Marks a message WeChat did not take: refused (43101), retried later with backoff, or given up. */
async function settleRefusal(doc: SendDoc, result: { errcode: number; errmsg: string }, now: Date): Promise<DeliveryOutcome> {
  const attempts = doc.attempts + 1;
  if (result.errcode === NO_SUBSCRIPTION) {
    // WeChat says the person has nothing left (they switched the template off): our count must not promise more,
    // but a grant made since this message spent its unit is newer than that answer and stays.
    await mark(doc, { state: 'refused', attempts, errcode: result.errcode, lastError: result.errmsg }, async (tx) => {
      const ref = tx.collection(COLLECTIONS.subscriptionQuota).doc(quotaId(doc.memberId, doc.template));
      const quota = (await ref.get()).data as QuotaDoc | null;
      if (quota && quota.granted === doc.grantedSeen && quota.available !== 0) await ref.update({ available: 0, updatedAt: now });
    });
    return 'refused';
  }
  if (attempts >= MAX_ATTEMPTS) {
    // WeChat spends nothing on a failed send: the unit goes back.
    await mark(doc, { state: 'failed', attempts, errcode: result.errcode, lastError: result.errmsg }, async (tx) => {
      const ref = tx.collection(COLLECTIONS.subscriptionQuota).doc(quotaId(doc.memberId, doc.template));
      const quota = (await ref.get()).data as QuotaDoc | null;
      if (quota) await ref.update({ available: quota.available + 1, used: Math.max(0, quota.used - 1), updatedAt: now });
    });
    return 'failed';
  }
  const wait = BACKOFF_MS[attempts - 1] ?? BACKOFF_MS[BACKOFF_MS.length - 1]!;
  await mark(doc, { attempts, errcode: result.errcode, lastError: result.errmsg, nextAttemptAt: new Date(now.getTime() + wait) });
  return 'queued';
}

export type SendOutcome = QueueOutcome | DeliveryOutcome;

/**
 * Sends a batch of messages at most once per sendKey each, in three phases so that no send happens between two
 * writes of the call: all are queued (and those this `owner` queued before, taken back) at once; then all are sent
 * at once; then those WeChat took are marked sent by ONE write (retried in place), refusals and failures one by one.
 * A call that dies before the sends sent nothing, and its retry (same owner) sends them all; only a death between
 * WeChat's answers and that one mark sends them again. Answers each message's outcome, in order.
 */
export async function sendBatch(messages: OnceMessage[], owner: string): Promise<SendOutcome[]> {
  const now = clock().now();
  const held = await Promise.all(
    messages.map(async (message): Promise<{ outcome: SendOutcome; doc: SendDoc | null }> => {
      const { outcome, doc } = await queueMessage(message, owner);
      if (outcome === 'queued' || !doc || outcome !== 'already') return { outcome, doc };
      const mine = await claimMessage(doc, owner, now);
      return mine ? { outcome: 'queued', doc: mine } : { outcome: 'already', doc: null };
    }),
  );
  const answers = await Promise.all(
    held.map(({ doc }) =>
      doc
        ? wechat()
            .sendSubscribeMessage({ openid: doc.openid, templateId: doc.templateId, page: doc.page, data: doc.data })
            .catch((err: unknown) => ({ sent: false as const, errcode: -1, errmsg: String(err) }))
        : null,
    ),
  );
  const sentIds = held.flatMap(({ doc }, i) => (doc && answers[i]?.sent ? [doc._id] : []));
  if (sentIds.length) await markSent(sentIds);
  const outcomes: SendOutcome[] = [];
  for (const [i, { outcome, doc }] of held.entries()) {
    const answer = answers[i];
    if (!doc || !answer) outcomes.push(outcome);
    else if (answer.sent) outcomes.push('sent');
    else outcomes.push(await settleRefusal(doc, answer, now));
  }
  return outcomes;
}

/** Marks messages WeChat took, in one write; a message someone else took over since is theirs to mark. */
async function markSent(ids: string[]): Promise<void> {
  const _ = command();
  for (let tryNo = 1; ; tryNo += 1) {
    try {
      await sends()
        .where({ _id: _.in(ids), state: 'queued' })
        .update({ state: 'sent', attempts: _.inc(1), errcode: 0, lastError: null, owner: null, leaseUntil: EPOCH, claims: 0 });
      return;
    } catch (err) {
      if (tryNo >= MARK_TRIES) throw err;
    }
  }
}

export type DeliverCounts = Record<DeliveryOutcome | 'skipped' | 'errors', number>;

/**
 * The timer: delivers the sender's due messages (held by nobody, or by this same timer minute), each on its own:
 * one that throws is counted and left for the next run, and the rest go on. Round trips: 1 + per message a claim,
 * the send and the mark.
 */
export async function deliverDue(sender: string, now: Date): Promise<DeliverCounts> {
  const _ = command();
  const owner = timerOwner(`${sender}:message-outbox`, now);
  const counts: DeliverCounts = { sent: 0, refused: 0, failed: 0, queued: 0, skipped: 0, errors: 0 };
  const res = await sends()
    .where(_.and([{ sender, state: 'queued', nextAttemptAt: _.lte(now) }, _.or([{ leaseUntil: _.lte(now) }, { owner }])]))
    .orderBy('nextAttemptAt', 'asc')
    .limit(DELIVER_BATCH)
    .get();
  for (const doc of res.data as SendDoc[]) {
    try {
      const mine = await claimMessage(doc, owner, now);
      if (!mine) counts.skipped += 1;
      else counts[await attemptMessage(mine, now)] += 1;
    } catch (err) {
      console.error(`[message-outbox ${sender}] ${doc._id} failed`, err);
      counts.errors += 1;
    }
  }
  return counts;
}
