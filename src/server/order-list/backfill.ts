import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client';
import { refreshOrderSummaries } from '../orders/summary-refresh';
import { bigintArray } from './sql-arrays';

/**
 * Gives every order without a search row (order_search) its row and its order-list columns:
 * orders written before those existed (migration 0003 added the columns empty, 0014 moved the
 * computed ones to order_search), which SQL cannot compute (their one definition is TypeScript).
 * Walks (shop_id, id) forward, a batch per transaction with the batch's orders locked in id order
 * as a change would lock them, so it can run while the server works; it refreshes them as a memo
 * does (no version bump: nothing about the order changed). Running it again finds nothing to do.
 * Returns how many orders it filled.
 */
export async function backfillListColumns(db: Db, { batchSize = 500 } = {}): Promise<number> {
  let filled = 0;
  let after = { shopId: 0, id: 0 };
  for (;;) {
    const batch = (
      await queryRows<{ shop_id: number | string; id: number | string }>(
        db,
        sql`select o.shop_id, o.id from orders o
            where (o.shop_id, o.id) > (${after.shopId}::bigint, ${after.id}::bigint)
              and not exists (select 1 from order_search s where s.shop_id = o.shop_id and s.order_id = o.id)
            order by o.shop_id, o.id limit ${batchSize}`,
      )
    ).map((r) => ({ shopId: Number(r.shop_id), id: Number(r.id) }));
    const last = batch[batch.length - 1];
    if (!last) return filled;
    const idsOf = new Map<number, number[]>();
    for (const o of batch) idsOf.set(o.shopId, [...(idsOf.get(o.shopId) ?? []), o.id]);
    await db.transaction(async (tx) => {
      for (const [shopId, ids] of idsOf) {
        await tx.execute(sql`select id from orders where shop_id = ${shopId} and id = any(${bigintArray(ids)}) order by id for no key update`);
        await refreshOrderSummaries(tx, shopId, ids, new Date(), { bumpVersion: false });
      }
    });
    filled += batch.length;
    after = last;
  }
}
