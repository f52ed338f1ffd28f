import { readdirSync, readFileSync, existsSync } from 'fs';
import { join } from 'path';
import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';

const root = join(__dirname, '../../..');
const database = JSON.parse(readFileSync(join(root, 'deploy/database.json'), 'utf8'));
const cloudbaserc = JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8'));

describe('deployment configuration', () => {
  it('closes every collection to clients and lists each one', () => {
    expect(database.rule).toEqual({ read: false, write: false });
    expect(Object.keys(database.collections).sort()).toEqual(Object.values(COLLECTIONS).sort());
  });

  it('deploys every function folder, each with a config.json', () => {
    const folders = readdirSync(join(root, 'cloudfunctions'), { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('_'))
      .map((e) => e.name);
    expect(cloudbaserc.functions.map((f: { name: string }) => f.name).sort()).toEqual(folders.sort());
    for (const name of folders) expect(existsSync(join(root, 'cloudfunctions', name, 'config.json'))).toBe(true);
  });
});
