import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { buildFunction, readManifest } from '../../scripts/build-functions';

// Child processes, bundling and copying packages: slower than a unit test, much slower on a busy machine.
jest.setTimeout(180_000);

/**
 * A function's `permissions.openapi` and its wx-server-sdk dependency are derived from the WeChat port methods its
 * bundle reaches. Proved on throwaway entries bundled exactly as the real functions are, and on the real build.
 */
const root = join(__dirname, '../..');
let work: string;
beforeAll(() => {
  work = mkdtempSync(join(root, '.cache-permissions-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function buildEntry(source: string) {
  const entry = join(work, `entry-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(entry, source);
  const out = join(work, 'out');
  // Any function's config.json serves for timeout and timers: only the derived parts are under test.
  const built = await buildFunction('street', entry, out);
  const config = JSON.parse(readFileSync(join(out, 'street', 'config.json'), 'utf8'));
  const pkg = JSON.parse(readFileSync(join(out, 'street', 'package.json'), 'utf8'));
  return { built, config, pkg };
}

const PORT = `import { wechat } from '${join(root, 'cloudfunctions/_core/ports/wechat')}';`;

describe('open-API permissions derived from the bundle', () => {
  it('declares exactly the APIs of the port methods the code calls, and installs wx-server-sdk for them', async () => {
    const { built, config, pkg } = await buildEntry(
      `${PORT}\nexport async function main() { await wechat().checkText({ openid: 'o', content: 'x' }); return wechat()\n  .miniProgramCode({ scene: 's', page: 'p' }); }`,
    );
    expect(built.wechatMethods).toEqual(['checkText', 'miniProgramCode']);
    expect(config.permissions.openapi).toEqual(['security.msgSecCheck', 'wxacode.getUnlimited']);
    expect(pkg.dependencies['wx-server-sdk']).toBe('4.0.2');
  });

  it('a bundle that never calls WeChat declares nothing and ships without wx-server-sdk', async () => {
    const { config, pkg } = await buildEntry(`export async function main() { return 1; }`);
    expect(config.permissions.openapi).toEqual([]);
    expect(pkg.dependencies).not.toHaveProperty('wx-server-sdk');
  });

  it('a module the bundler drops declares nothing; one it keeps declares all its calls', async () => {
    // Derivation is per module: a module imported but unused leaves no bytes in the bundle, so it reaches nothing.
    const helper = join(work, 'helper.ts');
    writeFileSync(helper, `${PORT}\nexport function remind() { return wechat().sendSubscribeMessage({ openid: '', templateId: '', page: '', data: {} }); }\nexport const used = 1;`);
    const kept = await buildEntry(`import { remind } from '${helper}';\nexport async function main() { return typeof remind === 'undefined' ? 0 : 0; }`);
    expect(kept.config.permissions.openapi).toEqual(['subscribeMessage.send']);
    const unused = await buildEntry(`import '${helper}';\nexport async function main() { return 0; }`);
    expect(unused.config.permissions.openapi).toEqual([]);
  });

  it('refuses the port held in a variable, where the method could not be seen', async () => {
    await expect(buildEntry(`${PORT}\nexport async function main() { const w = wechat(); return w.checkText({ openid: 'o', content: 'x' }); }`)).rejects.toThrow(
      'call the WeChat port as wechat().<method>(...)',
    );
  });

  it('finds the settings a bundle reads, and refuses a computed read it could not see', async () => {
    const { built } = await buildEntry(`export async function main() { return process.env.TXTD_CHECKIN_SECRET; }`);
    expect(built.envVars).toEqual(['TXTD_CHECKIN_SECRET']);
    await expect(buildEntry(`const name = 'TXTD_X';\nexport async function main() { return process.env[name]; }`)).rejects.toThrow('read settings as process.env.TXTD_<NAME>');
  });

  it('on the real build, every function that checks content, makes codes or sends messages declares it', () => {
    const byName = Object.fromEntries(readManifest().map((f) => [f.name, f]));
    expect(byName.members!.openapi).toEqual(expect.arrayContaining(['wxacode.getUnlimited', 'security.msgSecCheck']));
    for (const name of ['cabin', 'checkin', 'shop']) expect(byName[name]!.openapi).toContain('wxacode.getUnlimited');
    for (const name of ['cabin', 'events', 'notices']) expect(byName[name]!.openapi).toContain('subscribeMessage.send');
    for (const name of ['councils', 'grids', 'honours', 'ledger', 'roster']) expect(byName[name]!.openapi).toContain('security.msgSecCheck');
    for (const fn of Object.values(byName)) {
      const config = JSON.parse(readFileSync(join(root, 'dist/cloudfunctions', fn.name, 'config.json'), 'utf8'));
      expect([fn.name, config.permissions.openapi]).toEqual([fn.name, fn.openapi]);
      // Source config.json files hold no permissions: they are never hand-kept.
      expect([fn.name, JSON.parse(readFileSync(join(root, 'cloudfunctions', fn.name, 'config.json'), 'utf8')).permissions]).toEqual([fn.name, undefined]);
    }
  });
});
