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
  /**
   * The open data a CloudID stands for (getOpenData), resolved by the platform itself, so nothing a client wrote
   * is trusted; null for an unknown or expired CloudID, or one issued to another AppID than the caller's.
   */
  resolveCloudId(input: { cloudID: string; appid: string }): Promise<Record<string, unknown> | null>;
  /**
   * mediaCheckAsync 2.0 for an image (a cloud fileID or an https address): answers the check's trace id at once; the
   * verdict comes later as a `wxa_media_check` message push carrying the same trace id (handled by the media function).
   */
  checkImage(input: { openid: string; fileId: string }): Promise<{ traceId: string }>;
}

/**
 * The WeChat open APIs each port method calls: a function's `permissions.openapi` is derived from the methods its
 * bundle reaches (scripts/deploy/openapi.ts), so an API the code calls is never left undeclared in the cloud.
 */
export const OPENAPI_OF_METHOD: Record<keyof WeChatPlatform, readonly string[]> = {
  miniProgramCode: ['wxacode.getUnlimited'],
  sendSubscribeMessage: ['subscribeMessage.send'],
  checkText: ['security.msgSecCheck'],
  // getOpenData is a cloud call of wx-server-sdk, not an openapi permission.
  resolveCloudId: [],
  // getTempFileURL (the address WeChat downloads the image from) is a cloud call, not an openapi permission.
  checkImage: ['security.mediaCheckAsync'],
};

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
