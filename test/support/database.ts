import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/server/db/client';
import { adminQuery, databaseUrl, dropDatabase, openPglite, testDatabaseName, type DatabaseTemplate } from './database-template';

/** A new, empty database on the PostgreSQL server of `serverUrl`: its URL, and how to drop it. */
export async function createScratchDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = testDatabaseName();
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  return {
    url: databaseUrl(serverUrl, name),
    drop: async () => {
      await dropDatabase(serverUrl, name);
    },
  };
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by default, or a new database
 * on the PostgreSQL server named by DATABASE_URL (dropped again by `close`). Never a mock.
 * It is a copy of the run's migrated template (global-setup.ts), which is quicker than migrating
 * anew; without a template (a runner that skipped the global setup) it migrates a fresh one.
 */
export async function openTestDatabase(): Promise<Database> {
  const serverUrl = process.env.DATABASE_URL;
  const template = providedTemplate();
  if (!serverUrl) {
    const image = template?.kind === 'pglite' ? await templateImage(template.file) : null;
    return image ? (await openPglite(image)).database : openDatabase({ dataDir: 'memory://' });
  }
  const name = testDatabaseName();
  await createDatabase(serverUrl, name, template?.kind === 'postgres' && template.serverUrl === serverUrl ? template.name : null);
  try {
    // migrates as well: a no-op on a copy of the template
    const database = await openDatabase({ databaseUrl: databaseUrl(serverUrl, name) });
    return {
      ...database,
      async close() {
        await database.close();
        await dropDatabase(serverUrl, name);
      },
    };
  } catch (error) {
    await dropDatabase(serverUrl, name);
    throw error;
  }
}

function providedTemplate(): DatabaseTemplate | null {
  try {
    return inject('databaseTemplate') ?? null;
  } catch {
    return null; // not inside a vitest worker
  }
}

/** `CREATE DATABASE … TEMPLATE`; a plain empty database if the template is gone (the migrator then fills it). */
async function createDatabase(serverUrl: string, name: string, templateName: string | null) {
  if (templateName) {
    try {
      await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${templateName}`);
      return;
    } catch (error) {
      // 3D000: the template does not exist (dropped by an overlapping run's sweep, say)
      if ((error as { code?: unknown }).code !== '3D000') throw error;
      warnOnce(`template database ${templateName} is missing; migrating each test database instead`);
    }
  }
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
}

const images = new Map<string, Promise<Blob | null>>();

/** The dumped data folder, read once per worker process; null (with a warning) if it is gone. */
function templateImage(file: string): Promise<Blob | null> {
  let image = images.get(file);
  if (!image) {
    image = readFile(file).then(
      (bytes) => new Blob([bytes]),
      (error: unknown) => {
        warnOnce(`PGlite template ${file} cannot be read (${String(error)}); migrating each test database instead`);
        return null;
      },
    );
    images.set(file, image);
  }
  return image;
}

let warned = false;
function warnOnce(message: string) {
  if (!warned) console.warn(message);
  warned = true;
}
