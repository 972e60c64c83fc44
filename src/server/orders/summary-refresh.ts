import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { memos, orders } from '../db/schema/index';
import { listColumnsOfRows } from '../order-list/load-list-columns';
import { loadOrderRows, unitsOf } from './read-queries';
import { summarizeOrder, type OrderSummary } from './summary';

/**
 * Recomputes the order's summary-cache columns from its rows, in the caller's transaction: the
 * cache never drifts from what it summarizes. Changes to the order bump its version; memos do not
 * (a note never conflicts with someone else's change to the order).
 */
export async function refreshOrderSummary(tx: Executor, shopId: number, orderId: number, now: Date, { bumpVersion = true } = {}): Promise<OrderSummary & { version: number }> {
  const rows = await loadOrderRows(tx, shopId, orderId);
  if (!rows) throw new Error(`order ${orderId} not found while refreshing its summary`);
  const memoRows = await tx
    .select({ createdAt: memos.createdAt })
    .from(memos)
    .where(and(eq(memos.shopId, shopId), eq(memos.orderId, orderId), isNull(memos.deletedAt)));
  const units = unitsOf(rows);
  const o = rows.order;
  const summary = summarizeOrder({
    couponDiscount: o.couponDiscount,
    pointsUsed: o.pointsUsed,
    shippingFee: o.shippingFee,
    remoteShippingFee: o.remoteShippingFee,
    feesAmount: o.feesAmount,
    items: rows.items,
    units,
    payments: rows.payments,
    shipments: rows.groups,
    claims: rows.claims,
    memos: memoRows,
  });
  // the search and filter columns move with the summary: an address or a tracking number changed
  // in this transaction is searchable when it commits
  const listColumns = await listColumnsOfRows(tx, shopId, rows);
  const [updated] = await tx
    .update(orders)
    .set({ ...summary, ...listColumns, ...(bumpVersion ? { version: sql`${orders.version} + 1`, updatedAt: now } : {}) })
    .where(and(eq(orders.shopId, shopId), eq(orders.id, orderId)))
    .returning({ version: orders.version });
  if (!updated) throw new Error(`order ${orderId} vanished while refreshing its summary`);
  return { ...summary, version: updated.version };
}

