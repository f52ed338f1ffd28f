/**
 * WeCom (企业微信) group robots behind one port: the cloud implementation POSTs to the robot's webhook over HTTPS
 * (wecom.cloud.ts), the local one hands the message to the dev server's sink. Only the key names a robot; it is a
 * secret, so implementations never log it.
 */

/** A robot message: markdown for notices, text for reminders (only text can @-mention by mobile). */
export type WeComMessage =
  | { msgtype: 'markdown'; markdown: { content: string } }
  | { msgtype: 'text'; text: { content: string; mentioned_mobile_list?: string[] } };

/** WeCom's answer; errcode 0 is success. A network failure throws instead. */
export interface WeComAnswer {
  errcode: number;
  errmsg: string;
}

export interface WeComRobots {
  send(key: string, message: WeComMessage): Promise<WeComAnswer>;
}

let current: WeComRobots | undefined;

export function wecomRobots(): WeComRobots {
  if (!current) {
    // Loaded on first use, like the WeChat port.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { cloudWeComRobots } = require('./wecom.cloud') as typeof import('./wecom.cloud');
    current = cloudWeComRobots();
  }
  return current;
}

/** For hosts (the local dev server, tests). */
export function setWeComRobots(robots: WeComRobots): void {
  current = robots;
}
