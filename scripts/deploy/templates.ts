/**
 * Subscribe-message templates per environment: loads deploy/environments/<name>.json, checks it against the catalogue
 * the code sends from (src/shared/subscriptions.ts), and turns it into what the deploy sets on the functions and
 * what the weapp build defines for the client.
 *
 *   local.json    fixture ids (the keys) and a fixture keyword mapping: the emulator, the dev server and tests
 *   example.json  the documented shape with example ids: `npm run deploy -- --dry-run` in tests
 *   <name>.json   the committee's environment, made from example.json (template ids are not secrets)
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { TEMPLATES_ENV, type TemplateConfig } from '../../cloudfunctions/_core/templates';
import { KEYWORD_LIMITS, keywordKind, SUBSCRIPTION_TEMPLATES, TEMPLATE_KEYS, type TemplateField, type TemplateKey } from '../../src/shared/subscriptions';

const root = join(__dirname, '../..');
export const ENVIRONMENTS_DIR = join(root, 'deploy/environments');

/** The environment the weapp build and the deploy use when TXTD_DEPLOY_ENV is not set. */
export const DEFAULT_ENVIRONMENT = 'local';

/** SCF (CloudBase functions) allows about 4 KB of environment variables per function. */
const ENV_BYTES_LIMIT = 4096;

export interface EnvironmentConfig {
  /** The file's name without `.json`. */
  name: string;
  subscribeTemplates: TemplateConfig;
  /** Other sections belong to other parts of the deploy. */
  [section: string]: unknown;
}

/** Reads deploy/environments/<name>.json. Throws, naming the environments there are, if it is missing. */
export function loadEnvironmentConfig(name: string = DEFAULT_ENVIRONMENT): EnvironmentConfig {
  if (!/^[a-z0-9][a-z0-9_-]*$/i.test(name)) throw new Error(`bad environment name "${name}"`);
  const file = join(ENVIRONMENTS_DIR, `${name}.json`);
  if (!existsSync(file)) {
    const known = readdirSync(ENVIRONMENTS_DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
    throw new Error(`no deploy/environments/${name}.json (there are: ${known.join(', ')}); copy example.json and fill it in`);
  }
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return { ...parsed, name, subscribeTemplates: withoutComments(parsed.subscribeTemplates) as TemplateConfig };
}

/** Drops the `$comment` entries a config may carry for the people filling it in. */
function withoutComments(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !k.startsWith('$'))
      .map(([k, v]) => [k, withoutComments(v)]),
  );
}

const isHan = (s: string) => /^\p{Script=Han}+$/u.test(s);

/** What is wrong with one field's keyword, or null. */
export function fieldProblem(key: TemplateKey, field: string, spec: TemplateField, keyword: unknown): string | null {
  const where = `${key}.${field} (${spec.label})`;
  if (typeof keyword !== 'string' || !keyword) return `${where}: no keyword (the template's {{<keyword>.DATA}} showing it)`;
  const kind = keywordKind(keyword);
  if (!kind) return `${where}: "${keyword}" is not a WeChat keyword like thing1, time2, phrase3, character_string4`;
  if (!spec.kinds.includes(kind)) return `${where}: "${keyword}" is a ${kind}; this field needs a ${spec.kinds.join(' or ')}`;
  const limit = KEYWORD_LIMITS[kind];
  for (const value of spec.values ?? []) {
    if (limit !== null && Array.from(value).length > limit) return `${where}: the value "${value}" is longer than a ${kind} allows (${limit})`;
    if (kind === 'phrase' && !isHan(value)) return `${where}: the value "${value}" is not only Chinese characters, as a phrase must be`;
  }
  return null;
}

/**
 * Everything that keeps the environment from sending every template the code sends: a key of the catalogue without
 * a template id or without a keyword for one of its semantic fields, a keyword that is not WeChat's `<kind><n>` or
 * is of a kind the field cannot use, a fixed value too long for its kind, one template id for two keys (their quota
 * would be counted twice), and keys or fields the code does not know. Empty when the environment is ready.
 */
