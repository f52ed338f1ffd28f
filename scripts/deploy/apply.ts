/**
 * Carries out a deploy plan with the official tools used as libraries: @cloudbase/manager-node for collections,
 * rules, indexes, functions, settings and timers; miniprogram-ci for WeChat's own function upload (which reads
 * config.json's `permissions.openapi`) and for the mini-program preview or version upload. No hand-written HTTP.
 */
import { randomBytes } from 'crypto';
import { join } from 'path';
import type { CollectionPlan, DeployPlan, FunctionPlan } from './plan';

export interface Credentials {
  envId: string;
  secretId: string;
  secretKey: string;
  appid: string;
  privateKeyPath: string;
}

export type UploadMode = { kind: 'preview' } | { kind: 'version'; version: string } | { kind: 'none' };

/** The environment variables the deploy reads: nothing secret is ever in the repository. */
export const CREDENTIAL_VARIABLES = {
  envId: 'TCB_ENV_ID',
  secretId: 'TENCENTCLOUD_SECRETID',
  secretKey: 'TENCENTCLOUD_SECRETKEY',
  appid: 'WX_APPID',
  privateKeyPath: 'MINIPROGRAM_PRIVATE_KEY_PATH',
} as const satisfies Record<keyof Credentials, string>;

export function credentialsFrom(env: Record<string, string | undefined>): { credentials: Credentials | null; missing: string[] } {
  const missing = Object.values(CREDENTIAL_VARIABLES).filter((name) => !env[name]);
  if (missing.length) return { credentials: null, missing };
  const pick = (key: keyof Credentials) => env[CREDENTIAL_VARIABLES[key]]!;
  return {
    credentials: { envId: pick('envId'), secretId: pick('secretId'), secretKey: pick('secretKey'), appid: pick('appid'), privateKeyPath: pick('privateKeyPath') },
    missing: [],
  };
}

/* The parts of the tools' surfaces this deploy calls (their own typings are broader). */
interface FunctionDetail {
  Runtime?: string;
  Environment?: { Variables?: { Key: string; Value: string }[] };
  Triggers?: { TriggerName: string; Type: string; TriggerDesc?: string }[];
}

interface Manager {
  database: {
    createCollectionIfNotExists(name: string): Promise<unknown>;
    describeCollection(name: string): Promise<{ Indexes?: { Name: string; Keys: { Name?: string; Direction?: string }[]; Unique?: boolean }[] }>;
    updateCollection(name: string, change: { CreateIndexes?: unknown[]; DropIndexes?: { IndexName: string }[] }): Promise<unknown>;
  };
  permission: {
    modifyResourcePermission(options: { resourceType: 'collection'; resource: string; permission: 'CUSTOM'; securityRule: string }): Promise<unknown>;
  };
  functions: {
    getFunctionDetail(name: string): Promise<FunctionDetail>;
    deleteFunctionTrigger(name: string, triggerName: string): Promise<unknown>;
    createFunction(options: { func: Record<string, unknown>; functionRootPath: string; force: boolean }): Promise<unknown>;
    createFunctionTriggers(name: string, triggers: { name: string; type: string; config: string }[]): Promise<unknown>;
  };
}

interface MiniprogramCi {
  Project: new (options: Record<string, unknown>) => unknown;
  preview(options: Record<string, unknown>): Promise<unknown>;
  upload(options: Record<string, unknown>): Promise<unknown>;
  cloud: { uploadFunction(options: Record<string, unknown>): Promise<unknown> };
}

/* eslint-disable @typescript-eslint/no-require-imports -- loaded only when a deploy or its dry run needs them */
const loadManagerClass = () => require('@cloudbase/manager-node') as new (config: Record<string, string>) => Manager;
const loadMiniprogramCi = () => require('miniprogram-ci') as MiniprogramCi;
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The dry run's check of the tools themselves: both load, and every method the deploy calls exists, with a manager
 * made of placeholder keys (making one sends nothing). Answers the problems found.
 */
