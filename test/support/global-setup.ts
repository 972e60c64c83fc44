import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/db/client';
import { adminQuery, databaseUrl, dropDatabase, openPglite, TEST_DATABASE_PREFIX, testDatabaseCreatedAt, testDatabaseName } from './database-template';

const DAY_MS = 86_400_000;

/**
 * Migrates one database per vitest run, which every test file's openTestDatabase() then copies:
 * migrating is most of what opening a test database costs, and there are dozens of files.
 * Returns the teardown that removes the template.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    await sweepLeftovers(serverUrl);
    const name = await prepareServerTemplate(serverUrl);
    project.provide('databaseTemplate', { kind: 'postgres', serverUrl, name });
    return async () => {
      await dropDatabase(serverUrl, name);
    };
  }
  const folder = await mkdtemp(join(tmpdir(), 'jumun-test-'));
  const file = join(folder, 'pglite-template.tar.gz');
  const { client } = await openPglite();
  try {
    const dump = await client.dumpDataDir('gzip');
    await writeFile(file, new Uint8Array(await dump.arrayBuffer()));
  } finally {
    await client.close();
  }
  project.provide('databaseTemplate', { kind: 'pglite', file });
  return () => rm(folder, { recursive: true, force: true });
}

/** A migrated database nobody can connect to: CREATE DATABASE … TEMPLATE fails while anyone is connected to the template. */
async function prepareServerTemplate(serverUrl: string): Promise<string> {
  const name = testDatabaseName('template');
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  try {
    const database = await openDatabase({ databaseUrl: databaseUrl(serverUrl, name) });
    await database.close();
    await adminQuery(serverUrl, `ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
    return name;
  } catch (error) {
    await dropDatabase(serverUrl, name);
    throw error;
  }
}

/**
 * Drops the test databases an interrupted run left behind (its teardown or a file's close never
 * ran), once they are a day old: younger ones may belong to a run still going.
 */
async function sweepLeftovers(serverUrl: string) {
  const rows = await adminQuery<{ datname: string }>(serverUrl, `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [TEST_DATABASE_PREFIX]);
  for (const { datname } of rows) {
    const createdAt = testDatabaseCreatedAt(datname);
    if (createdAt && Date.now() - createdAt.getTime() > DAY_MS) await dropDatabase(serverUrl, datname);
  }
}
