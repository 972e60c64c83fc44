import { bigint, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { id, shopId } from './columns';

/**
 * How many orders of a shop have each set of unit statuses (`orders.unit_statuses`, sorted and
 * without repeats, so one set is one row): every default tab, and 전체, is a sum over these rows,
 * a few dozen per shop however many orders it holds. Kept by database triggers on `orders`
 * (migration 0015), never by application code, so no way of writing an order can miss them.
 *
 * The running total is `order_status_counts` plus the not yet folded `order_status_count_changes`:
 * a change of orders only ever inserts a change row, so two transactions moving orders of the same
 * shop never wait on one counter row (nor deadlock on two); the fold task adds them up into
 * `order_status_counts` every minute (src/server/order-counts/fold.ts).
 */
export const orderStatusCounts = pgTable(
  'order_status_counts',
  {
    shopId: shopId(),
    unitStatuses: text('unit_statuses').array().notNull(),
    orders: bigint('orders', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.unitStatuses] })],
);

/** Insert-only changes to `order_status_counts` (+n or −n orders of a status set), folded in by a scheduled task. */
export const orderStatusCountChanges = pgTable(
  'order_status_count_changes',
  {
    id: id().primaryKey(),
    shopId: shopId(),
    unitStatuses: text('unit_statuses').array().notNull(),
    orders: bigint('orders', { mode: 'number' }).notNull(),
  },
  (t) => [index('order_status_count_changes_shop_idx').on(t.shopId)],
);
