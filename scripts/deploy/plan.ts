/**
 * The deploy plan: every collection (closed rule, indexes), every function (runtime, memory, timeout, timers, open-API
 * permissions and settings, all derived from the build) and the mini-program upload, with every problem found.
 * `npm run deploy -- --dry-run` prints it; `npm run deploy` carries it out.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import type { BuiltFunction } from '../build-functions';
import {
  CLOSED_RULE,
  MAX_COLLECTIONS,
  MAX_FUNCTIONS,
  MAX_INDEXES_PER_COLLECTION,
  MEMORY_CHOICES_MB,
  PACKAGE_LIMIT_BYTES,
  TIMEOUT_RANGE_S,
  WEAPP_PACKAGE_LIMIT_BYTES,
  WEAPP_TOTAL_LIMIT_BYTES,
} from './platform';
import { weappPackageSizes } from './weapp-size';

const root = join(__dirname, '..', '..');

export interface IndexSpec {
  name: string;
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}

export interface CollectionPlan {
  name: string;
  /** The function whose deploy/database/<function>.json declares it. */
  owner: string;
  rule: typeof CLOSED_RULE;
  indexes: IndexSpec[];
}

/** Where the deploy takes the value of each setting a function reads. */
export type SettingSource = 'generated-once' | 'environment-config';

export interface FunctionPlan extends BuiltFunction {
  settings: { name: string; source: SettingSource }[];
  files: { path: string; bytes: number }[];
  packageBytes: number;
}

export interface MiniProgramPlan {
  root: string;
  files: number;
  totalBytes: number;
  mainBytes: number;
  subpackages: Record<string, number>;
}

export interface DeployPlan {
  collections: CollectionPlan[];
  functions: FunctionPlan[];
  miniprogram: MiniProgramPlan | null;
  problems: string[];
}

/** The settings the code may read, and where each comes from. A new one must be added here or the plan fails. */
export const SETTING_SOURCES: Record<string, SettingSource> = {
  // The check-in QR signing key: generated on the first deploy and kept in the function's environment after.
  TXTD_CHECKIN_SECRET: 'generated-once',
  // The key of anonymous survey answers (HMAC): generated on the first deploy and kept, or old answers lose their owner.
  TXTD_SURVEY_SECRET: 'generated-once',
  // Subscribe-message template ids and their keywords, from deploy/environments/<name>.json.
  TXTD_SUBSCRIBE_TEMPLATES: 'environment-config',
};

/**
 * Read by the functions but set only by the local stand-in (emulator/sdk-env.ts): the cloud leaves them unset, so the
 * deploy neither asks for nor writes them. TXTD_DB_TIMEOUT_MS lengthens the SDK's timeout for the one-at-a-time emulator.
 */
export const LOCAL_ONLY_SETTINGS = new Set(['TXTD_DB_TIMEOUT_MS']);

const CRON_FIELDS = 7;

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function walk(dir: string, visit: (path: string, bytes: number) => void): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, visit);
    else visit(p, statSync(p).size);
  }
}

