/**
 * The WeChat review checklist, generated from the code: the personal data the action schemas collect and why, the
 * privacy interfaces the pages call (so the privacy guide declares them and those pages ask for consent first), the
 * content-check coverage of every action that takes user text or images, and the manual items (category, privacy
 * guide version, a reviewer's test account). `tsx scripts/review-checklist.ts` writes it into deploy/README.md between
 * the review-checklist markers; tests/unit/deploy/review-checklist.test.ts fails when the committed section is stale.
 */
import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';
import { catalogue } from '../src/shared/catalogue';
import { PRIVACY_VERSION } from '../src/shared/privacy';
import { TEXT_RULE_CHECKS } from '../src/shared/schemas';

const root = join(__dirname, '..');
export const README = join(root, 'deploy/README.md');
export const BEGIN = '<!-- review-checklist:begin -->';
export const END = '<!-- review-checklist:end -->';

// ---------------------------------------------------------------------------------------------------------------
// (a) Personal data: fields of the action schemas, by name.

interface PersonalData {
  what: string;
  /** The actions where the field is the person's own data (elsewhere the same name is e.g. an item's name or a filter). */
  only?: RegExp;
  /** The item of the console's privacy guide (用户隐私保护指引) it belongs to. */
  guide: string;
  why: string;
}

/** Schema field names that carry personal data, with the privacy guide's item and the purpose residents are told. */
export const PERSONAL_FIELDS: Record<string, PersonalData> = {
  name: { only: /^members\./, what: '姓名 / 称呼', guide: '姓名（指引无此项时写入补充文档）', why: '居委会核对身份、审核加入第二梯队，活动名单和荣誉墙署名' },
  phone: { only: /^members\./, what: '手机号（本人填写）', guide: '手机号', why: '居委会在需要时联系；借还物品、兑换时按手机号找人；除居委会外只显示打码号码' },
  building: { only: /^members\./, what: '楼栋', guide: '地址', why: '归入微格，由微格长就近联系、安排服务' },
  room: { only: /^members\./, what: '门牌', guide: '地址', why: '同上，核对居住' },
  skills: { only: /^members\./, what: '技能', guide: '其他（补充文档）', why: '能人达人库：在本人同意的范围内匹配活动岗位和求助' },
  interests: { only: /^members\./, what: '兴趣', guide: '其他（补充文档）', why: '推荐活动和分会' },
  availability: { only: /^members\./, what: '空闲时间', guide: '其他（补充文档）', why: '安排值班和活动' },
  birthYear: { what: '出生年份（本人选填；孩子的由监护人登记）', guide: '其他（补充文档）', why: '60 岁以上的居民在首页被问一次要不要用长辈模式；小小梯队按年龄安排活动（监护人同意后登记）' },
  motivation: { what: '申请理由', guide: '其他（补充文档）', why: '居委会审核加入申请' },
  photo: { what: '照片', guide: '选中的照片或视频信息', why: '捐赠和物品照片，方便居民认领' },
  photoUrl: { what: '照片', guide: '选中的照片或视频信息', why: '荣誉墙和积分兑换物品的照片' },
  cover: { what: '照片', guide: '选中的照片或视频信息', why: '活动封面' },
  images: { what: '照片', guide: '选中的照片或视频信息', why: '通知配图' },
};

/** Records the functions keep about what a person does (not typed in, but collected). */
const PERSONAL_RECORDS: { action: string; what: string; why: string }[] = [
  { action: 'checkin.scan', what: '活动签到、签退时间', why: '按民政部规则计算志愿服务时长和积分' },
  { action: 'notices.bindGroup', what: '微信群标识（opengid）', why: '统计通知在各楼组群里的已读情况' },
  { action: 'grids.setColour', what: '微格分色', why: '居委会和本微格长按需要的帮助类型联系居民（仅他们可见）' },
];

type Schema = { type?: string; entries?: Record<string, Schema>; wrapped?: Schema; item?: Schema; options?: Schema[]; value?: Schema; items?: Schema[]; pipe?: { type: string }[] };

interface Leaf {
  path: string;
  name: string;
  schema: Schema;
}

