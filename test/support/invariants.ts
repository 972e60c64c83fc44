import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { parseTextArray } from '../../src/server/bulk-jobs/preview-service';
import { queryRows, sql, type Db } from '../../src/server/db/client';
import { countMatchingOrders } from '../../src/server/order-counts/count-service';
import { loadStatusSetCounts } from '../../src/server/order-counts/status-sets';
import { countOrders } from '../../src/server/order-list/queries';
import { orders } from '../../src/server/db/schema/index';
import { inIds } from '../../src/server/order-list/sql-arrays';
import { auditOrder } from '../../src/server/orders/audit';
import { computeCacheColumns } from '../../src/server/orders/summary-refresh';
import { DEFAULT_VIEWS } from '../../src/server/views/default-views';
import type { TestServer } from './server';

/**
 * The invariants of ARCHITECTURE.md on each order, read straight from the tables: the quantity
 * ledger, the cached totals and the money ledger, refunds within captures, shares within totals,
 * and every cache column as its rows say.
 */
export async function expectOrdersSound(server: TestServer, orderIds: Iterable<number>) {
  const ids = [...orderIds];
  for (const orderId of ids) {
    expect(await auditOrder(server.database.db, server.shop.shopId, orderId), `order ${orderId}`).toEqual([]);
  }
  await expectCacheFresh(server.database.db, server.shop.shopId, ids);
}

/**
 * The status-set counts the order triggers keep (folded or not) are exactly the shop's orders
 * grouped by unit statuses, and every default tab's count from them is its `count(*)`.
 */
export async function expectStatusCountsExact(db: Db, shopId: number, where = '') {
  const counted = await queryRows<{ unit_statuses: string[] | string; n: number | string }>(
    db,
    sql`select unit_statuses, count(*) as n from orders where shop_id = ${shopId} group by unit_statuses`,
  );
  const key = (statuses: readonly string[]) => statuses.join(',');
  const truth = Object.fromEntries(counted.map((r) => [key(parseTextArray(r.unit_statuses)), Number(r.n)]));
  const kept = Object.fromEntries((await loadStatusSetCounts(db, shopId)).map((s) => [key(s.statuses), s.orders]));
  expect(kept, `status-set counts ${where}`).toEqual(truth);
  const now = new Date();
  for (const view of DEFAULT_VIEWS) {
    const fromCounters = await countMatchingOrders(db, shopId, view.filter, now, { maxExactCost: 0 });
    expect(fromCounters, `${view.name} ${where}`).toEqual({ total: await countOrders(db, shopId, view.filter, now), exact: true });
  }
}

/**
 * Every cache column of each order (totals, statuses, dates, memo count, the keyword index and the
 * list filters) equals what its rows say now: the refresh writes only the columns that changed,
 * so a column it wrongly thought unchanged would show here.
 */
export async function expectCacheFresh(db: Db, shopId: number, orderIds: readonly number[]) {
  const computed = await computeCacheColumns(db, shopId, orderIds);
  const index = await db
    .select({ id: orders.id, searchGrams: orders.searchGrams, searchDigits: orders.searchDigits })
    .from(orders)
    .where(and(eq(orders.shopId, shopId), inIds(orders.id, orderIds)));
  const indexOf = new Map(index.map((r) => [r.id, r]));
  const plain = (value: unknown) => (value instanceof Date ? value.toISOString() : value);
  for (const [orderId, { stored, columns }] of computed) {
    const all: Record<string, unknown> = { ...stored, ...indexOf.get(orderId) };
    const want = Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, plain(v)]));
    const have = Object.fromEntries(Object.keys(columns).map((k) => [k, plain(all[k])]));
    expect(have, `order ${orderId}'s cache columns`).toEqual(want);
  }
}
