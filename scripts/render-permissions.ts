/** Rewrites the permission matrix in README.md from src/shared/permissions.ts (`npm run docs:permissions`). */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { permissionsMarkdown } from '../src/shared/permissions-table';

const START = '<!-- permissions:start -->';
const END = '<!-- permissions:end -->';
const path = join(__dirname, '..', 'README.md');
const readme = readFileSync(path, 'utf8');
const from = readme.indexOf(START);
const to = readme.indexOf(END);
if (from < 0 || to < from) throw new Error(`README.md has no ${START} ... ${END} block`);
writeFileSync(path, `${readme.slice(0, from + START.length)}\n${permissionsMarkdown()}\n${readme.slice(to)}`);
console.log('README.md: permission matrix updated');
