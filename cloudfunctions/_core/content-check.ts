import { AppError } from './errors';
import type { Identity } from './identity';
import { wechat } from './ports/wechat';

/** Text other residents will read must pass the platform's content check first (one platform call). */
export async function ensurePublishable(identity: Identity, texts: readonly string[]): Promise<void> {
  const content = texts.filter(Boolean).join('\n');
  if (!content) return;
  const { pass } = await wechat().checkText({ openid: identity.openid, content });
  if (!pass) throw new AppError('COMMON.CONTENT_REJECTED');
}
