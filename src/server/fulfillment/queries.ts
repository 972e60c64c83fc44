import { and, asc, eq, inArray } from 'drizzle-orm';
import { sameRef, type GroupRef, type GroupState, type MovePlan, type PlannedGroup } from '../../domain/fulfillment-moves';
import type { UnitStatus } from '../../domain/status';
import { one, type Executor } from '../db/client';
import { claimItems, orderAddresses, shipmentGroupItems, shipmentGroups } from '../db/schema/index';

/** The order's shipment groups with the units each holds, oldest first. */
export async function loadGroups(tx: Executor, shopId: number, orderId: number): Promise<GroupState[]> {
  // One query at a time: a transaction has one connection and pg will not overlap queries on it.
  const groups = await tx.select().from(shipmentGroups).where(and(eq(shipmentGroups.shopId, shopId), eq(shipmentGroups.orderId, orderId))).orderBy(asc(shipmentGroups.id));
  const items = await tx.select().from(shipmentGroupItems).where(and(eq(shipmentGroupItems.shopId, shopId), eq(shipmentGroupItems.orderId, orderId))).orderBy(asc(shipmentGroupItems.itemId));
  return groups.map((g) => ({
    id: g.id,
    addressId: g.addressId,
    status: g.status as UnitStatus,
    courier: g.courier,
    trackingNumber: g.trackingNumber,
    shippedAt: g.shippedAt,
    deliveredAt: g.deliveredAt,
    items: items.filter((i) => i.shipmentGroupId === g.id).map((i) => ({ itemId: i.itemId, quantity: i.quantity })),
  }));
}

/** Where claims took units from: withdrawing a claim puts them back in that group, so it must stay. */
export async function loadClaimOrigins(tx: Executor, shopId: number, orderId: number) {
  const rows = await tx
    .select({ fromShipmentGroupId: claimItems.fromShipmentGroupId, fromStatus: claimItems.fromStatus })
    .from(claimItems)
    .where(and(eq(claimItems.shopId, shopId), eq(claimItems.orderId, orderId)));
  return rows.map((r) => ({ fromShipmentGroupId: r.fromShipmentGroupId, fromStatus: r.fromStatus as UnitStatus }));
}

export async function loadAddresses(tx: Executor, shopId: number, orderId: number) {
  return tx.select().from(orderAddresses).where(and(eq(orderAddresses.shopId, shopId), eq(orderAddresses.orderId, orderId))).orderBy(asc(orderAddresses.position));
}

const sameItems = (a: PlannedGroup['items'], b: GroupState['items']) =>
  a.length === b.length && a.every((u) => b.some((v) => v.itemId === u.itemId && v.quantity === u.quantity));
const samePlace = (a: PlannedGroup, b: GroupState) =>
  a.addressId === b.addressId && a.status === b.status && a.courier === b.courier && a.trackingNumber === b.trackingNumber &&
  a.shippedAt?.getTime() === b.shippedAt?.getTime() && a.deliveredAt?.getTime() === b.deliveredAt?.getTime();

/**
 * Writes a plan: inserts the groups it creates, updates the ones whose place or units changed and
 * deletes the ones it emptied. Groups it leaves as they were are not written. Answers the id of a
 * planned group by its reference.
 */
export async function writePlan(tx: Executor, shopId: number, orderId: number, before: readonly GroupState[], plan: MovePlan, now: Date): Promise<(ref: GroupRef) => number> {
  const created: Array<{ ref: GroupRef; id: number }> = [];
  const writeItems = async (groupId: number, items: PlannedGroup['items']) => {
    await tx.delete(shipmentGroupItems).where(and(eq(shipmentGroupItems.shopId, shopId), eq(shipmentGroupItems.shipmentGroupId, groupId)));
    const rows = items.filter((u) => u.quantity > 0).map((u) => ({ shopId, orderId, shipmentGroupId: groupId, itemId: u.itemId, quantity: u.quantity }));
    if (rows.length > 0) await tx.insert(shipmentGroupItems).values(rows);
  };
  const placeColumns = (g: PlannedGroup) => ({
    addressId: g.addressId, status: g.status, courier: g.courier, trackingNumber: g.trackingNumber, shippedAt: g.shippedAt, deliveredAt: g.deliveredAt,
  });

  for (const g of plan.groups) {
    if (g.ref.kind === 'new') {
      const rows = await tx.insert(shipmentGroups).values({ shopId, orderId, ...placeColumns(g), createdAt: now }).returning({ id: shipmentGroups.id });
      const id = one(rows, 'shipment group').id;
      created.push({ ref: g.ref, id });
      await writeItems(id, g.items);
      continue;
    }
    const id = g.ref.id;
    const old = before.find((b) => b.id === id);
    if (!old) throw new Error(`planned group ${id} is not one of the order's groups`);
    if (!samePlace(g, old)) {
      await tx.update(shipmentGroups).set(placeColumns(g)).where(and(eq(shipmentGroups.shopId, shopId), eq(shipmentGroups.id, id)));
    }
    if (!sameItems(g.items, old.items)) await writeItems(id, g.items);
  }
  if (plan.removedGroupIds.length > 0) {
    await tx.delete(shipmentGroupItems).where(and(eq(shipmentGroupItems.shopId, shopId), inArray(shipmentGroupItems.shipmentGroupId, plan.removedGroupIds)));
    await tx.delete(shipmentGroups).where(and(eq(shipmentGroups.shopId, shopId), eq(shipmentGroups.orderId, orderId), inArray(shipmentGroups.id, plan.removedGroupIds)));
  }
  return (ref) => {
    if (ref.kind === 'existing') return ref.id;
    const found = created.find((c) => sameRef(c.ref, ref));
    if (!found) throw new Error(`no group was created for new group ${ref.index}`);
    return found.id;
  };
}

export const createdIds = (plan: MovePlan, idOf: (ref: GroupRef) => number) => plan.groups.filter((g) => g.ref.kind === 'new').map((g) => idOf(g.ref));
