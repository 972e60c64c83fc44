/**
 * Ids for generated rows, taken from each table's own identity sequence before the rows are
 * written, so parents and children (and timeline payloads that name an item or a payment) can be
 * built in memory and inserted in one statement. Orders the API creates meanwhile draw from the
 * same sequences and can never collide with a seeded id.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client';

export const ID_TABLES = [
  'orders',
  'order_addresses',
  'order_items',
  'shipment_groups',
  'claims',
  'payments',
  'payment_requests',
  'refunds',
  'timeline_events',
  'memos',
  'points_ledger',
  'customer_coupons',
] as const;
export type IdTable = (typeof ID_TABLES)[number];
/** The catalog's tables draw from the pool too, once. */
export type PooledTable = IdTable | 'products' | 'customers';

export interface IdSource {
  take(table: IdTable): number;
}

/** Ids 1, 2, 3 … per table: for generating rows in memory (tests, benchmarks). */
export function counterIds(): IdSource {
  const next = new Map<IdTable, number>();
  return {
    take(table) {
      const id = (next.get(table) ?? 0) + 1;
      next.set(table, id);
      return id;
    },
  };
}

/**
 * A pool of ids drawn from the sequences ahead of a batch. `reserve` tops each table up to what
 * the next batch may need at most; what a batch leaves unused stays for the next one, so only the
 * last batch leaves a gap in a sequence (gaps are harmless: ids are not order numbers' only part).
 */
export class IdPool implements IdSource {
  private readonly ranges = new Map<PooledTable, Array<[number, number]>>();
  private readonly available = new Map<PooledTable, number>();
  private readonly sequences = new Map<PooledTable, string>();

  take(table: PooledTable): number {
    const list = this.ranges.get(table);
    const range = list?.[0];
    if (!list || !range) throw new Error(`id pool for ${table} is empty: the per-order bound is wrong`);
    const id = range[0];
    if (range[0] === range[1]) list.shift();
    else range[0] += 1;
    this.available.set(table, (this.available.get(table) ?? 0) - 1);
    return id;
  }

  async reserve(db: Executor, needs: Readonly<Partial<Record<PooledTable, number>>>): Promise<void> {
    for (const [table, need] of Object.entries(needs) as Array<[PooledTable, number]>) {
      const missing = need - (this.available.get(table) ?? 0);
      if (missing > 0) await this.draw(db, table, missing);
    }
  }

  private async draw(db: Executor, table: PooledTable, n: number): Promise<void> {
    let seq = this.sequences.get(table);
    if (!seq) {
      const [row] = await queryRows<{ seq: string }>(db, sql`select pg_get_serial_sequence(${table}, 'id') as seq`);
      if (!row?.seq) throw new Error(`${table}.id has no sequence`);
      seq = row.seq;
      this.sequences.set(table, seq);
    }
    // Resolving the sequence once (not per row) makes nextval ~10x faster. Values are usually one
    // contiguous run; when concurrent inserts interleave, the full list comes back instead.
    const [row] = await queryRows<{ lo: string; hi: string; ids: string | null }>(
      db,
      sql`select min(v)::text as lo, max(v)::text as hi,
            case when max(v) - min(v) + 1 = count(*) then null else string_agg(v::text, ',' order by v) end as ids
          from (select nextval(${seq}::regclass) as v from generate_series(1, ${n})) x`,
    );
    if (!row) throw new Error(`could not draw ids for ${table}`);
    const list = this.ranges.get(table) ?? [];
    if (row.ids === null) list.push([Number(row.lo), Number(row.hi)]);
    else for (const id of row.ids.split(',')) list.push([Number(id), Number(id)]);
    this.ranges.set(table, list);
    this.available.set(table, (this.available.get(table) ?? 0) + n);
  }
}
