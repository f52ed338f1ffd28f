import type { SendResult, WeChatPlatform } from './wechat';

/** The minimum of wx-server-sdk's openapi surface this project calls (the package is installed per function on deploy). */
interface WxServerSdk {
  DYNAMIC_CURRENT_ENV: symbol;
  init(options: { env: symbol }): void;
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
  };
}
