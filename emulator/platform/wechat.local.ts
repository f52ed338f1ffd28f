import QRCode from 'qrcode';
import type { SendResult, SubscribeMessage, WeChatPlatform } from '../../cloudfunctions/_core/ports/wechat';
import { LocalOpenData } from './open-data';

/** Text the local content check refuses, so the refusal path can be tried and tested. */
export const CONTENT_CHECK_TEST_PHRASE = '违规测试词';

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

  constructor(private readonly now: () => Date = () => new Date()) {
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
}