/** Every leaf of a valibot schema, with its dotted path (`event.roles[].name`). */
function leaves(schema: Schema | undefined, path = '', out: Leaf[] = []): Leaf[] {
  if (!schema || typeof schema !== 'object') return out;
  const name = path.replace(/\[\]|\{\}/g, '').split('.').pop() ?? '';
  switch (schema.type) {
    case 'object':
    case 'strict_object':
    case 'loose_object':
      for (const [k, e] of Object.entries(schema.entries ?? {})) leaves(e, path ? `${path}.${k}` : k, out);
      return out;
    case 'optional':
    case 'nullable':
    case 'nullish':
    case 'exact_optional':
    case 'undefinedable':
    case 'non_optional':
      return leaves(schema.wrapped, path, out);
    case 'array':
      return leaves(schema.item, `${path}[]`, out);
    case 'union':
    case 'variant':
      for (const o of schema.options ?? []) leaves(o, path, out);
      return out;
    case 'record':
      return leaves(schema.value, `${path}{}`, out);
    case 'tuple':
      for (const o of schema.items ?? []) leaves(o, `${path}[]`, out);
      return out;
    default:
      if (!out.some((l) => l.path === path && l.schema.type === schema.type)) out.push({ path, name, schema });
      return out;
  }
}

type ActionId = `${string}.${string}`;

function actionInputs(): [ActionId, Leaf[]][] {
  return Object.entries(catalogue).flatMap(([fn, actions]) =>
    Object.entries(actions as Record<string, { input: Schema }>).map(([a, spec]): [ActionId, Leaf[]] => [`${fn}.${a}`, leaves(spec.input)]),
  );
}

export interface PersonalRow extends PersonalData {
  fields: string[];
  actions: ActionId[];
}

export function personalData(): PersonalRow[] {
  const rows = new Map<string, PersonalRow>();
  for (const [action, fields] of actionInputs()) {
    for (const leaf of fields) {
      const data = PERSONAL_FIELDS[leaf.name];
      if (!data || (data.only && !data.only.test(action))) continue;
      const key = `${data.what}|${data.why}`;
      const row = rows.get(key) ?? { what: data.what, guide: data.guide, why: data.why, fields: [], actions: [] };
      if (!row.fields.includes(leaf.name)) row.fields.push(leaf.name);
      if (!row.actions.includes(action)) row.actions.push(action);
      rows.set(key, row);
    }
  }
  return [...rows.values()];
}

// ---------------------------------------------------------------------------------------------------------------
// (b) Privacy interfaces and the pages that reach them.

/** WeChat's privacy interfaces (those the privacy guide must declare), with the guide's item. */
export const PRIVACY_APIS: Record<string, string> = {
  chooseImage: '选中的照片或视频信息',
  chooseMedia: '选中的照片或视频信息',
  chooseVideo: '选中的照片或视频信息',
  saveImageToPhotosAlbum: '相册（仅写入）权限',
  saveVideoToPhotosAlbum: '相册（仅写入）权限',
  scanCode: '摄像头（扫码）',
  createCameraContext: '摄像头',
  setClipboardData: '剪切板',
  getClipboardData: '剪切板',
  chooseMessageFile: '选中的文件',
  getLocation: '位置信息',
  getFuzzyLocation: '位置信息',
  chooseLocation: '位置信息',
  startLocationUpdate: '位置信息',
  chooseAddress: '地址',
  'open-type=getPhoneNumber': '手机号',
  'open-type=chooseAvatar': '微信昵称、头像',
  getWeRunData: '微信运动步数',
  addPhoneContact: '通讯录（仅写入）权限',
  addPhoneCalendar: '日历（仅写入）权限',
  startRecord: '麦克风',
  getRecorderManager: '麦克风',
};

const srcDir = join(root, 'src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f));
}

interface SourceFile {
  /** Top-level declarations and the text up to the next one. */
  decls: Map<string, string>;
  /** Local name -> [file, imported name ('*' for a namespace, 'default')]. */
  imports: Map<string, [string, string]>;
  text: string;
}

