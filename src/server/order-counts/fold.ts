import { countRows, sql, type Db } from '../db/client';

/**
 * Adds the count changes the order triggers wrote into order_status_counts and removes them, in
 * one transaction: a reader sees the changes or their sum, never both or neither. Run by the
 * scheduler (one server at a time); even two folds at once would be exact, since a change row is
 * deleted — and so added — by one of them only. Returns the change rows folded.
 */
export async function foldOrderCounts(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    const folded = await countRows(
      tx,
      sql`with moved as (
            delete from order_status_count_changes returning shop_id, unit_statuses, orders
          ), summed as (
            select shop_id, unit_statuses, sum(orders) as orders from moved group by shop_id, unit_statuses
          ), added as (
            -- in key order, so two folds at once would take the counter rows' locks in the same order
            insert into order_status_counts (shop_id, unit_statuses, orders)
              select shop_id, unit_statuses, orders from summed where orders <> 0 order by shop_id, unit_statuses
            on conflict (shop_id, unit_statuses) do update set orders = order_status_counts.orders + excluded.orders
            returning 1
          )
          select count(*) as n from moved`,
    );
    // sets no order has any more (a status set an order passed through): keep the table small
    if (folded > 0) await tx.execute(sql`delete from order_status_counts where orders = 0`);
    return folded;
  });
}
