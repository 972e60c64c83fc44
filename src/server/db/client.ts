import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { PgTransaction, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { holdingLock, pingPool, poolConfig, ResilientPool, SERVER_TIMEOUTS, TOOL_TIMEOUTS, type DatabaseTimeouts } from './pool';
import * as schema from './schema/index';

export type Schema = typeof schema;
/** Both drivers share this type, so every query is written once for PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** PostgreSQL: the connection string, for a worker thread that opens connections of its own. */
  url?: string;
  /** Asks the database `select 1`; throws when it does not answer within timeoutMs (PostgreSQL) or at all. */
  ping(timeoutMs: number): Promise<void>;
  /** Runs work while holding a database-wide advisory lock (PostgreSQL), so other servers wait their turn. */
  exclusive<T>(lockKey: number, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface OpenOptions {
  /** A PostgreSQL connection string; when absent the embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; `memory://` keeps it in memory (tests). */
  dataDir?: string;
  /** PostgreSQL connect, statement and idle-transaction limits; the server's by default. */
  timeouts?: DatabaseTimeouts;
  /** Told about connections the server dropped (they are replaced; the process carries on). */
  onConnectionError?: (error: Error) => void;
  /** false opens the database as it is (the backup tool reads and fills schemas of its own choosing). */
  migrate?: boolean;
}

/** Opens the database and brings its schema up to date (migrations run from code, never by hand). */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    if (options.migrate !== false) await migrateServer(options.databaseUrl);
    const onError = options.onConnectionError ?? ((error: Error) => console.error(`database connection lost: ${error.message}`));
    const pool = new ResilientPool(poolConfig(options.databaseUrl, options.timeouts ?? SERVER_TIMEOUTS), onError);
    const db = drizzlePg(pool, { schema });
    return { db, kind: 'postgres', url: options.databaseUrl, ping: (timeoutMs) => pingPool(pool, timeoutMs), exclusive: (key, work) => holdingLock(pool, key, work), close: () => pool.end() };
  }
  const dataDir = options.dataDir ?? './data';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  // PGlite is loaded only when it is opened: a server on PostgreSQL, its export worker threads
  // and the tools never pay for it (~0.4 s and ~50 MB resident at each start).
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  // pg_trgm must be passed every time the database is opened, not only when it was created.
  const client = await PGlite.create({ dataDir, extensions: { pg_trgm } });
  return pgliteDatabase(client, options.migrate !== false);
}

/** A Database over a PGlite client its caller created (with pg_trgm), migrated unless told not to. */
export async function pgliteDatabase(client: PGlite, migrate = true): Promise<Database> {
  const { drizzle: drizzlePglite } = await import('drizzle-orm/pglite');
  const db = drizzlePglite(client, { schema });
  if (migrate) {
    const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
    await migratePglite(db, { migrationsFolder });
  }
  return {
    db,
    kind: 'pglite',
    ping: async () => {
      await client.query('select 1');
    },
    exclusive: (_key, work) => work(),
    close: () => client.close(),
  };
}

/**
 * Migrations run on a connection of their own without the server's statement limit: an index
 * built over a million orders may legitimately take minutes.
 */
async function migrateServer(databaseUrl: string): Promise<void> {
  const client = new pg.Client(poolConfig(databaseUrl, TOOL_TIMEOUTS));
  client.on('error', () => undefined); // a failure surfaces from the query that hits it
  await client.connect();
  try {
    // servers started together migrate one after the other, not both at once
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
  } finally {
    await client.end();
  }
}

const MIGRATION_LOCK = 7_238_001;
const STARTUP_LOCK = 7_238_002;

/**
 * Work done once at start (backfills, the demo shop) under a database-wide lock, so servers
 * started together on one PostgreSQL database take turns. PGlite has one process: no lock needed.
 */
export function withStartupLock<T>(database: Database, work: () => Promise<T>): Promise<T> {
  return database.exclusive(STARTUP_LOCK, work);
}

/**
 * Reads that must see one state of the data (an order's rows across its tables) in one snapshot:
 * a REPEATABLE READ, READ ONLY transaction, or the caller's transaction when it already has one.
 */
export async function readSnapshot<T>(executor: Executor, read: (tx: Executor) => Promise<T>): Promise<T> {
  if (executor instanceof PgTransaction) return read(executor);
  return (executor as Db).transaction(read, { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

export { SERVER_TIMEOUTS, TOOL_TIMEOUTS, type DatabaseTimeouts };

/** Raw SQL rows; the two drivers answer with the same `rows` shape. */
export async function queryRows<T extends Record<string, unknown>>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** `count(*)` is a number on PGlite and a string on pg: always convert. */
export async function countRows(db: Executor, query: SQL): Promise<number> {
  const [row] = await queryRows<{ n: unknown }>(db, query);
  return Number(row?.n ?? 0);
}

export { sql };

/** The single row an INSERT … RETURNING or a keyed SELECT must produce; its absence is a bug. */
export function one<T>(rows: readonly T[], what: string): T {
  const row = rows[0];
  if (row === undefined) throw new Error(`expected one ${what} row, got none`);
  return row;
}
