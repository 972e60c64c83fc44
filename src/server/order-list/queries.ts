import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { DEFAULT_ORDER_SORT, type OrderFilter, type OrderSort } from '../../contracts/order-filter';
import type { OrderListItem } from '../../contracts/order-list';
import { countRows, type Executor } from '../db/client';
import { orders } from '../db/schema/index';
import type { Lang } from '../http/errors';
import { filterConditions } from './filter-sql';
import { afterCursor, decodeCursor, encodeCursor, orderByOf, sortKeyOf } from './sort';
import { LIST_ROW_COLUMNS, toListItems } from './rows';

/**
 * The SQL condition selecting a shop's orders that match `filter` (the spec and its exact
 * meaning: src/contracts/order-filter.ts). The one definition shared by the list, counts, tabs,
 * bulk jobs and exports, so they can never disagree on which orders a filter means. `now` fixes
 * "today" for relative periods and shipping delay, so a bulk job evaluates its filter as of one
 * moment however long it runs.
 */
export function whereOf(shopId: number, filter: OrderFilter, now: Date): SQL {
  return and(eq(orders.shopId, shopId), ...filterConditions(filter, now)) as SQL;
}

export interface ListOrdersInput {
  filter: OrderFilter;
  sort?: OrderSort;
  limit: number;
  /** `nextCursor` of the previous page, for the same filter and sort. */
  cursor?: string | undefined;
}

export interface OrderPage {
  items: OrderListItem[];
  nextCursor: string | null;
}

/** One page of matching orders in `sort` order, keyset-paged (no OFFSET, see sort.ts). */
export async function listOrders(db: Executor, shopId: number, input: ListOrdersInput, now: Date, lang: Lang): Promise<OrderPage> {
  const sort = input.sort ?? DEFAULT_ORDER_SORT;
  const after = input.cursor ? afterCursor(sort, decodeCursor(input.cursor, sort)) : undefined;
  const rows = await db
    .select({ ...LIST_ROW_COLUMNS, sortKey: sql<string>`(${sortKeyOf(sort)})::text` })
    .from(orders)
    .where(and(whereOf(shopId, input.filter, now), after))
    .orderBy(orderByOf(sort))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: await toListItems(db, shopId, page, lang, now),
    nextCursor: rows.length > input.limit && last ? encodeCursor(sort, { key: last.sortKey, id: last.id }) : null,
  };
}

/**
 * How many orders match, exactly: reads every matching row's index entry, cheap for narrow
 * filters and the expensive part of a list for broad ones at millions of orders. Screens ask
 * countMatchingOrders (src/server/order-counts), which answers tabs from counters and slow
 * filters with an estimate, and comes here for the rest.
 */
export async function countOrders(db: Executor, shopId: number, filter: OrderFilter, now: Date): Promise<number> {
  return countRows(db, sql`select count(*) as n from ${orders} where ${whereOf(shopId, filter, now)}`);
}

/**
 * The ids of matching orders after `afterId`, ascending (the primary key serves it): for jobs that
 * walk every match in batches and resume from the last id they finished. The filter is evaluated
 * per batch, so an order that stops matching before the walk reaches it is skipped, and one that
 * starts matching behind the walk is not picked up; a job that must act on exactly the matches of
 * one moment should take the ids first (or pass the same `now` and accept that drift).
 */
export async function matchingOrderIds(db: Executor, shopId: number, filter: OrderFilter, now: Date, page: { afterId?: number; limit: number }): Promise<number[]> {
  const rows = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(whereOf(shopId, filter, now), page.afterId !== undefined ? gt(orders.id, page.afterId) : undefined))
    .orderBy(asc(orders.id))
    .limit(page.limit);
  return rows.map((r) => r.id);
}
