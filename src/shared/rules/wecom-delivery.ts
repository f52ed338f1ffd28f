/**
 * How the WeCom robot queue treats an answer. WeCom allows 20 messages a minute per robot; the queue keeps one
 * below that so a clock skew between us and WeCom does not trip the limit.
 */
export const ROBOT_MESSAGES_PER_MINUTE = 19;
/** Tries before a message is given up and shown as failed on its notice. */
export const MAX_ROBOT_ATTEMPTS = 5;
const FIRST_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 10 * 60_000;

/** Answers worth another try: rate limits (45009, 130101), system busy (-1), and no answer at all (network). */
const TRANSIENT = new Set([45009, 130101, -1]);
const RATE_LIMITED = new Set([45009, 130101]);

export type DeliveryOutcome = { kind: 'sent' } | { kind: 'retry'; at: Date; reason: string } | { kind: 'failed'; reason: string };

/** `errcode` null: the call never got an answer (network, timeout). `attempts` counts this one. */
export function outcomeOf(errcode: number | null, attempts: number, now: Date): DeliveryOutcome {
  if (errcode === 0) return { kind: 'sent' };
  const reason = reasonOf(errcode);
  if (errcode !== null && !TRANSIENT.has(errcode)) return { kind: 'failed', reason };
  if (attempts >= MAX_ROBOT_ATTEMPTS) return { kind: 'failed', reason: `${reason}，已重试${attempts}次` };
  const backoff = Math.min(FIRST_BACKOFF_MS * 2 ** (attempts - 1), MAX_BACKOFF_MS);
  // A rate-limited robot is not asked again before the next minute window.
  const wait = errcode !== null && RATE_LIMITED.has(errcode) ? Math.max(backoff, nextWindowStart(now) - now.getTime()) : backoff;
  return { kind: 'retry', at: new Date(now.getTime() + wait), reason };
}

function reasonOf(errcode: number | null): string {
  if (errcode === null) return '网络不通';
  if (RATE_LIMITED.has(errcode)) return '机器人发送太频繁';
  if (errcode === -1) return '企业微信繁忙';
  if (errcode === 93000) return '机器人地址无效';
  return `企业微信返回错误 ${errcode}`;
}

/** The minute window a send counts in (the rate limit is per robot per window). */
export function windowOf(now: Date): number {
  return Math.floor(now.getTime() / 60_000);
}

export function nextWindowStart(now: Date): number {
  return (windowOf(now) + 1) * 60_000;
}
