import type { WeComAnswer, WeComMessage, WeComRobots } from './wecom';

const WEBHOOK = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send';
const TIMEOUT_MS = 5000;

/** HTTPS POST to the robot's webhook. The URL carries the key, so errors are rethrown without it. */
export function cloudWeComRobots(): WeComRobots {
  return {
    async send(key: string, message: WeComMessage): Promise<WeComAnswer> {
      let res: Response;
      try {
        res = await fetch(`${WEBHOOK}?key=${encodeURIComponent(key)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(message),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (err) {
        throw new Error(`wecom webhook unreachable: ${(err as Error).name}`);
      }
      if (!res.ok) throw new Error(`wecom webhook answered HTTP ${res.status}`);
      return (await res.json()) as WeComAnswer;
    },
  };
}
