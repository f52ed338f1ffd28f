/** A local stand-in for WeCom group-robot webhooks: records what arrives and can play the rate-limit answer. */
export interface WeComDelivery {
  key: string;
  at: string;
  body: unknown;
  answer: { errcode: number; errmsg: string };
}

/** The answer WeCom gives past 20 messages a minute per robot (wechat.md). */
export const WECOM_RATE_LIMITED = { errcode: 45009, errmsg: 'api freq out of limit' } as const;

export class WeComSink {
  readonly deliveries: WeComDelivery[] = [];
  rateLimited = false;

  constructor(private readonly now: () => Date) {}

  receive(key: string, body: unknown): WeComDelivery['answer'] {
    const answer = this.rateLimited ? { ...WECOM_RATE_LIMITED } : { errcode: 0, errmsg: 'ok' };
    this.deliveries.push({ key, at: this.now().toISOString(), body, answer });
    return answer;
  }
}