export function toolProblems(): string[] {
  const problems: string[] = [];
  try {
    const Manager = loadManagerClass();
    const manager = new Manager({ secretId: 'dry-run', secretKey: 'dry-run', envId: 'dry-run' });
    const needed: [string, unknown][] = [
      ['database.createCollectionIfNotExists', manager.database.createCollectionIfNotExists],
      ['database.describeCollection', manager.database.describeCollection],
      ['database.updateCollection', manager.database.updateCollection],
      ['permission.modifyResourcePermission', manager.permission.modifyResourcePermission],
      ['functions.getFunctionDetail', manager.functions.getFunctionDetail],
      ['functions.createFunction', manager.functions.createFunction],
      ['functions.createFunctionTriggers', manager.functions.createFunctionTriggers],
      ['functions.deleteFunctionTrigger', manager.functions.deleteFunctionTrigger],
    ];
    for (const [name, fn] of needed) if (typeof fn !== 'function') problems.push(`@cloudbase/manager-node has no ${name}`);
  } catch (err) {
    problems.push(`@cloudbase/manager-node does not load: ${(err as Error).message}`);
  }
  try {
    const ci = loadMiniprogramCi();
    if (typeof ci.Project !== 'function') problems.push('miniprogram-ci has no Project');
    if (typeof ci.preview !== 'function' || typeof ci.upload !== 'function') problems.push('miniprogram-ci has no preview / upload');
    if (typeof ci.cloud?.uploadFunction !== 'function') problems.push('miniprogram-ci has no cloud.uploadFunction');
  } catch (err) {
    problems.push(`miniprogram-ci does not load: ${(err as Error).message}`);
  }
  return problems;
}

type Direction = '1' | '-1';
const keysOf = (keys: { Name?: string; Direction?: string }[]) => keys.map((k) => `${k.Name}:${k.Direction}`).join(',');

/** Index changes that bring a collection to its declared indexes: a changed index is dropped and made again. */
export function indexChanges(
  collection: CollectionPlan,
  existing: { Name: string; Keys: { Name?: string; Direction?: string }[]; Unique?: boolean }[],
): { CreateIndexes: unknown[]; DropIndexes: { IndexName: string }[] } {
  const wanted = new Map(
    collection.indexes.map((i) => [
      i.name,
      { keys: Object.entries(i.keys).map(([Name, d]) => ({ Name, Direction: String(d) as Direction })), unique: Boolean(i.unique) },
    ]),
  );
  const DropIndexes: { IndexName: string }[] = [];
  const kept = new Set<string>();
  for (const index of existing) {
    if (index.Name === '_id_') continue;
    const want = wanted.get(index.Name);
    if (want && keysOf(want.keys) === keysOf(index.Keys) && want.unique === Boolean(index.Unique)) kept.add(index.Name);
    else DropIndexes.push({ IndexName: index.Name });
  }
  const CreateIndexes = [...wanted]
    .filter(([name]) => !kept.has(name))
    .map(([IndexName, w]) => ({ IndexName, MgoKeySchema: { MgoIndexKeys: w.keys, MgoIsUnique: w.unique } }));
  return { CreateIndexes, DropIndexes };
}

async function deployCollection(manager: Manager, c: CollectionPlan, log: (line: string) => void): Promise<void> {
  await manager.database.createCollectionIfNotExists(c.name);
  const info = await manager.database.describeCollection(c.name);
  const change = indexChanges(c, info.Indexes ?? []);
  if (change.CreateIndexes.length || change.DropIndexes.length) await manager.database.updateCollection(c.name, change);
  await manager.permission.modifyResourcePermission({ resourceType: 'collection', resource: c.name, permission: 'CUSTOM', securityRule: JSON.stringify(c.rule) });
  log(`  collection ${c.name}: rule closed, +${change.CreateIndexes.length} -${change.DropIndexes.length} indexes`);
}

/** The value each function setting gets: a generated secret keeps the value already deployed anywhere. */
function settingValues(functions: FunctionPlan[], details: Map<string, FunctionDetail | null>, fromConfig: Record<string, string>): Record<string, string> {
  const values: Record<string, string> = { ...fromConfig };
  const generated = [...new Set(functions.flatMap((f) => f.settings.filter((s) => s.source === 'generated-once').map((s) => s.name)))];
  for (const name of generated) {
    for (const detail of details.values()) {
      const existing = detail?.Environment?.Variables?.find((v) => v.Key === name)?.Value;
      if (existing) {
        values[name] = existing;
        break;
      }
    }
    // First deploy: made here once, never typed by anyone, and read back from the cloud on every later deploy.
    values[name] ??= randomBytes(32).toString('base64url');
  }
  return values;
}

