import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildIsCurrent, markBuilt, sourceFingerprint } from '../../../scripts/h5-fingerprint';

describe('the H5 build fingerprint behind a quick second npm start', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'fp-'));
    mkdirSync(join(root, 'src', 'pages'), { recursive: true });
    writeFileSync(join(root, 'src', 'pages', 'a.tsx'), 'export const a = 1;');
    writeFileSync(join(root, 'package-lock.json'), '{}');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is the same for the same sources and changes with any source byte, file name or build setting', () => {
    const first = sourceFingerprint(root, {});
    expect(sourceFingerprint(root, {})).toBe(first);

    writeFileSync(join(root, 'src', 'pages', 'a.tsx'), 'export const a = 2;');
    const edited = sourceFingerprint(root, {});
    expect(edited).not.toBe(first);

    cpSync(join(root, 'src', 'pages', 'a.tsx'), join(root, 'src', 'pages', 'b.tsx'));
    expect(sourceFingerprint(root, {})).not.toBe(edited);

    expect(sourceFingerprint(root, { TXTD_DEPLOY_ENV: 'example' })).not.toBe(sourceFingerprint(root, {}));
  });

  it('calls a build current only when it finished and was stamped with the same fingerprint', () => {
    const out = join(root, 'dist', 'h5');
    mkdirSync(out, { recursive: true });
    const fp = sourceFingerprint(root, {});
    expect(buildIsCurrent(out, fp)).toBe(false);
    markBuilt(out, fp);
    expect(buildIsCurrent(out, fp)).toBe(false); // no index.html: the build did not finish
    writeFileSync(join(out, 'index.html'), '<html></html>');
    expect(buildIsCurrent(out, fp)).toBe(true);
    expect(buildIsCurrent(out, 'other')).toBe(false);
  });
});
