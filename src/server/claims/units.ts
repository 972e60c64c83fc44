import { and, eq, sql } from 'drizzle-orm';
import { canStartClaim, CLAIM_START_STATUS } from '../../domain/claim-rules';
import type { ClaimKind, UnitStatus } from '../../domain/status';
import { one, type Executor } from '../db/client';
import { claimItems, shipmentGroupItems, shipmentGroups } from '../db/schema/index';
import { AppError } from '../http/errors';
import type { OrderRows } from '../orders/read-queries';

/** Units of one item taken from one shipment group into a claim, and where they came from. */
export interface TakenUnits {
  itemId: number;
  shipmentGroupId: number;
  quantity: number;
  fromStatus: UnitStatus;
  addressId: number;
}

/**
 * Checks which units a claim of `kind` would take (no writes): the group and item exist, the
 * group's status may start such a claim, and it holds enough units. Repeated lines for the same
 * group and item add up.
 */
export function planTake(rows: OrderRows, kind: ClaimKind, requested: ReadonlyArray<{ itemId: number; shipmentGroupId: number; quantity: number }>): TakenUnits[] {
  const merged = new Map<string, { itemId: number; shipmentGroupId: number; quantity: number }>();
  for (const r of requested) {
    const key = `${r.shipmentGroupId}:${r.itemId}`;
    const prior = merged.get(key);
    merged.set(key, { ...r, quantity: (prior?.quantity ?? 0) + r.quantity });
  }
  return [...merged.values()].map((r) => {
    const group = rows.groups.find((g) => g.id === r.shipmentGroupId);
    if (!group) throw new AppError('SHIPMENT_GROUP_NOT_FOUND', { shipmentGroupId: r.shipmentGroupId });
    const held = rows.groupItems.find((gi) => gi.shipmentGroupId === group.id && gi.itemId === r.itemId);
    if (!held) throw new AppError('ITEM_NOT_IN_SHIPMENT_GROUP', { shipmentGroupId: group.id, itemId: r.itemId });
    const status = group.status as UnitStatus;
    if (!canStartClaim(kind, status)) throw new AppError('TRANSITION_NOT_ALLOWED', { itemId: r.itemId, shipmentGroupId: group.id, from: status, to: CLAIM_START_STATUS[kind] });
    if (r.quantity > held.quantity) throw new AppError('QUANTITY_EXCEEDS_AVAILABLE', { itemId: r.itemId, shipmentGroupId: group.id, requested: r.quantity, available: held.quantity });
    return { itemId: r.itemId, shipmentGroupId: group.id, quantity: r.quantity, fromStatus: status, addressId: group.addressId };
  });
}

const groupItemKey = (shopId: number, groupId: number, itemId: number) =>
  and(eq(shipmentGroupItems.shopId, shopId), eq(shipmentGroupItems.shipmentGroupId, groupId), eq(shipmentGroupItems.itemId, itemId));

/** Takes the planned units out of their groups. Emptied groups stay: withdrawing puts units back there. */
export async function removeFromGroups(tx: Executor, shopId: number, rows: OrderRows, taken: readonly TakenUnits[]) {
  for (const t of taken) {
    const held = rows.groupItems.find((gi) => gi.shipmentGroupId === t.shipmentGroupId && gi.itemId === t.itemId);
    const left = (held?.quantity ?? 0) - t.quantity;
    if (left < 0) throw new Error(`group ${t.shipmentGroupId} holds fewer units of item ${t.itemId} than planned`);
    if (left === 0) await tx.delete(shipmentGroupItems).where(groupItemKey(shopId, t.shipmentGroupId, t.itemId));
    else await tx.update(shipmentGroupItems).set({ quantity: left }).where(groupItemKey(shopId, t.shipmentGroupId, t.itemId));
  }
}

export async function insertClaimItems(tx: Executor, shopId: number, orderId: number, claimId: number, taken: ReadonlyArray<Omit<TakenUnits, 'addressId'>>) {
  if (taken.length === 0) return;
  await tx.insert(claimItems).values(taken.map((t) => ({ shopId, orderId, claimId, itemId: t.itemId, quantity: t.quantity, fromShipmentGroupId: t.shipmentGroupId, fromStatus: t.fromStatus })));
}

/**
 * Puts units back where a claim took them from, in the status they had. When their group has moved
 * on meanwhile (the rest was prepared or shipped), they go to a group at the same address in their
 * old status, a new one if need be: a unit never changes status by being put back.
 */
export async function putBack(
  tx: Executor,
  shopId: number,
  rows: OrderRows,
  units: ReadonlyArray<{ itemId: number; quantity: number; fromShipmentGroupId: number; fromStatus: string }>,
  now: Date,
) {
  const groups = rows.groups.map((g) => ({ ...g, units: rows.groupItems.filter((gi) => gi.shipmentGroupId === g.id).reduce((s, gi) => s + gi.quantity, 0) }));
  for (const u of units) {
    const origin = groups.find((g) => g.id === u.fromShipmentGroupId);
    if (!origin) throw new Error(`claim origin group ${u.fromShipmentGroupId} is gone`);
    let target = origin;
    if (origin.status !== u.fromStatus) {
      if (origin.units === 0) {
        await tx.update(shipmentGroups).set({ status: u.fromStatus }).where(and(eq(shipmentGroups.shopId, shopId), eq(shipmentGroups.id, origin.id)));
        origin.status = u.fromStatus;
      } else {
        const twin = groups.find((g) => g.addressId === origin.addressId && g.status === u.fromStatus && g.trackingNumber === origin.trackingNumber);
        if (twin) target = twin;
        else {
          const place = { addressId: origin.addressId, status: u.fromStatus, courier: origin.courier, trackingNumber: origin.trackingNumber, shippedAt: origin.shippedAt, deliveredAt: origin.deliveredAt };
          const created = one(await tx.insert(shipmentGroups).values({ shopId, orderId: origin.orderId, ...place, createdAt: now }).returning(), 'shipment group');
          target = { ...created, units: 0 };
          groups.push(target);
        }
      }
    }
    await tx
      .insert(shipmentGroupItems)
      .values({ shopId, orderId: target.orderId, shipmentGroupId: target.id, itemId: u.itemId, quantity: u.quantity })
      .onConflictDoUpdate({
        target: [shipmentGroupItems.shopId, shipmentGroupItems.shipmentGroupId, shipmentGroupItems.itemId],
        set: { quantity: sql`${shipmentGroupItems.quantity} + excluded.quantity` },
      });
    target.units += u.quantity;
  }
}
