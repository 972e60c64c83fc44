import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client';

/** Rows per statement: a few MB of JSON at most, whatever the table. */
const ROWS_PER_STATEMENT = 2000;

/**
 * Inserts many rows as one JSON parameter (`insert … select … from jsonb_to_recordset`), for the
 * batches of bulk jobs. Drizzle's `insert().values(rows)` builds a bind parameter per cell, and for
 * a batch of 500 orders (thousands of rows of ten columns) building and sending those cost the
 * server more CPU than the database spent writing them. Every row names the same columns (those
 * left out take their defaults); values go as JSON: dates as ISO instants, jsonb as themselves.
 */
export async function insertRecords<T extends PgTable>(tx: Executor, table: T, rows: ReadonlyArray<T['$inferInsert']>): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(first).filter((k) => (first as Record<string, unknown>)[k] !== undefined);
  const targets = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    return { key, column };
  });
  const names = sql.join(targets.map(({ column }) => sql.identifier(column.name)), sql`, `);
  const recordType = sql.join(targets.map(({ column }) => sql`${sql.identifier(column.name)} ${sql.raw(column.getSQLType())}`), sql`, `);
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const records = rows.slice(i, i + ROWS_PER_STATEMENT).map((row) => {
      const values = row as Record<string, unknown>;
      if (Object.keys(values).filter((k) => values[k] !== undefined).length !== keys.length) throw new Error(`rows for ${getTableName(table)} name different columns`);
      return Object.fromEntries(targets.map(({ key, column }) => [column.name, values[key] ?? null]));
    });
    await tx.execute(sql`insert into ${table} (${names}) select ${names} from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as v(${recordType})`);
  }
}
