/**
 * Seeds a shop with generated orders: ensures the demo catalog and members, then generates and
 * writes the orders in batches, each batch one transaction. All rows of a batch go in ONE
 * statement, and the next batch is generated while the database writes the current one (the
 * generator yields between chunks so the transaction keeps moving): on PostgreSQL the two overlap
 * on separate cores, and memory stays flat however many orders.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { hashPassword } from '../auth/secrets';
import type { Db } from '../db/client';
import {
  claimItems, claims, customerCoupons, customers, memos, orderAddresses, orderItems, orders, paymentRequests, payments,
  pointsLedger, refundPayments, refunds, shipmentGroupItems, shipmentGroups, timelineEvents,
} from '../db/schema/index';
import { combineStatements, insertStatement } from './bulk-insert';
import { ensureDemoCatalog } from './catalog';
import { loadSeedContext } from './context';
import { generateOrders, MAX_ROWS_PER_ORDER } from './generator';
import { assertNoOrphans, maySkipRowTriggers, type SeededRows } from './integrity';
import { ID_TABLES, IdPool, type IdTable } from './ids';
import { emptyBatch, type BatchRows } from './order-state';
import { createRng } from './random';

/** Every seeded guest order opens on My Page with this password (with its order number and name). */
export const DEMO_GUEST_PASSWORD = 'guest1234';
export const DEFAULT_BATCH_SIZE = 2000;
/** Orders generated between two yields to the event loop. */
const CHUNK = 250;

export interface SeedOptions {
  shopId: number;
  orders: number;
  seed?: number;
  now: Date;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Keep PostgreSQL's per-row foreign-key triggers even where a batch-wide check could replace them. */
  perRowForeignKeyChecks?: boolean;
}

/** The batch's tables in insert order, each with its rows. */
function seededRows(rows: BatchRows): SeededRows[] {
  const pairs: Array<[PgTable, ReadonlyArray<Record<string, unknown>>]> = [
    [orders, rows.orders], [orderAddresses, rows.addresses], [orderItems, rows.items], [shipmentGroups, rows.groups],
    [shipmentGroupItems, rows.groupItems], [claims, rows.claims], [claimItems, rows.claimItems], [payments, rows.payments],
    [paymentRequests, rows.paymentRequests], [refunds, rows.refunds], [refundPayments, rows.refundPayments],
    [timelineEvents, rows.events], [memos, rows.memos], [pointsLedger, rows.pointsLedger], [customerCoupons, rows.customerCoupons],
  ];
  return pairs.map(([table, list]) => ({ table, rows: list }));
}
const SEEDED_TABLES: readonly PgTable[] = [...seededRows(emptyBatch()).map((s) => s.table), customers];

/** Customers' cached points balances move by what the batch's ledger rows add up to. */
function pointsBalanceUpdate(shopId: number, rows: BatchRows): SQL | null {
  const deltas = new Map<number, number>();
  for (const r of rows.pointsLedger) deltas.set(r.customerId, (deltas.get(r.customerId) ?? 0) + r.delta);
  for (const [id, delta] of deltas) if (delta === 0) deltas.delete(id);
  if (deltas.size === 0) return null;
  const ids = `{${[...deltas.keys()].join(',')}}`;
  const amounts = `{${[...deltas.values()].join(',')}}`;
  return sql`update customers c set points_balance = c.points_balance + d.delta
    from unnest(${ids}::bigint[], ${amounts}::bigint[]) as d(id, delta)
    where c.shop_id = ${shopId} and c.id = d.id`;
}

export function batchStatement(shopId: number, rows: BatchRows): SQL | null {
  return combineStatements([...seededRows(rows).map((s) => insertStatement(s.table, s.rows)), pointsBalanceUpdate(shopId, rows)]);
}

async function writeBatch(db: Db, shopId: number, rows: BatchRows, checkOnce: boolean): Promise<void> {
  const statement = batchStatement(shopId, rows);
  if (!statement) return;
  await db.transaction(async (tx) => {
    if (checkOnce) await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(statement);
    if (checkOnce) await assertNoOrphans(tx, shopId, seededRows(rows));
  });
}

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function seedOrders(db: Db, opts: SeedOptions): Promise<{ orders: number; ms: number }> {
  const started = performance.now();
  const seed = opts.seed ?? 1;
  // the catalog has its own stream, so whether it already existed does not change the orders
  await ensureDemoCatalog(db, opts.shopId, createRng(seed ^ 0x5eed), opts.now);
  const ctx = await loadSeedContext(db, opts.shopId, await hashPassword(DEMO_GUEST_PASSWORD));
  if (ctx.catalog.length === 0) throw new Error(`shop ${opts.shopId} has no active products to order`);
  const checkOnce = !opts.perRowForeignKeyChecks && (await maySkipRowTriggers(db, SEEDED_TABLES));

  const rng = createRng(seed);
  const ids = new IdPool();
  const batchSize = Math.max(1, opts.batchSize ?? DEFAULT_BATCH_SIZE);
  let inflight: { write: Promise<void>; count: number } | null = null;
  let done = 0;
  for (let start = 0; start < opts.orders; start += batchSize) {
    const count = Math.min(batchSize, opts.orders - start);
    const needs = Object.fromEntries(ID_TABLES.map((t) => [t, count * MAX_ROWS_PER_ORDER[t]])) as Record<IdTable, number>;
    await ids.reserve(db, needs);
    const rows = emptyBatch();
    for (let at = start; at < start + count; at += CHUNK) {
      generateOrders(ctx, rng, ids, { start: at, count: Math.min(CHUNK, start + count - at), total: opts.orders, now: opts.now }, rows);
      await yieldToIo();
    }
    if (inflight) {
      await inflight.write;
      done += inflight.count;
      opts.onProgress?.(done, opts.orders);
    }
    const write = writeBatch(db, opts.shopId, rows, checkOnce);
    // a failure is reported when the batch is awaited; until then it must not count as unhandled
    write.catch(() => undefined);
    inflight = { write, count };
  }
  if (inflight) {
    await inflight.write;
    opts.onProgress?.(done + inflight.count, opts.orders);
  }
  // Planner statistics for what was just loaded: PGlite has no autovacuum, and a server's comes
  // minutes later; until then every list query would be planned as if the tables were empty.
  await db.execute(sql`analyze`);
  return { orders: opts.orders, ms: Math.round(performance.now() - started) };
}