const sources = new Map<string, SourceFile>();

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@shared/')) base = join(srcDir, 'shared', spec.slice(8));
  else if (spec.startsWith('@/')) base = join(srcDir, spec.slice(2));
  else if (spec.startsWith('.')) base = resolve(dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    try {
      if (readdirSync(dirname(candidate)).includes(candidate.slice(dirname(candidate).length + 1)) && /\.tsx?$/.test(candidate)) return candidate;
    } catch {
      // not a folder
    }
  }
  return null;
}

const DECL = /^(?:export\s+)?(?:default\s+)?(?:async\s+)?(?:function\*?\s+(\w+)|const\s+(\w+)|let\s+(\w+)|class\s+(\w+))/;

function source(file: string): SourceFile {
  const known = sources.get(file);
  if (known) return known;
  const text = readFileSync(file, 'utf8');
  const imports = new Map<string, [string, string]>();
  for (const m of text.matchAll(/^import\s+(?!type\b)([\s\S]*?)\s+from\s+'([^']+)';/gm)) {
    const target = resolveImport(file, m[2]!);
    if (!target) continue;
    const clause = m[1]!;
    const ns = /\*\s+as\s+(\w+)/.exec(clause);
    if (ns) imports.set(ns[1]!, [target, '*']);
    const def = /^(\w+)/.exec(clause);
    if (def) imports.set(def[1]!, [target, 'default']);
    const named = /\{([\s\S]*)\}/.exec(clause);
    for (const part of named?.[1]?.split(',') ?? []) {
      const [orig, local] = part.replace(/\btype\s+/, '').trim().split(/\s+as\s+/);
      if (orig && !part.trim().startsWith('type ')) imports.set((local ?? orig).trim(), [target, orig.trim()]);
    }
  }
  const decls = new Map<string, string>();
  const lines = text.split('\n');
  let current: string | null = null;
  let body: string[] = [];
  const flush = () => {
    if (current) decls.set(current, (decls.get(current) ?? '') + body.join('\n'));
  };
  for (const line of lines) {
    const m = DECL.exec(line);
    if (m) {
      flush();
      current = m[1] ?? m[2] ?? m[3] ?? m[4] ?? null;
      if (current && /^export\s+default/.test(line)) decls.set('default', '');
      if (current && /^export\s+default/.test(line)) imports.set('default', [file, current]);
      body = [line];
    } else if (/^(?:export\s+)?(?:interface|type|import)\b/.test(line)) {
      flush();
      current = null;
      body = [];
    } else body.push(line);
  }
  flush();
  const sf = { decls, imports, text };
  sources.set(file, sf);
  return sf;
}

