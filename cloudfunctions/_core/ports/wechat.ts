/**
 * The WeChat open APIs the functions use, behind one port: the cloud implementation sits on wx-server-sdk
 * (wechat.cloud.ts), the local one in the emulator. A host may install another before serving calls.
 */
export interface SubscribeMessage {
  openid: string;
  templateId: string;
  /** The page the message opens, with its query. */
  page: string;
  data: Record<string, { value: string }>;
}

export type SendResult = { sent: true } | { sent: false; errcode: number; errmsg: string };

export interface ContentCheck {
  /** The author, so the platform can weigh their history. */
  openid: string;
  content: string;
}

export interface WeChatPlatform {
  /** An unlimited mini-program code (PNG) opening `page` with `scene` (at most 32 characters). */
  miniProgramCode(input: { scene: string; page: string }): Promise<Buffer>;
  sendSubscribeMessage(message: SubscribeMessage): Promise<SendResult>;
  /** msgSecCheck 2.0: may other residents see this text? */
  checkText(input: ContentCheck): Promise<{ pass: boolean }>;
}

let current: WeChatPlatform | undefined;

export function wechat(): WeChatPlatform {
  if (!current) {
    // Loaded on first use so functions that never call WeChat do not pay wx-server-sdk's 200+ ms require.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { cloudWeChatPlatform } = require('./wechat.cloud') as typeof import('./wechat.cloud');
    current = cloudWeChatPlatform();
  }
  return current;
}

/** For hosts (the local dev server, tests). */
export function setWeChatPlatform(platform: WeChatPlatform): void {
  current = platform;
}
