import { execFile } from 'child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { readManifest } from '../../scripts/build-functions';
import { indexChanges, toolProblems } from '../../scripts/deploy/apply';
import { parseArgs } from '../../scripts/deploy/index';
import { makePlan, type CollectionPlan } from '../../scripts/deploy/plan';

// Child processes, bundling and copying packages: slower than a unit test, much slower on a busy machine.
jest.setTimeout(180_000);

const root = join(__dirname, '../..');
const functionsDir = join(root, 'dist/cloudfunctions');

describe('npm run deploy -- --dry-run', () => {
  it('prints the whole plan and sends nothing', async () => {
    // The same command a person runs, on the builds npm test just made, with the example environment's templates.
    const { stdout } = await promisify(execFile)('npx', ['--no-install', 'tsx', 'scripts/deploy/index.ts', '--dry-run', '--skip-build', '--env', 'example'], {
      cwd: root,
      env: { ...process.env, TENCENTCLOUD_SECRETID: '', TENCENTCLOUD_SECRETKEY: '' },
    });
    expect(stdout).toContain('No problems found.');
    expect(stdout).toContain('Dry run: nothing was sent.');
    for (const name of Object.values(COLLECTIONS)) expect(stdout).toMatch(new RegExp(`^  ${name} +\\[`, 'm'));
    for (const fn of readManifest()) expect(stdout).toMatch(new RegExp(`^  ${fn.name} +Nodejs24\\.11 `, 'm'));
    expect(stdout).toMatch(/^ +timers: event-reminders "0 0 \* \* \* \* \*"/m);
    expect(stdout).toMatch(/^ +timers: audit-nightly "0 30 3 \* \* \* \*"/m);
    expect(stdout).toMatch(/^ +settings: TXTD_CHECKIN_SECRET \(generated-once\)/m);
    expect(stdout).toMatch(/^Mini-program dist\/weapp: \d+ files/m);
  });

  it('exits 1 and names the problem when the environment configuration is missing', async () => {
    const run = promisify(execFile)('npx', ['--no-install', 'tsx', 'scripts/deploy/index.ts', '--dry-run', '--skip-build', '--env', 'no-such-environment'], { cwd: root });
    await expect(run).rejects.toMatchObject({ code: 1, stdout: expect.stringContaining('deploy/environments/no-such-environment.json') });
  });

  it('finds the official tools with every method the deploy calls', () => {
    expect(toolProblems()).toEqual([]);
  });
});

describe('the plan fails on problems', () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'txtd-plan-'));
    cpSync(join(root, 'deploy/database'), join(work, 'database'), { recursive: true });
    cpSync(functionsDir, join(work, 'functions'), { recursive: true });
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));
  const plan = (built = readManifest()) => makePlan(built, { functions: join(work, 'functions'), database: join(work, 'database'), weapp: join(root, 'dist/weapp') });

  it('passes as built', () => {
    expect(plan().problems).toEqual([]);
  });

  it('a collection no deploy/database file declares would be created open', () => {
    const file = join(work, 'database/shop.json');
    const shop = JSON.parse(readFileSync(file, 'utf8'));
    delete shop.collections.shop_codes;
    writeFileSync(file, JSON.stringify(shop));
    expect(plan().problems).toContainEqual(expect.stringContaining('collection shop_codes'));
  });

  it('a config.json whose open APIs differ from what the bundle calls', () => {
    const file = join(work, 'functions/members/config.json');
    const config = JSON.parse(readFileSync(file, 'utf8'));
    config.permissions.openapi = ['security.msgSecCheck'];
    writeFileSync(file, JSON.stringify(config));
    expect(plan().problems).toContainEqual(expect.stringMatching(/^members: config\.json declares openapi/));
  });

  it('a bad cron, a timeout out of range, a setting with no source, a missing wx-server-sdk', () => {
    const built = readManifest().map((f) =>
      f.name === 'events'
        ? { ...f, triggers: [{ name: 'event-reminders', type: 'timer' as const, config: '0 * * * *' }], timeout: 900 }
        : f.name === 'checkin'
          ? { ...f, envVars: [...f.envVars, 'TXTD_UNKNOWN'], dependencies: { '@cloudbase/node-sdk': '3.18.3' } }
          : f,
    );
    const problems = plan(built).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('events: trigger event-reminders cron "0 * * * *" does not have 7 fields'),
        expect.stringContaining('events: timeout 900 s'),
        expect.stringContaining('checkin: reads process.env.TXTD_UNKNOWN'),
        expect.stringContaining('checkin: wx-server-sdk missing'),
      ]),
    );
  });
});

describe('deploy arguments and index changes', () => {
  it('takes the environment from --env, then TXTD_DEPLOY_ENV; a version upload needs a version', () => {
    expect(parseArgs(['--dry-run'], {})).toMatchObject({ dryRun: true, env: 'production', upload: { kind: 'preview' } });
    expect(parseArgs([], { TXTD_DEPLOY_ENV: 'staging' }).env).toBe('staging');
    expect(parseArgs(['--upload', 'version', '--version', '1.4.0'], {}).upload).toEqual({ kind: 'version', version: '1.4.0' });
    expect(() => parseArgs(['--upload', 'version'], {})).toThrow('--version');
  });

  it('creates missing indexes, drops and remakes a changed one, drops an undeclared one, keeps _id', () => {
    const collection: CollectionPlan = {
      name: 'x',
      owner: 'x',
      rule: { read: false, write: false },
      indexes: [
        { name: 'a', keys: { communityId: 1, at: -1 } },
        { name: 'b', keys: { memberId: 1 } },
        { name: 'c', keys: { code: 1 } },
      ],
    };
    const existing = [
      { Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }] },
      { Name: 'a', Keys: [{ Name: 'communityId', Direction: '1' }, { Name: 'at', Direction: '-1' }] },
      { Name: 'b', Keys: [{ Name: 'memberId', Direction: '-1' }] },
      { Name: 'old', Keys: [{ Name: 'x', Direction: '1' }] },
    ];
    const change = indexChanges(collection, existing);
    expect(change.DropIndexes).toEqual([{ IndexName: 'b' }, { IndexName: 'old' }]);
    expect(change.CreateIndexes.map((c) => (c as { IndexName: string }).IndexName)).toEqual(['b', 'c']);
  });
});
