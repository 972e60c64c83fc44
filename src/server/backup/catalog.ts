/**
 * What a backup holds, read from PostgreSQL's catalog rather than from the Drizzle schema: every
 * table of the schemas Jumun's migrations write (`public`, and `drizzle` for the migrations
 * journal), so a table added by a later migration is backed up without touching this code.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client';

/** The schemas a backup covers: the application's tables and Drizzle's migrations journal. */
const SCHEMAS = ['public', 'drizzle'] as const;
export const schemaList = sql.raw(SCHEMAS.map((s) => `'${s}'`).join(', '));

export interface TableInfo {
  /** `schema.table`, as written in the backup */
  name: string;
  /** the columns a row is written and read with; generated columns are left out (they recompute) */
  columns: string[];
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
/** `public.orders` → `"public"."orders"` (text, for a `::regclass` parameter) */
export const qualifiedText = (name: string): string => {
  const dot = name.indexOf('.');
  return `${quoteIdent(name.slice(0, dot))}.${quoteIdent(name.slice(dot + 1))}`;
};
/** `public.orders` → `"public"."orders"` in a statement */
export const qualified = (name: string): SQL => sql.raw(qualifiedText(name));

/**
 * The tables, parents before children (foreign keys), so that a restore reading them in this order
 * satisfies every reference as it goes. Ties are broken by name, so the order is stable.
 */
export async function listTables(db: Executor): Promise<TableInfo[]> {
  const tables = await queryRows<{ oid: string; name: string }>(
    db,
    sql`select c.oid::text as oid, n.nspname || '.' || c.relname as name
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and not c.relispartition and n.nspname in (${schemaList})`,
  );
  const columns = await queryRows<{ oid: string; name: string }>(
    db,
    sql`select a.attrelid::text as oid, a.attname as name
        from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        where a.attnum > 0 and not a.attisdropped and a.attgenerated = '' and c.relkind in ('r', 'p') and n.nspname in (${schemaList})
        order by a.attrelid, a.attnum`,
  );
  const references = await queryRows<{ child: string; parent: string }>(
    db,
    sql`select conrelid::text as child, confrelid::text as parent from pg_constraint where contype = 'f' and conrelid <> confrelid`,
  );
  const byOid = new Map(tables.map((t) => [t.oid, t.name]));
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set()]));
  for (const r of references) {
    const child = byOid.get(r.child);
    const parent = byOid.get(r.parent);
    if (child && parent) parents.get(child)?.add(parent);
  }
  const columnsOf = new Map<string, string[]>();
  for (const c of columns) {
    const table = byOid.get(c.oid);
    if (table) columnsOf.set(table, [...(columnsOf.get(table) ?? []), c.name]);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  const names = [...parents.keys()].sort();
  while (ordered.length < names.length) {
    const ready = names.filter((n) => !placed.has(n) && [...(parents.get(n) ?? [])].every((p) => placed.has(p)));
    if (ready.length === 0) throw new Error(`foreign keys form a cycle among ${names.filter((n) => !placed.has(n)).join(', ')}`);
    for (const n of ready) {
      ordered.push(n);
      placed.add(n);
    }
  }
  return ordered.map((name) => ({ name, columns: columnsOf.get(name) ?? [] }));
}

export interface SequenceState {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

/** Every sequence's position (identity columns included), as text: a bigint may exceed 2^53. */
export async function readSequences(db: Executor): Promise<SequenceState[]> {
  const names = await queryRows<{ name: string }>(
    db,
    sql`select n.nspname || '.' || c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'S' and n.nspname in (${schemaList}) order by 1`,
  );
  const states: SequenceState[] = [];
  for (const { name } of names) {
    const [row] = await queryRows<{ last_value: string; is_called: boolean }>(db, sql`select last_value::text as last_value, is_called from ${qualified(name)}`);
    if (row) states.push({ name, lastValue: row.last_value, isCalled: row.is_called });
  }
  return states;
}

/** The columns that draw from a sequence (identity and serial), to keep each sequence past its largest id. */
export async function sequenceColumns(db: Executor): Promise<Array<{ sequence: string; table: string; column: string }>> {
  return queryRows(
    db,
    sql`select sn.nspname || '.' || s.relname as sequence, tn.nspname || '.' || t.relname as table, a.attname as column
        from pg_depend d
        join pg_class s on s.oid = d.objid and s.relkind = 'S' join pg_namespace sn on sn.oid = s.relnamespace
        join pg_class t on t.oid = d.refobjid join pg_namespace tn on tn.oid = t.relnamespace
        join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
        where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
          and sn.nspname in (${schemaList})`,
  );
}
