import { API_SCOPES, PERMISSIONS, PERMISSION_NAMES, ROLE_LABELS, SCOPE_LABELS, STAFF_ROLES } from '../../src/domain/permissions';

/** The README's permission table, drawn from the domain's: the two never drift apart. */
export function permissionTableMarkdown(): string {
  const head = `| permission | what | ${STAFF_ROLES.map((r) => `${r} (${ROLE_LABELS[r]})`).join(' | ')} | API key scopes |`;
  const rule = `| --- | --- | ${STAFF_ROLES.map(() => ':-:').join(' | ')} | --- |`;
  const rows = PERMISSION_NAMES.map((name) => {
    const p: { label: string; roles: readonly string[]; scopes: readonly string[]; note?: string } = PERMISSIONS[name];
    const roles = STAFF_ROLES.map((r) => (p.roles.includes(r) ? '✓' : '')).join(' | ');
    const scopes = p.scopes.length ? p.scopes.map((s) => `\`${s}\``).join(', ') : '—';
    return `| \`${name}\` | ${p.label}${p.note ? ` (${p.note})` : ''} | ${roles} | ${scopes} |`;
  });
  const scopeLine = `API key scopes: ${API_SCOPES.map((s) => `\`${s}\` ${SCOPE_LABELS[s]}`).join(', ')}.`;
  return [head, rule, ...rows, '', scopeLine].join('\n');
}

// `npx tsx test/support/permission-table.ts` prints it, for pasting into the README
if (process.argv[1]?.endsWith('permission-table.ts')) console.log(permissionTableMarkdown());
