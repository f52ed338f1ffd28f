import { randomBytes } from 'crypto';
import QRCode from 'qrcode';
import type { SendResult, SubscribeMessage, WeChatPlatform } from '../../cloudfunctions/_core/ports/wechat';
import { LocalOpenData } from './open-data';

/** Text the local content check refuses, so the refusal path can be tried and tested. */
export const CONTENT_CHECK_TEST_PHRASE = '违规测试词';

/** An image whose file name holds one of these is refused by the local image check (like CONTENT_CHECK_TEST_PHRASE for text). */
export const IMAGE_CHECK_TEST_MARKERS = ['违规图片', 'risky-test'] as const;

/** The push WeChat sends when an asynchronous image check is done (message push, `wxa_media_check`, version 2). */
export interface MediaCheckEvent {
  ToUserName: string;
  FromUserName: string;
  CreateTime: number;
  MsgType: 'event';
  Event: 'wxa_media_check';
  appid: string;
  trace_id: string;
  version: 2;
  detail: { strategy: string; errcode: number; suggest: 'pass' | 'risky'; label: number; prob: number }[];
  errcode: 0;
  errmsg: 'ok';
  result: { suggest: 'pass' | 'risky'; label: number };
}

export interface PendingMediaCheck {
  traceId: string;
  fileId: string;
  openid: string;
  at: string;
}

/** Delivers a push to the function the console's 消息推送 names; the dev server wires it to its functions host. */
export type PushDelivery = (event: MediaCheckEvent) => Promise<unknown>;

export interface LoggedMessage extends SubscribeMessage {
  at: string;
  result: SendResult;
}

/** The local stand-in for WeChat's open APIs: ordinary QR codes, a message log, a content check with a known refusal. */
export class LocalWeChatPlatform implements WeChatPlatform {
  readonly messages: LoggedMessage[] = [];
  /** Users who refused subscribe messages: sends to them answer 43101 as WeChat does. */
  readonly refusingOpenids = new Set<string>();

  /** The CloudIDs this platform issued: the only ones it resolves. */
  readonly openData: LocalOpenData;

  /** Image checks asked for and not yet answered, oldest first. */
  readonly pendingMediaChecks: PendingMediaCheck[] = [];
  /** Pushes sent, with what the function answered. */
  readonly mediaCheckPushes: { event: MediaCheckEvent; answer: unknown }[] = [];
  /**
   * Where verdicts are pushed, and how soon after the check (ms; null: only on flushMediaChecks, as tests like it).
   * Without a delivery nothing is pushed.
   */
  mediaCheckDelivery: PushDelivery | null = null;
  mediaCheckDelayMs: number | null = null;

  constructor(
    private readonly now: () => Date = () => new Date(),
    private readonly appid = 'wx-local-dev',
  ) {
    this.openData = new LocalOpenData(() => this.now().getTime());
  }

  async miniProgramCode({ scene, page }: { scene: string; page: string }): Promise<Buffer> {
    if (scene.length > 32) throw new Error('scene is longer than 32 characters');
    // Locally an ordinary QR holding the same page and scene a mini-program code would open.
    return QRCode.toBuffer(`${page}?scene=${encodeURIComponent(scene)}`, { type: 'png', margin: 1, width: 360 });
  }

  async sendSubscribeMessage(message: SubscribeMessage): Promise<SendResult> {
    const result: SendResult = this.refusingOpenids.has(message.openid)
      ? { sent: false, errcode: 43101, errmsg: 'user refuse to accept the msg' }
      : { sent: true };
    this.messages.push({ ...message, at: this.now().toISOString(), result });
    return result;
  }

  async checkText({ content }: { content: string }): Promise<{ pass: boolean }> {
    return { pass: !content.includes(CONTENT_CHECK_TEST_PHRASE) };
  }

  async resolveCloudId({ cloudID, appid }: { cloudID: string; appid: string }): Promise<Record<string, unknown> | null> {
    const data = this.openData.resolve(cloudID);
    const watermark = data?.watermark as { appid: string } | undefined;
    return data && watermark?.appid === appid ? data : null;
  }

  async checkImage({ openid, fileId }: { openid: string; fileId: string }): Promise<{ traceId: string }> {
    if (!/^(cloud|https?):\/\/\S+$/.test(fileId)) throw new Error(`mediaCheckAsync needs a URL WeChat can download, not ${fileId}`);
    // Unguessable like the platform's: the trace id is what lets a push through.
    const traceId = randomBytes(16).toString('hex');
    this.pendingMediaChecks.push({ traceId, fileId, openid, at: this.now().toISOString() });
    if (this.mediaCheckDelayMs !== null) {
      const timer = setTimeout(() => void this.deliverMediaCheck(traceId).catch((err: unknown) => console.error('[local wechat] media check push failed', err)), this.mediaCheckDelayMs);
      timer.unref();
    }
    return { traceId };
  }

  /** The verdict WeChat would reach: refused when the file name holds a test marker. */
  mediaCheckEvent(check: PendingMediaCheck): MediaCheckEvent {
    const name = decodeURIComponent(check.fileId.split('/').pop() ?? '');
    const suggest = IMAGE_CHECK_TEST_MARKERS.some((m) => name.includes(m) || check.fileId.includes(m)) ? 'risky' : 'pass';
    const label = suggest === 'pass' ? 100 : 20002;
    return {
      ToUserName: 'gh_local_dev',
      FromUserName: 'o-local-wechat-system',
      CreateTime: Math.floor(this.now().getTime() / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: this.appid,
      trace_id: check.traceId,
      version: 2,
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: suggest === 'pass' ? 0 : 90 }],
      errcode: 0,
      errmsg: 'ok',
      result: { suggest, label },
    };
  }

  /** Pushes the verdict of one pending check (once). */
  async deliverMediaCheck(traceId: string): Promise<unknown> {
    const i = this.pendingMediaChecks.findIndex((c) => c.traceId === traceId);
    if (i < 0 || !this.mediaCheckDelivery) return undefined;
    const [check] = this.pendingMediaChecks.splice(i, 1);
    const event = this.mediaCheckEvent(check!);
    const answer = await this.mediaCheckDelivery(event);
    this.mediaCheckPushes.push({ event, answer });
    return answer;
  }

  /** Pushes every pending verdict now, in order; answers how many were pushed. */
  async flushMediaChecks(): Promise<number> {
    let pushed = 0;
    while (this.pendingMediaChecks.length && this.mediaCheckDelivery) {
      await this.deliverMediaCheck(this.pendingMediaChecks[0]!.traceId);
      pushed += 1;
    }
    return pushed;
  }
}
