import { createServer, type IncomingMessage, type ServerResponse } from 'http';
import { join } from 'path';
import { createGateway } from '../gateway';
import { serveStorage } from '../gateway/storage';
import { sdkEnv } from '../sdk-env';
import { openStore, type Store } from '../store';
import { DEMO_PEOPLE } from '../seed/demo-data';
import { FileStorage } from './file-storage';
import { BadRequestBody, isLoopback, readBody, readJson, sendJson, sendText } from './http-util';
import { createLocalStack, type LocalStack } from './local-stack';
import { LOCAL_APPID } from './functions-host';
import { loginPage } from './login-page';
import { contentType, serveFile } from './static-files';
import { scheduleTimers } from './timers';
import type { WeComSink } from './wecom-sink';

export interface DevServerOptions {
  port: number;
  /** Durable data folder (.data); null keeps everything in memory (tests). */
  dataDir: string | null;
  /** The built H5 app to serve at `/`. */
  h5Dir: string;
  /** Fire the declared timer triggers every minute (`npm start`); tests fire them by hand. */
  runTimers?: boolean;
  /**
   * How soon the fake WeChat pushes an image check's verdict (ms, default 1000, like the platform's "shortly after");
   * null: only when POST /__dev/wechat/media-checks/flush asks.
   */
  mediaCheckDelayMs?: number | null;
}

export interface DevServer {
  url: string;
  store: Store;
  stack: LocalStack;
  wecom: WeComSink;
  close(): Promise<void>;
}

