/**
 * Backup and restore of the database the server would open (DATABASE_URL, else the PGlite folder
 * JUMUN_DATA_DIR), in one portable format: a PGlite backup restores into PostgreSQL and back.
 */
import { existsSync, readdirSync, renameSync, rmSync, rmdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../config';
import { countRows, openDatabase, sql, type Database, TOOL_TIMEOUTS } from '../db/client';
import { DataDirBusyError, LOCK_FILE, lockDataDir } from '../db/data-dir-lock';
import { dumpDatabase } from './dump';
import { BackupError, createBackupWriter, messageOf, type BackupWriter, type Trailer } from './format';
import { openBackup, restoreDatabase, type OpenedBackup, type RestoreOptions } from './load';

export interface Summary {
  file: string;
  bytes: number;
  database: string;
  rows: Record<string, number>;
  orders: number;
  /** restore only: where a forced restore moved the embedded database it replaced */
  replaced?: string;
  notes: string[];
}

/** Where the data lives, for messages (a PostgreSQL URL without its password). */
export function describeTarget(config: Config): string {
  if (!config.databaseUrl) return `embedded PGlite in ${resolve(config.dataDir)}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL database ${url.pathname.slice(1) || '(default)'} on ${url.host}`;
}

/** The folder for this process, or an operator's message if a server has it open. */
function lockFolder(dataDir: string, what: string): () => void {
  try {
    return lockDataDir(dataDir, what);
  } catch (error) {
    if (error instanceof DataDirBusyError) throw new BackupError(`${error.message} (PGlite runs in one process: stop the server to ${what})`);
    throw error;
  }
}

export async function backup(config: Config, file: string, force: boolean): Promise<Summary> {
  if (existsSync(file) && !force) throw new BackupError(`${file} already exists: choose another name, or pass --force to replace it`);
  if (!existsSync(dirname(resolve(file)))) throw new BackupError(`folder ${dirname(resolve(file))} does not exist`);
  let release: () => void = () => undefined;
  if (!config.databaseUrl) {
    if (!existsSync(join(config.dataDir, 'PG_VERSION'))) throw new BackupError(`there is no embedded database in ${resolve(config.dataDir)} (JUMUN_DATA_DIR)`);
    release = lockFolder(config.dataDir, 'back it up');
  }
  // written under another name and renamed when complete: a failed backup never looks like one
  const partial = `${file}.partial-${process.pid}`;
  let database: Database | null = null;
  let writer: BackupWriter | null = null;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrate: false, timeouts: TOOL_TIMEOUTS });
    writer = createBackupWriter(partial);
    const trailer = await dumpDatabase(database, writer, new Date());
    const bytes = await writer.finish();
    renameSync(partial, file);
    return { file, bytes, database: describeTarget(config), rows: trailer.rows, orders: trailer.rows['public.orders'] ?? 0, notes: [] };
  } catch (error) {
    writer?.abort();
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await database?.close();
    release();
  }
}

export async function restore(config: Config, file: string, force: boolean, onTable?: (table: string, rows: number) => void): Promise<Summary> {
  const options = { force, onTable };
  let outcome: { trailer: Trailer; replaced?: string };
  let notes: string[];
  try {
    if (!existsSync(file)) throw new BackupError(`${file} does not exist`);
    const opened = await openBackup(file);
    notes = opened.changed.map((at) => `migration of ${new Date(at).toISOString()} has changed since the backup; its current text was used`);
    outcome = config.databaseUrl ? await restoreServer(config, opened, options) : await restoreFolder(config.dataDir, opened, options);
  } catch (error) {
    throw new BackupError(`${messageOf(error)}\nNothing was restored: ${describeTarget(config)} is as it was.`);
  }
  // as the server's start would: newer migrations, then fresh planner statistics
  const release = config.databaseUrl ? () => undefined : lockFolder(config.dataDir, 'restore into it');
  try {
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, timeouts: TOOL_TIMEOUTS }).catch((error: unknown) => {
      throw new BackupError(`the data was restored, but bringing its schema up to date failed (the server would fail the same way at start): ${messageOf(error)}`);
    });
    try {
      await database.db.execute(sql`analyze`);
      const orders = await countRows(database.db, sql`select count(*) as n from orders`);
      return { file, bytes: statSync(file).size, database: describeTarget(config), rows: outcome.trailer.rows, orders, replaced: outcome.replaced, notes };
    } finally {
      await database.close();
    }
  } finally {
    release();
  }
}

/** PostgreSQL: one transaction, so a failure leaves the database exactly as it was. */
async function restoreServer(config: Config, opened: OpenedBackup, options: RestoreOptions): Promise<{ trailer: Trailer }> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, migrate: false, timeouts: TOOL_TIMEOUTS });
  try {
    const others = await otherSessions(database);
    if (others > 0) throw new BackupError(`${others} other sessions are connected to ${describeTarget(config)}: stop the Jumun server (and other clients) first`);
    return { trailer: await restoreDatabase(database, opened, options) };
  } finally {
    await database.close();
  }
}

/** Clients connected to the same database; one that is just disconnecting gets a few seconds to go. */
async function otherSessions(database: Database): Promise<number> {
  const count = () =>
    countRows(database.db, sql`select count(*) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`);
  for (let waited = 0; ; waited += 250) {
    const n = await count();
    if (n === 0 || waited >= 5000) return n;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * PGlite: the backup is restored into a new folder beside the data folder, which takes its place
 * only once complete; a forced restore keeps the folder it replaces (renamed), never deletes it.
 */
async function restoreFolder(dataDir: string, opened: OpenedBackup, options: RestoreOptions): Promise<{ trailer: Trailer; replaced?: string }> {
  const target = resolve(dataDir);
  const occupied = existsSync(target) && readdirSync(target).some((f) => f !== LOCK_FILE);
  if (occupied && !options.force) {
    throw new BackupError(`${target} already holds a database: restore into an empty JUMUN_DATA_DIR, or pass --force to replace it (it is kept, renamed)`);
  }
  const release = lockFolder(target, 'restore into it');
  const building = `${target}.restoring-${process.pid}`;
  let trailer: Trailer | null = null;
  try {
    rmSync(building, { recursive: true, force: true });
    const database = await openDatabase({ dataDir: building, migrate: false, timeouts: TOOL_TIMEOUTS });
    try {
      trailer = await restoreDatabase(database, opened, { ...options, force: false });
    } finally {
      await database.close();
    }
  } finally {
    if (!trailer) rmSync(building, { recursive: true, force: true });
    release();
  }
  let replaced: string | undefined;
  if (occupied) {
    replaced = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(target, replaced);
  } else if (existsSync(target)) {
    rmdirSync(target);
  }
  renameSync(building, target);
  return replaced ? { trailer, replaced } : { trailer };
}
