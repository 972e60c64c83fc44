import { and, asc, eq } from 'drizzle-orm';
import { sameRef, type GroupRef, type GroupState, type MovePlan, type PlannedGroup } from '../../domain/fulfillment-moves';
import type { UnitStatus } from '../../domain/status';
import { queryRows, sql, type Executor } from '../db/client';
import { insertRecords } from '../db/insert-records';
import { claimItems, orderAddresses, shipmentGroupItems, shipmentGroups } from '../db/schema/index';
import { inIds } from '../order-list/sql-arrays';

/** The order's shipment groups with the units each holds, oldest first. */
export async function loadGroups(tx: Executor, shopId: number, orderId: number): Promise<GroupState[]> {
  return (await loadGroupsOf(tx, shopId, [orderId])).get(orderId) ?? [];
}

/** The shipment groups of many orders (a bulk job's batch), two queries in all. */
export async function loadGroupsOf(tx: Executor, shopId: number, orderIds: readonly number[]): Promise<Map<number, GroupState[]>> {
  const result = new Map<number, GroupState[]>(orderIds.map((id) => [id, []]));
  if (orderIds.length === 0) return result;
  // One query at a time: a transaction has one connection and pg will not overlap queries on it.
  const groups = await tx.select().from(shipmentGroups).where(and(eq(shipmentGroups.shopId, shopId), inIds(shipmentGroups.orderId, orderIds))).orderBy(asc(shipmentGroups.id));
  const items = await tx
    .select()
    .from(shipmentGroupItems)
    .where(and(eq(shipmentGroupItems.shopId, shopId), inIds(shipmentGroupItems.orderId, orderIds)))
    .orderBy(asc(shipmentGroupItems.itemId));
  const itemsOf = new Map<number, GroupState['items'][number][]>();
  for (const i of items) {
    const list = itemsOf.get(i.shipmentGroupId) ?? [];
    list.push({ itemId: i.itemId, quantity: i.quantity });
    itemsOf.set(i.shipmentGroupId, list);
  }
  for (const g of groups) {
    result.get(g.orderId)?.push({
      id: g.id,
      addressId: g.addressId,
      status: g.status as UnitStatus,
      courier: g.courier,
      trackingNumber: g.trackingNumber,
      shippedAt: g.shippedAt,
      deliveredAt: g.deliveredAt,
      items: itemsOf.get(g.id) ?? [],
    });
  }
  return result;
}

/** Where claims took units from: withdrawing a claim puts them back in that group, so it must stay. */
export async function loadClaimOrigins(tx: Executor, shopId: number, orderId: number) {
  const rows = await tx
    .select({ fromShipmentGroupId: claimItems.fromShipmentGroupId, fromStatus: claimItems.fromStatus })
    .from(claimItems)
    .where(and(eq(claimItems.shopId, shopId), eq(claimItems.orderId, orderId)));
  return rows.map((r) => ({ fromShipmentGroupId: r.fromShipmentGroupId, fromStatus: r.fromStatus as UnitStatus }));
}

/** The groups claims took units from, per order of a batch: the `keep` set of each order's plan. */
export async function claimOriginGroupsOf(tx: Executor, shopId: number, orderIds: readonly number[]): Promise<Map<number, Set<number>>> {
  const result = new Map<number, Set<number>>(orderIds.map((id) => [id, new Set()]));
  if (orderIds.length === 0) return result;
  const rows = await tx
    .select({ orderId: claimItems.orderId, fromShipmentGroupId: claimItems.fromShipmentGroupId })
    .from(claimItems)
    .where(and(eq(claimItems.shopId, shopId), inIds(claimItems.orderId, orderIds)));
  for (const r of rows) result.get(r.orderId)?.add(r.fromShipmentGroupId);
  return result;
}

export async function loadAddresses(tx: Executor, shopId: number, orderId: number) {
  return tx.select().from(orderAddresses).where(and(eq(orderAddresses.shopId, shopId), eq(orderAddresses.orderId, orderId))).orderBy(asc(orderAddresses.position));
}

const placeColumns = (g: PlannedGroup) => ({
  addressId: g.addressId, status: g.status, courier: g.courier, trackingNumber: g.trackingNumber, shippedAt: g.shippedAt, deliveredAt: g.deliveredAt,
});

const sameItems = (a: PlannedGroup['items'], b: GroupState['items']) =>
  a.length === b.length && a.every((u) => b.some((v) => v.itemId === u.itemId && v.quantity === u.quantity));
const samePlace = (a: PlannedGroup, b: GroupState) =>
  a.addressId === b.addressId && a.status === b.status && a.courier === b.courier && a.trackingNumber === b.trackingNumber &&
  a.shippedAt?.getTime() === b.shippedAt?.getTime() && a.deliveredAt?.getTime() === b.deliveredAt?.getTime();

export interface PlanToWrite {
  orderId: number;
  before: readonly GroupState[];
  plan: MovePlan;
}

