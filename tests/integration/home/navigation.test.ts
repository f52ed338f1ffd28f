import { existsSync, readFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { pages as appPages } from '../../../scripts/review-checklist';
import { elderEntries, homeEntryGroups, meEntryGroups, type MeEntryGroup } from '../../../src/features/members/entries';
import { todaySections } from '../../../src/features/members/today';
import type { HomeToday } from '../../../src/shared/domain/home';
import type { MemberView } from '../../../src/shared/domain/member';
import { startHarness, type Harness } from '../../support/harness';
import { PAGE_TABLE, type PageIdentity } from '../../support/page-table';

/**
 * Every feature within 2 taps of 首页, measured on the app's own navigation graph for each demo role:
 * - 首页's edges are the role's real entries (homeEntryGroups, the elder tiles, and the "today" lines of home.today
 *   as the role's home answers it); 我的's are meEntryGroups; the tab bar (app.config.ts) joins 首页 and 我的;
 * - every other page's edges are the routes its source reaches: route literals and references to the route maps
 *   (ROUTES.x, EVENT_PAGES.x, ...) in the page file and the feature and component files it imports.
 * A role's features are the pages of the page table (tests/support/page-table.ts) for that role and the roles it
 * includes; pages opened with an id (a detail page) are listed with their taps but only pages without one must be
 * within 2. "Before" puts every entry on 我的 (as before 首页 per role, commit 89c16f4) over the same graph.
 */

const root = join(__dirname, '../../..');
const src = join(root, 'src');
const ROUTE = /\/?((?:pages|packages)\/[\w-]+(?:\/pages\/[\w-]+)?\/index)\b/g;
const bare = (url: string) => url.replace(/^\//, '').replace(/\?.*$/, '');

const pages: string[] = appPages();
/** The tab bar's pages, from app.config.ts. */
const TABS = [...(/tabBar:[\s\S]*?list:\s*\[([\s\S]*?)\]/.exec(readFileSync(join(src, 'app.config.ts'), 'utf8'))?.[1] ?? '').matchAll(/pagePath:\s*'([^']+)'/g)].map((m) => m[1]!);
const HOME = 'pages/home/index';
const ME = 'pages/me/index';

/**
 * The route maps (`export const NAME = { key: '/packages/...' }`, a `${PKG}` prefix resolved) and the url helpers
 * (`export const memberDetailUrl = (id) => \`${ROUTES.adminMember}?...\``) of src/features, parsed from their source.
 */
function routeMaps(): Map<string, string> {
  const maps = new Map<string, string>();
  for (const file of ['features/members/routes.ts', 'features/events/api.ts', 'features/shop/api.ts', 'features/notices/api.ts', 'features/cabin/api.ts', 'features/honours/routes.ts', 'features/reports/api.ts', 'features/participation/routes.ts', 'features/surveys/routes.ts']) {
    let text = readFileSync(join(src, file), 'utf8');
    for (const c of text.matchAll(/const (\w+) = '(\/(?:pages|packages)\/[\w/-]+)';/g)) text = text.split(`\${${c[1]}}`).join(c[2]!);
    for (const block of text.matchAll(/export const (\w+) = \{([\s\S]*?)\n\}/g)) {
      for (const line of block[2]!.split('\n')) {
        const m = /^\s*(\w+):.*?['`](\/(?:pages|packages)\/[\w/-]+\/index)/.exec(line);
        if (m) maps.set(`${block[1]}.${m[1]}`, bare(m[2]!));
      }
    }
    for (const helper of text.matchAll(/export const (\w+) = \([^)]*\)(?::[^=]+)? => `\$\{(\w+)\.(\w+)\}/g)) {
      const target = maps.get(`${helper[2]}.${helper[3]}`);
      if (target) maps.set(`${helper[1]}(`, target);
    }
  }
  return maps;
}
const MAPS = routeMaps();
/** Files whose routes are the role's, not every role's: 首页 and 我的 take their entries from the functions themselves. */
const ROLE_FILES = ['features/members/entries.ts', 'features/members/today.ts', 'features/members/routes.ts'];

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = join(src, spec.slice(2));
  else if (spec.startsWith('.')) base = resolve(dirname(from), spec);
  else return null;
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) if (existsSync(c) && !c.endsWith('/')) {
    try {
      readFileSync(c);
      return c;
    } catch {
      // a directory
    }
  }
  return null;
}

/** The page's file and the feature and component files it imports, transitively (shared rules, services and hooks hold no links). */
function sourcesOf(page: string): string[] {
  const seen = new Set<string>();
  const stack = [join(src, `${page}.tsx`)];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)) {
      const next = resolveImport(file, m[1]!);
      if (next && /\/src\/(features|components|packages|pages)\//.test(next) && !ROLE_FILES.some((f) => next.endsWith(f))) stack.push(next);
    }
  }
  return [...seen];
}

function linksOf(page: string): Set<string> {
  const out = new Set<string>();
  for (const file of sourcesOf(page)) {
    const text = readFileSync(file, 'utf8').replace(/^\s*(\/\/|\*|\/\*).*$/gm, '');
    for (const m of text.matchAll(ROUTE)) out.add(m[1]!);
    for (const m of text.matchAll(/\b([A-Z_]+)\.(\w+)\b/g)) {
      const target = MAPS.get(`${m[1]}.${m[2]}`);
      if (target) out.add(target);
    }
    for (const m of text.matchAll(/\b(\w+)\(/g)) {
      const target = MAPS.get(`${m[1]}(`);
      if (target) out.add(target);
    }
  }
  out.delete(page);
  return new Set([...out].filter((p) => pages.includes(p)));
}

const entryTargets = (groups: MeEntryGroup[]) => groups.flatMap((g) => g.entries.map((e) => bare(e.url)));

/** Taps from 首页 to every page, breadth first. */
function taps(homeEdges: string[], meEdges: string[]): Map<string, number> {
  const edges = (page: string): string[] => {
    const tabs = TABS.filter((t) => t !== page && TABS.includes(page));
    if (page === HOME) return [...tabs, ...homeEdges];
    if (page === ME) return [...tabs, ...meEdges, ...linksOf(ME)];
    return [...linksOf(page)];
  };
  const dist = new Map<string, number>([[HOME, 0]]);
  let frontier = [HOME];
  while (frontier.length) {
    const next: string[] = [];
    for (const page of frontier) for (const to of edges(page)) if (!dist.has(to)) {
      dist.set(to, dist.get(page)! + 1);
      next.push(to);
    }
    frontier = next;
  }
  return dist;
}

const ROLES: Exclude<PageIdentity, 'newcomer'>[] = ['resident', 'member', 'gridLeader', 'committee', 'streetAdmin'];
/** The page-table roles each demo role includes (a grid leader is a member; the committee is a resident of its 居民区). */
const INCLUDES: Record<(typeof ROLES)[number], PageIdentity[]> = {
  resident: ['resident'],
  member: ['resident', 'member'],
  gridLeader: ['resident', 'member', 'gridLeader'],
  committee: ['resident', 'committee'],
  streetAdmin: ['streetAdmin'],
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(() => h.stop());

it('reaches every feature page of each demo role within 2 taps from 首页', async () => {
  const rows: string[] = [];
  const failures: string[] = [];
  const table = new Map<string, Record<string, string>>();
  for (const role of ROLES) {
    const { member } = await h.call<{ member: MemberView }>('members', 'me', {}, h.identities[role]);
    const today = await h.call<HomeToday>('home', 'today', {}, h.identities[role]);
    const home = [...entryTargets(homeEntryGroups(member)), ...elderEntries(member).map((e) => bare(e.url)), ...todaySections(today).flatMap((s) => s.items.map((i) => bare(i.url)))];
    const after = taps(home, entryTargets(meEntryGroups(member)));
    // Before: 首页 held no entries; 我的 held them all.
    const before = taps([], [...entryTargets(homeEntryGroups(member)), ...entryTargets(meEntryGroups(member))]);
    const features = PAGE_TABLE.filter((r) => INCLUDES[role].includes(r.as) && r.page !== HOME && r.page !== ME);
    for (const row of features) {
      const n = after.get(row.page);
      const cell = table.get(row.page) ?? {};
      cell[role] = `${before.get(row.page) ?? '-'}→${n ?? '-'}`;
      table.set(row.page, cell);
      if (!row.query && (n === undefined || n > 2)) failures.push(`${role}: ${row.page} takes ${n ?? 'no path of'} taps`);
    }
  }
  rows.push(`| page | ${ROLES.join(' | ')} |`, `|---|${ROLES.map(() => '---').join('|')}|`);
  for (const [page, cells] of [...table.entries()].sort()) rows.push(`| ${page} | ${ROLES.map((r) => cells[r] ?? '').join(' | ')} |`);
  console.log(`Taps from 首页 per feature page and role (before→after; "-" = not reachable):\n${rows.join('\n')}`);
  expect(failures).toEqual([]);
});
