import type { SendResult, WeChatPlatform } from './wechat';

/** The minimum of wx-server-sdk's openapi surface this project calls (the package is installed per function on deploy). */
interface WxServerSdk {
  DYNAMIC_CURRENT_ENV: symbol;
  init(options: { env: symbol }): void;
  getOpenData(input: { list: string[] }): Promise<{ list: Array<{ cloudID?: string; data?: Record<string, unknown> }> }>;
  openapi: {
    wxacode: { getUnlimited(input: Record<string, unknown>): Promise<{ buffer: Buffer }> };
    subscribeMessage: { send(input: Record<string, unknown>): Promise<{ errCode?: number; errMsg?: string }> };
    security: {
      msgSecCheck(input: Record<string, unknown>): Promise<{ result?: { suggest?: string } }>;
    };
  };
}

interface WxApiError {
  errCode?: number;
  errMsg?: string;
}

export function cloudWeChatPlatform(): WeChatPlatform {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as WxServerSdk;
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
  return {
    async miniProgramCode({ scene, page }) {
      const res = await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: false, width: 430 });
      return res.buffer;
    },
    async sendSubscribeMessage({ openid, templateId, page, data }): Promise<SendResult> {
      try {
        await cloud.openapi.subscribeMessage.send({ touser: openid, templateId, page, data, miniprogramState: 'formal' });
        return { sent: true };
      } catch (err) {
        const e = err as WxApiError;
        return { sent: false, errcode: e.errCode ?? -1, errmsg: e.errMsg ?? String(err) };
      }
    },
    async checkText({ openid, content }) {
      const res = await cloud.openapi.security.msgSecCheck({ openid, content, scene: 2, version: 2 });
      return { pass: res.result?.suggest === 'pass' };
    },
    async resolveCloudId({ cloudID, appid }) {
      try {
        const res = await cloud.getOpenData({ list: [cloudID] });
        const item = res.list[0];
        // The open data carries the AppID it was issued for: another mini-program's CloudID is not ours.
        const watermark = item?.data?.watermark as { appid?: unknown } | undefined;
        if (!item?.data || (watermark?.appid !== undefined && watermark.appid !== appid)) return null;
        return item.data;
      } catch {
        // Expired (5 minutes) or never issued.
        return null;
      }
    },
  };
}
