/**
 * Roster import figures through the real functions and SDK: time to check and to import 13,125 rows (an
 * uploaded file, as the page sends it), and the database round trips each made, counted at the gateway.
 * Imported by tests/bench/run.ts; also runnable alone: `npx tsx tests/bench/roster.bench.ts`.
 */
import http from 'http';
import type { AddressInfo } from 'net';
import { performance } from 'perf_hooks';
import tcb from '@cloudbase/node-sdk';
import { createGateway } from '../../emulator/gateway';
import { serveStorage } from '../../emulator/gateway/storage';
import { FileStorage } from '../../emulator/dev-server/file-storage';
import { createLocalStack } from '../../emulator/dev-server/local-stack';
import { sdkEnv } from '../../emulator/sdk-env';
import { openStore } from '../../emulator/store';
import { syntheticResidents, toRosterCsv } from '../support/synthetic-residents';
import { runStandalone } from './support';

const ROWS = 13_125;

export async function bench(): Promise<Record<string, number | string>> {
  const store = openStore();
  const files = new FileStorage(null);
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const gateway = createGateway(store, { storage: { files, baseUrl: base } });
  // Every database or storage action the functions send is one POST /admin: the round trips.
  const actions: string[] = [];
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (serveStorage(files, req, res)) return;
    if (req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { action: string };
        actions.push(body.action);
        void gateway.handle(body).then((answer) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(answer));
        });
      });
    }
  });
  const saved = { ...process.env };
  Object.assign(process.env, sdkEnv(`${base}/admin`));
  try {
    const stack = createLocalStack();
    await stack.seed();
    const csv = toRosterCsv(syntheticResidents(ROWS, { buildings: 10 }));
    const { fileID } = await tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }).uploadFile({ cloudPath: 'roster.csv', fileContent: Buffer.from(csv, 'utf8') });
    const source = { kind: 'file', fileID };

    const run = async (action: 'preview' | 'commit') => {
      actions.length = 0;
      const t = performance.now();
      const res = await stack.host.invoke('roster', { action, payload: { source } }, { openid: 'demo-committee' });
      const ms = performance.now() - t;
      if (!res.ok) throw new Error(`roster.${action}: ${JSON.stringify(res)}`);
      const db = actions.filter((a) => a.startsWith('database.')).length;
      return { ms, db, storage: actions.length - db, data: res.data as { created?: number } };
    };
    const preview = await run('preview');
    const first = await run('commit');
    const again = await run('commit');
    if (first.data.created !== ROWS || again.data.created !== 0) throw new Error('roster bench: wrong counts');
    return {
      'file size KB': Math.round(Buffer.byteLength(csv) / 1024),
      'preview 13,125 rows ms': preview.ms,
      'preview db round trips': preview.db,
      'import 13,125 rows ms': first.ms,
      'import db round trips': first.db,
      'import storage calls': first.storage,
      're-import (nothing changes) ms': again.ms,
      're-import db round trips': again.db,
    };
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    store.close();
  }
}

if (require.main === module) runStandalone(bench);
