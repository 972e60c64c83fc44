import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { BulkAction, BulkSelection } from '../../contracts/bulk-jobs';
import { isStatusMoveAction, STATUS_MOVE_ACTIONS } from '../../domain/bulk-actions';
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

/**
 * The rule's `awaitingPaymentHeld` fact for each row of `orders`: it has units waiting for an edit's
 * additional payment and no other 입금대기 units. Only a move from 입금대기 (입금확인) asks; for the
 * rest it is a constant, so their previews stay a GROUP BY over cached columns alone.
 */
export function awaitingPaymentHeldSql(action: BulkAction): SQL {
  if (!isStatusMoveAction(action.type) || STATUS_MOVE_ACTIONS[action.type].from !== 'awaiting_payment') return sql`false`;
  const units = (held: SQL) => sql`exists (
    select 1 from shipment_groups g join shipment_group_items gi on gi.shop_id = g.shop_id and gi.shipment_group_id = g.id
    where g.shop_id = ${orders.shopId} and g.order_id = ${orders.id} and g.status = 'awaiting_payment' and gi.quantity > 0 and ${held})`;
  return sql`(${units(sql`g.held_for_change_id is not null`)} and not ${units(sql`g.held_for_change_id is null`)})`;
}
