import { readdirSync, readFileSync, existsSync } from 'fs';
import { join } from 'path';
import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { declaredTimers } from '../../../emulator/dev-server/timers';
import { functionNames } from '../../../scripts/build-functions';

const root = join(__dirname, '../../..');
const databaseDir = join(root, 'deploy/database');
const declared = readdirSync(databaseDir)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => Object.keys(JSON.parse(readFileSync(join(databaseDir, f), 'utf8')).collections));

describe('deployment configuration', () => {
  it('declares every collection once, with its indexes, for the closed rule to be applied', () => {
    expect([...declared].sort()).toEqual(Object.values(COLLECTIONS).sort());
  });

  it('builds every function folder, each with a config.json', () => {
    const folders = readdirSync(join(root, 'cloudfunctions'), { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('_'))
      .map((e) => e.name);
    expect(functionNames()).toEqual(folders.sort());
    for (const name of folders) expect(existsSync(join(root, 'cloudfunctions', name, 'config.json'))).toBe(true);
  });
});

describe('timer triggers', () => {
  it('declares timers with a CloudBase 7-field cron, found by the local scheduler', () => {
    const timers = declaredTimers();
    expect(timers.map((t) => `${t.fn}@${t.trigger}`)).toContain('events@event-reminders');
    for (const t of timers) expect([t.fn, t.trigger, t.cron.trim().split(/\s+/).length]).toEqual([t.fn, t.trigger, 7]);
  });
});
