import { LocalWeChatPlatform } from '../platform/wechat.local';
import { LocalWeComRobots } from '../platform/wecom.local';
import { seedDemo, type SeedOptions } from '../seed/seed';
import { createFunctionsHost, type FunctionsHost } from './functions-host';
import { OffsetClock } from './offset-clock';
import { WeComSink } from './wecom-sink';

/** Everything the cloud would provide around the functions, minus the database: one clock, WeChat, the host. */
export interface LocalStack {
  clock: OffsetClock;
  wechat: LocalWeChatPlatform;
  /** Where WeCom robot messages land, for the dev server's endpoints and for tests alike. */
  wecom: WeComSink;
  host: FunctionsHost;
  seed(options?: SeedOptions): Promise<number>;
}

/** Needs the SDK already pointed at a gateway (sdkEnv) before the first call. */
export function createLocalStack(): LocalStack {
  process.env.TXTD_CHECKIN_SECRET ??= 'local-dev-checkin-secret';
  process.env.TXTD_SURVEY_SECRET ??= 'local-dev-survey-secret';
  const clock = new OffsetClock();
  const wechat = new LocalWeChatPlatform(() => clock.now());
  const wecom = new WeComSink(() => clock.now());
  const host = createFunctionsHost({ clock, wechat, wecom: new LocalWeComRobots(wecom) });
  // The console's 消息推送 points image-check verdicts at the media function; the push carries no WeChat user.
  wechat.mediaCheckDelivery = (event) => host.invoke('media', event, null);
  return { clock, wechat, wecom, host, seed: (options) => seedDemo(clock.now(), options) };
}
