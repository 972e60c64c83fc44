import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { pgliteDatabase, type Database } from '../../src/server/db/client';

/**
 * The migrated database global-setup.ts prepares once per vitest run, which each test file then
 * copies instead of migrating its own: a PGlite data folder dumped to a tarball, or a template
 * database on the PostgreSQL server.
 */
export type DatabaseTemplate = { kind: 'pglite'; file: string } | { kind: 'postgres'; serverUrl: string; name: string };

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplate: DatabaseTemplate | null;
  }
}

/** Every database the tests create on a server starts with this; nothing else is ever dropped. */
export const TEST_DATABASE_PREFIX = 'jumun_test_';

/** `jumun_test_<ms>_<hex>` (one test file) or `jumun_test_template_<ms>_<hex>` (one run): the time lets a later run sweep leftovers. */
export function testDatabaseName(role: 'file' | 'template' = 'file'): string {
  return `${TEST_DATABASE_PREFIX}${role === 'template' ? 'template_' : ''}${Date.now()}_${randomBytes(4).toString('hex')}`;
}

/** When a name testDatabaseName made was made; null for any other name, which is never ours to drop. */
export function testDatabaseCreatedAt(name: string): Date | null {
  const match = /^jumun_test_(?:template_)?(\d{13})_[0-9a-f]{8}$/.exec(name);
  return match?.[1] ? new Date(Number(match[1])) : null;
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** One statement on the server's own database (CREATE/DROP DATABASE cannot run inside the one they name). */
export async function adminQuery<T extends Record<string, unknown>>(serverUrl: string, statement: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return (await client.query<T>(statement, values)).rows;
  } finally {
    await client.end();
  }
}

export const dropDatabase = (serverUrl: string, name: string) => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);

/**
 * An in-memory PGlite set up as openDatabase sets one up (pg_trgm, the schema, migrated), optionally
 * started from a dumped data folder. The migrator runs either way: a no-op on an up-to-date copy,
 * and the catch-up if the copy is older than the migrations.
 */
export async function openPglite(loadDataDir?: Blob): Promise<{ client: PGlite; database: Database }> {
  const client = await PGlite.create({ dataDir: 'memory://', extensions: { pg_trgm }, ...(loadDataDir ? { loadDataDir } : {}) });
  return { client, database: await pgliteDatabase(client) };
}
