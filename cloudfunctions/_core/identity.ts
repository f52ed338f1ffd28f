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

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The account's lookup key, stored on its live member record (and erased when the account is deleted). Not
 * reversible, so records do not carry the openid as an identifier.
 */
export function accountKeyOf(identity: Identity): string {
  return sha256(`account:${identity.appid}:${identity.openid}`).slice(0, 32);
}

/**
 * The `_id` of the account's `life`-th member record. Derived, so a first call's record is created exactly once
 * under races and retries; a deleted account's anonymous record keeps its id, and a returning user starts the next
 * life, which past records cannot be linked to.
 */
export function memberIdFor(identity: Identity, life = 1): string {
  return sha256(life === 1 ? `${identity.appid}:${identity.openid}` : `${identity.appid}:${identity.openid}:${life}`).slice(0, 24);
}
