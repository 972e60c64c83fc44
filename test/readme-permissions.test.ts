import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { permissionTableMarkdown } from './support/permission-table';

describe('README', () => {
  it('shows the permission table exactly as the domain defines it', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const table = permissionTableMarkdown();
    // on failure, paste the expected table into the README's *Permissions* section
    expect(readme.includes(table), `README.md must contain:\n\n${table}\n`).toBe(true);
  });
});