/**
 * The local stand-in for CloudBase and WeChat on one loopback port: the database gateway at /admin, the
 * functions at /fn/:name, the H5 app, the dev login, file storage, and fake WeChat / WeCom endpoints.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const store = openStore(options.dataDir ? { dir: options.dataDir } : {});
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://127.0.0.1:${port}`;

  // The functions reach the database the way deployed ones do: the real SDK, pointed here by environment.
  Object.assign(process.env, sdkEnv(`${url}/admin`));
  const stack = createLocalStack();
  stack.wechat.mediaCheckDelayMs = options.mediaCheckDelayMs === undefined ? 1000 : options.mediaCheckDelayMs;
  const stopTimers = options.runTimers ? scheduleTimers(stack.host) : () => undefined;
  const files = new FileStorage(options.dataDir ? join(options.dataDir, 'files') : null);
  const gateway = createGateway(store, { now: () => stack.clock.nowMs(), storage: { files, baseUrl: url } });
  const wecom = stack.wecom;

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!isLoopback(req.socket.remoteAddress)) {
      sendText(res, 403, 'text/plain; charset=utf-8', 'local development server: loopback only');
      return;
    }
    route(req, res).catch((err: unknown) => {
      // An unreadable body never reaches a function: the envelope a page understands, with a 4xx (the caller's
      // request is at fault and retrying it unchanged cannot succeed), never the parser's text.
      if (err instanceof BadRequestBody) {
        if (!res.headersSent) sendJson(res, err.status, { ok: false, error: { code: 'COMMON.INVALID_INPUT', message: err.resident } });
        else res.end();
        return;
      }
      console.error('[dev-server]', req.method, req.url, err);
      if (!res.headersSent) sendJson(res, 500, { error: String(err) });
      else res.end();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname, searchParams } = new URL(req.url ?? '/', url);
    const method = req.method ?? 'GET';

    if (method === 'POST' && pathname === '/admin') return gateway.listener(req, res);

    const fn = /^\/fn\/([\w-]+)$/.exec(pathname);
    if (method === 'POST' && fn) {
      const openid = req.headers['x-wx-openid'];
      const caller = typeof openid === 'string' && openid ? { openid } : null;
      const unionid = req.headers['x-wx-unionid'];
      const result = await stack.host.invoke(fn[1]!, await readJson(req), caller && {
        ...caller,
        ...(typeof unionid === 'string' ? { unionid } : {}),
      });
      return sendJson(res, 200, result);
    }

    if (method === 'GET' && pathname === '/__dev/login') {
      return sendText(res, 200, 'text/html; charset=utf-8', loginPage(DEMO_PEOPLE));
    }
    if (method === 'GET' && pathname === '/__dev/identities') {
      return sendJson(res, 200, DEMO_PEOPLE.map(({ key, openid, label }) => ({ key, openid, label })));
    }
    if (method === 'POST' && pathname === '/__dev/clock') {
      const { offsetMs } = (await readJson(req)) as { offsetMs?: unknown };
      if (typeof offsetMs === 'number' && Number.isFinite(offsetMs)) stack.clock.offsetMs = offsetMs;
      return sendJson(res, 200, { now: stack.clock.now().toISOString(), offsetMs: stack.clock.offsetMs });
    }
    if (method === 'POST' && pathname === '/__dev/upload') {
      const name = searchParams.get('name') ?? 'upload.bin';
      return sendJson(res, 200, files.save(name, await readBody(req)));
    }
    const file = /^\/files\/([\w.-]+)$/.exec(pathname);
    if (method === 'GET' && file) {
      const content = files.read(file[1]!);
      if (!content) return sendText(res, 404, 'text/plain', 'not found');
      return sendText(res, 200, contentType(file[1]!), content);
    }
    // The SDK's uploadFile PUTs here (its downloadFile reads /files above).
    if (serveStorage(files, req, res)) return;
    const timer = /^\/__dev\/timer\/([\w-]+)\/([\w-]+)$/.exec(pathname);
    if (method === 'POST' && timer) return sendJson(res, 200, await stack.host.fireTimer(timer[1]!, timer[2]!));
    if (method === 'GET' && pathname === '/__dev/wechat/messages') return sendJson(res, 200, stack.wechat.messages);
    // Image checks: the pending ones (file and trace id, local only) and the pushes sent; flush pushes every verdict now.
    if (method === 'GET' && pathname === '/__dev/wechat/media-checks') {
      return sendJson(res, 200, { pending: stack.wechat.pendingMediaChecks, pushed: stack.wechat.mediaCheckPushes });
    }
    if (method === 'POST' && pathname === '/__dev/wechat/media-checks/flush') return sendJson(res, 200, { pushed: await stack.wechat.flushMediaChecks() });
    if (method === 'POST' && pathname === '/__dev/wechat/group-card') {
      const { group } = (await readJson(req)) as { group?: unknown };
      if (typeof group !== 'string' || !group) return sendJson(res, 400, { error: 'group required' });
      return sendJson(res, 200, { cloudID: stack.wechat.openData.mintGroupCloudId(group, LOCAL_APPID) });
    }
    if (method === 'GET' && pathname === '/__dev/wechat/qr') {
      const png = await stack.wechat.miniProgramCode({
        scene: searchParams.get('scene') ?? '',
        page: searchParams.get('page') ?? 'pages/home/index',
      });
      return sendText(res, 200, 'image/png', png);
    }
    const hook = /^\/__dev\/wecom\/webhook$/.exec(pathname);
    if (method === 'POST' && hook) {
      return sendJson(res, 200, wecom.receive(searchParams.get('key') ?? '', await readJson(req)));
    }
    if (method === 'GET' && pathname === '/__dev/wecom/deliveries') return sendJson(res, 200, wecom.deliveries);
    if (method === 'POST' && pathname === '/__dev/wecom/mode') {
      const { rateLimited } = (await readJson(req)) as { rateLimited?: unknown };
      wecom.rateLimited = rateLimited === true;
      return sendJson(res, 200, { rateLimited: wecom.rateLimited });
    }

    if (method === 'GET') {
      if (serveFile(options.h5Dir, pathname === '/' ? 'index.html' : pathname, res)) return;
      // The H5 app routes by hash; any other path gets the app shell.
      if (!pathname.startsWith('/__dev') && serveFile(options.h5Dir, 'index.html', res)) return;
    }
    sendText(res, 404, 'text/plain; charset=utf-8', 'not found');
  }

  return {
    url,
    store,
    stack,
    wecom,
    async close() {
      stopTimers();
      // Verdicts still on their way are dropped, as the store is about to close.
      stack.wechat.mediaCheckDelivery = null;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      store.close();
    },
  };
}
