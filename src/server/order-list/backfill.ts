import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { orders } from '../db/schema/index';
import { loadOrderRows } from '../orders/read-queries';
import { listColumnsOfRows } from './load-list-columns';

/**
 * Computes the order-list columns of orders written before they existed: migration 0003 adds them
 * empty, and SQL cannot fill them (their one definition is TypeScript). Every order has an
 * orderer name, so an empty search_text means "never computed". Walks (shop_id, id) forward, a
 * batch per transaction with each order locked as a change would lock it, so it can run while
 * the server works; running it again finds nothing to do. Returns how many orders it filled.
 */
export async function backfillListColumns(db: Db, { batchSize = 500 } = {}): Promise<number> {
  let filled = 0;
  let after = { shopId: 0, id: 0 };
  for (;;) {
    const batch = await db
      .select({ shopId: orders.shopId, id: orders.id })
      .from(orders)
      .where(and(eq(orders.searchText, ''), or(gt(orders.shopId, after.shopId), and(eq(orders.shopId, after.shopId), gt(orders.id, after.id)))))
      .orderBy(asc(orders.shopId), asc(orders.id))
      .limit(batchSize);
    if (batch.length === 0) return filled;
    await db.transaction(async (tx) => {
      for (const { shopId, id } of batch) {
        const key = and(eq(orders.shopId, shopId), eq(orders.id, id));
        await tx.select({ id: orders.id }).from(orders).where(key).for('no key update');
        const rows = await loadOrderRows(tx, shopId, id);
        // the summary cache is not touched: it was always kept, only these columns are new
        if (rows) await tx.update(orders).set(await listColumnsOfRows(tx, shopId, rows)).where(and(key, sql`${orders.searchText} = ''`));
      }
    });
    filled += batch.length;
    after = batch[batch.length - 1] ?? after;
  }
}