function directApis(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/\b(?:Taro|wx)\.(\w+)\(/g)) if (PRIVACY_APIS[m[1]!]) found.add(m[1]!);
  for (const m of text.matchAll(/openType=['"{]+(\w+)/g)) if (PRIVACY_APIS[`open-type=${m[1]}`]) found.add(`open-type=${m[1]}`);
  return [...found];
}

const memo = new Map<string, Map<string, string>>();

/** The privacy interfaces a top-level declaration reaches (api -> the file that calls it). */
function apisOf(file: string, name: string, seen = new Set<string>()): Map<string, string> {
  const key = `${file}#${name}`;
  const cached = memo.get(key);
  if (cached) return cached;
  const out = new Map<string, string>();
  if (seen.has(key)) return out;
  seen.add(key);
  const sf = source(file);
  const target = name === 'default' ? sf.imports.get('default') : undefined;
  const names = name === '*' ? [...sf.decls.keys()] : target && target[0] === file ? [target[1]] : [name];
  for (const n of names) {
    const body = sf.decls.get(n) ?? '';
    for (const api of directApis(body)) out.set(api, file);
    const refs = new Set([...body.matchAll(/\b(\w+)(?:\.(\w+))?/g)].flatMap((m) => (m[2] ? [m[1]!, `${m[1]}.${m[2]}`] : [m[1]!])));
    for (const ref of refs) {
      const [head, member] = ref.split('.');
      if (!member && sf.decls.has(head!) && head !== n) for (const [api, at] of apisOf(file, head!, seen)) out.set(api, at);
      const imported = sf.imports.get(head!);
      if (imported && imported[0] !== file) {
        const [from, orig] = imported;
        if (orig === '*' && member) for (const [api, at] of apisOf(from, member, seen)) out.set(api, at);
        else if (orig !== '*' && !member) for (const [api, at] of apisOf(from, orig, seen)) out.set(api, at);
      }
    }
  }
  memo.set(key, out);
  return out;
}

/** The app's pages in the order of app.config.ts. */
export function pages(): string[] {
  const config = readFileSync(join(srcDir, 'app.config.ts'), 'utf8');
  const main = /pages:\s*\[([^\]]*)\]/.exec(config)?.[1] ?? '';
  const list = [...main.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
  for (const sub of config.matchAll(/root:\s*'([^']+)'[\s\S]*?pages:\s*\[([^\]]*)\]/g)) {
    for (const p of sub[2]!.matchAll(/'([^']+)'/g)) list.push(`${sub[1]}/${p[1]}`);
  }
  return list;
}

export interface PrivacyPage {
  page: string;
  apis: { api: string; via: string }[];
}

/** Pages that reach a privacy interface (through the components and services they import). */
export function privacyPages(): PrivacyPage[] {
  return pages().flatMap((page) => {
    const file = [`${page}.tsx`, `${page}.ts`].map((f) => join(srcDir, f)).find((f) => tsFiles(dirname(f)).includes(f));
    if (!file) return [];
    const found = apisOf(file, '*');
    return found.size ? [{ page, apis: [...found].map(([api, at]) => ({ api, via: relative(root, at) })).sort((a, b) => a.api.localeCompare(b.api)) }] : [];
  });
}

// ---------------------------------------------------------------------------------------------------------------
// (c) User-generated content and the content check.

/** Field names that are identifiers, codes or formats, never prose a person writes (`order`: member ids in turn). */
const NOT_TEXT = /^(id|ids|key|order|requestId|nonce|token|code|fileID|webhook|version|phone|month|csv)$|(Id|Ids|Key|Phones)$/;
const IMAGE_FIELDS = /^(photo|photoUrl|cover|images)$/;

/** Calls that check text / images with the platform (cloudfunctions/_core/content-check.ts and the wechat port). */
const TEXT_CHECKS = ['ensurePublishable', 'checkText'];
const IMAGE_CHECKS = ['checkImage', 'ensureImagesPublishable', 'mediaCheckAsync'];

/**
 * Actions whose user text is never shown to another resident, so the content check is not required. Keep each with
 * its reason; the test fails for any other action that takes user text without a check.
 */
export const TEXT_NEVER_SHOWN_TO_OTHERS: Record<string, string> = {
  // Search and filter input: matched against stored data, never stored or shown.
  'ledger.members': '按姓名搜索',
  'honours.candidates': '按姓名搜索',
  'talent.search': '按技能、兴趣、楼栋筛选',
  'cabin.items': '物品搜索',
  'cabin.residents': '按姓名或手机号找居民',
  'grids.roster': '按楼栋筛选',
  'grids.clearPair': '选择已有楼栋',
  'reports.similar': '按类别和地点找已有上报',
  'learning.listCases': '案例搜索',
  // Staff logs: the item's history (the desk: keepers and the duty volunteer) and the sales list (keepers).
  'cabin.setStatus': '物品记录里的备注，仅值班和管理员可见',
  'cabin.restock': '补货记录里的备注，仅值班和管理员可见',
  'cabin.recordSale': '义卖记录里的备注，仅管理员可见',
  // 邻援助老's elder records: written by the committee or the grid leader, read by them and the paired volunteers
  // only (docs/care.md); health notes are sensitive and are not sent to a third party's check.
  'care.registerElder': '老人档案（含健康情况），仅居委、所属微格长和结对志愿者可见',
  'care.updateElder': '老人档案（含健康情况），仅居委、所属微格长和结对志愿者可见',
  'care.endPairing': '结束结对的原因，只存档不展示',
};

function fnSources(fn: string): Map<string, string> {
  const dir = join(root, 'cloudfunctions', fn);
  const bodies = new Map<string, string>();
  for (const file of tsFiles(dir)) {
    const sf = source(file);
    for (const [name, body] of sf.decls) bodies.set(name, (bodies.get(name) ?? '') + body);
  }
  return bodies;
}

/** The names in a function folder that reach one of `seeds` (a fixpoint over top-level declarations). */
function reaching(bodies: Map<string, string>, seeds: string[]): Set<string> {
  const names = new Set(seeds);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, body] of bodies) {
      if (names.has(name) && !seeds.includes(name)) continue;
      if ([...names].some((n) => n !== name && new RegExp(`\\b${n}\\(`).test(body)) && !names.has(name)) {
        names.add(name);
        grew = true;
      }
    }
  }
  return names;
}

