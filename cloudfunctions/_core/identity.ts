import { createHash } from 'crypto';
import tcb from '@cloudbase/node-sdk';

/** Who is calling, as the platform says: never from the payload. */
export interface Identity {
  openid: string;
  appid: string;
  unionid?: string;
}

/**
 * Reads the caller from this call's context. `getCloudbaseContext(context)` is the only per-call source:
 * `auth().getUserInfo()` reads process.env and goes wrong once one process serves two callers.
 */
export function identify(context: unknown): Identity | null {
  let env: Record<string, unknown>;
  try {
    env = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]) as unknown as Record<string, unknown>;
  } catch {
    return null;
  }
  const openid = env.WX_OPENID;
  if (typeof openid !== 'string' || openid === '') return null;
  const appid = typeof env.WX_APPID === 'string' ? env.WX_APPID : '';
  const unionid = typeof env.WX_UNIONID === 'string' && env.WX_UNIONID ? env.WX_UNIONID : undefined;
  return { openid, appid, unionid };
}

/**
 * A member's `_id`, derived from who they are so the first call's record is created exactly once under
 * races and retries, and so ids shown to others do not reveal the openid.
 */
export function memberIdFor(identity: Identity): string {
  return createHash('sha256').update(`${identity.appid}:${identity.openid}`).digest('hex').slice(0, 24);
}