export function collectionsPlan(problems: string[], databaseDir = join(root, 'deploy', 'database')): CollectionPlan[] {
  const plans: CollectionPlan[] = [];
  const seen = new Map<string, string>();
  for (const file of readdirSync(databaseDir).filter((f) => f.endsWith('.json')).sort()) {
    const owner = file.replace(/\.json$/, '');
    const declared = readJson<{ collections: Record<string, { indexes: IndexSpec[] }> }>(join(databaseDir, file)).collections;
    for (const [name, { indexes }] of Object.entries(declared)) {
      const other = seen.get(name);
      if (other) problems.push(`collection ${name} is declared by both ${other}.json and ${file}`);
      seen.set(name, file);
      if (indexes.length > MAX_INDEXES_PER_COLLECTION) problems.push(`collection ${name} has ${indexes.length} indexes (at most ${MAX_INDEXES_PER_COLLECTION})`);
      const names = new Set<string>();
      for (const index of indexes) {
        if (names.has(index.name)) problems.push(`collection ${name}: two indexes named ${index.name}`);
        names.add(index.name);
        const keys = Object.entries(index.keys);
        if (keys.length === 0) problems.push(`collection ${name}: index ${index.name} has no keys`);
        for (const [field, dir] of keys) if (dir !== 1 && dir !== -1) problems.push(`collection ${name}: index ${index.name} key ${field} is ${String(dir)}, not 1 or -1`);
      }
      plans.push({ name, owner, rule: CLOSED_RULE, indexes });
    }
  }
  const known = new Set<string>(Object.values(COLLECTIONS));
  for (const name of known) if (!seen.has(name)) problems.push(`collection ${name} (cloudfunctions/_core/collections.ts) is in no deploy/database/*.json: it would be created open`);
  for (const name of seen.keys()) if (!known.has(name)) problems.push(`deploy/database declares ${name}, which no function uses`);
  if (plans.length > MAX_COLLECTIONS) problems.push(`${plans.length} collections (at most ${MAX_COLLECTIONS})`);
  return plans.sort((a, b) => a.name.localeCompare(b.name));
}

export function functionsPlan(built: BuiltFunction[], problems: string[], functionsDir: string): FunctionPlan[] {
  if (built.length > MAX_FUNCTIONS) problems.push(`${built.length} functions (at most ${MAX_FUNCTIONS})`);
  return built.map((fn) => {
    const dir = join(functionsDir, fn.name);
    const files: { path: string; bytes: number }[] = [];
    if (existsSync(dir)) walk(dir, (path, bytes) => files.push({ path: relative(dir, path), bytes }));
    else problems.push(`${fn.name}: not built (dist/cloudfunctions/${fn.name} is missing)`);
    for (const required of ['index.js', 'package.json', 'config.json']) {
      if (!files.some((f) => f.path === required)) problems.push(`${fn.name}: ${required} is missing from its package`);
    }
    const packageBytes = files.reduce((s, f) => s + f.bytes, 0);
    if (packageBytes > PACKAGE_LIMIT_BYTES) problems.push(`${fn.name}: package of ${packageBytes} bytes is over the ${PACKAGE_LIMIT_BYTES} limit`);
    const [minTimeout, maxTimeout] = TIMEOUT_RANGE_S;
    if (!(fn.timeout >= minTimeout && fn.timeout <= maxTimeout)) problems.push(`${fn.name}: timeout ${fn.timeout} s is outside ${minTimeout}-${maxTimeout} s`);
    if (!MEMORY_CHOICES_MB.includes(fn.memorySize)) problems.push(`${fn.name}: memory ${fn.memorySize} MB is not one of ${MEMORY_CHOICES_MB.join(', ')}`);
    const triggerNames = new Set<string>();
    for (const t of fn.triggers) {
      if (triggerNames.has(t.name)) problems.push(`${fn.name}: two triggers named ${t.name}`);
      triggerNames.add(t.name);
      if (t.type !== 'timer') problems.push(`${fn.name}: trigger ${t.name} is of type ${String(t.type)}, not timer`);
      if (t.config.trim().split(/\s+/).length !== CRON_FIELDS) problems.push(`${fn.name}: trigger ${t.name} cron "${t.config}" does not have ${CRON_FIELDS} fields`);
    }
    const config = existsSync(join(dir, 'config.json')) ? readJson<{ permissions?: { openapi?: string[] } }>(join(dir, 'config.json')) : {};
    const declared = [...(config.permissions?.openapi ?? [])].sort();
    if (JSON.stringify(declared) !== JSON.stringify(fn.openapi)) {
      problems.push(`${fn.name}: config.json declares openapi [${declared.join(', ')}] but the bundle calls [${fn.openapi.join(', ')}]`);
    }
    const needsWx = fn.wechatMethods.length > 0;
    if (needsWx !== Boolean(fn.dependencies['wx-server-sdk'])) problems.push(`${fn.name}: wx-server-sdk ${needsWx ? 'missing from' : 'needlessly in'} its package.json`);
    const settings = fn.envVars.filter((name) => !LOCAL_ONLY_SETTINGS.has(name)).map((name) => {
      const source = SETTING_SOURCES[name];
      if (!source) problems.push(`${fn.name}: reads process.env.${name}, which the deploy does not know how to set (scripts/deploy/plan.ts SETTING_SOURCES)`);
      return { name, source: source ?? 'environment-config' };
    });
    return { ...fn, settings, files, packageBytes };
  });
}

