/**
 * Shipping addresses of an order (up to 5): moving unshipped units between them, whether an
 * address may still be edited, and what a change would do to the remote-area surcharge. Order money
 * is not changed here: a surcharge difference is settled through an order edit, which staff choose.
 */
import { applyMoves, fail, isShippedStatus, type Failure, type GroupState, type MoveCode, type MovePlan, type UnitMove } from './fulfillment-moves';
import { shippingFeeFor, type ShippingPolicy } from './shipping-fee';
import type { UnitStatus } from './status';

export const MAX_ADDRESSES = 5;

export interface Allocation {
  fromShipmentGroupId: number;
  itemId: number;
  quantity: number;
}

export type AllocationCode = MoveCode | 'UNITS_ALREADY_SHIPPED' | 'ALREADY_AT_ADDRESS';
export type AllocationResult = { ok: true; plan: MovePlan } | Failure<AllocationCode>;

/**
 * Moves units to `addressId`, keeping their status: they join the group of that address with the
 * same status or make a new one. Only units not yet shipped move; a parcel on its way stays put.
 */
export function planAllocation(groups: readonly GroupState[], addressId: number, allocations: readonly Allocation[], keep: ReadonlySet<number> = new Set()): AllocationResult {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const moves: UnitMove[] = [];
  for (const a of allocations) {
    const group = byId.get(a.fromShipmentGroupId);
    if (!group) return fail('SHIPMENT_GROUP_NOT_FOUND', { shipmentGroupId: a.fromShipmentGroupId });
    if (isShippedStatus(group.status)) return fail('UNITS_ALREADY_SHIPPED', { shipmentGroupId: group.id, status: group.status });
    if (group.addressId === addressId) return fail('ALREADY_AT_ADDRESS', { shipmentGroupId: group.id, addressId });
    moves.push({
      fromGroupId: group.id,
      itemId: a.itemId,
      quantity: a.quantity,
      to: { addressId, status: group.status, courier: null, trackingNumber: null, shippedAt: null, deliveredAt: null },
    });
  }
  return applyMoves(groups, moves, keep);
}

/**
 * Whether units at the address have left the warehouse: a shipped group there, or units a claim
 * took from a group there after they had shipped (a return or an exchange).
 */
export function addressHasShipped(
  addressId: number,
  groups: ReadonlyArray<{ id: number; addressId: number; status: UnitStatus }>,
  claimOrigins: ReadonlyArray<{ fromShipmentGroupId: number; fromStatus: UnitStatus }>,
): boolean {
  const here = groups.filter((g) => g.addressId === addressId);
  if (here.some((g) => isShippedStatus(g.status))) return true;
  const ids = new Set(here.map((g) => g.id));
  return claimOrigins.some((c) => ids.has(c.fromShipmentGroupId) && isShippedStatus(c.fromStatus));
}

/** The postcode of every address that holds units in a shipment group: what the surcharge is charged on. */
export function postcodesCarryingUnits(
  addresses: ReadonlyArray<{ id: number; postcode: string }>,
  groups: ReadonlyArray<{ addressId: number; items: ReadonlyArray<{ quantity: number }> }>,
): string[] {
  const used = new Set(groups.filter((g) => g.items.some((u) => u.quantity > 0)).map((g) => g.addressId));
  return addresses.filter((a) => used.has(a.id)).map((a) => a.postcode);
}

/**
 * What the shop's shipping rule would charge after the change minus before, in won (positive: the
 * buyer would owe more, e.g. +3,000원 for units sent to Jeju). The items amount is the same on both
 * sides, so only the per-address surcharges differ.
 */
export function remoteFeeDifference(policy: ShippingPolicy, itemsAmount: number, before: readonly string[], after: readonly string[]): number {
  const amount = Math.max(0, itemsAmount);
  return shippingFeeFor(policy, { itemsAmount: amount, postcodes: after }).total - shippingFeeFor(policy, { itemsAmount: amount, postcodes: before }).total;
}

/** The smallest free position (0-based) for a new address, or null when the order has 5. */
export function nextAddressPosition(positions: readonly number[]): number | null {
  if (positions.length >= MAX_ADDRESSES) return null;
  for (let p = 0; p < MAX_ADDRESSES; p++) if (!positions.includes(p)) return p;
  return null;
}
