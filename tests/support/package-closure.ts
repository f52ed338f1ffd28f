import { cpSync, existsSync, readFileSync } from 'fs';
import { dirname, join, relative, sep } from 'path';

/**
 * Installs a package.json's dependencies into `target/node_modules` offline, from the repository's node_modules
 * (npm's `--offline` needs registry metadata that a lockfile install never caches). Like npm, it walks the
 * dependency tree breadth first and hoists each package to the top unless another version holds that place, so
 * the tree is the one a fresh `npm install` of that package.json would give in the cloud: a package that relies
 * on a dependency it never declared (wx-server-sdk 4.0.2 requires mime-db) works here exactly when it would there.
 */
export function installClosure(dependencies: Record<string, string>, target: string, repoRoot: string): { packages: number } {
  /** Target directory -> the repository's package copied there. */
  const placed = new Map<string, string>();

  /** The package Node resolves `name` to from `fromDir`, walking up through node_modules folders within `top`. */
  function resolveIn(name: string, fromDir: string, top: string): string | null {
    let dir = fromDir;
    for (;;) {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) return candidate;
      if (dir === top || !dir.startsWith(top)) return null;
      dir = dirname(dir);
    }
  }

  /** Where `name` lands in the target tree for a requirer installed at `requirer`; null when already served. */
  function placement(name: string, source: string, requirer: string): string | null {
    let dir = requirer;
    for (;;) {
      const candidate = join(dir, 'node_modules', name);
      const there = placed.get(candidate);
      // The requirer would resolve to what sits here: the same package serves it, another version shadows it.
      if (there) return there === source ? null : join(requirer, 'node_modules', name);
      if (dir === target) return candidate;
      dir = dirname(dir);
      // Skip the `node_modules` level itself when climbing out of a nested package.
      if (dir.endsWith(`${sep}node_modules`)) dir = dirname(dir);
    }
  }

  const queue: { name: string; sourceFrom: string; requirer: string; optional: boolean }[] = Object.keys(dependencies).map((name) => ({
    name,
    sourceFrom: repoRoot,
    requirer: target,
    optional: false,
  }));
  while (queue.length) {
    const { name, sourceFrom, requirer, optional } = queue.shift()!;
    const source = resolveIn(name, sourceFrom, repoRoot);
    if (!source) {
      if (optional) continue;
      throw new Error(`${name} (needed by ${relative(repoRoot, sourceFrom) || 'the package'}) is not in node_modules`);
    }
    const dest = placement(name, source, requirer);
    if (!dest) continue;
    placed.set(dest, source);
    // The package itself, not its nested node_modules: its dependencies are placed by this walk.
    cpSync(source, dest, { recursive: true, dereference: true, filter: (src) => !relative(source, src).split(sep).includes('node_modules') });
    const pkg = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
    };
    for (const dep of Object.keys(pkg.dependencies ?? {})) queue.push({ name: dep, sourceFrom: source, requirer: dest, optional: Boolean(pkg.optionalDependencies?.[dep]) });
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) {
      if (!pkg.dependencies?.[dep]) queue.push({ name: dep, sourceFrom: source, requirer: dest, optional: true });
    }
  }
  return { packages: placed.size };
}
