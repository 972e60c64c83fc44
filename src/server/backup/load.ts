import { sql } from 'drizzle-orm';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { countRows, migrationsFolder, type Database, type Executor } from '../db/client';
import { listTables, qualified, qualifiedText, quoteIdent, readSequences, schemaList, sequenceColumns, type TableInfo } from './catalog';
import { BackupError, messageOf, readBackup, type Header, type Trailer } from './format';

export interface OpenedBackup {
  path: string;
  header: Header;
  trailer: Trailer;
  /** the migrations, from this version's files, that build the schema the backup's rows fit */
  replay: MigrationMeta[];
  /** migrations whose file changed since the backup was made (same date, other text) */
  changed: number[];
}

/**
 * Reads the whole file once, so that a damaged or truncated backup is refused before the target
 * is touched, and decides which migrations rebuild the backup's schema (refusing a backup made by
 * a newer version).
 */
export async function openBackup(path: string): Promise<OpenedBackup> {
  let header: Header | null = null;
  let trailer: Trailer | null = null;
  try {
    for await (const event of readBackup(path)) {
      if (event.kind === 'header') header = event.header;
      else if (event.kind === 'end') trailer = event.trailer;
    }
  } catch (error) {
    throw new BackupError(`${path}: ${error instanceof BackupError ? error.message : `cannot be read as a Jumun backup (${messageOf(error)})`}`);
  }
  if (!header || !trailer) throw new BackupError(`${path} is incomplete`);
  const code = readMigrationFiles({ migrationsFolder });
  const known = new Map(code.map((m) => [m.folderMillis, m]));
  const changed: number[] = [];
  for (const m of header.migrations) {
    const mine = known.get(m.createdAt);
    if (!mine) {
      throw new BackupError(
        `the backup was made by a newer version of Jumun (its migration of ${new Date(m.createdAt).toISOString()} is unknown here): upgrade Jumun, then restore`,
      );
    }
    if (mine.hash !== m.hash) changed.push(m.createdAt);
  }
  // the rule Drizzle's migrator applies: everything up to the newest migration recorded
  const last = Math.max(...header.migrations.map((m) => m.createdAt));
  return { path, header, trailer, replay: code.filter((m) => m.folderMillis <= last), changed };
}

export interface RestoreOptions {
  /** drop what the database holds first, instead of refusing */
  force: boolean;
  onTable?: (table: string, rows: number) => void;
}

/**
 * Restores the backup in one transaction: the schema as the backup's migrations built it, every
 * row, and every sequence. A failure anywhere rolls all of it back, so the database is left as it
 * was. Migrations newer than the backup are left to the next open, as on a server's start.
 */
export async function restoreDatabase(database: Database, backup: OpenedBackup, options: RestoreOptions): Promise<Trailer> {
  return database.db.transaction(async (tx) => {
    // order_status_counts come back as they were backed up, from the orders' own snapshot: the
    // triggers that keep them must not count the restored orders a second time (migration 0015)
    await tx.execute(sql`select set_config('jumun.restoring', 'on', true)`);
    await prepareSchema(tx, backup.replay, options.force);
    const targets = new Map((await listTables(tx)).map((t) => [t.name, t]));
    let table: TableInfo | null = null;
    let trailer: Trailer | null = null;
    const finish = () => table && options.onTable?.(table.name, backup.trailer.rows[table.name] ?? 0);
    // read again (the file was checked whole by openBackup); it is checked again as it is read
    for await (const event of readBackup(backup.path)) {
      if (event.kind === 'table') {
        finish();
        table = targetOf(event, targets);
      } else if (event.kind === 'rows' && table) {
        await insertRows(tx, table, event.rows);
      } else if (event.kind === 'end') {
        finish();
        trailer = event.trailer;
      }
    }
    if (!trailer) throw new BackupError('the backup file ends without its end marker: it is incomplete');
    await checkCounts(tx, trailer);
    await restoreSequences(tx, trailer);
    return trailer;
  });
}

/** Refuses a database that holds tables (unless forced), then builds the backup's schema. */
async function prepareSchema(tx: Executor, replay: readonly MigrationMeta[], force: boolean): Promise<void> {
  const existing = await countRows(tx, sql`select count(*) as n from pg_tables where schemaname in (${schemaList})`);
  if (existing > 0 && !force) {
    throw new BackupError(`the target database already holds ${existing} tables: restore into an empty database, or pass --force to drop them first`);
  }
  if (existing > 0) {
    await tx.execute(sql`drop schema if exists drizzle cascade`);
    await tx.execute(sql`drop schema if exists public cascade`);
    await tx.execute(sql`create schema public`);
  }
  // Drizzle's migrations journal, as its migrator creates it: the backup's own journal rows fill
  // it, so the server's next start applies exactly the migrations newer than the backup.
  await tx.execute(sql`create schema if not exists drizzle`);
  await tx.execute(sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`);
  for (const migration of replay) {
    for (const statement of migration.sql) await tx.execute(sql.raw(statement));
  }
}

function targetOf(section: { table: string; columns: string[] }, targets: ReadonlyMap<string, TableInfo>): TableInfo {
  const target = targets.get(section.table);
  if (!target) throw new BackupError(`the backup holds table ${section.table}, which its migrations do not create (a table added outside Jumun?)`);
  const mine = [...target.columns].sort().join(', ');
  if ([...section.columns].sort().join(', ') !== mine) {
    throw new BackupError(`table ${section.table} has columns (${section.columns.join(', ')}) in the backup but (${target.columns.join(', ')}) here`);
  }
  return { name: target.name, columns: section.columns };
}

/** PostgreSQL parses the rows itself: Node never turns a bigint or a timestamp into a JS value. */
async function insertRows(tx: Executor, table: TableInfo, rows: readonly string[]): Promise<void> {
  const columns = sql.raw(table.columns.map(quoteIdent).join(', '));
  const name = qualified(table.name);
  await tx.execute(
    sql`insert into ${name} (${columns}) overriding system value
        select ${columns} from json_populate_recordset(null::${name}, ${`[${rows.join(',')}]`}::json)`,
  );
}

async function checkCounts(tx: Executor, trailer: Trailer): Promise<void> {
  for (const [table, expected] of Object.entries(trailer.rows)) {
    const stored = await countRows(tx, sql`select count(*) as n from ${qualified(table)}`);
    if (stored !== expected) throw new BackupError(`table ${table}: the backup holds ${expected} rows, ${stored} were stored`);
  }
}

/**
 * Sequences take the positions they had at the backup, and never less than the largest id
 * restored, so new orders (and everything else) continue after the restored ones.
 */
async function restoreSequences(tx: Executor, trailer: Trailer): Promise<void> {
  const present = new Set((await readSequences(tx)).map((s) => s.name));
  for (const s of trailer.sequences) {
    if (!present.has(s.name)) throw new BackupError(`the backup holds sequence ${s.name}, which its migrations did not create here`);
    await tx.execute(sql`select setval(${qualifiedText(s.name)}::regclass, ${s.lastValue}::bigint, ${s.isCalled})`);
  }
  for (const c of await sequenceColumns(tx)) {
    await tx.execute(
      sql`select setval(${qualifiedText(c.sequence)}::regclass, m) from (select max(${sql.raw(quoteIdent(c.column))})::bigint as m from ${qualified(c.table)}) x
          where m is not null and m > (select case when is_called then last_value else last_value - 1 end from ${qualified(c.sequence)})`,
    );
  }
}