/** The handler's declaration name for each action of a function (from its index.ts). */
function handlers(fn: string): Map<string, string> {
  const index = readFileSync(join(root, 'cloudfunctions', fn, 'index.ts'), 'utf8');
  const body = index.slice(index.indexOf('createFunction('));
  const out = new Map<string, string>();
  for (const m of body.matchAll(/^\s*(\w+)(?::\s*(.+?))?,?\s*$/gm)) {
    const expr = m[2] ?? m[1]!;
    const call = [...expr.matchAll(/\b(\w+)\.(\w+)\(/g)].pop() ?? [...expr.matchAll(/^(\w+)\.(\w+)$/g)].pop();
    out.set(m[1]!, call ? call[2]! : expr.trim());
  }
  return out;
}

export interface UgcRow {
  action: ActionId;
  text: string[];
  images: string[];
  textChecked: boolean;
  imagesChecked: boolean;
  /** Why unchecked text is fine, from TEXT_NEVER_SHOWN_TO_OTHERS. */
  allowed?: string;
}

export function ugcCoverage(): UgcRow[] {
  const perFn = new Map<string, { handlers: Map<string, string>; text: Set<string>; images: Set<string> }>();
  const rows: UgcRow[] = [];
  for (const [action, fields] of actionInputs()) {
    const text = fields.filter((l) => l.schema.type === 'string' && !NOT_TEXT.test(l.name) && !IMAGE_FIELDS.test(l.name) && !(l.schema.pipe ?? []).some((p) => ['regex', 'check', 'email', 'url'].includes(p.type) && !TEXT_RULE_CHECKS.has((p as { requirement?: unknown }).requirement)));
    const images = fields.filter((l) => IMAGE_FIELDS.test(l.name));
    if (!text.length && !images.length) continue;
    const fn = action.split('.')[0]!;
    if (!perFn.has(fn)) {
      const bodies = fnSources(fn);
      perFn.set(fn, { handlers: handlers(fn), text: reaching(bodies, TEXT_CHECKS), images: reaching(bodies, IMAGE_CHECKS) });
    }
    const info = perFn.get(fn)!;
    const handler = info.handlers.get(action.split('.')[1]!) ?? '';
    rows.push({
      action,
      text: [...new Set(text.map((l) => l.path))],
      images: [...new Set(images.map((l) => l.path))],
      textChecked: info.text.has(handler),
      imagesChecked: info.images.has(handler),
      ...(TEXT_NEVER_SHOWN_TO_OTHERS[action] ? { allowed: TEXT_NEVER_SHOWN_TO_OTHERS[action] } : {}),
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// The section.

const code = (s: string) => `\`${s}\``;

export function renderChecklist(): string {
  const out: string[] = [];
  out.push('## WeChat review checklist (generated)', '');
  out.push('Generated by `npx tsx scripts/review-checklist.ts` from the code; do not edit between the markers.', '');

  out.push('### 1. Personal data collected and why (用户隐私保护指引)', '');
  out.push('| data | privacy guide item | purpose (shown to residents) | schema fields | actions |', '|---|---|---|---|---|');
  for (const row of personalData()) out.push(`| ${row.what} | ${row.guide} | ${row.why} | ${row.fields.map(code).join(' ')} | ${row.actions.map(code).join(' ')} |`);
  for (const r of PERSONAL_RECORDS.filter((r) => actionInputs().some(([a]) => a === r.action))) out.push(`| ${r.what} | 其他（补充文档） | ${r.why} | — | ${code(r.action)} |`);
  out.push('');

  const found = privacyPages();
  const apis = new Map<string, Set<string>>();
  for (const p of found) for (const a of p.apis) (apis.get(a.api) ?? apis.set(a.api, new Set()).get(a.api)!).add(a.via);
  out.push('### 2. Privacy interfaces called (declare each in the guide)', '');
  out.push('| interface | privacy guide item | called in |', '|---|---|---|');
  for (const [api, via] of [...apis].sort(([a], [b]) => a.localeCompare(b))) out.push(`| ${code(api.startsWith('open-type') ? api : `wx.${api}`)} | ${PRIVACY_APIS[api]} | ${[...via].map(code).join(' ')} |`);
  out.push('');
  out.push('### 3. Pages that must have the user\'s consent before the interface is used', '');
  out.push('These pages reach a privacy interface; the user must have agreed to the privacy guide first (WeChat\'s');
  out.push('official consent popup, or `wx.requirePrivacyAuthorize` before the call).', '');
  for (const p of found) out.push(`- ${code(p.page)}: ${p.apis.map((a) => code(a.api)).join(', ')}`);
  out.push('');

  const ugc = ugcCoverage();
  const uncheckedText = ugc.filter((r) => r.text.length && !r.textChecked && !r.allowed);
  const uncheckedImages = ugc.filter((r) => r.images.length && !r.imagesChecked);
  out.push('### 4. Content check of user text and images', '');
  out.push(`Every action whose input has user text or images; the text must pass ${code('ensurePublishable')} / ${code('checkText')} and images ${code('checkImage')} before others see them.`, '');
  out.push('| action | text fields | text checked | image fields | images checked |', '|---|---|---|---|---|');
  for (const r of ugc) {
    const textCell = !r.text.length ? '—' : r.textChecked ? 'yes' : r.allowed ? `not needed: ${r.allowed}` : '**NO**';
    const imageCell = !r.images.length ? '—' : r.imagesChecked ? 'yes' : '**NO**';
    out.push(`| ${code(r.action)} | ${r.text.map(code).join(' ') || '—'} | ${textCell} | ${r.images.map(code).join(' ') || '—'} | ${imageCell} |`);
  }
  out.push('');
  out.push(`Unchecked text shown to others: ${uncheckedText.length ? uncheckedText.map((r) => code(r.action)).join(', ') : 'none'}.`);
  out.push(`Unchecked images: ${uncheckedImages.length ? uncheckedImages.map((r) => code(r.action)).join(', ') : 'none'}.`, '');

  out.push('### 5. Set by hand in the console', '');
  out.push('- **Service category (服务类目)**: by the subject that registers the mini-program. A 居委会 or 街道 (a');
  out.push('  government / 特别法人 subject) picks the 政务民生 category for community services, with its proof of');
  out.push('  qualification; a registered volunteer association picks 社会 > 公益. Check the exact sub-category names in the');
  out.push('  console list. Why: the app serves residents of one 居民区 (sign-ups, service hours and points, notices, a');
  out.push('  sharing shelf), with no payment; its user text is checked (section 4), as review asks of any UGC.');
  out.push(`- **用户隐私保护指引**: fill in sections 1 and 2 (each interface with its purpose), and the supplementary`);
  out.push(`  document for items the console does not list; the in-app text is version ${code(PRIVACY_VERSION)} (${code('src/shared/privacy.ts')}): a`);
  out.push('  change in what is collected means a new version there and in the console.');
  out.push('- **Subscribe-message templates**: one per key of `src/shared/subscriptions.ts`, recorded in');
  out.push('  `deploy/environments/<env>.json` (see example.json).');
  out.push('- **Reviewer test account**: a member with the committee role in a demo 居民区 (review notes: how to reach');
  out.push('  each role\'s home), since most pages need a registered, approved member.');
  out.push('- **Children (小小梯队)**: guardian consent is asked in the app; mention it in the review notes.');
  return out.join('\n');
}

/** The README with the section replaced (or appended at the end with its markers). */
export function withChecklist(readme: string, section: string): string {
  const block = `${BEGIN}\n${section}\n${END}`;
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start >= 0 && end > start) return readme.slice(0, start) + block + readme.slice(end + END.length);
  return `${readme.replace(/\n*$/, '\n')}\n${block}\n`;
}

if (require.main === module) {
  writeFileSync(README, withChecklist(readFileSync(README, 'utf8'), renderChecklist()));
  console.log(`deploy/README.md: review checklist written`);
}