/** Timers brought to the declared ones: a changed cron is removed and made again (the platform has no update). */
async function deployTriggers(manager: Manager, fn: FunctionPlan, detail: FunctionDetail | null): Promise<void> {
  const existing = (detail?.Triggers ?? []).filter((t) => t.Type === 'timer');
  const missing = fn.triggers.filter((t) => {
    const found = existing.find((e) => e.TriggerName === t.name);
    return !found || !(found.TriggerDesc ?? '').includes(t.config);
  });
  for (const t of existing) {
    const wanted = fn.triggers.find((w) => w.name === t.TriggerName);
    if (!wanted || missing.includes(wanted)) await manager.functions.deleteFunctionTrigger(fn.name, t.TriggerName);
  }
  if (missing.length) await manager.functions.createFunctionTriggers(fn.name, missing);
}

export async function applyPlan(
  plan: DeployPlan,
  options: { credentials: Credentials; functionsDir: string; weappDir: string; settingsFromConfig: Record<string, string>; upload: UploadMode; description: string },
  log: (line: string) => void = console.log,
): Promise<void> {
  const { credentials: cred } = options;
  const Manager = loadManagerClass();
  const manager = new Manager({ secretId: cred.secretId, secretKey: cred.secretKey, envId: cred.envId });
  const ci = loadMiniprogramCi();
  const project = new ci.Project({ appid: cred.appid, type: 'miniProgram', projectPath: options.weappDir, privateKeyPath: cred.privateKeyPath, ignores: ['node_modules/**/*'] });

  log('Collections:');
  for (const c of plan.collections) await deployCollection(manager, c, log);

  log('Functions:');
  const details = new Map<string, FunctionDetail | null>();
  for (const fn of plan.functions) details.set(fn.name, await manager.functions.getFunctionDetail(fn.name).catch(() => null));
  // The platform sets a runtime only when a function is created: say so rather than deploy onto the old one.
  const stale = plan.functions.filter((fn) => details.get(fn.name)?.Runtime && details.get(fn.name)?.Runtime !== fn.runtime);
  if (stale.length) {
    throw new Error(`${stale.map((f) => `${f.name} runs ${details.get(f.name)?.Runtime}`).join(', ')}: a runtime can only be chosen when a function is created; delete these functions in the console (their data stays in the database) and deploy again to move them to ${plan.functions[0]?.runtime}`);
  }
  const values = settingValues(plan.functions, details, options.settingsFromConfig);
  for (const fn of plan.functions) {
    const envVariables = Object.fromEntries(fn.settings.map((s) => [s.name, values[s.name] ?? '']));
    const missing = fn.settings.filter((s) => !values[s.name]).map((s) => s.name);
    if (missing.length) throw new Error(`${fn.name}: no value for ${missing.join(', ')}`);
    await manager.functions.createFunction({
      func: { name: fn.name, runtime: fn.runtime, timeout: fn.timeout, memorySize: fn.memorySize, handler: 'index.main', installDependency: true, envVariables },
      functionRootPath: options.functionsDir,
      force: true,
    });
    // WeChat's own upload path (the one DevTools uses) registers config.json's permissions.openapi for cloud calls.
    await ci.cloud.uploadFunction({ project, env: cred.envId, name: fn.name, path: join(options.functionsDir, fn.name), remoteNpmInstall: true });
    await deployTriggers(manager, fn, details.get(fn.name) ?? null);
    log(`  function ${fn.name}: ${fn.runtime}, openapi [${fn.openapi.join(', ')}], ${fn.triggers.length} timers, ${fn.settings.length} settings`);
  }

  const setting = { es6: false, minify: true, minifyJS: true, minifyWXML: true, minifyWXSS: true };
  if (options.upload.kind === 'preview') {
    const qrcode = join(options.weappDir, '..', 'preview-qrcode.jpg');
    await ci.preview({ project, desc: options.description, setting, qrcodeFormat: 'image', qrcodeOutputDest: qrcode, robot: 1 });
    log(`Mini-program preview uploaded: scan ${qrcode} in WeChat`);
  } else if (options.upload.kind === 'version') {
    await ci.upload({ project, version: options.upload.version, desc: options.description, setting, robot: 1 });
    log(`Mini-program version ${options.upload.version} uploaded: submit it for review in the mini-program console`);
  }
}
