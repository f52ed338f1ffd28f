import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

export interface PackageSize {
  totalBytes: number;
  largest: { file: string; bytes: number }[];
  subpackages: Record<string, number>;
}

function walk(dir: string, visit: (path: string, bytes: number) => void): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, visit);
    else visit(p, statSync(p).size);
  }
}

/** The weapp main package is everything outside the subpackage roots declared in app.json. */
export function weappPackageSizes(root: string): PackageSize {
  const app = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] };
  const subRoots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const subpackages: Record<string, number> = Object.fromEntries(subRoots.map((s) => [s, 0]));
  const main: { file: string; bytes: number }[] = [];
  walk(root, (path, bytes) => {
    const rel = relative(root, path);
    const sub = subRoots.find((s) => rel === s || rel.startsWith(`${s}/`));
    if (sub) subpackages[sub]! += bytes;
    else main.push({ file: rel, bytes });
  });
  main.sort((a, b) => b.bytes - a.bytes);
  return { totalBytes: main.reduce((s, f) => s + f.bytes, 0), largest: main.slice(0, 6), subpackages };
}
