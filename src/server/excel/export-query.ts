import { and, sql, type SQL } from 'drizzle-orm';
import type { OrderFilter, OrderPeriod, OrderSort } from '../../contracts/order-filter';
import { queryRows, type Executor } from '../db/client';
import { orders } from '../db/schema/index';
import { whereOf } from '../order-list/queries';
import { orderByOf } from '../order-list/sort';
import { bigintArray } from '../order-list/sql-arrays';

/** Which orders an export reads: a filter (and a period on top), or chosen ids. */
export interface ExportSelection {
  filter: OrderFilter;
  period?: OrderPeriod | undefined;
  orderIds?: readonly number[] | undefined;
  sort: OrderSort;
  /** A further condition ANDed on (the shipping export's: orders with units ready to go out). */
  also?: OrderFilter | undefined;
}

/**
 * The orders' condition, built only from whereOf: the export selects exactly what the list,
 * the tab counts and the bulk jobs select. A period is a second whereOf ANDed on, so a tab's own
 * period (최근 30일) and the period picked for the download both hold.
 */
function selectionWhere(shopId: number, selection: ExportSelection, now: Date): SQL {
  return and(
    whereOf(shopId, selection.filter, now),
    selection.period ? whereOf(shopId, { period: selection.period }, now) : undefined,
    selection.also ? whereOf(shopId, selection.also, now) : undefined,
    selection.orderIds ? sql`${orders.id} = any(${bigintArray([...selection.orderIds])})` : undefined,
  ) as SQL;
}

/**
 * Every matching order id in the export's sort order, read once: the filter is evaluated one time
 * for the whole file (the orders matching when the export started, none twice or lost when a
 * sort key changes meanwhile), as one short text (7 bytes an order) rather than a row per order.
 */
export async function orderIdsInOrder(db: Executor, shopId: number, selection: ExportSelection, now: Date): Promise<number[]> {
  const [row] = await queryRows<{ ids: string | null }>(
    db,
    sql`select string_agg(${orders.id}::text, ',' order by ${orderByOf(selection.sort)}) as ids from ${orders} where ${selectionWhere(shopId, selection, now)}`,
  );
  return row?.ids ? row.ids.split(',').map(Number) : [];
}
