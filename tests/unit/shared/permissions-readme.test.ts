import { readFileSync } from 'fs';
import { join } from 'path';
import { permissionsMarkdown } from '../../../src/shared/permissions-table';

describe('the README', () => {
  it('shows the permission matrix as the code has it (npm run docs:permissions rewrites it)', () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    const block = readme.split('<!-- permissions:start -->')[1]?.split('<!-- permissions:end -->')[0]?.trim();
    expect(block).toBe(permissionsMarkdown());
  });
});