export function templateProblems(config: Pick<EnvironmentConfig, 'subscribeTemplates'>): string[] {
  const templates = config.subscribeTemplates as Record<string, unknown> | undefined;
  if (!templates || typeof templates !== 'object') return ['subscribeTemplates: missing (see deploy/environments/example.json)'];
  const problems: string[] = [];
  const owners = new Map<string, TemplateKey>();
  for (const key of TEMPLATE_KEYS) {
    const spec = SUBSCRIPTION_TEMPLATES[key];
    const entry = templates[key] as { id?: unknown; fields?: Record<string, unknown> } | undefined;
    if (!entry || typeof entry !== 'object') {
      problems.push(`${key}: not configured (pick a one-time template like 「${spec.title}」 in the console)`);
      continue;
    }
    if (typeof entry.id !== 'string' || !entry.id.trim() || /\s/.test(entry.id)) problems.push(`${key}: no template id`);
    else if (owners.has(entry.id)) problems.push(`${key}: the template id is ${owners.get(entry.id)}'s too: each key needs its own template`);
    else owners.set(entry.id, key);
    const fields = entry.fields && typeof entry.fields === 'object' ? entry.fields : {};
    const specs: Record<string, TemplateField> = spec.fields;
    for (const [field, fieldSpec] of Object.entries(specs)) {
      const problem = fieldProblem(key, field, fieldSpec, fields[field]);
      if (problem) problems.push(problem);
    }
    for (const field of Object.keys(fields).filter((f) => !(f in specs))) problems.push(`${key}.${field}: the code has no such field`);
    const keywords = Object.values(fields).filter((k) => typeof k === 'string');
    for (const dup of new Set(keywords.filter((k, i) => keywords.indexOf(k) !== i))) problems.push(`${key}: the keyword ${String(dup)} is used twice`);
  }
  for (const key of Object.keys(templates).filter((k) => !(TEMPLATE_KEYS as string[]).includes(k))) {
    problems.push(`${key}: the code sends no such template`);
  }
  const bytes = Buffer.byteLength(Object.values(functionEnvironment({ subscribeTemplates: templates as TemplateConfig })).join(''));
  if (bytes > ENV_BYTES_LIMIT) problems.push(`subscribeTemplates: ${bytes} bytes, more than a function's environment takes (${ENV_BYTES_LIMIT})`);
  return problems;
}

/** The variables the deploy sets on every function that sends (sendingFunctions()): read by cloudfunctions/_core/templates.ts. */
export function functionEnvironment(config: Pick<EnvironmentConfig, 'subscribeTemplates'>): Record<string, string> {
  return { [TEMPLATES_ENV]: JSON.stringify(withoutComments(config.subscribeTemplates)) };
}

/** The template ids the client asks WeChat for (wx.requestSubscribeMessage), by key. */
export function templateIds(config: Pick<EnvironmentConfig, 'subscribeTemplates'>): Record<TemplateKey, string> {
  return Object.fromEntries(TEMPLATE_KEYS.map((k) => [k, config.subscribeTemplates[k]?.id ?? ''])) as Record<TemplateKey, string>;
}

/** Taro `defineConstants` for the build (src/services/subscribe.ts reads TXTD_SUBSCRIBE_TEMPLATE_IDS). */
export function clientDefines(config: Pick<EnvironmentConfig, 'subscribeTemplates'>): Record<string, string> {
  return { TXTD_SUBSCRIBE_TEMPLATE_IDS: JSON.stringify(templateIds(config)) };
}

/**
 * config/index.ts: the defines for the environment named by TXTD_DEPLOY_ENV (default local). A build for an
 * environment with problems fails, listing them.
 */
export function buildDefines(name: string = process.env.TXTD_DEPLOY_ENV || DEFAULT_ENVIRONMENT): Record<string, string> {
  const config = loadEnvironmentConfig(name);
  const problems = templateProblems(config);
  if (problems.length) throw new Error(`deploy/environments/${name}.json is not ready:\n  ${problems.join('\n  ')}`);
  return clientDefines(config);
}

const functionsDir = join(root, 'cloudfunctions');

function sourcesOf(fn: string): string[] {
  const dir = join(functionsDir, fn);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

const functionFolders = () =>
  readdirSync(functionsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('_'))
    .map((e) => e.name)
    .sort();

/** The functions whose code sends subscribe messages (calls sendOnce or sendBatch): they need functionEnvironment() set. */
export function sendingFunctions(): string[] {
  return functionFolders().filter((fn) => sourcesOf(fn).some((src) => /\b(sendOnce|sendBatch)\(/.test(src)));
}

/** The template keys the functions' code names as string literals (every one must be in the catalogue and configured). */
export function sentTemplateKeys(): TemplateKey[] {
  const code = sendingFunctions().flatMap(sourcesOf).join('\n');
  return TEMPLATE_KEYS.filter((k) => code.includes(`'${k}'`));
}
