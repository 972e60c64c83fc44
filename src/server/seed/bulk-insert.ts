/**
 * Fast inserts of many rows that work the same on PGlite and PostgreSQL through `db.execute`:
 *
 *   INSERT INTO t (a, b, …) SELECT … FROM ROWS FROM (unnest($1::bigint[]), json_array_elements_text($2::json), …)
 *
 * One parameter per column, whatever the number of rows, so a batch never meets the 65,535
 * parameter limit, the statement text stays small, and the server parses one value per column
 * instead of planning a VALUES list of a million cells. Numbers, booleans and times travel as
 * PostgreSQL array literals; text and JSON travel as one JSON array per column, because
 * JSON.stringify escapes in native code (several times faster than escaping array elements in
 * JavaScript) and the server parses a JSON array faster than a jsonb[] literal of quoted documents.
 * Neither driver's own array serializer (they differ) is involved.
 *
 * Columns come from the Drizzle table, so a renamed or retyped column cannot drift from the seed.
 */
import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import { arrayLiteral } from '../order-list/sql-arrays';

type Kind = 'plain' | 'text' | 'json' | 'array' | 'time';

function kindOf(sqlType: string): Kind {
  if (sqlType.endsWith(']')) return 'array';
  if (sqlType === 'jsonb' || sqlType === 'json') return 'json';
  if (sqlType.startsWith('timestamp')) return 'time';
  if (/^(bigint|integer|smallint|numeric|real|double precision|boolean)\b/.test(sqlType)) return 'plain';
  // text, and anything else, travels as text and is converted by the column's input function
  return 'text';
}

/** Numbers, numerics and booleans need no quotes; anything else in such a column is a caller's bug. */
function plainElement(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  throw new TypeError(`unexpected ${typeof value} for a plain column`);
}

/** Epoch milliseconds: formatting a Date as ISO text costs more than the rest of its row. */
function timeElement(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (value instanceof Date) return String(value.getTime());
  throw new TypeError(`unexpected ${typeof value} for a time column`);
}

interface ColumnPlan {
  key: string;
  name: string;
  sqlType: string;
  kind: Kind;
}

const plans = new WeakMap<PgTable, ColumnPlan[]>();

function planOf(table: PgTable): ColumnPlan[] {
  let plan = plans.get(table);
  if (!plan) {
    const columns = getTableColumns(table) as Record<string, PgColumn>;
    plan = Object.entries(columns).map(([key, column]) => {
      const sqlType = column.getSQLType();
      return { key, name: column.name, sqlType, kind: kindOf(sqlType) };
    });
    plans.set(table, plan);
  }
  return plan;
}

/** The parameter for one column and the set-returning call that turns it back into rows. */
function column(c: ColumnPlan, rows: ReadonlyArray<Record<string, unknown>>, i: number): { source: SQL; select: string } {
  const n = rows.length;
  const alias = `c${i}`;
  if (c.kind === 'plain' || c.kind === 'time') {
    const parts = new Array<string>(n);
    const element = c.kind === 'plain' ? plainElement : timeElement;
    let r = 0;
    for (const row of rows) parts[r++] = element(row[c.key]);
    const literal = `{${parts.join(',')}}`;
    // to_timestamp(seconds) keeps the milliseconds exactly (it rounds to whole microseconds)
    return c.kind === 'time'
      ? { source: sql`unnest(${literal}::float8[])`, select: `to_timestamp(u.${alias} / 1000)` }
      : { source: sql`unnest(${literal}::${sql.raw(`${c.sqlType}[]`)})`, select: `u.${alias}` };
  }
  const values = new Array<unknown>(n);
  let r = 0;
  for (const row of rows) {
    const v = row[c.key];
    values[r++] = v === undefined ? null : c.kind === 'array' && v !== null ? arrayLiteral(v as Array<string | number>) : v;
  }
  const json = JSON.stringify(values);
  if (c.kind === 'json') {
    // a JSON null element is SQL NULL in the column, as a null in a Drizzle insert would be
    return { source: sql`jsonb_array_elements(${json}::jsonb)`, select: `nullif(u.${alias}, 'null'::jsonb)` };
  }
  return { source: sql`json_array_elements_text(${json}::json)`, select: c.kind === 'array' ? `u.${alias}::${c.sqlType}` : `u.${alias}` };
}

/**
 * The INSERT for `rows`, or null when there are none. The columns are those set on the first row
 * (every row of a batch has the same shape); a column left out gets its default.
 */
export function insertStatement<T extends PgTable>(table: T, rows: ReadonlyArray<T['$inferInsert']>): SQL | null {
  const list = rows as ReadonlyArray<Record<string, unknown>>;
  const first = list[0];
  if (!first) return null;
  const columns = planOf(table).filter((c) => first[c.key] !== undefined);
  const parts = columns.map((c, i) => column(c, list, i));
  const names = sql.join(columns.map((c) => sql.identifier(c.name)), sql`, `);
  const selected = sql.raw(parts.map((p) => p.select).join(', '));
  const sources = sql.join(parts.map((p) => p.source), sql`, `);
  const aliases = sql.raw(columns.map((_, i) => `c${i}`).join(', '));
  return sql`insert into ${sql.identifier(getTableName(table))} (${names}) select ${selected} from rows from (${sources}) as u(${aliases})`;
}

export async function bulkInsert<T extends PgTable>(db: Executor, table: T, rows: ReadonlyArray<T['$inferInsert']>): Promise<void> {
  const statement = insertStatement(table, rows);
  if (statement) await db.execute(statement);
}

/**
 * Several data-modifying statements as ONE statement (`with s0 as (…), s1 as (…) select 1`): one
 * round trip, and atomic by itself. Foreign keys are checked at the end of the statement, so
 * parents and children may sit in any order. One statement also lets the seed keep PostgreSQL busy
 * with a whole batch while Node generates the next one.
 */
export function combineStatements(statements: ReadonlyArray<SQL | null>): SQL | null {
  const present = statements.filter((s): s is SQL => s !== null);
  if (present.length === 0) return null;
  const ctes = present.map((s, i) => sql`${sql.raw(`s${i}`)} as (${s})`);
  return sql`with ${sql.join(ctes, sql`, `)} select 1 as done`;
}
