/**
 * Bundles each cloud function with esbuild into dist/cloudfunctions/<name>/ with its package.json and config.json.
 * The SDKs stay external and are installed per function in the cloud. What the deploy needs to know of a bundle
 * (the WeChat open APIs it calls, the settings it reads) is derived here from what the bundle really contains and
 * written to config.json (`permissions.openapi`) and to dist/cloudfunctions/manifest.json.
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { bundleFacts, type BundleFacts } from './deploy/bundle-facts';
import { BUNDLE_TARGET, DEFAULT_MEMORY_MB, RUNTIME, WX_SERVER_SDK_VERSION } from './deploy/platform';

const root = join(__dirname, '..');
const source = join(root, 'cloudfunctions');
export const FUNCTIONS_OUT = join(root, 'dist', 'cloudfunctions');
export const MANIFEST = join(FUNCTIONS_OUT, 'manifest.json');

/** What cloudfunctions/<name>/config.json may say by hand: everything else is derived. */
export interface SourceConfig {
  timeout: number;
  memorySize?: number;
  triggers?: { name: string; type: 'timer'; config: string }[];
}

export interface BuiltFunction extends BundleFacts {
  name: string;
  bytes: number;
  runtime: string;
  timeout: number;
  memorySize: number;
  triggers: NonNullable<SourceConfig['triggers']>;
  dependencies: Record<string, string>;
}

function installedVersion(pkg: string): string {
  return JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

export function functionNames(): string[] {
  return readdirSync(source, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('_') && existsSync(join(source, e.name, 'index.ts')))
    .map((e) => e.name)
    .sort();
}

export function sourceConfig(name: string): SourceConfig {
  return JSON.parse(readFileSync(join(source, name, 'config.json'), 'utf8')) as SourceConfig;
}

/** Bundles `entry` (default: the function's index.ts) into dist/cloudfunctions/<name>/ and answers what it reaches. */
export async function buildFunction(name: string, entry = join(source, name, 'index.ts'), out = FUNCTIONS_OUT): Promise<BuiltFunction> {
  const dir = join(out, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const config = sourceConfig(name);
  const outfile = join(dir, 'index.js');
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: BUNDLE_TARGET,
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    external: ['@cloudbase/node-sdk', 'wx-server-sdk'],
    metafile: true,
    absWorkingDir: root,
    logLevel: 'warning',
  });
  const facts = bundleFacts(result.metafile, outfile, root);
  const dependencies: Record<string, string> = { '@cloudbase/node-sdk': installedVersion('@cloudbase/node-sdk') };
  if (facts.wechatMethods.length > 0) dependencies['wx-server-sdk'] = WX_SERVER_SDK_VERSION;
  const built: BuiltFunction = {
    name,
    bytes: Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0),
    runtime: RUNTIME,
    timeout: config.timeout,
    memorySize: config.memorySize ?? DEFAULT_MEMORY_MB,
    triggers: config.triggers ?? [],
    dependencies,
    ...facts,
  };
  // WeChat reads `permissions.openapi` from the uploaded config.json: an API not listed there cannot be called.
  const cloudConfig = {
    timeout: built.timeout,
    memorySize: built.memorySize,
    runtime: built.runtime,
    permissions: { openapi: built.openapi },
    ...(built.triggers.length ? { triggers: built.triggers } : {}),
  };
  writeFileSync(join(dir, 'config.json'), JSON.stringify(cloudConfig, null, 2) + '\n');
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', engines: { node: '>=20' }, dependencies }, null, 2) + '\n',
  );
  return built;
}

export function readManifest(): BuiltFunction[] {
  if (!existsSync(MANIFEST)) throw new Error('dist/cloudfunctions/manifest.json is missing: run npm run build:functions first');
  return JSON.parse(readFileSync(MANIFEST, 'utf8')) as BuiltFunction[];
}

export async function buildAllFunctions(): Promise<BuiltFunction[]> {
  const built: BuiltFunction[] = [];
  for (const name of functionNames()) built.push(await buildFunction(name));
  writeFileSync(MANIFEST, JSON.stringify(built, null, 2) + '\n');
  return built;
}

async function main(): Promise<void> {
  for (const fn of await buildAllFunctions()) {
    const apis = fn.openapi.length ? `  openapi: ${fn.openapi.join(', ')}` : '';
    console.log(`dist/cloudfunctions/${fn.name}/index.js  ${(fn.bytes / 1024).toFixed(1)} KB${apis}`);
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
