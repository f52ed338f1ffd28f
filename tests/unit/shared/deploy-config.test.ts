import { readdirSync, readFileSync, existsSync } from 'fs';
import { join } from 'path';
import { COLLECTIONS } from '../../../cloudfunctions/_core/collections';
import { declaredTimers } from '../../../emulator/dev-server/timers';

const root = join(__dirname, '../../..');
const cloudbaserc = JSON.parse(readFileSync(join(root, 'cloudbaserc.json'), 'utf8'));
const databaseDir = join(root, 'deploy/database');
const declared = readdirSync(databaseDir)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => Object.keys(JSON.parse(readFileSync(join(databaseDir, f), 'utf8')).collections));

describe('deployment configuration', () => {
  it('declares every collection once, with its indexes, for the closed rule to be applied', () => {
    expect([...declared].sort()).toEqual(Object.values(COLLECTIONS).sort());
  });

  it('deploys every function folder, each with a config.json', () => {
    const folders = readdirSync(join(root, 'cloudfunctions'), { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('_'))
      .map((e) => e.name);
    expect(cloudbaserc.functions.map((f: { name: string }) => f.name).sort()).toEqual(folders.sort());
    for (const name of folders) expect(existsSync(join(root, 'cloudfunctions', name, 'config.json'))).toBe(true);
  });
});

describe('function timeouts', () => {
  it('cloudbaserc.json deploys each function with the timeout its config.json asks for', () => {
    for (const fn of cloudbaserc.functions as { name: string; timeout: number }[]) {
      const config = JSON.parse(readFileSync(join(root, 'cloudfunctions', fn.name, 'config.json'), 'utf8'));
      expect([fn.name, fn.timeout]).toEqual([fn.name, config.timeout]);
    }
  });
});

describe('timer triggers', () => {
  it('cloudbaserc.json deploys each function with the triggers its config.json declares', () => {
    for (const fn of cloudbaserc.functions as { name: string; triggers?: unknown[] }[]) {
      const config = JSON.parse(readFileSync(join(root, 'cloudfunctions', fn.name, 'config.json'), 'utf8'));
      expect([fn.name, fn.triggers ?? []]).toEqual([fn.name, config.triggers ?? []]);
    }
  });

  it('declares timers with a CloudBase 7-field cron, found by the local scheduler', () => {
    const timers = declaredTimers();
    expect(timers.map((t) => `${t.fn}@${t.trigger}`)).toContain('events@event-reminders');
    for (const t of timers) expect([t.fn, t.trigger, t.cron.trim().split(/\s+/).length]).toEqual([t.fn, t.trigger, 7]);
  });
});
