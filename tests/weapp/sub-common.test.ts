import fs from 'node:fs';
import path from 'node:path';
import { assertWeappBuilt, WEAPP_ROOT } from './simulate';

/**
 * Taro copies each chunk shared by several subpackages into every one of them (`packages/<name>/sub-common/`). The
 * copies must be the same file: a stale copy from webpack's persistent cache once defined a module under an old id,
 * and a page opened on its own in that subpackage failed while every-page (which had loaded the module from another
 * subpackage first) passed. config/index.ts keeps the minimizers off the copies.
 */
describe('weapp build: shared subpackage chunks', () => {
  it('gives every subpackage the same copy of each shared chunk', () => {
    assertWeappBuilt();
    const packagesDir = path.join(WEAPP_ROOT, 'packages');
    const copies = new Map<string, Map<string, string[]>>();
    for (const pkg of fs.readdirSync(packagesDir)) {
      const dir = path.join(packagesDir, pkg, 'sub-common');
      if (!fs.existsSync(dir)) continue;
      for (const file of fs.readdirSync(dir)) {
        const byContent = copies.get(file) ?? new Map<string, string[]>();
        const content = fs.readFileSync(path.join(dir, file), 'utf8');
        byContent.set(content, [...(byContent.get(content) ?? []), pkg]);
        copies.set(file, byContent);
      }
    }
    expect(copies.size).toBeGreaterThan(0);
    const differing = [...copies].filter(([, byContent]) => byContent.size > 1).map(([file, byContent]) => `${file}: ${[...byContent.values()].map((pkgs) => pkgs.join(',')).join(' vs ')}`);
    expect(differing).toEqual([]);
  });
});
