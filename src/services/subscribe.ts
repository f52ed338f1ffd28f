import Taro from '@tarojs/taro';
import { SUBSCRIPTION_TEMPLATES, type TemplateKey } from '@shared/subscriptions';
import { callCloud } from './cloud';
import { newRequestId } from './request-id';

/**
 * The WeChat template id of each key, for the environment this build is for: config/index.ts defines it from
 * deploy/environments/<TXTD_DEPLOY_ENV>.json (default local, whose ids are the keys).
 */
declare const TXTD_SUBSCRIBE_TEMPLATE_IDS: Record<TemplateKey, string>;

/** WeChat's dialog, or locally a modal standing in for it: answers the templates the person accepted. */
async function askPlatform(templates: TemplateKey[]): Promise<TemplateKey[]> {
  if (process.env.TARO_ENV === 'weapp') {
    const ids = TXTD_SUBSCRIBE_TEMPLATE_IDS;
    const answer = (await Taro.requestSubscribeMessage({
      tmplIds: templates.map((k) => ids[k]),
      entityIds: [],
    })) as unknown as Record<string, string>;
    return templates.filter((k) => answer[ids[k]] === 'accept');
  }
  const titles = templates.map((k) => SUBSCRIPTION_TEMPLATES[k].title).join('、');
  const { confirm } = await Taro.showModal({ title: '接收微信提醒', content: `允许“同心梯队”给你发一次：${titles}？`, confirmText: '允许', cancelText: '不用了' });
  return confirm ? templates : [];
}

/**
 * Asks the person to allow reminders (each accepted template allows one message) and records what they allowed.
 * Call it from a tap: WeChat shows the dialog only in answer to one. Answers the accepted templates; a dismissed
 * dialog is not an error.
 */
export async function askSubscription(templates: TemplateKey[]): Promise<TemplateKey[]> {
  let accepted: TemplateKey[];
  try {
    accepted = await askPlatform(templates);
  } catch {
    return [];
  }
  if (accepted.length > 0) await callCloud('members', 'grantSubscriptions', { requestId: newRequestId(), templates: accepted });
  return accepted;
}
