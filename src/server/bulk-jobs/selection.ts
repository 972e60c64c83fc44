import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { BulkAction, BulkSelection } from '../../contracts/bulk-jobs';
import { orders } from '../db/schema/index';
import { whereOf } from '../order-list/queries';
import { bigintArray } from '../order-list/sql-arrays';

/** The orders a selection means: a filter spec (the list's own translation) or chosen ids. */
export function selectionWhere(shopId: number, selection: BulkSelection, now: Date): SQL {
  if (selection.kind === 'filter') return whereOf(shopId, selection.filter, now);
  return and(eq(orders.shopId, shopId), sql`${orders.id} = any(${bigintArray(selection.orderIds)})`) as SQL;
}

/** Ship names a parcel per order; every other action needs nothing per order. */
export function shipmentOrderIds(action: BulkAction): number[] {
  return action.type === 'ship' ? action.shipments.map((s) => s.orderId) : [];
}
