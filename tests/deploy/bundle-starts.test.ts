import { execFile } from 'child_process';
import { promisify } from 'util';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { readManifest } from '../../scripts/build-functions';
import { INSTALLED_LIMIT_BYTES, PACKAGE_LIMIT_BYTES } from '../../scripts/deploy/platform';
import { startGateway, type RunningGateway } from '../../emulator/gateway';
import { sdkEnv } from '../../emulator/sdk-env';
import { installClosure } from '../support/package-closure';

// Child processes, bundling and copying packages: slower than a unit test, much slower on a busy machine.
jest.setTimeout(180_000);

/**
 * Each built dist/cloudfunctions/<name>/ is started as the cloud would start it: copied to a clean folder outside
 * the repository with only its own package.json's dependencies installed (offline, from node_modules), loaded by a
 * plain `node`, and called. It must answer an unknown action with the envelope, reach the database through its own
 * SDK copy (pointed at a local gateway), and, when it calls WeChat, load wx-server-sdk for the cloud WeChat port.
 */
const root = join(__dirname, '../..');
const built = readManifest();
const work = mkdtempSync(join(tmpdir(), 'txtd-bundles-'));
let gateway: RunningGateway;
const sizes: Record<string, { own: number; installed: number }> = {};

/** One install per distinct dependency set (node-sdk alone, or with wx-server-sdk), shared by its functions. */
const installs = new Map<string, string>();
function installFor(dependencies: Record<string, string>): string {
  const key = JSON.stringify(dependencies);
  let dir = installs.get(key);
  if (!dir) {
    dir = join(work, `deps-${installs.size}`);
    installClosure(dependencies, dir, root);
    installs.set(key, dir);
  }
  return dir;
}

function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => {
    const p = join(dir, e.name);
    return sum + (e.isDirectory() ? folderBytes(p) : statSync(p).size);
  }, 0);
}

const PROBE = `
const context = { request_id: 'probe', environment: JSON.stringify({ WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_OPENID: 'probe-openid', WX_APPID: 'wx-probe' }) };
(async () => {
  const { main } = require('./index.js');
  const unknown = await main({ action: '__no_such_action__' }, context);
  const me = process.argv[2] === 'members' ? await main({ action: 'me', payload: {} }, context) : null;
  let wechat = null;
  try {
    const cloud = require('wx-server-sdk');
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
    wechat = { init: true, openapi: typeof cloud.openapi.security.msgSecCheck, getOpenData: typeof cloud.getOpenData };
  } catch (err) {
    wechat = { error: err.code || String(err) };
  }
  process.stdout.write(JSON.stringify({ unknown, me, wechat, node: process.version }));
})().catch((err) => { console.error(err); process.exit(1); });
`;

beforeAll(async () => {
  gateway = await startGateway();
});

afterAll(async () => {
  // The figures for the deploy guide and the issue note.
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
  console.log(Object.entries(sizes).map(([n, s]) => `${n}: package ${(s.own / 1024).toFixed(1)} KB, installed ${mb(s.installed)}`).join('\n'));
  await gateway?.close();
  rmSync(work, { recursive: true, force: true });
});

describe.each(built.map((f) => [f.name, f] as const))('the %s bundle in a clean folder', (name, fn) => {
  it('loads with only its own dependencies, answers the envelope, reaches the database and WeChat as declared', async () => {
    const deps = installFor(fn.dependencies);
    const dir = join(deps, name);
    cpSync(join(root, 'dist/cloudfunctions', name), dir, { recursive: true });
    writeFileSync(join(dir, 'probe.js'), PROBE);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    // The installed copies are the versions the package asks for.
    for (const [dep, version] of Object.entries(pkg.dependencies)) {
      expect([dep, JSON.parse(readFileSync(join(deps, 'node_modules', dep, 'package.json'), 'utf8')).version]).toEqual([dep, version]);
    }
    // Asynchronously: the gateway answering the bundle's database calls runs in this process.
    const { stdout: out } = await promisify(execFile)(process.execPath, ['probe.js', name], {
      cwd: dir,
      // A clean process: no NODE_PATH into the repository, the SDK pointed at a local gateway as in the cloud.
      env: { PATH: process.env.PATH ?? '', ...sdkEnv(gateway.url) } as unknown as NodeJS.ProcessEnv,
      encoding: 'utf8',
      timeout: 60_000,
    });
    const probe = JSON.parse(out) as { unknown: unknown; me: { ok: boolean } | null; wechat: { init?: boolean; openapi?: string; error?: string } };
    expect(probe.unknown).toEqual({ ok: false, error: { code: 'COMMON.UNKNOWN_ACTION', message: expect.any(String) } });
    if (name === 'members') expect(probe.me).toMatchObject({ ok: true, data: { member: expect.any(Object) } });
    if (fn.wechatMethods.length > 0) expect(probe.wechat).toEqual({ init: true, openapi: 'function', getOpenData: 'function' });
    else expect(probe.wechat).toEqual({ error: 'MODULE_NOT_FOUND' });
    // The uploaded package, and the package once its dependencies are installed, stay under the platform's limits.
    const own = folderBytes(dir) - Buffer.byteLength(PROBE);
    const installed = folderBytes(join(deps, 'node_modules')) + own;
    sizes[name] = { own, installed };
    expect(own).toBeLessThan(PACKAGE_LIMIT_BYTES);
    expect(installed).toBeLessThan(INSTALLED_LIMIT_BYTES);
  });
});