export function miniProgramPlan(problems: string[], weappDir = join(root, 'dist', 'weapp')): MiniProgramPlan | null {
  if (!existsSync(join(weappDir, 'app.json'))) {
    problems.push('dist/weapp is not built (npm run build:weapp)');
    return null;
  }
  let files = 0;
  let totalBytes = 0;
  walk(weappDir, (_path, bytes) => {
    files += 1;
    totalBytes += bytes;
  });
  const sizes = weappPackageSizes(weappDir);
  if (sizes.totalBytes > WEAPP_PACKAGE_LIMIT_BYTES) problems.push(`weapp main package ${sizes.totalBytes} bytes is over WeChat's 2 MB`);
  for (const [sub, bytes] of Object.entries(sizes.subpackages)) {
    if (bytes > WEAPP_PACKAGE_LIMIT_BYTES) problems.push(`weapp subpackage ${sub} ${bytes} bytes is over WeChat's 2 MB`);
  }
  if (totalBytes > WEAPP_TOTAL_LIMIT_BYTES) problems.push(`weapp ${totalBytes} bytes in all is over WeChat's 30 MB`);
  return { root: relative(root, weappDir), files, totalBytes, mainBytes: sizes.totalBytes, subpackages: sizes.subpackages };
}

export function makePlan(built: BuiltFunction[], dirs: { functions: string; weapp?: string; database?: string }): DeployPlan {
  const problems: string[] = [];
  const collections = collectionsPlan(problems, dirs.database);
  const functions = functionsPlan(built, problems, dirs.functions);
  const miniprogram = miniProgramPlan(problems, dirs.weapp);
  return { collections, functions, miniprogram, problems };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The plan as a person reads it before anything is sent. */
export function formatPlan(plan: DeployPlan): string {
  const lines: string[] = [];
  lines.push(`Collections (${plan.collections.length}), each with the rule ${JSON.stringify(CLOSED_RULE)}:`);
  for (const c of plan.collections) {
    const indexes = c.indexes.map((i) => `${i.name}(${Object.entries(i.keys).map(([k, d]) => `${k}${d === -1 ? ' desc' : ''}`).join(', ')})`);
    lines.push(`  ${c.name.padEnd(28)} [${c.owner}] ${indexes.length ? indexes.join('; ') : 'no index but _id'}`);
  }
  lines.push('', `Functions (${plan.functions.length}):`);
  for (const f of plan.functions) {
    lines.push(`  ${f.name.padEnd(10)} ${f.runtime} ${f.memorySize} MB ${f.timeout} s, package ${kb(f.packageBytes)} (${f.files.map((x) => x.path).join(', ')}), deps ${Object.entries(f.dependencies).map(([n, v]) => `${n}@${v}`).join(' ')}`);
    if (f.openapi.length) lines.push(`             openapi: ${f.openapi.join(', ')}`);
    if (f.triggers.length) lines.push(`             timers: ${f.triggers.map((t) => `${t.name} "${t.config}"`).join(', ')}`);
    if (f.settings.length) lines.push(`             settings: ${f.settings.map((s) => `${s.name} (${s.source})`).join(', ')}`);
  }
  lines.push('');
  if (plan.miniprogram) {
    const m = plan.miniprogram;
    lines.push(`Mini-program ${m.root}: ${m.files} files, ${kb(m.totalBytes)} in all, main package ${kb(m.mainBytes)}, ${Object.keys(m.subpackages).length} subpackages`);
  }
  lines.push('', plan.problems.length ? `Problems (${plan.problems.length}):\n${plan.problems.map((p) => `  - ${p}`).join('\n')}` : 'No problems found.');
  return lines.join('\n');
}
