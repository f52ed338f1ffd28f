import { LocalOpenData } from '../platform/open-data';
import { LocalWeChatPlatform } from '../platform/wechat.local';
import { seedDemo } from '../seed/seed';
import { createFunctionsHost, type FunctionsHost } from './functions-host';
import { OffsetClock } from './offset-clock';

/** Everything the cloud would provide around the functions, minus the database: one clock, WeChat, the host. */
export interface LocalStack {
  clock: OffsetClock;
  wechat: LocalWeChatPlatform;
  openData: LocalOpenData;
  host: FunctionsHost;
  seed(): Promise<number>;
}

/** Needs the SDK already pointed at a gateway (sdkEnv) before the first call. */
export function createLocalStack(): LocalStack {
  process.env.TXTD_CHECKIN_SECRET ??= 'local-dev-checkin-secret';
  const clock = new OffsetClock();
  const wechat = new LocalWeChatPlatform(() => clock.now());
  const openData = new LocalOpenData(() => clock.nowMs());
  const host = createFunctionsHost({ clock, wechat, openData });
  return { clock, wechat, openData, host, seed: () => seedDemo(clock.now()) };
}
