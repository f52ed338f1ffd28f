import type { SendResult, WeChatPlatform } from './wechat';

/** The minimum of wx-server-sdk's openapi surface this project calls (the package is installed per function on deploy). */
interface WxServerSdk {
  DYNAMIC_CURRENT_ENV: symbol;
  init(options: { env: symbol }): void;
  getOpenData(input: { list: string[] }): Promise<{ list: Array<{ cloudID?: string; data?: Record<string, unknown> }> }>;
  getTempFileURL(input: { fileList: string[] }): Promise<{ fileList: Array<{ fileID: string; tempFileURL: string; status: number; errMsg: string }> }>;
  openapi: {
    wxacode: { getUnlimited(input: Record<string, unknown>): Promise<{ buffer: Buffer }> };
    subscribeMessage: { send(input: Record<string, unknown>): Promise<{ errCode?: number; errMsg?: string }> };
    security: {
      msgSecCheck(input: Record<string, unknown>): Promise<{ result?: { suggest?: string } }>;
      mediaCheckAsync(input: Record<string, unknown>): Promise<{ traceId?: string; errCode?: number; errMsg?: string }>;
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
    async checkImage({ openid, fileId }) {
      // WeChat downloads the image itself: it needs an http(s) address, never a fileID.
      let mediaUrl = fileId;
      if (fileId.startsWith('cloud://')) {
        const { fileList } = await cloud.getTempFileURL({ fileList: [fileId] });
        const file = fileList[0];
        if (!file?.tempFileURL) throw new Error(`no temporary URL for ${fileId}: ${file?.errMsg ?? 'missing'}`);
        mediaUrl = file.tempFileURL;
      }
      // scene 1-4 are 资料, 评论, 论坛, 社交日志; 2, as checkText uses, for what residents post for each other.
      const res = await cloud.openapi.security.mediaCheckAsync({ mediaUrl, mediaType: 2, version: 2, scene: 2, openid });
      if (!res.traceId) throw new Error(`mediaCheckAsync answered no trace id: ${res.errCode ?? ''} ${res.errMsg ?? ''}`);
      return { traceId: res.traceId };
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
