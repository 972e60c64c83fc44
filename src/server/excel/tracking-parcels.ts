import { and, eq, sql } from 'drizzle-orm';
import type { StatusChangeBody } from '../../contracts/fulfillment';
import type { Actor, EventDraft } from '../../domain/events';
import type { GroupState } from '../../domain/fulfillment-moves';
import type { UnitStatus } from '../../domain/status';
import type { TrackingRowInput } from '../../domain/tracking-import-plan';
import type { Executor, Tx } from '../db/client';
import { orders, shipmentGroups } from '../db/schema/index';
import { loadGroups } from '../fulfillment/queries';
import { changeStatuses } from '../fulfillment/status-service';
import { bigintArray } from '../order-list/sql-arrays';
import type { OrderRow } from '../orders/mutation';

/**
 * Rows of a 송장 출력 file come back naming their parcel (배송그룹번호, as 고객주문번호): the
 * shipment group exported. Such a row ships exactly the units that group holds, and a label
 * printed for units still 결제완료 or 상품준비중 means they are going out: they are stepped through
 * 상품준비중 and 배송대기 first, each step an ordinary status change on the timeline (no shortcut
 * past the status table), in the same transaction as the shipping.
 */
export type ImportRowInput = TrackingRowInput & { parcelId: number | null };

export interface ParcelOwner {
  orderId: number;
  orderNumber: string;
  version: number;
}

/** Which order each parcel id belongs to, in the caller's shop (unknown ids are left out). */
export async function parcelOwners(db: Executor, shopId: number, parcelIds: readonly number[]): Promise<Map<number, ParcelOwner>> {
  if (parcelIds.length === 0) return new Map();
  const rows = await db
    .select({ id: shipmentGroups.id, orderId: orders.id, orderNumber: orders.orderNumber, version: orders.version })
    .from(shipmentGroups)
    .innerJoin(orders, and(eq(orders.shopId, shipmentGroups.shopId), eq(orders.id, shipmentGroups.orderId)))
    .where(and(eq(shipmentGroups.shopId, shopId), sql`${shipmentGroups.id} = any(${bigintArray([...parcelIds])})`));
  return new Map(rows.map((r) => [r.id, { orderId: r.orderId, orderNumber: r.orderNumber, version: r.version }]));
}

/**
 * The rows with their parcels' units as the groups hold them now. A parcel no longer there (its
 * units moved or merged since the file was made) is refused: shipping "whatever is there" could
 * send units the label was not printed for.
 */
export function withParcels(groups: readonly GroupState[], rows: readonly ImportRowInput[]): ImportRowInput[] {
  return rows.map((row) => {
    if (row.parcelId === null || row.invalid) return row;
    const group = groups.find((g) => g.id === row.parcelId);
    const units = group?.items.filter((u) => u.quantity > 0) ?? [];
    if (!group || units.length === 0) return { ...row, invalid: { code: 'TRACKING_PARCEL_NOT_FOUND', details: { parcelNumber: String(row.parcelId) } } };
    return { ...row, parcel: { groupId: group.id, addressId: group.addressId, units: units.map((u) => ({ itemId: u.itemId, quantity: u.quantity })) } };
  });
}

const NEXT_STEP: Partial<Record<UnitStatus, UnitStatus>> = { paid: 'preparing', preparing: 'ready_to_ship' };

/** Moves the units of a parcel from `from` to `to`, taken from whichever group at its address holds them in `from`. */
function stepChanges(row: ImportRowInput, groups: readonly GroupState[], from: UnitStatus, to: UnitStatus): StatusChangeBody['changes'] {
  const changes: StatusChangeBody['changes'] = [];
  for (const unit of row.parcel?.units ?? []) {
    let left = unit.quantity;
    for (const g of groups) {
      if (left === 0) break;
      if (g.status !== from || g.addressId !== row.parcel?.addressId) continue;
      const quantity = Math.min(g.items.find((u) => u.itemId === unit.itemId)?.quantity ?? 0, left);
      if (quantity > 0) changes.push({ shipmentGroupId: g.id, itemId: unit.itemId, quantity, to });
      left -= quantity;
    }
  }
  return changes;
}

/**
 * Steps every parcel row's units that are still 결제완료 or 상품준비중 up to 배송대기, once per
 * parcel. Answers the events of those steps and the groups as they are afterwards.
 */
export async function stepParcelsToReady(
  tx: Tx,
  order: OrderRow,
  groups: GroupState[],
  rows: readonly ImportRowInput[],
  actor: Actor,
  now: Date,
): Promise<{ events: EventDraft[]; groups: GroupState[] }> {
  const events: EventDraft[] = [];
  const done = new Set<number>();
  let current = groups;
  for (const row of rows) {
    if (!row.parcel || row.invalid || done.has(row.parcel.groupId)) continue;
    done.add(row.parcel.groupId);
    let status = groups.find((g) => g.id === row.parcel?.groupId)?.status;
    for (let to = status && NEXT_STEP[status]; status && to; status = to, to = NEXT_STEP[to]) {
      const changes = stepChanges(row, current, status, to);
      if (changes.length === 0) break;
      const outcome = await changeStatuses(tx, order, { changes }, actor, now);
      events.push(...outcome.events);
      current = await loadGroups(tx, order.shopId, order.id);
    }
  }
  return { events, groups: current };
}
