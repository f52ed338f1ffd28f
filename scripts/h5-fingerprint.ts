/**
 * What the H5 build is made from, as one hash: `npm start` skips the webpack build when the last one was made from
 * the same sources (a second start is then ready in seconds). Content, not mtimes, so a checkout that only touches
 * files does not force a rebuild.
 */
import { createHash } from 'crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { join, relative } from 'path';

/** Everything the H5 bundle is built from (sources, build config, the locked dependencies, the build's defines). */
const INPUTS = ['src', 'config', 'types', 'package-lock.json', 'babel.config.js', 'tsconfig.json', 'deploy/environments', 'scripts/deploy/templates.ts'];
/** Environment the build reads (config/index.ts, scripts/deploy/templates.ts). */
const ENV_INPUTS = ['TXTD_DEPLOY_ENV', 'NODE_ENV'];

export const STAMP_FILE = '.source-fingerprint';

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => filesUnder(join(path, e.name)));
}

export function sourceFingerprint(root: string, env: Record<string, string | undefined> = process.env): string {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    for (const file of filesUnder(join(root, input))) {
      hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  for (const name of ENV_INPUTS) hash.update(`${name}=${env[name] ?? ''}\0`);
  return hash.digest('hex');
}

/** True when `outDir` holds a finished build made from exactly these sources. */
export function buildIsCurrent(outDir: string, fingerprint: string): boolean {
  const stamp = join(outDir, STAMP_FILE);
  return existsSync(join(outDir, 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint;
}

/** Written only after a build succeeded, so a broken build is never skipped next time. */
export function markBuilt(outDir: string, fingerprint: string): void {
  writeFileSync(join(outDir, STAMP_FILE), fingerprint);
}