/**
 * Writes a plan: inserts the groups it creates, updates the ones whose place or units changed and
 * deletes the ones it emptied. Groups it leaves as they were are not written. Answers the id of a
 * planned group by its reference.
 */
export async function writePlan(tx: Executor, shopId: number, orderId: number, before: readonly GroupState[], plan: MovePlan, now: Date): Promise<(ref: GroupRef) => number> {
  const idOf = (await writePlans(tx, shopId, [{ orderId, before, plan }], now)).get(orderId);
  if (!idOf) throw new Error(`the plan of order ${orderId} was not written`);
  return idOf;
}

/**
 * Writes the plans of many orders with a fixed number of statements (a bulk job's batch): new
 * group ids are drawn from the sequence first, so every insert, update and delete is one
 * statement for the whole batch. writePlan is this with one plan.
 */
export async function writePlans(tx: Executor, shopId: number, entries: readonly PlanToWrite[], now: Date): Promise<Map<number, (ref: GroupRef) => number>> {
  const newCount = entries.reduce((n, e) => n + e.plan.groups.filter((g) => g.ref.kind === 'new').length, 0);
  const freshIds =
    newCount === 0
      ? []
      : (await queryRows<{ id: number | string }>(tx, sql`select nextval(pg_get_serial_sequence('shipment_groups', 'id')) as id from generate_series(1, ${newCount})`)).map((r) => Number(r.id));

  const inserts: Array<typeof shipmentGroups.$inferInsert> = [];
  const updates: Array<{ id: number; place: ReturnType<typeof placeColumns> }> = [];
  const itemsRewritten: number[] = [];
  const itemRows: Array<typeof shipmentGroupItems.$inferInsert> = [];
  const removed: number[] = [];
  const idMaps = new Map<number, (ref: GroupRef) => number>();

  for (const { orderId, before, plan } of entries) {
    const created: Array<{ ref: GroupRef; id: number }> = [];
    const rewriteItems = (groupId: number, items: PlannedGroup['items']) => {
      itemsRewritten.push(groupId);
      for (const u of items) if (u.quantity > 0) itemRows.push({ shopId, orderId, shipmentGroupId: groupId, itemId: u.itemId, quantity: u.quantity });
    };
    for (const g of plan.groups) {
      if (g.ref.kind === 'new') {
        const id = freshIds.shift();
        if (id === undefined) throw new Error('fewer group ids were drawn than the plans create');
        inserts.push({ shopId, id, orderId, ...placeColumns(g), createdAt: now });
        created.push({ ref: g.ref, id });
        rewriteItems(id, g.items);
        continue;
      }
      const id = g.ref.id;
      const old = before.find((b) => b.id === id);
      if (!old) throw new Error(`planned group ${id} is not one of order ${orderId}'s groups`);
      if (!samePlace(g, old)) updates.push({ id, place: placeColumns(g) });
      if (!sameItems(g.items, old.items)) rewriteItems(id, g.items);
    }
    removed.push(...plan.removedGroupIds);
    idMaps.set(orderId, (ref) => {
      if (ref.kind === 'existing') return ref.id;
      const found = created.find((c) => sameRef(c.ref, ref));
      if (!found) throw new Error(`no group was created for new group ${ref.index}`);
      return found.id;
    });
  }

  await insertRecords(tx, shipmentGroups, inserts);
  if (updates.length > 0) {
    const records = updates.map((u) => ({
      id: u.id,
      address_id: u.place.addressId,
      status: u.place.status,
      courier: u.place.courier,
      tracking_number: u.place.trackingNumber,
      shipped_at: u.place.shippedAt?.toISOString() ?? null,
      delivered_at: u.place.deliveredAt?.toISOString() ?? null,
    }));
    await tx.execute(sql`
      update shipment_groups as g
      set address_id = v.address_id, status = v.status, courier = v.courier, tracking_number = v.tracking_number,
          shipped_at = v.shipped_at, delivered_at = v.delivered_at
      from jsonb_to_recordset(${JSON.stringify(records)}::jsonb)
        as v(id bigint, address_id bigint, status text, courier text, tracking_number text, shipped_at timestamptz, delivered_at timestamptz)
      where g.shop_id = ${shopId} and g.id = v.id`);
  }
  const emptied = [...itemsRewritten, ...removed];
  if (emptied.length > 0) await tx.delete(shipmentGroupItems).where(and(eq(shipmentGroupItems.shopId, shopId), inIds(shipmentGroupItems.shipmentGroupId, emptied)));
  await insertRecords(tx, shipmentGroupItems, itemRows);
  if (removed.length > 0) await tx.delete(shipmentGroups).where(and(eq(shipmentGroups.shopId, shopId), inIds(shipmentGroups.id, removed)));
  return idMaps;
}

export const createdIds = (plan: MovePlan, idOf: (ref: GroupRef) => number) => plan.groups.filter((g) => g.ref.kind === 'new').map((g) => idOf(g.ref));
