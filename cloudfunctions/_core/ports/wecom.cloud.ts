import { request } from 'https';
import type { WeComAnswer, WeComMessage, WeComRobots } from './wecom';

const HOST = 'qyapi.weixin.qq.com';
const PATH = '/cgi-bin/webhook/send';
const TIMEOUT_MS = 5000;

/**
 * HTTPS POST to the robot's webhook (node's https: the functions' runtime has no global fetch). The URL carries the
 * key, so failures are reported without it.
 */
export function cloudWeComRobots(): WeComRobots {
  return {
    send(key: string, message: WeComMessage): Promise<WeComAnswer> {
      const body = JSON.stringify(message);
      return new Promise((resolve, reject) => {
        const req = request(
          {
            host: HOST,
            path: `${PATH}?key=${encodeURIComponent(key)}`,
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
            timeout: TIMEOUT_MS,
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (text += chunk));
            res.on('end', () => {
              if (res.statusCode !== 200) return reject(new Error(`wecom webhook answered HTTP ${res.statusCode}`));
              try {
                resolve(JSON.parse(text) as WeComAnswer);
              } catch {
                reject(new Error('wecom webhook answered no JSON'));
              }
            });
          },
        );
        req.on('timeout', () => req.destroy(new Error('wecom webhook timed out')));
        req.on('error', (err) => reject(new Error(`wecom webhook unreachable: ${err.name}`)));
        req.end(body);
      });
    },
  };
}
