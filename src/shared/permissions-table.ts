import { PERMISSIONS, ROLE_LABELS, ROLES, SCOPE_LABELS, type Role, type Scope } from './permissions';

/** The permission matrix as a Markdown table, for the README (kept in step by a unit test). */
export function permissionsMarkdown(): string {
  const header = `| action | ${ROLES.map((r) => `${ROLE_LABELS[r]} (${r})`).join(' | ')} |`;
  const rule = `|---|${ROLES.map(() => '---').join('|')}|`;
  const rows = Object.entries(PERMISSIONS).map(([action, grants]) => {
    const cells = ROLES.map((role) => {
      const scope = (grants as Partial<Record<Role, Scope>>)[role];
      return scope ? SCOPE_LABELS[scope] : '—';
    });
    return `| \`${action}\` | ${cells.join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}
