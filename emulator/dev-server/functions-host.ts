import { randomUUID } from 'crypto';
import { setClock, type Clock } from '../../cloudfunctions/_core/clock';
import { setWeChatPlatform, type WeChatPlatform } from '../../cloudfunctions/_core/ports/wechat';
import { setWeComRobots, type WeComRobots } from '../../cloudfunctions/_core/ports/wecom';
import type { CloudFunction } from '../../cloudfunctions/_core/router';
import { main as cabin } from '../../cloudfunctions/cabin';
import { main as checkin } from '../../cloudfunctions/checkin';
import { main as councils } from '../../cloudfunctions/councils';
import { main as events } from '../../cloudfunctions/events';
import { main as grids } from '../../cloudfunctions/grids';
import { main as honours } from '../../cloudfunctions/honours';
import { main as ledger } from '../../cloudfunctions/ledger';
import { main as media } from '../../cloudfunctions/media';
import { main as members } from '../../cloudfunctions/members';
import { main as notices } from '../../cloudfunctions/notices';
import { main as roster } from '../../cloudfunctions/roster';
import { main as shop } from '../../cloudfunctions/shop';
import { main as street } from '../../cloudfunctions/street';
import { main as home } from '../../cloudfunctions/home';
import { main as audit } from '../../cloudfunctions/audit';
import { main as reports } from '../../cloudfunctions/reports';
import { main as participation } from '../../cloudfunctions/participation';
import { main as surveys } from '../../cloudfunctions/surveys';
import { main as care } from '../../cloudfunctions/care';
import { main as learning } from '../../cloudfunctions/learning';
import { main as talent } from '../../cloudfunctions/talent';
import type { CloudResult } from '../../src/shared/result';

/** Every deployable function, as the local host serves it. */
export const FUNCTIONS: Record<string, CloudFunction> = { members, councils, grids, talent, roster, street, ledger, shop, honours, events, checkin, cabin, notices, media, home, audit, reports, participation, surveys, care, learning };

/** The AppID the local stack reports for every caller. */
export const LOCAL_APPID = 'wx-local-dev';

export interface LocalCaller {
  openid: string;
  appid?: string;
  unionid?: string;
  clientIp?: string;
}

/** The per-call context the cloud gives a function: the caller travels in `environment`, never in the payload. */
export function callContext(name: string, caller: LocalCaller): Record<string, unknown> {
  const env = {
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP',
    WX_OPENID: caller.openid,
    WX_APPID: caller.appid ?? LOCAL_APPID,
    WX_UNIONID: caller.unionid ?? '',
    WX_CLIENTIP: caller.clientIp ?? '127.0.0.1',
  };
  return { request_id: randomUUID(), function_name: name, environment: JSON.stringify(env) };
}

type HostResult = CloudResult<unknown> | { ok: false; error: { code: string; message: string } };

export interface FunctionsHost {
  invoke(name: string, body: unknown, caller: LocalCaller | null): Promise<HostResult>;
  /** Fires a timer trigger as the platform does: a `Timer` event and no WeChat user. */
  fireTimer(name: string, trigger: string): Promise<HostResult>;
}

const NO_SUCH_FUNCTION = (name: string) => ({ ok: false as const, error: { code: 'LOCAL.NO_SUCH_FUNCTION', message: `没有名为 ${name} 的云函数` } });

/** Hosts the functions in this process with the local clock, WeChat and WeCom stand-ins installed behind their ports. */
export function createFunctionsHost(deps: { clock: Clock; wechat: WeChatPlatform; wecom: WeComRobots }): FunctionsHost {
  setClock(deps.clock);
  setWeChatPlatform(deps.wechat);
  setWeComRobots(deps.wecom);
  const lookup = (name: string) => (Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined);
  return {
    async invoke(name, body, caller) {
      const fn = lookup(name);
      if (!fn) return NO_SUCH_FUNCTION(name);
      // A call without a WeChat user has no identity in its context, as in the cloud.
      const context = caller ? callContext(name, caller) : { request_id: randomUUID(), environment: '{}' };
      return fn(body, context);
    },
    async fireTimer(name, trigger) {
      const fn = lookup(name);
      if (!fn) return NO_SUCH_FUNCTION(name);
      const event = { Type: 'Timer', TriggerName: trigger, Time: deps.clock.now().toISOString(), Message: '' };
      return fn(event, { request_id: randomUUID(), function_name: name, environment: '{}' });
    },
  };
}
