/**
 * Bundles each cloud function with esbuild into dist/cloudfunctions/<name>/ with its package.json and
 * config.json. The SDKs stay external and are installed per function on deploy.
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';

const root = join(__dirname, '..');
const source = join(root, 'cloudfunctions');
const out = join(root, 'dist', 'cloudfunctions');

/** wx-server-sdk is only installed on deploy (it pins its own node-sdk: keep it out of local installs). */
const WX_SERVER_SDK_VERSION = '4.0.2';

function installedVersion(pkg: string): string {
  return JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

export function functionNames(): string[] {
  return readdirSync(source, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('_') && existsSync(join(source, e.name, 'index.ts')))
    .map((e) => e.name);
}

export async function buildFunction(name: string): Promise<{ name: string; bytes: number }> {
  const dir = join(out, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const config = JSON.parse(readFileSync(join(source, name, 'config.json'), 'utf8')) as {
    permissions?: { openapi?: string[] };
  };
  const usesOpenApi = (config.permissions?.openapi ?? []).length > 0;
  const result = await build({
    entryPoints: [join(source, name, 'index.ts')],
    outfile: join(dir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    external: ['@cloudbase/node-sdk', 'wx-server-sdk'],
    metafile: true,
    logLevel: 'warning',
  });
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config, null, 2) + '\n');
  const dependencies: Record<string, string> = { '@cloudbase/node-sdk': installedVersion('@cloudbase/node-sdk') };
  if (usesOpenApi) dependencies['wx-server-sdk'] = WX_SERVER_SDK_VERSION;
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies }, null, 2) + '\n',
  );
  const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  return { name, bytes };
}

async function main(): Promise<void> {
  for (const name of functionNames()) {
    const { bytes } = await buildFunction(name);
    console.log(`dist/cloudfunctions/${name}/index.js  ${(bytes / 1024).toFixed(1)} KB`);
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
